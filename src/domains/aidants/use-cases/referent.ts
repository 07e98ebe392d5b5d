import { err, ok, type Result } from '../../../platform/result'
import { nouveauSecretTotp, verifierTotp } from '../../comptes'
import { ajouterAuJournal } from '../db/journal-repository'
import { trouverOrganisation } from '../db/mandats-repository'
import {
  activerHabilitation,
  carteLibre,
  confirmerDispositif,
  creerDispositif,
  type DispositifRow,
  dispositifDe as dispositifDeLOrganisation,
  type HabilitationAidantRow,
  habilitationDe,
  habilitationsDuCompte,
  retirerHabilitation,
  retirerDispositif as retirerLeDispositif,
} from '../db/referents-repository'
import type { ErreurHabilitation } from '../domain/habilitation'
import { type ComptesAidants, comptesDe, type DepsAidants } from './deps'

export type { DispositifRow, HabilitationAidantRow }

/** What every act of the référent needs: the deps and the accounts domain's port. */
interface ContexteReferent {
  deps: DepsAidants
  comptes: ComptesAidants
}

const estId = (id: string) => /^[0-9a-f-]{36}$/.test(id)

const aidantDe = async (deps: DepsAidants, organisationId: string, habilitationId: string) =>
  estId(habilitationId) ? habilitationDe(deps.db, organisationId, habilitationId) : undefined

const dispositifDe = async (deps: DepsAidants, organisationId: string, id: string) =>
  estId(id) ? dispositifDeLOrganisation(deps.db, organisationId, id) : undefined

/** The device becomes the account's only second factor, journalled, then the account's secret follows. */
async function confirmer(
  ctx: ContexteReferent,
  d: DispositifRow,
  compteId: string,
  organisationId: string,
  acteurId: string,
) {
  const { db, horloge, secret } = ctx.deps
  const maintenant = horloge()
  await db.transaction(async (tx) => {
    await confirmerDispositif(tx, d.id, compteId, organisationId, maintenant)
    await ajouterAuJournal(tx, secret, {
      action: d.type === 'carte' ? 'association_carte' : 'association_application',
      le: maintenant,
      aidantId: compteId,
      organisationId,
      details: { par: acteurId },
    })
  })
  await ctx.comptes.definirSecondFacteur({ acteurId, compteId, secret: d.secret })
}

/**
 * The aidant finished the training (recorded in the `formation` domain when it knows, otherwise by the
 * national team): the habilitation is validated and the account created or given the aidant role.
 */
async function activerAidant(
  ctx: ContexteReferent,
  input: { organisationId: string; habilitationId: string; acteurId: string },
): Promise<Result<{ compteId: string }, ErreurHabilitation>> {
  const { db, horloge, secret } = ctx.deps
  const h = await aidantDe(ctx.deps, input.organisationId, input.habilitationId)
  const o = await trouverOrganisation(db, input.organisationId)
  if (!h || !o || h.statut === 'active') return err({ code: 'AIDANT_INTROUVABLE' })
  const maintenant = horloge()
  const compteId = await db.transaction(async (tx) => {
    const r = await ctx.comptes.dans(tx).donnerRoleOrganisation({
      acteurId: input.acteurId,
      email: h.email,
      prenom: h.prenom,
      nom: h.nom,
      role: 'aidant',
      organisation: { id: o.id, nom: o.nom },
    })
    if (!r.ok) throw new Error('rôle d’aidant refusé')
    await activerHabilitation(tx, h.id, r.value.compteId, h.formationEnregistreeLe ?? maintenant)
    await ajouterAuJournal(tx, secret, {
      action: 'activation_aidant',
      le: maintenant,
      aidantId: r.value.compteId,
      organisationId: o.id,
    })
    return r.value.compteId
  })
  return ok({ compteId })
}

/**
 * Physical card: the référent types the serial number printed on it, then a code it shows. The code
 * proves the card is in hand and in time (same ±30 s drift policy as at login).
 */
async function associerCarte(
  ctx: ContexteReferent,
  input: {
    organisationId: string
    habilitationId: string
    numeroSerie: string
    code: string
    acteurId: string
  },
): Promise<Result<void, ErreurHabilitation>> {
  const h = await aidantDe(ctx.deps, input.organisationId, input.habilitationId)
  if (!h?.compteId) return err({ code: 'AIDANT_INTROUVABLE' })
  const carte = await carteLibre(ctx.deps.db, input.numeroSerie.toUpperCase())
  if (!carte) return err({ code: 'CARTE_INTROUVABLE' })
  // A card given to another organisation is not this référent's to hand out: it does not exist here.
  if (carte.organisationId && carte.organisationId !== input.organisationId)
    return err({ code: 'CARTE_HORS_ORGANISATION' })
  if (verifierTotp(carte.secret, input.code, ctx.deps.horloge(), null) === undefined)
    return err({ code: 'CODE_CARTE_INVALIDE' })
  await confirmer(ctx, carte, h.compteId, input.organisationId, input.acteurId)
  return ok(undefined)
}

