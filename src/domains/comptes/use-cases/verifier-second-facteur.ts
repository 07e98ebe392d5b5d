import { sha256 } from '../../../platform/crypto'
import { err, ok, type Result } from '../../../platform/result'
import {
  bloqueJusquA,
  consommerCodeSecours,
  mettreAJourSession,
  reussirConnexion,
  trouverCompte,
} from '../db/comptes-repository'
import type { ErreurComptes } from '../domain/erreurs'
import { normaliserCodeSecours, verifierTotp } from '../domain/totp'
import { estBloque } from '../domain/verrouillage'
import type { DepsComptes } from './deps'
import { enregistrerEchec } from './echecs'

/** Thrown inside the transaction to roll it back. */
class CodeFaux extends Error {}
class RefusTardif extends Error {}

const minutesRestantes = (jusqua: Date, maintenant: Date) =>
  Math.ceil((jusqua.getTime() - maintenant.getTime()) / 60_000)

/**
 * Second step of login, or re-authentication before a sensitive act: a TOTP code (or a recovery code)
 * completes the session. Wrong codes count towards the same progressive lockout as passwords, in the
 * database (parallel wrong codes all count); only a complete login clears the count, so logging in
 * again with the password does not buy four more guesses.
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
    if (compte.bloqueJusquA && estBloque(compte.bloqueJusquA, maintenant))
      return err({ code: 'COMPTE_BLOQUE', minutes: minutesRestantes(compte.bloqueJusquA, maintenant) })
    const echec = async (): Promise<Result<never, ErreurComptes>> => {
      const minutes = await enregistrerEchec(db, compte.id, maintenant)
      return err(minutes > 0 ? { code: 'COMPTE_BLOQUE', minutes } : { code: 'CODE_TOTP_INVALIDE' })
    }
    const pas = verifierTotp(compte.totpSecret, input.code, maintenant, compte.totpDernierPas)
    const secours = pas === undefined && input.code.replace(/[^a-zA-Z0-9]/g, '').length === 10
    if (pas === undefined && !secours) return echec()
    try {
      // One transaction: a recovery code is not spent when the login is refused at the last moment.
      await db.transaction(async (tx) => {
        if (secours) {
          const hash = sha256(normaliserCodeSecours(input.code))
          if (!(await consommerCodeSecours(tx, compte.id, hash, maintenant))) throw new CodeFaux()
        }
        const reussi = await reussirConnexion(tx, compte.id, maintenant, {
          derniereConnexionLe: maintenant,
          ...(pas !== undefined ? { totpDernierPas: pas } : {}),
        })
        if (!reussi) throw new RefusTardif()
        await mettreAJourSession(tx, input.sessionId, {
          niveau: 'complet',
          dernierFacteurLe: maintenant,
          vuLe: maintenant,
        })
      })
    } catch (e) {
      if (e instanceof CodeFaux) return echec()
      if (!(e instanceof RefusTardif)) throw e
      // Wrong codes sent alongside locked the account meanwhile, or a concurrent request accepted the
      // same code (a replay).
      const jusqua = await bloqueJusquA(db, compte.id)
      if (jusqua && estBloque(jusqua, maintenant))
        return err({ code: 'COMPTE_BLOQUE', minutes: minutesRestantes(jusqua, maintenant) })
      return echec()
    }
    return ok({ codeSecoursUtilise: secours })
  }
