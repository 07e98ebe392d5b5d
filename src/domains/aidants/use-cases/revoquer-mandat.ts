import { err, ok, type Result } from '../../../platform/result'
import { ajouterAuJournal } from '../db/journal-repository'
import { revoquerAutorisation, revoquerMandat, trouverMandat } from '../db/mandats-repository'
import { hashAttestation } from '../domain/attestation'
import type { ErreurMandat } from '../domain/mandat'
import type { DepsAidants } from './deps'

export type Revocateur =
  | { type: 'aidant'; compteId: string; organisationId: string }
  | { type: 'usager'; usagerId: string }

/**
 * Revokes one démarche (autorisationId) or the whole mandate. An aidant may only revoke a mandate of the
 * organisation they act for; a usager only their own. Revoking the whole mandate produces a revocation
 * attestation with its own verifiable hash.
 */
export const makeRevoquer =
  (deps: DepsAidants) =>
  async (input: {
    mandatId: string
    autorisationId?: string
    par: Revocateur
  }): Promise<Result<{ hashRevocation: string | null }, ErreurMandat>> => {
    const { db, horloge } = deps
    const mandat = await trouverMandat(db, input.mandatId)
    const autorise =
      mandat &&
      (input.par.type === 'aidant'
        ? mandat.organisationId === input.par.organisationId
        : mandat.usagerId === input.par.usagerId)
    if (!mandat || !autorise) return err({ code: 'MANDAT_INTROUVABLE' })
    if (mandat.revoqueLe) return err({ code: 'DEJA_REVOQUE' })
    const maintenant = horloge()
    const acteur = {
      le: maintenant,
      aidantId: input.par.type === 'aidant' ? input.par.compteId : null,
      organisationId: mandat.organisationId,
      usagerId: mandat.usagerId,
      mandatId: mandat.id,
    }
    if (input.autorisationId) {
      const a = mandat.autorisations.find((x) => x.id === input.autorisationId)
      if (!a) return err({ code: 'MANDAT_INTROUVABLE' })
      if (a.revoqueeLe) return err({ code: 'DEJA_REVOQUE' })
      await db.transaction(async (tx) => {
        await revoquerAutorisation(tx, a.id, maintenant)
        await ajouterAuJournal(tx, deps.secret, {
          ...acteur,
          action: input.par.type === 'usager' ? 'revocation_par_usager' : 'revocation_autorisation',
          autorisationId: a.id,
          demarche: a.demarche,
        })
      })
      return ok({ hashRevocation: null })
    }
    const hashRevocation = hashAttestation(deps.secret, {
      mandatId: mandat.id,
      organisationId: mandat.organisationId,
      usagerId: mandat.usagerId,
      demarches: mandat.autorisations.map((a) => a.demarche),
      creeLe: maintenant,
      expireLe: mandat.expireLe,
      versionTexte: mandat.versionTexte,
      nature: 'revocation',
    })
    await db.transaction(async (tx) => {
      await revoquerMandat(tx, mandat.id, maintenant, hashRevocation)
      await ajouterAuJournal(tx, deps.secret, {
        ...acteur,
        action: input.par.type === 'usager' ? 'revocation_par_usager' : 'revocation_mandat',
        details: { hashRevocation },
      })
    })
    return ok({ hashRevocation })
  }
