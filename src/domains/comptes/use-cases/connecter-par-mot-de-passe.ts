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
 * First factor. Success does not clear the failure count: for an account with TOTP only the second
 * factor does (see ouvrirSession and verifierSecondFacteur).
 */
export const makeConnecterParMotDePasse =
  ({ db, horloge }: DepsComptes) =>
  async (input: { email: string; motDePasse: string }): Promise<Result<CompteRow, ErreurComptes>> => {
    const maintenant = horloge()
    const compte = await trouverCompteParEmail(db, input.email)
    if (!compte?.actif || !compte.motDePasseHash) {
      await verify(await leHashFactice(), input.motDePasse).catch(() => false)
      return err({ code: 'IDENTIFIANTS_INVALIDES' })
    }
    const minutesRestantes = (jusqua: Date) => Math.ceil((jusqua.getTime() - maintenant.getTime()) / 60_000)
    if (compte.bloqueJusquA && estBloque(compte.bloqueJusquA, maintenant))
      return err({ code: 'COMPTE_BLOQUE', minutes: minutesRestantes(compte.bloqueJusquA) })
    const bon = await verify(compte.motDePasseHash, input.motDePasse).catch(() => false)
    if (!bon) {
      const minutes = await enregistrerEchec(db, compte.id, maintenant)
      return err(minutes > 0 ? { code: 'COMPTE_BLOQUE', minutes } : { code: 'IDENTIFIANTS_INVALIDES' })
    }
    // Wrong passwords sent in parallel with this one may have locked the account while it was checked.
    const jusqua = await bloqueJusquA(db, compte.id)
    if (jusqua && estBloque(jusqua, maintenant))
      return err({ code: 'COMPTE_BLOQUE', minutes: minutesRestantes(jusqua) })
    return ok(compte)
  }

/** argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline. */
export const hacherMotDePasse = (motDePasse: string) => hash(motDePasse)
