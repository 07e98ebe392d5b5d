import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { etatAidant, noterAvertissement, oublierAvertissement } from '../db/aidants-repository'
import { ajouterAuJournal, poserPointDeControle } from '../db/journal-repository'
import { type HabilitationAidantRow, retirerHabilitation } from '../db/referents-repository'
import {
  aidantsActifsDes,
  candidatsPseudonymisation,
  habilitationsActives,
  mandatsARappeler,
  noterRappelExpiration,
  pseudonymiserUsager,
  purgerEtatsExpires,
} from '../db/taches-repository'
import { etapeInactivite } from '../domain/habilitation'
import { aPseudonymiser, debutRetention } from '../domain/mandat'
import { emailAvertissementInactivite, emailRappelExpiration } from '../emails'
import { purgerOidc } from '../oidc/adaptateur'
import { type ComptesAidants, comptesDe, type DepsAidants } from './deps'

/** Days before expiry when the organisation's aidants are reminded of a mandate. */
export const RAPPEL_EXPIRATION_JOURS = 7

interface ContexteTaches {
  deps: DepsAidants
  comptes: ComptesAidants
}

/** Six months without activity: the aidant role goes in every organisation, each removal journalled. */
async function desactiver(
  ctx: ContexteTaches,
  compteId: string,
  habilitations: HabilitationAidantRow[],
  maintenant: Date,
): Promise<void> {
  const { db, secret } = ctx.deps
  for (const h of habilitations) {
    await db.transaction(async (tx) => {
      await retirerHabilitation(tx, h.id, maintenant, 'Inactivité (6 mois sans connexion)')
      await ajouterAuJournal(tx, secret, {
        action: 'desactivation_inactivite',
        le: maintenant,
        aidantId: compteId,
        organisationId: h.organisationId,
      })
    })
    await ctx.comptes.administrer.retirerRole(compteId, compteId, {
      role: 'aidant',
      portee: { type: 'organisation', code: h.organisationId, libelle: '' },
    })
  }
  await oublierAvertissement(db, compteId)
}

/** One account's step of the inactivity rule: nothing, the warning, or the deactivation. */
async function traiterInactiviteDuCompte(
  ctx: ContexteTaches,
  compteId: string,
  habilitations: HabilitationAidantRow[],
  maintenant: Date,
): Promise<'avertir' | 'desactiver' | undefined> {
  const { db, baseUrl } = ctx.deps
  const compte = await ctx.deps.comptes.trouver(compteId)
  if (!compte?.actif) return undefined
  const etat = await etatAidant(db, compteId)
  const derniere = new Date(
    Math.max(
      compte.derniereConnexionLe?.getTime() ?? 0,
      etat?.derniereActiviteLe?.getTime() ?? 0,
      ...habilitations.map((h) => h.creeLe.getTime()),
    ),
  )
  let averti = etat?.averti ?? null
  if (averti && derniere > averti) {
    await oublierAvertissement(db, compteId)
    averti = null
  }
  const etape = etapeInactivite(derniere, averti, maintenant)
  if (etape === 'avertir')
    await db.transaction(async (tx) => {
      await noterAvertissement(tx, compteId, maintenant)
      await mettreEnFileEmail(tx, {
        destinataire: compte.email,
        ...emailAvertissementInactivite({
          prenom: compte.prenom,
          lienConnexion: `${baseUrl}/aidants/connexion`,
        }),
      })
    })
  else if (etape === 'desactiver') await desactiver(ctx, compteId, habilitations, maintenant)
  else return undefined
  return etape
}

/**
 * Inactivity rule (README): an aidant with no login nor sensitive act for 5 months is warned by e-mail;
 * still inactive one month after the warning (6 months in all), they lose the aidant role in every
 * organisation, with the reason « inactivité » — the account itself (other roles) is kept. Any activity
 * after the warning cancels it. The tone of the e-mail is factual: AC's were felt as accusatory.
 */
