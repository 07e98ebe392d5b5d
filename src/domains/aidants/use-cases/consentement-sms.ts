import { and, desc, eq, gt, isNull, lte } from 'drizzle-orm'
import { jetonAleatoire, sha256 } from '../../../platform/crypto'
import { mettreEnFileSms } from '../../../platform/outbox/outbox'
import { err, ok, type Result } from '../../../platform/result'
import { ajouterAuJournal } from '../db/journal-repository'
import { brouillonsMandat, consentementsSms } from '../db/schema'
import type { ErreurHabilitation } from '../domain/habilitation'
import type { DepsAidants } from './deps'

/** The usager has 30 minutes to answer, the lifetime of the mandate being prepared. */
export const DUREE_CONSENTEMENT_MIN = 30

export type ConsentementRow = typeof consentementsSms.$inferSelect

/**
 * Remote consent by SMS (the usager is not in the room). Aidants Connect built it, then removed it from
 * its interface (PR #1780), keeping a bypassable flow (#956). Here the link is single-purpose, expires with
 * the draft, is answered once, and the recap cannot be signed "remotely" without an accepted answer.
 */
export const makeConsentementSms = (deps: DepsAidants) => {
  const { db, horloge, baseUrl } = deps
  return {
    async demander(input: {
      brouillonId: string
      aidantId: string
      organisationId: string
      organisationNom: string
      telephone: string
    }): Promise<void> {
      const maintenant = horloge()
      const jeton = jetonAleatoire()
      await db.transaction(async (tx) => {
        await tx.insert(consentementsSms).values({
          brouillonId: input.brouillonId,
          jetonHash: sha256(jeton),
          aidantId: input.aidantId,
          organisationId: input.organisationId,
          envoyeLe: maintenant,
          expireLe: new Date(maintenant.getTime() + DUREE_CONSENTEMENT_MIN * 60_000),
        })
        // No name, no démarche in the SMS: only who asks and where to read and answer.
        await mettreEnFileSms(tx, {
          destinataire: input.telephone,
          texte: `${input.organisationNom} vous demande votre accord pour un mandat Aidants Connect. Lisez-le et répondez (30 min) : ${baseUrl}/consentement/lien/${jeton}`,
        })
        await ajouterAuJournal(tx, deps.secret, {
          action: 'consentement_sms_envoye',
          le: maintenant,
          aidantId: input.aidantId,
          organisationId: input.organisationId,
        })
      })
    },

    /** The pending or answered request of a draft, most recent first. */
    async dernier(brouillonId: string): Promise<ConsentementRow | undefined> {
      const [c] = await db
        .select()
        .from(consentementsSms)
        .where(eq(consentementsSms.brouillonId, brouillonId))
        .orderBy(desc(consentementsSms.envoyeLe))
        .limit(1)
      return c
    },

    /** What the usager sees behind the link: the draft, if the link is still open. */
    async lire(jeton: string) {
      if (!/^[\w-]{20,100}$/.test(jeton)) return undefined
      const [c] = await db
        .select()
        .from(consentementsSms)
        .where(and(eq(consentementsSms.jetonHash, sha256(jeton)), gt(consentementsSms.expireLe, horloge())))
      if (!c) return undefined
      const [b] = await db.select().from(brouillonsMandat).where(eq(brouillonsMandat.id, c.brouillonId))
      return b ? { c, b } : undefined
    },

    /** One answer per link, recorded in one statement (a double click cannot answer twice). */
    async repondre(jeton: string, accepte: boolean): Promise<Result<void, ErreurHabilitation>> {
      const maintenant = horloge()
      const [c] = await db
        .update(consentementsSms)
        .set(accepte ? { accepteLe: maintenant } : { refuseLe: maintenant })
        .where(
          and(
            eq(consentementsSms.jetonHash, sha256(jeton)),
            gt(consentementsSms.expireLe, maintenant),
            isNull(consentementsSms.accepteLe),
            isNull(consentementsSms.refuseLe),
          ),
        )
        .returning()
      if (!c) return err({ code: 'CONSENTEMENT_INTROUVABLE' })
      const [b] = await db.select().from(brouillonsMandat).where(eq(brouillonsMandat.id, c.brouillonId))
      await ajouterAuJournal(db, deps.secret, {
        action: 'consentement_sms_recu',
        le: maintenant,
        aidantId: c.aidantId,
        organisationId: c.organisationId,
        usagerId: b?.usagerId ?? null,
        details: { accepte },
      })
      return ok(undefined)
    },

    /** Expired requests are deleted by the scheduled purge. */
    purger: (maintenant: Date) =>
      db.delete(consentementsSms).where(lte(consentementsSms.expireLe, maintenant)),
  }
}
