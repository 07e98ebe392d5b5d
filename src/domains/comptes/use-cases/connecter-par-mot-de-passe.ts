import { hash, verify } from '@node-rs/argon2'
import { err, ok, type Result } from '../../../platform/result'
import { bloqueJusquA, type CompteRow, trouverCompteParEmail } from '../db/comptes-repository'
import type { ErreurComptes } from '../domain/erreurs'
import { estBloque } from '../domain/verrouillage'
import type { DepsComptes } from './deps'
import { enregistrerEchec } from './echecs'

// Verifying against a fixed hash when the account does not exist keeps the answer time the same,
// so the response time does not reveal which e-mails have an account.
let hashFactice: Promise<string> | undefined
const leHashFactice = () => {
  hashFactice ??= hash('mot-de-passe-factice-pour-temps-constant')
  return hashFactice
}

/**
 * First factor. Every refusal is `IDENTIFIANTS_INVALIDES`, locked account included, and takes one argon2
 * verification: an address without an account cannot be locked, so telling "locked" apart from "wrong"
 * would tell who has an account. A locked account's password is not checked at all (the lock would
 * otherwise still let guesses through). Success does not clear the failure count: for an account with
 * TOTP only the second factor does (see ouvrirSession and verifierSecondFacteur).
 */
export const makeConnecterParMotDePasse =
  ({ db, horloge }: DepsComptes) =>
  async (input: { email: string; motDePasse: string }): Promise<Result<CompteRow, ErreurComptes>> => {
    const refus = err({ code: 'IDENTIFIANTS_INVALIDES' } as const)
    const maintenant = horloge()
    const compte = await trouverCompteParEmail(db, input.email)
    if (!compte?.actif || !compte.motDePasseHash || estBloque(compte.bloqueJusquA, maintenant)) {
      await verify(await leHashFactice(), input.motDePasse).catch(() => false)
      return refus
    }
    const bon = await verify(compte.motDePasseHash, input.motDePasse).catch(() => false)
    if (!bon) {
      await enregistrerEchec(db, compte.id, maintenant)
      return refus
    }
    // Wrong passwords sent in parallel with this one may have locked the account while it was checked.
    if (estBloque(await bloqueJusquA(db, compte.id), maintenant)) return refus
    return ok(compte)
  }

/** argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline. */
export const hacherMotDePasse = (motDePasse: string) => hash(motDePasse)