/** Authenticator app: a fresh secret, shown once as a QR code, confirmed by one code. */
async function preparerApplication(
  ctx: ContexteReferent,
  input: { organisationId: string; habilitationId: string },
): Promise<Result<DispositifRow, ErreurHabilitation>> {
  const h = await aidantDe(ctx.deps, input.organisationId, input.habilitationId)
  if (!h?.compteId) return err({ code: 'AIDANT_INTROUVABLE' })
  return ok(
    await creerDispositif(ctx.deps.db, {
      type: 'application',
      secret: nouveauSecretTotp(),
      compteId: h.compteId,
      organisationId: input.organisationId,
    }),
  )
}

async function confirmerApplication(
  ctx: ContexteReferent,
  input: { organisationId: string; dispositifId: string; code: string; acteurId: string },
): Promise<Result<void, ErreurHabilitation>> {
  const d = await dispositifDe(ctx.deps, input.organisationId, input.dispositifId)
  if (!d?.compteId || d.type !== 'application' || d.confirmeLe) return err({ code: 'DISPOSITIF_INTROUVABLE' })
  if (verifierTotp(d.secret, input.code, ctx.deps.horloge(), null) === undefined)
    return err({ code: 'CODE_CARTE_INVALIDE' })
  await confirmer(ctx, d, d.compteId, input.organisationId, input.acteurId)
  return ok(undefined)
}

/** Removing a device asks for a reason; the account has no second factor left until a new one is set. */
async function retirerDispositif(
  ctx: ContexteReferent,
  input: { organisationId: string; dispositifId: string; motif: string; acteurId: string },
): Promise<Result<void, ErreurHabilitation>> {
  const { db, horloge, secret } = ctx.deps
  const d = await dispositifDe(ctx.deps, input.organisationId, input.dispositifId)
  if (!d) return err({ code: 'DISPOSITIF_INTROUVABLE' })
  const maintenant = horloge()
  await db.transaction(async (tx) => {
    await retirerLeDispositif(tx, d.id, maintenant, input.motif)
    await ajouterAuJournal(tx, secret, {
      action: d.type === 'carte' ? 'retrait_carte' : 'retrait_application',
      le: maintenant,
      aidantId: d.compteId,
      organisationId: input.organisationId,
      details: { par: input.acteurId },
    })
  })
  if (d.compteId && d.confirmeLe)
    await ctx.comptes.definirSecondFacteur({ acteurId: input.acteurId, compteId: d.compteId, secret: null })
  return ok(undefined)
}

/** Removes an aidant from the organisation, with a reason; the account loses the aidant role there. */
async function retirerAidant(
  ctx: ContexteReferent,
  input: { organisationId: string; habilitationId: string; motif: string; acteurId: string },
): Promise<Result<void, ErreurHabilitation>> {
  const { db, horloge, secret } = ctx.deps
  const h = await aidantDe(ctx.deps, input.organisationId, input.habilitationId)
  const o = await trouverOrganisation(db, input.organisationId)
  if (!h || !o) return err({ code: 'AIDANT_INTROUVABLE' })
  const maintenant = horloge()
  await db.transaction(async (tx) => {
    await retirerHabilitation(tx, h.id, maintenant, input.motif)
    await ajouterAuJournal(tx, secret, {
      action: 'retrait_aidant',
      le: maintenant,
      aidantId: h.compteId,
      organisationId: o.id,
      details: { par: input.acteurId },
    })
  })
  if (h.compteId)
    await ctx.comptes.administrer.retirerRole(input.acteurId, h.compteId, {
      role: 'aidant',
      portee: { type: 'organisation', code: o.id, libelle: o.nom },
    })
  return ok(undefined)
}

/**
 * What a référent does for the aidants of their organisation. Every function takes the organisation the
 * référent holds and refuses an aidant or a device of another one (Aidants Connect's card views forgot the
 * `return` of this check — research notes, gap 1).
 */
export const makeReferent = (deps: DepsAidants) => {
  const ctx: ContexteReferent = { deps, comptes: comptesDe(deps) }
  return {
    aidantDe: (organisationId: string, habilitationId: string) =>
      aidantDe(deps, organisationId, habilitationId),
    dispositifDe: (organisationId: string, id: string) => dispositifDe(deps, organisationId, id),
    aidantsDuCompte: (organisationId: string, compteId: string) =>
      habilitationsDuCompte(deps.db, organisationId, compteId),
    activerAidant: (input: Parameters<typeof activerAidant>[1]) => activerAidant(ctx, input),
    associerCarte: (input: Parameters<typeof associerCarte>[1]) => associerCarte(ctx, input),
    preparerApplication: (input: Parameters<typeof preparerApplication>[1]) =>
      preparerApplication(ctx, input),
    confirmerApplication: (input: Parameters<typeof confirmerApplication>[1]) =>
      confirmerApplication(ctx, input),
    retirerDispositif: (input: Parameters<typeof retirerDispositif>[1]) => retirerDispositif(ctx, input),
    retirerAidant: (input: Parameters<typeof retirerAidant>[1]) => retirerAidant(ctx, input),
  }
}
