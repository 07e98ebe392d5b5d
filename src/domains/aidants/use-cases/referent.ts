import { and, eq, isNull } from 'drizzle-orm'
import { err, ok, type Result } from '../../../platform/result'
import { nouveauSecretTotp, portComptes, verifierTotp } from '../../comptes'
import { ajouterAuJournal } from '../db/journal-repository'
import { trouverOrganisation } from '../db/mandats-repository'
import { dispositifs, habilitationsAidant } from '../db/schema'
import type { ErreurHabilitation } from '../domain/habilitation'
import type { DepsAidants } from './deps'

export type HabilitationAidantRow = typeof habilitationsAidant.$inferSelect
export type DispositifRow = typeof dispositifs.$inferSelect

/**
 * What a référent does for the aidants of their organisation. Every function takes the organisation the
 * référent holds and refuses an aidant or a device of another one (Aidants Connect's card views forgot the
 * `return` of this check — research notes, gap 1).
 */
export const makeReferent = (deps: DepsAidants) => {
  const { db, horloge } = deps
  const comptes = portComptes(deps.depsComptes)
  const definirSecondFacteur = comptes.definirSecondFacteur
  const administrer = comptes.administrer

  const aidantDe = async (organisationId: string, habilitationId: string) => {
    if (!/^[0-9a-f-]{36}$/.test(habilitationId)) return undefined
    const [h] = await db
      .select()
      .from(habilitationsAidant)
      .where(
        and(
          eq(habilitationsAidant.id, habilitationId),
          eq(habilitationsAidant.organisationId, organisationId),
          isNull(habilitationsAidant.retireLe),
        ),
      )
    return h
  }
  const dispositifDe = async (organisationId: string, id: string) => {
    if (!/^[0-9a-f-]{36}$/.test(id)) return undefined
    const [d] = await db
      .select()
      .from(dispositifs)
      .where(
        and(
          eq(dispositifs.id, id),
          eq(dispositifs.organisationId, organisationId),
          isNull(dispositifs.retireLe),
        ),
      )
    return d
  }
  const confirmer = async (d: DispositifRow, compteId: string, organisationId: string, acteurId: string) => {
    const maintenant = horloge()
    await db.transaction(async (tx) => {
      // The previous confirmed device stops working: the account has one secret.
      await tx
        .update(dispositifs)
        .set({ retireLe: maintenant, motifRetrait: 'Remplacé par un nouveau dispositif' })
        .where(and(eq(dispositifs.compteId, compteId), isNull(dispositifs.retireLe)))
      await tx
        .update(dispositifs)
        .set({ compteId, organisationId, confirmeLe: maintenant, retireLe: null, motifRetrait: null })
        .where(eq(dispositifs.id, d.id))
      await ajouterAuJournal(tx, deps.secret, {
        action: d.type === 'carte' ? 'association_carte' : 'association_application',
        le: maintenant,
        aidantId: compteId,
        organisationId,
        details: { par: acteurId },
      })
    })
    await definirSecondFacteur({ acteurId, compteId, secret: d.secret })
  }

  return {
    aidantDe,
    dispositifDe,

    aidantsDuCompte: (organisationId: string, compteId: string) =>
      db
        .select()
        .from(habilitationsAidant)
        .where(
          and(
            eq(habilitationsAidant.organisationId, organisationId),
            eq(habilitationsAidant.compteId, compteId),
            isNull(habilitationsAidant.retireLe),
          ),
        ),

    /**
     * The aidant finished the training (recorded in the `formation` domain when it knows, otherwise by the
     * national team): the habilitation is validated and the account created or given the aidant role.
     */
    async activerAidant(input: {
      organisationId: string
      habilitationId: string
      acteurId: string
    }): Promise<Result<{ compteId: string }, ErreurHabilitation>> {
      const h = await aidantDe(input.organisationId, input.habilitationId)
      const o = await trouverOrganisation(db, input.organisationId)
      if (!h || !o || h.statut === 'active') return err({ code: 'AIDANT_INTROUVABLE' })
      const maintenant = horloge()
      const compteId = await db.transaction(async (tx) => {
        const r = await comptes.dans(tx).donnerRoleOrganisation({
          acteurId: input.acteurId,
          email: h.email,
          prenom: h.prenom,
          nom: h.nom,
          role: 'aidant',
          organisation: { id: o.id, nom: o.nom },
        })
        if (!r.ok) throw new Error('rôle d’aidant refusé')
        await tx
          .update(habilitationsAidant)
          .set({
            statut: 'active',
            compteId: r.value.compteId,
            formationEnregistreeLe: h.formationEnregistreeLe ?? maintenant,
          })
          .where(eq(habilitationsAidant.id, h.id))
        await ajouterAuJournal(tx, deps.secret, {
          action: 'activation_aidant',
          le: maintenant,
          aidantId: r.value.compteId,
          organisationId: o.id,
        })
        return r.value.compteId
      })
      return ok({ compteId })
    },

    /**
     * Physical card: the référent types the serial number printed on it, then a code it shows. The code
     * proves the card is in hand and in time (same ±30 s drift policy as at login).
     */
    async associerCarte(input: {
      organisationId: string
      habilitationId: string
      numeroSerie: string
      code: string
      acteurId: string
    }): Promise<Result<void, ErreurHabilitation>> {
      const h = await aidantDe(input.organisationId, input.habilitationId)
      if (!h?.compteId) return err({ code: 'AIDANT_INTROUVABLE' })
      const [carte] = await db
        .select()
        .from(dispositifs)
        .where(
          and(
            eq(dispositifs.numeroSerie, input.numeroSerie.toUpperCase()),
            eq(dispositifs.type, 'carte'),
            isNull(dispositifs.compteId),
            isNull(dispositifs.retireLe),
          ),
        )
      if (!carte) return err({ code: 'CARTE_INTROUVABLE' })
      // A card given to another organisation is not this référent's to hand out: it does not exist here.
      if (carte.organisationId && carte.organisationId !== input.organisationId)
        return err({ code: 'CARTE_HORS_ORGANISATION' })
      if (verifierTotp(carte.secret, input.code, horloge(), null) === undefined)
        return err({ code: 'CODE_CARTE_INVALIDE' })
      await confirmer(carte, h.compteId, input.organisationId, input.acteurId)
      return ok(undefined)
    },

    /** Authenticator app: a fresh secret, shown once as a QR code, confirmed by one code. */
    async preparerApplication(input: {
      organisationId: string
      habilitationId: string
    }): Promise<Result<DispositifRow, ErreurHabilitation>> {
      const h = await aidantDe(input.organisationId, input.habilitationId)
      if (!h?.compteId) return err({ code: 'AIDANT_INTROUVABLE' })
      const [d] = await db
        .insert(dispositifs)
        .values({
          type: 'application',
          secret: nouveauSecretTotp(),
          compteId: h.compteId,
          organisationId: input.organisationId,
        })
        .returning()
      if (!d) throw new Error('insertion de dispositif sans retour')
      return ok(d)
    },

    async confirmerApplication(input: {
      organisationId: string
      dispositifId: string
      code: string
      acteurId: string
    }): Promise<Result<void, ErreurHabilitation>> {
      const d = await dispositifDe(input.organisationId, input.dispositifId)
      if (!d?.compteId || d.type !== 'application' || d.confirmeLe)
        return err({ code: 'DISPOSITIF_INTROUVABLE' })
      if (verifierTotp(d.secret, input.code, horloge(), null) === undefined)
        return err({ code: 'CODE_CARTE_INVALIDE' })
      await confirmer(d, d.compteId, input.organisationId, input.acteurId)
      return ok(undefined)
    },

    /** Removing a device asks for a reason; the account has no second factor left until a new one is set. */
    async retirerDispositif(input: {
      organisationId: string
      dispositifId: string
      motif: string
      acteurId: string
    }): Promise<Result<void, ErreurHabilitation>> {
      const d = await dispositifDe(input.organisationId, input.dispositifId)
      if (!d) return err({ code: 'DISPOSITIF_INTROUVABLE' })
      const maintenant = horloge()
      await db.transaction(async (tx) => {
        await tx
          .update(dispositifs)
          .set({ retireLe: maintenant, motifRetrait: input.motif })
          .where(eq(dispositifs.id, d.id))
        await ajouterAuJournal(tx, deps.secret, {
          action: d.type === 'carte' ? 'retrait_carte' : 'retrait_application',
          le: maintenant,
          aidantId: d.compteId,
          organisationId: input.organisationId,
          details: { par: input.acteurId },
        })
      })
      if (d.compteId && d.confirmeLe)
        await definirSecondFacteur({ acteurId: input.acteurId, compteId: d.compteId, secret: null })
      return ok(undefined)
    },

    /** Removes an aidant from the organisation, with a reason; the account loses the aidant role there. */
    async retirerAidant(input: {
      organisationId: string
      habilitationId: string
      motif: string
      acteurId: string
    }): Promise<Result<void, ErreurHabilitation>> {
      const h = await aidantDe(input.organisationId, input.habilitationId)
      const o = await trouverOrganisation(db, input.organisationId)
      if (!h || !o) return err({ code: 'AIDANT_INTROUVABLE' })
      const maintenant = horloge()
      await db.transaction(async (tx) => {
        await tx
          .update(habilitationsAidant)
          .set({ statut: 'annulee', retireLe: maintenant, motifRetrait: input.motif })
          .where(eq(habilitationsAidant.id, h.id))
        await ajouterAuJournal(tx, deps.secret, {
          action: 'retrait_aidant',
          le: maintenant,
          aidantId: h.compteId,
          organisationId: o.id,
          details: { par: input.acteurId },
        })
      })
      if (h.compteId)
        await administrer.retirerRole(input.acteurId, h.compteId, {
          role: 'aidant',
          portee: { type: 'organisation', code: o.id, libelle: o.nom },
        })
      return ok(undefined)
    },
  }
}
