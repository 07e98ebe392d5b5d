import { randomBytes } from 'node:crypto'
import { sha256 } from '../../../platform/crypto'
import { err, ok, type Result } from '../../../platform/result'
import {
  mettreAJourCompte,
  mettreAJourSession,
  remplacerCodesSecours,
  trouverCompte,
} from '../db/comptes-repository'
import type { ErreurComptes } from '../domain/erreurs'
import { nouveauSecretTotp, nouveauxCodesSecours, verifierTotp } from '../domain/totp'
import type { DepsComptes } from './deps'

/** Gives the pending secret to show as a QR code; a new one is drawn only if none is pending. */
export const makePreparerTotp =
  ({ db }: DepsComptes) =>
  async (compteId: string): Promise<{ secret: string; email: string }> => {
    const compte = await trouverCompte(db, compteId)
    if (!compte) throw new Error('compte introuvable pour l’enrôlement TOTP')
    if (compte.totpSecret && !compte.totpActifDepuis)
      return { secret: compte.totpSecret, email: compte.email }
    const secret = nouveauSecretTotp()
    await mettreAJourCompte(db, compteId, { totpSecret: secret, totpActifDepuis: null, totpDernierPas: null })
    return { secret, email: compte.email }
  }

/** The first valid code proves the app or card works: TOTP becomes active and recovery codes are issued. */
export const makeConfirmerTotp =
  ({ db, horloge }: DepsComptes) =>
  async (input: {
    compteId: string
    sessionId: string
    code: string
  }): Promise<Result<{ codesSecours: string[] }, ErreurComptes>> => {
    const maintenant = horloge()
    const compte = await trouverCompte(db, input.compteId)
    if (!compte?.totpSecret || compte.totpActifDepuis) return err({ code: 'CODE_TOTP_INVALIDE' })
    const pas = verifierTotp(compte.totpSecret, input.code, maintenant, null)
    if (pas === undefined) return err({ code: 'CODE_TOTP_INVALIDE' })
    const codesSecours = nouveauxCodesSecours((n) => randomBytes(n))
    await db.transaction(async (tx) => {
      await mettreAJourCompte(tx, compte.id, {
        totpActifDepuis: maintenant,
        totpDernierPas: pas,
        derniereConnexionLe: maintenant,
      })
      await remplacerCodesSecours(tx, compte.id, codesSecours.map(sha256))
      await mettreAJourSession(tx, input.sessionId, { niveau: 'complet', dernierFacteurLe: maintenant })
    })
    return ok({ codesSecours })
  }
