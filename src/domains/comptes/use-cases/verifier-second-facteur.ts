import { sha256 } from '../../../platform/crypto'
import { err, ok, type Result } from '../../../platform/result'
import {
  consommerCodeSecours,
  mettreAJourCompte,
  mettreAJourSession,
  trouverCompte,
} from '../db/comptes-repository'
import type { ErreurComptes } from '../domain/erreurs'
import { normaliserCodeSecours, verifierTotp } from '../domain/totp'
import { dureeBlocageMinutes } from '../domain/verrouillage'
import type { DepsComptes } from './deps'

/**
 * Second step of login, or re-authentication before a sensitive act: a TOTP code (or a recovery code)
 * completes the session. Wrong codes count towards the same progressive lockout as passwords.
 */
export const makeVerifierSecondFacteur =
  ({ db, horloge }: DepsComptes) =>
  async (input: {
    compteId: string
    sessionId: string
    code: string
  }): Promise<Result<{ codeSecoursUtilise: boolean }, ErreurComptes>> => {
    const maintenant = horloge()
    const compte = await trouverCompte(db, input.compteId)
    if (!compte?.totpSecret || !compte.totpActifDepuis) return err({ code: 'CODE_TOTP_INVALIDE' })
    if (compte.bloqueJusquA && compte.bloqueJusquA > maintenant)
      return err({
        code: 'COMPTE_BLOQUE',
        minutes: Math.ceil((compte.bloqueJusquA.getTime() - maintenant.getTime()) / 60_000),
      })
    const pas = verifierTotp(compte.totpSecret, input.code, maintenant, compte.totpDernierPas)
    let codeSecoursUtilise = false
    if (pas === undefined) {
      const secours = input.code.replace(/[^a-zA-Z0-9]/g, '').length === 10
      codeSecoursUtilise =
        secours &&
        (await consommerCodeSecours(db, compte.id, sha256(normaliserCodeSecours(input.code)), maintenant))
      if (!codeSecoursUtilise) {
        const echecs = compte.echecsConnexion + 1
        const minutes = dureeBlocageMinutes(echecs)
        await mettreAJourCompte(db, compte.id, {
          echecsConnexion: echecs,
          ...(minutes > 0 ? { bloqueJusquA: new Date(maintenant.getTime() + minutes * 60_000) } : {}),
        })
        return err(minutes > 0 ? { code: 'COMPTE_BLOQUE', minutes } : { code: 'CODE_TOTP_INVALIDE' })
      }
    }
    await db.transaction(async (tx) => {
      await mettreAJourCompte(tx, compte.id, {
        echecsConnexion: 0,
        bloqueJusquA: null,
        derniereConnexionLe: maintenant,
        ...(pas !== undefined ? { totpDernierPas: pas } : {}),
      })
      await mettreAJourSession(tx, input.sessionId, {
        niveau: 'complet',
        dernierFacteurLe: maintenant,
        vuLe: maintenant,
      })
    })
    return ok({ codeSecoursUtilise })
  }
