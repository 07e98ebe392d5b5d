import { err, ok, type Result } from '../../../platform/result'
import {
  mettreAJourPassation,
  trouverBeneficiaire,
  trouverOuCreerBeneficiaire,
  trouverSession,
} from '../db/diagnostic-repository'
import type { ErreurDiagnostic } from '../domain/erreurs'
import type { DepsDiagnostic } from './deps'
import { passationDansPerimetre, type Structures } from './suivre-session'

/** A pseudonymous reference, not a name: letters, digits, spaces, dashes and underscores. */
export const REFERENCE = /^[\p{L}\p{N}][\p{L}\p{N} _-]{1,39}$/u

/**
 * Keeps a finished diagnostic in a pseudonymous beneficiary record. Consent is explicit: either the
 * person gave it on their screen, or the conseiller ticks that the person agreed aloud.
 */
export const makeGarderDansDossier =
  (deps: DepsDiagnostic) =>
  async (input: {
    structures: Structures
    passationId: string
    reference: string
    accordOral: boolean
  }): Promise<Result<{ beneficiaireId: string } | undefined, ErreurDiagnostic>> => {
    const { db, horloge } = deps
    const p = await passationDansPerimetre(deps, input.structures, input.passationId)
    if (!p?.structureCode) return ok(undefined)
    if (!p.termineLe) return err({ code: 'DIAGNOSTIC_NON_TERMINE' })
    if (!p.consentementLe && !input.accordOral) return err({ code: 'CONSENTEMENT_MANQUANT' })
    const reference = input.reference.trim()
    const session = p.sessionId ? await trouverSession(db, p.sessionId) : undefined
    const prevu = session?.beneficiaireId ? await trouverBeneficiaire(db, session.beneficiaireId) : undefined
    if (!prevu && !REFERENCE.test(reference)) return err({ code: 'REFERENCE_INVALIDE' })
    const maintenant = horloge()
    const structureCode = p.structureCode
    return db.transaction(async (tx) => {
      const b =
        prevu && (reference === '' || reference === prevu.reference)
          ? prevu
          : REFERENCE.test(reference)
            ? await trouverOuCreerBeneficiaire(tx, { structureCode, reference, maintenant })
            : undefined
      if (!b) return err({ code: 'REFERENCE_INVALIDE' as const })
      await mettreAJourPassation(tx, p.id, {
        beneficiaireId: b.id,
        consentementLe: p.consentementLe ?? maintenant,
      })
      await trouverOuCreerBeneficiaire(tx, { structureCode, reference: b.reference, maintenant })
      return ok({ beneficiaireId: b.id })
    })
  }
