import { err, ok, type Result } from '../../../platform/result'
import { mettreAJourPassation, supprimerPassation, trouverPassation } from '../db/diagnostic-repository'
import type { ErreurDiagnostic } from '../domain/erreurs'
import type { DepsDiagnostic } from './deps'

/** "Effacer mes réponses": everything goes, at once, including a copy kept by a conseiller. */
export const makeEffacerPassation =
  ({ db }: DepsDiagnostic) =>
  async (passationId: string): Promise<void> => {
    await supprimerPassation(db, passationId)
  }

/** The person agrees that their conseiller keeps the result (only when they joined a session code). */
export const makeConsentir =
  ({ db, horloge }: DepsDiagnostic) =>
  async (passationId: string): Promise<Result<void, ErreurDiagnostic>> => {
    const p = await trouverPassation(db, passationId)
    if (!p?.sessionId) return err({ code: 'SANS_CONSEILLER' })
    await mettreAJourPassation(db, passationId, { consentementLe: horloge(), derniereActiviteLe: horloge() })
    return ok(undefined)
  }