async function traiterInactivite(ctx: ContexteTaches): Promise<{ avertis: number; desactives: number }> {
  const maintenant = ctx.deps.horloge()
  const parCompte = new Map<string, HabilitationAidantRow[]>()
  for (const h of await habilitationsActives(ctx.deps.db))
    if (h.compteId) parCompte.set(h.compteId, [...(parCompte.get(h.compteId) ?? []), h])
  let avertis = 0
  let desactives = 0
  for (const [compteId, habilitations] of parCompte) {
    const etape = await traiterInactiviteDuCompte(ctx, compteId, habilitations, maintenant)
    if (etape === 'avertir') avertis++
    else if (etape === 'desactiver') desactives++
  }
  return { avertis, desactives }
}

/**
 * A week before a mandate expires, every active aidant of its organisation is told — the mandate is the
 * organisation's, not its creator's, and the e-mail says so (AC issues #1147, #1199). No usager name in
 * the e-mail: a link to the usager's page, behind login.
 */
async function rappelerExpirations(deps: DepsAidants): Promise<number> {
  const { db, horloge, baseUrl } = deps
  const maintenant = horloge()
  const limite = new Date(maintenant.getTime() + RAPPEL_EXPIRATION_JOURS * 86_400_000)
  const aRappeler = await mandatsARappeler(db, maintenant, limite)
  if (aRappeler.length === 0) return 0
  const aidants = await aidantsActifsDes(db, [...new Set(aRappeler.map((m) => m.organisationId))])
  for (const m of aRappeler) {
    await db.transaction(async (tx) => {
      for (const a of aidants.filter((x) => x.organisationId === m.organisationId && x.compteId)) {
        await mettreEnFileEmail(tx, {
          destinataire: a.email,
          ...emailRappelExpiration({
            prenom: a.prenom,
            organisation: m.nom,
            expireLe: m.expireLe,
            lienUsager: `${baseUrl}/aidants/usagers/${m.usagerId}`,
          }),
        })
      }
      await noterRappelExpiration(tx, m.id, maintenant)
    })
  }
  return aRappeler.length
}

/**
 * Retention (published policy, issue 4 §9): three years after the end of the usager's last mandate
 * (expiry, or revocation when earlier), or after their first FranceConnect login if they never gave one,
 * the usager's identity is pseudonymised: names, birth data and contact details are blanked, the salted
 * hash of the FranceConnect `sub` stays as the pseudonym. Mandates, authorisations and the journal keep
 * their ids, so the journal chain stays verifiable and the statistics stay right. A usager who comes back
 * through FranceConnect gets their identity filled in again by FranceConnect itself.
 * Batched so that a first run on a large base does not hold one huge transaction.
 */
async function purgerRetention(deps: DepsAidants, lot: number): Promise<number> {
  const { db, horloge, secret } = deps
  const maintenant = horloge()
  const limite = debutRetention(maintenant)
  let total = 0
  for (;;) {
    const candidats = await candidatsPseudonymisation(db, limite, lot)
    const aTraiter = candidats.filter((c) =>
      aPseudonymiser(c.fin ? new Date(c.fin) : null, c.creeLe, maintenant),
    )
    for (const u of aTraiter) {
      await db.transaction(async (tx) => {
        await pseudonymiserUsager(tx, u.id, maintenant)
        await ajouterAuJournal(tx, secret, {
          action: 'pseudonymisation_usager',
          le: maintenant,
          usagerId: u.id,
        })
      })
    }
    total += aTraiter.length
    if (candidats.length < lot || aTraiter.length === 0) return total
  }
}

/**
 * Scheduled jobs of the domain, idempotent (a second run the same day does nothing more), so that several
 * instances may run them. `npx tsx src/domains/aidants/cli/taches.ts` runs them once.
 */
export const makeTaches = (deps: DepsAidants) => {
  const { db, horloge } = deps
  const ctx: ContexteTaches = { deps, comptes: comptesDe(deps) }
  return {
    traiterInactivite: () => traiterInactivite(ctx),
    rappelerExpirations: () => rappelerExpirations(deps),
    purgerRetention: (lot = 500) => purgerRetention(deps, lot),

    /** Technical state past its lifetime: protocol rows, FranceConnect logins, drafts, usager sessions. */
    async purgerEtatsExpires(): Promise<void> {
      const maintenant = horloge()
      await purgerOidc(db, maintenant)
      await purgerEtatsExpires(db, maintenant)
    },

    /** Daily signed checkpoint of the journal (see `verifierJournal`). */
    poserPointDeControle: () => poserPointDeControle(db, deps.secret, horloge()),
  }
}
