import { randomInt } from 'node:crypto'
import { jetonAleatoire, sha256 } from '../../../platform/crypto'
import { err, ok, type Result } from '../../../platform/result'
import { creerPassation, trouverSessionParCode } from '../db/diagnostic-repository'
import { lireCode } from '../domain/code-session'
import type { ErreurDiagnostic } from '../domain/erreurs'
import type { DepsDiagnostic } from './deps'

/** Starts a diagnostic without an account: the only thing the person gets is a random cookie. */
export const makeCommencerPassation =
  ({ db, horloge }: DepsDiagnostic) =>
  async (): Promise<{ jeton: string; passationId: string }> => {
    const jeton = jetonAleatoire()
    const p = await creerPassation(db, { jetonHash: sha256(jeton), mode: 'autonome', maintenant: horloge() })
    return { jeton, passationId: p.id }
  }

/** Joins a conseiller's session code: the conseiller then follows this diagnostic live. */
export const makeRejoindreSession =
  ({ db, horloge }: DepsDiagnostic) =>
  async (saisie: string): Promise<Result<{ jeton: string; passationId: string }, ErreurDiagnostic>> => {
    const code = lireCode(saisie)
    if (!code) return err({ code: 'CODE_INVALIDE' })
    const session = await trouverSessionParCode(db, code)
    const maintenant = horloge()
    if (!session || session.expireLe.getTime() <= maintenant.getTime()) return err({ code: 'CODE_INCONNU' })
    const jeton = jetonAleatoire()
    const p = await creerPassation(db, {
      jetonHash: sha256(jeton),
      sessionId: session.id,
      structureCode: session.structureCode,
      mode: 'autonome',
      maintenant,
    })
    return ok({ jeton, passationId: p.id })
  }

/** Assisted mode with no device for the person: the conseiller runs the diagnostic from their screen. */
export const makeCommencerAccompagne =
  ({ db, horloge }: DepsDiagnostic) =>
  async (session: { id: string; structureCode: string }): Promise<{ passationId: string }> => {
    const p = await creerPassation(db, {
      // Nobody holds this cookie: the value is thrown away at once.
      jetonHash: sha256(jetonAleatoire()),
      sessionId: session.id,
      structureCode: session.structureCode,
      mode: 'accompagne',
      maintenant: horloge(),
    })
    return { passationId: p.id }
  }

export const aleatoireCrypto = (n: number) => randomInt(n)
