/**
 * How long the diagnostic keeps what it knows (rules R1…R4, in the README and applied by
 * `purger` in use-cases/purger.ts):
 *
 * R1 A diagnostic not kept in a beneficiary file (no consent) is deleted 7 days after its last
 *    activity: time enough to read the result again from the link sent by e-mail or SMS.
 * R2 A session code can be joined for 7 days; it is deleted 30 days after it expired.
 * R3 A pseudonymous beneficiary record and all its diagnostics are deleted 24 months after the
 *    last diagnostic kept in it (the usual retention of a mediation follow-up).
 * R4 A diagnostic with no activity for 30 minutes ends: its cookie no longer opens it (shared PCs).
 *    Without network, the answers kept in the browser count as activity (the page says how long
 *    ago each was given), but never more than 2 hours after the last exchange with the server: a
 *    forged "I was answering offline" cannot reopen a diagnostic left on a shared PC for longer.
 */
export const INACTIVITE_MINUTES = 30
export const HORS_LIGNE_MAX_MINUTES = 120
export const CONSERVATION_ANONYME_JOURS = 7
export const VALIDITE_CODE_JOURS = 7
export const CONSERVATION_CODE_EXPIRE_JOURS = 30
export const CONSERVATION_DOSSIER_MOIS = 24

const JOUR = 24 * 3600_000

export interface Echeances {
  /** R1: anonymous diagnostics whose last activity is before this are deleted. */
  anonymesAvant: Date
  /** R2: codes that expired before this are deleted. */
  codesExpiresAvant: Date
  /** R3: beneficiary records whose last diagnostic is before this are deleted. */
  dossiersAvant: Date
}

export function echeances(maintenant: Date): Echeances {
  const dossiers = new Date(maintenant)
  dossiers.setUTCMonth(dossiers.getUTCMonth() - CONSERVATION_DOSSIER_MOIS)
  return {
    anonymesAvant: new Date(maintenant.getTime() - CONSERVATION_ANONYME_JOURS * JOUR),
    codesExpiresAvant: new Date(maintenant.getTime() - CONSERVATION_CODE_EXPIRE_JOURS * JOUR),
    dossiersAvant: dossiers,
  }
}

export function expireParInactivite(derniereActivite: Date, maintenant: Date): boolean {
  return maintenant.getTime() - derniereActivite.getTime() >= INACTIVITE_MINUTES * 60_000
}

/** R4 for answers sent after a network cut: the last answer given offline counts as activity, within bounds. */
export function expireHorsLigne(
  derniereActiviteServeur: Date,
  derniereReponseHorsLigne: Date,
  maintenant: Date,
): boolean {
  const derniere = Math.max(derniereActiviteServeur.getTime(), derniereReponseHorsLigne.getTime())
  return (
    expireParInactivite(new Date(derniere), maintenant) ||
    maintenant.getTime() - derniereActiviteServeur.getTime() >= HORS_LIGNE_MAX_MINUTES * 60_000
  )
}

export function finValiditeCode(creeLe: Date): Date {
  return new Date(creeLe.getTime() + VALIDITE_CODE_JOURS * JOUR)
}
