import { journaliser } from '../../../platform/journal/journal'
import { err, ok, type Result } from '../../../platform/result'
import { majConvention, marquerPaye, trouverConvention } from '../db/conventions-repository'
import { majStructure, trouverStructure } from '../db/structures-repository'
import type { ErreurRecrutement } from '../domain/erreurs'
import { type StatutStructure, structurePeutPasser } from '../domain/statuts'
import { aujourdhui, type DepsRecrutement } from './deps'

export const makeConventions = (deps: DepsRecrutement) => ({
  /** The structure's manager records the signature: the structure becomes "conventionnée". */
  async signer(input: {
    conventionId: string
    structureId: string
    signataire: string
    par: string
  }): Promise<Result<true, ErreurRecrutement>> {
    return deps.db.transaction(async (tx) => {
      const c = await trouverConvention(tx, input.conventionId)
      if (!c || c.structureId !== input.structureId) return err({ code: 'CONVENTION_INTROUVABLE' })
      const s = await trouverStructure(tx, c.structureId, true)
      if (!s) return err({ code: 'STRUCTURE_INTROUVABLE' })
      if (c.signeeLe) return err({ code: 'TRANSITION_INTERDITE', de: 'signee', vers: 'signee' })
      if (!structurePeutPasser(s.statut as StatutStructure, 'conventionnee'))
        return err({ code: 'TRANSITION_INTERDITE', de: s.statut, vers: 'conventionnee' })
      await majConvention(tx, c.id, { signeeLe: deps.horloge(), signataire: input.signataire })
      await majStructure(tx, s.id, { statut: 'conventionnee' })
      await journaliser(tx, { acteurId: input.par, action: 'convention_signee', cible: c.id })
      return ok(true)
    })
  },

  /** The national team records a payment made by the paying agency. */
  async marquerPaye(input: {
    conventionId: string
    rang: number
    par: string
  }): Promise<Result<true, ErreurRecrutement>> {
    return deps.db.transaction(async (tx) => {
      const c = await trouverConvention(tx, input.conventionId)
      if (!c) return err({ code: 'CONVENTION_INTROUVABLE' })
      if (!c.signeeLe) return err({ code: 'TRANSITION_INTERDITE', de: 'non_signee', vers: 'payee' })
      if (!(await marquerPaye(tx, c.id, input.rang, aujourdhui(deps.horloge()))))
        return err({ code: 'TRANSITION_INTERDITE', de: 'payee', vers: 'payee' })
      await journaliser(tx, {
        acteurId: input.par,
        action: 'versement_paye',
        cible: c.id,
        details: { rang: input.rang },
      })
      return ok(true)
    })
  },
})
