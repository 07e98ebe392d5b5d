import { type Demarche, type Duree, joursDe } from './demarches'
import { VERSION_TEXTE_EN_VIGUEUR } from './texte-mandat'

/** Version of the mandate text in force (`texte-mandat.ts`); older versions stay readable for older attestations. */
export const VERSION_TEXTE_MANDAT = VERSION_TEXTE_EN_VIGUEUR

export interface Autorisation {
  id: string
  mandatId: string
  demarche: Demarche
  revoqueeLe: Date | null
}

export interface Mandat {
  id: string
  organisationId: string
  usagerId: string
  creeLe: Date
  expireLe: Date
  duree: Duree
  revoqueLe: Date | null
  autorisations: Autorisation[]
}

export type ErreurMandat =
  | { code: 'AUCUNE_DEMARCHE' }
  | { code: 'DEMARCHE_NON_AUTORISEE'; demarche: string }
  | { code: 'DUREE_INCONNUE' }
  | { code: 'CONSENTEMENT_MANQUANT' }
  | { code: 'CODE_TOTP_INVALIDE' }
  | { code: 'MANDAT_INTROUVABLE' }
  | { code: 'DEJA_REVOQUE' }
  | { code: 'USAGER_INTROUVABLE' }
  | { code: 'NON_RENOUVELABLE' }

/**
 * Expiry: the mandate ends at the end of the day (Europe/Paris is close enough to UTC for a day
 * boundary we round up to 23:59:59 UTC) `jours` days after its creation, so "1 jour" means "until tomorrow".
 */
export function dateExpiration(creeLe: Date, duree: Duree): Date {
  const d = new Date(creeLe.getTime() + joursDe(duree) * 86_400_000)
  d.setUTCHours(23, 59, 59, 0)
  return d
}

/** A démarche set for a new mandate: non-empty, no duplicates, within the organisation's allowed ones. */
export function validerDemarches(
  demandees: readonly Demarche[],
  autorisees: readonly Demarche[],
): { ok: true; demarches: Demarche[] } | { ok: false; error: ErreurMandat } {
  const uniques = [...new Set(demandees)]
  if (uniques.length === 0) return { ok: false, error: { code: 'AUCUNE_DEMARCHE' } }
  const horsPerimetre = uniques.find((d) => !autorisees.includes(d))
  if (horsPerimetre) return { ok: false, error: { code: 'DEMARCHE_NON_AUTORISEE', demarche: horsPerimetre } }
  return { ok: true, demarches: uniques }
}

/** An authorisation is usable while its mandate is unexpired and neither it nor the mandate is revoked. */
export function autorisationActive(
  m: Pick<Mandat, 'expireLe' | 'revoqueLe'>,
  a: Pick<Autorisation, 'revoqueeLe'>,
  maintenant: Date,
): boolean {
  return !m.revoqueLe && !a.revoqueeLe && m.expireLe > maintenant
}

/** A mandate is active while unexpired and at least one of its authorisations is still in force. */
export function mandatActif(m: Mandat, maintenant: Date): boolean {
  return m.autorisations.some((a) => autorisationActive(m, a, maintenant))
}

export function statutMandat(m: Mandat, maintenant: Date): 'actif' | 'expire' | 'revoque' {
  if (m.revoqueLe || m.autorisations.every((a) => a.revoqueeLe)) return 'revoque'
  if (m.expireLe <= maintenant) return 'expire'
  return 'actif'
}

/**
 * One authorisation per démarche for a given organisation and usager: a new mandate supersedes the
 * active authorisations of the same démarches (they are revoked at the new mandate's creation).
 */
export function autorisationsRemplacees(
  existants: readonly Mandat[],
  nouvelles: readonly Demarche[],
  maintenant: Date,
): Autorisation[] {
  return existants.flatMap((m) =>
    m.autorisations.filter((a) => nouvelles.includes(a.demarche) && autorisationActive(m, a, maintenant)),
  )
}

/** Renewal keeps the démarches still in force (or, if none, those of the expired mandate). */
export function demarchesARenouveler(m: Mandat, maintenant: Date): Demarche[] {
  const actives = m.autorisations.filter((a) => autorisationActive(m, a, maintenant)).map((a) => a.demarche)
  if (actives.length > 0) return actives
  if (m.revoqueLe) return []
  return m.autorisations.filter((a) => !a.revoqueeLe).map((a) => a.demarche)
}

/** Mandates expiring within `jours` days, for the reminder to the organisation's aidants (long ones only). */
export function expireBientot(m: Mandat, maintenant: Date, jours = 30): boolean {
  if (m.duree !== 'annee' && m.duree !== 'semestre') return false
  if (!mandatActif(m, maintenant)) return false
  return m.expireLe.getTime() - maintenant.getTime() <= jours * 86_400_000
}

/** Retention (published policy): usager identity kept 3 years after the last mandate expires. */
export const RETENTION_ANNEES = 3
/** Mandates that ended before this instant put their usager past the retention period. */
export function debutRetention(maintenant: Date): Date {
  const d = new Date(maintenant)
  d.setUTCFullYear(d.getUTCFullYear() - RETENTION_ANNEES)
  return d
}
export function aPseudonymiser(derniereExpiration: Date | null, creeLe: Date, maintenant: Date): boolean {
  const reference = derniereExpiration ?? creeLe
  const limite = new Date(reference)
  limite.setUTCFullYear(limite.getUTCFullYear() + RETENTION_ANNEES)
  return limite <= maintenant
}
