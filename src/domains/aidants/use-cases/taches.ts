import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm'
import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { makeAdministrerCompte } from '../../comptes'
import { ajouterAuJournal } from '../db/journal-repository'
import { etatsAidant, habilitationsAidant, mandats, organisations } from '../db/schema'
import { etapeInactivite } from '../domain/habilitation'
import type { DepsAidants } from './deps'

/** Days before expiry when the organisation's aidants are reminded of a mandate. */
export const RAPPEL_EXPIRATION_JOURS = 7

/**
 * Scheduled jobs of the domain, idempotent (a second run the same day does nothing more), so that several
 * instances may run them. `npx tsx src/domains/aidants/cli/taches.ts` runs them once.
 */
export const makeTaches = (deps: DepsAidants) => {
  const { db, horloge, baseUrl } = deps
  const administrer = makeAdministrerCompte(deps.depsComptes)

  return {
    /**
     * Inactivity rule (README): an aidant with no login nor sensitive act for 5 months is warned by e-mail;
     * still inactive one month after the warning (6 months in all), they lose the aidant role in every
     * organisation, with the reason « inactivité » — the account itself (other roles) is kept. Any activity
     * after the warning cancels it. The tone of the e-mail is factual: AC's were felt as accusatory.
     */
    async traiterInactivite(): Promise<{ avertis: number; desactives: number }> {
      const maintenant = horloge()
      const actives = await db
        .select()
        .from(habilitationsAidant)
        .where(and(eq(habilitationsAidant.statut, 'active'), isNull(habilitationsAidant.retireLe)))
      const parCompte = new Map<string, (typeof actives)[number][]>()
      for (const h of actives)
        if (h.compteId) parCompte.set(h.compteId, [...(parCompte.get(h.compteId) ?? []), h])
      let avertis = 0
      let desactives = 0
      for (const [compteId, habilitations] of parCompte) {
        const compte = await deps.comptes.trouver(compteId)
        if (!compte?.actif) continue
        const [etat] = await db.select().from(etatsAidant).where(eq(etatsAidant.compteId, compteId))
        const derniere = new Date(
          Math.max(
            compte.derniereConnexionLe?.getTime() ?? 0,
            etat?.derniereActiviteLe?.getTime() ?? 0,
            ...habilitations.map((h) => h.creeLe.getTime()),
          ),
        )
        let averti = etat?.averti ?? null
        if (averti && derniere > averti) {
          await db.update(etatsAidant).set({ averti: null }).where(eq(etatsAidant.compteId, compteId))
          averti = null
        }
        const etape = etapeInactivite(derniere, averti, maintenant)
        if (etape === 'avertir') {
          await db.transaction(async (tx) => {
            await tx
              .insert(etatsAidant)
              .values({ compteId, averti: maintenant })
              .onConflictDoUpdate({ target: etatsAidant.compteId, set: { averti: maintenant } })
            await mettreEnFileEmail(tx, {
              destinataire: compte.email,
              sujet: 'Aidants Connect : votre habilitation sera suspendue dans un mois',
              texte: `Bonjour ${compte.prenom},\n\nVous ne vous êtes pas connecté·e à Aidants Connect depuis 5 mois. Sans connexion d’ici un mois, votre habilitation d’aidant sera suspendue, comme le prévoient les règles de sécurité du service. Il suffit de vous connecter pour la garder :\n${baseUrl}/aidants/connexion\n\nSi vous n’accompagnez plus d’usagers, vous n’avez rien à faire.\n\nL’équipe Aidants Connect`,
            })
          })
          avertis++
        } else if (etape === 'desactiver') {
          for (const h of habilitations) {
            await db.transaction(async (tx) => {
              await tx
                .update(habilitationsAidant)
                .set({
                  statut: 'annulee',
                  retireLe: maintenant,
                  motifRetrait: 'Inactivité (6 mois sans connexion)',
                })
                .where(eq(habilitationsAidant.id, h.id))
              await ajouterAuJournal(tx, {
                action: 'desactivation_inactivite',
                le: maintenant,
                aidantId: compteId,
                organisationId: h.organisationId,
              })
            })
            await administrer.retirerRole(compteId, compteId, {
              role: 'aidant',
              portee: { type: 'organisation', code: h.organisationId, libelle: '' },
            })
          }
          await db.update(etatsAidant).set({ averti: null }).where(eq(etatsAidant.compteId, compteId))
          desactives++
        }
      }
      return { avertis, desactives }
    },

    /**
     * A week before a mandate expires, every active aidant of its organisation is told — the mandate is the
     * organisation's, not its creator's, and the e-mail says so (AC issues #1147, #1199). No usager name in
     * the e-mail: a link to the usager's page, behind login.
     */
    async rappelerExpirations(): Promise<number> {
      const maintenant = horloge()
      const limite = new Date(maintenant.getTime() + RAPPEL_EXPIRATION_JOURS * 86_400_000)
      const aRappeler = await db
        .select({
          id: mandats.id,
          organisationId: mandats.organisationId,
          usagerId: mandats.usagerId,
          expireLe: mandats.expireLe,
          nom: organisations.nom,
        })
        .from(mandats)
        .innerJoin(organisations, eq(organisations.id, mandats.organisationId))
        .where(
          and(
            isNull(mandats.revoqueLe),
            isNull(mandats.rappelExpirationLe),
            gt(mandats.expireLe, maintenant),
            lte(mandats.expireLe, limite),
          ),
        )
      if (aRappeler.length === 0) return 0
      const aidants = await db
        .select()
        .from(habilitationsAidant)
        .where(
          and(
            inArray(habilitationsAidant.organisationId, [...new Set(aRappeler.map((m) => m.organisationId))]),
            eq(habilitationsAidant.statut, 'active'),
            isNull(habilitationsAidant.retireLe),
          ),
        )
      for (const m of aRappeler) {
        await db.transaction(async (tx) => {
          for (const a of aidants.filter((x) => x.organisationId === m.organisationId && x.compteId)) {
            await mettreEnFileEmail(tx, {
              destinataire: a.email,
              sujet: 'Aidants Connect : un mandat de votre structure arrive à expiration',
              texte: `Bonjour ${a.prenom},\n\nUn mandat donné à « ${m.nom} » expire le ${m.expireLe.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}. Vous recevez ce message parce que vous êtes aidant de la structure, même si vous n’avez pas créé ce mandat.\n\nPour le renouveler avec l’usager : ${baseUrl}/aidants/usagers/${m.usagerId}\n\nL’équipe Aidants Connect`,
            })
          }
          await tx.update(mandats).set({ rappelExpirationLe: maintenant }).where(eq(mandats.id, m.id))
        })
      }
      return aRappeler.length
    },
  }
}
