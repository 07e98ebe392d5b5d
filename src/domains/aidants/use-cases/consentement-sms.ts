import { jetonAleatoire, sha256 } from '../../../platform/crypto'
import { mettreEnFileSms } from '../../../platform/outbox/outbox'
import { err, ok, type Result } from '../../../platform/result'
import {
  type ConsentementRow,
  consentementOuvert,
  creerConsentement,
  dernierConsentement,
  purgerConsentements,
  repondreConsentement,
} from '../db/consentements-repository'
import { ajouterAuJournal } from '../db/journal-repository'
import { trouverBrouillon } from '../db/mandats-repository'
import type { ErreurHabilitation } from '../domain/habilitation'
import { smsConsentement } from '../emails'
import type { DepsAidants } from './deps'

/** The usager has 30 minutes to answer, the lifetime of the mandate being prepared. */
export const DUREE_CONSENTEMENT_MIN = 30

export type { ConsentementRow }

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
        await creerConsentement(tx, {
          brouillonId: input.brouillonId,
          jetonHash: sha256(jeton),
          aidantId: input.aidantId,
          organisationId: input.organisationId,
          envoyeLe: maintenant,
          expireLe: new Date(maintenant.getTime() + DUREE_CONSENTEMENT_MIN * 60_000),
        })
        await mettreEnFileSms(tx, {
          destinataire: input.telephone,
          texte: smsConsentement({
            organisation: input.organisationNom,
            lien: `${baseUrl}/consentement/lien/${jeton}`,
            minutes: DUREE_CONSENTEMENT_MIN,
          }),
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
    dernier: (brouillonId: string): Promise<ConsentementRow | undefined> =>
      dernierConsentement(db, brouillonId),

    /** What the usager sees behind the link: the draft, if the link is still open. */
    async lire(jeton: string) {
      if (!/^[\w-]{20,100}$/.test(jeton)) return undefined
      const c = await consentementOuvert(db, sha256(jeton), horloge())
      if (!c) return undefined
      const b = await trouverBrouillon(db, c.brouillonId)
      return b ? { c, b } : undefined
    },

    /** One answer per link, recorded in one statement (a double click cannot answer twice). */
    async repondre(jeton: string, accepte: boolean): Promise<Result<void, ErreurHabilitation>> {
      const maintenant = horloge()
      const c = await repondreConsentement(db, sha256(jeton), accepte, maintenant)
      if (!c) return err({ code: 'CONSENTEMENT_INTROUVABLE' })
      const b = await trouverBrouillon(db, c.brouillonId)
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
    purger: (maintenant: Date) => purgerConsentements(db, maintenant),
  }
}
