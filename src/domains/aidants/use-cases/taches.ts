import { and, eq, gt, inArray, isNull, lt, lte, sql } from 'drizzle-orm'
import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { portComptes } from '../../comptes'
import { ajouterAuJournal, poserPointDeControle } from '../db/journal-repository'
import {
  brouillonsMandat,
  connexionsFranceConnect,
  consentementsSms,
  etatsAidant,
  habilitationsAidant,
  mandats,
  organisations,
  sessionsUsager,
  usagers,
} from '../db/schema'
import { etapeInactivite } from '../domain/habilitation'
import { aPseudonymiser, debutRetention } from '../domain/mandat'
import { purgerOidc } from '../oidc/adaptateur'
import type { DepsAidants } from './deps'

/** Days before expiry when the organisation's aidants are reminded of a mandate. */
export const RAPPEL_EXPIRATION_JOURS = 7

/**
 * Scheduled jobs of the domain, idempotent (a second run the same day does nothing more), so that several
 * instances may run them. `npx tsx src/domains/aidants/cli/taches.ts` runs them once.
 */
export const makeTaches = (deps: DepsAidants) => {
  const { db, horloge, baseUrl } = deps
  const administrer = portComptes(deps.depsComptes).administrer

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
              await ajouterAuJournal(tx, deps.secret, {
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

    /**
     * Retention (published policy, issue 4 §9): three years after the end of the usager's last mandate
     * (expiry, or revocation when earlier), or after their first FranceConnect login if they never gave one,
     * the usager's identity is pseudonymised: names, birth data and contact details are blanked, the salted
     * hash of the FranceConnect `sub` stays as the pseudonym. Mandates, authorisations and the journal keep
     * their ids, so the journal chain stays verifiable and the statistics stay right. A usager who comes back
     * through FranceConnect gets their identity filled in again by FranceConnect itself.
     * Batched so that a first run on a large base does not hold one huge transaction.
     */
    async purgerRetention(lot = 500): Promise<number> {
      const maintenant = horloge()
      const limite = debutRetention(maintenant)
      let total = 0
      for (;;) {
        const finDernierMandat = sql<Date | null>`(select max(least(coalesce(${mandats.revoqueLe}, ${mandats.expireLe}), ${mandats.expireLe})) from ${mandats} where ${mandats.usagerId} = ${usagers.id})`
        const candidats = await db
          .select({ id: usagers.id, creeLe: usagers.creeLe, fin: finDernierMandat })
          .from(usagers)
          .where(
            and(
              isNull(usagers.pseudonymiseLe),
              sql`coalesce(${finDernierMandat}, ${usagers.creeLe}) <= ${limite}`,
            ),
          )
          .limit(lot)
        const aTraiter = candidats.filter((c) =>
          aPseudonymiser(c.fin ? new Date(c.fin) : null, c.creeLe, maintenant),
        )
        for (const u of aTraiter) {
          await db.transaction(async (tx) => {
            await tx
              .update(usagers)
              .set({
                prenoms: '',
                nom: '',
                dateNaissance: '',
                genre: '',
                lieuNaissance: '',
                paysNaissance: '',
                email: null,
                telephone: null,
                pseudonymiseLe: maintenant,
              })
              .where(eq(usagers.id, u.id))
            await tx.delete(sessionsUsager).where(eq(sessionsUsager.usagerId, u.id))
            await ajouterAuJournal(tx, deps.secret, {
              action: 'pseudonymisation_usager',
              le: maintenant,
              usagerId: u.id,
            })
          })
        }
        total += aTraiter.length
        if (candidats.length < lot || aTraiter.length === 0) return total
      }
    },

    /** Technical state past its lifetime: protocol rows, FranceConnect logins, drafts, usager sessions. */
    async purgerEtatsExpires(): Promise<void> {
      const maintenant = horloge()
      await purgerOidc(db, maintenant)
      await db.delete(connexionsFranceConnect).where(lt(connexionsFranceConnect.expireLe, maintenant))
      await db.delete(consentementsSms).where(lt(consentementsSms.expireLe, maintenant))
      await db.delete(brouillonsMandat).where(lt(brouillonsMandat.expireLe, maintenant))
      await db.delete(sessionsUsager).where(lt(sessionsUsager.expireLe, maintenant))
    },

    /** Daily signed checkpoint of the journal (see `verifierJournal`). */
    poserPointDeControle: () => poserPointDeControle(db, deps.secret, horloge()),
  }
}
