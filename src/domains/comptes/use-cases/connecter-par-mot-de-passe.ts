import { hash, verify } from '@node-rs/argon2'
import { err, ok, type Result } from '../../../platform/result'
import {
  type CompteRow,
  compterEchec,
  mettreAJourCompte,
  trouverCompteParEmail,
} from '../db/comptes-repository'
import type { ErreurComptes } from '../domain/erreurs'
import { dureeBlocageMinutes, estBloque } from '../domain/verrouillage'
import type { DepsComptes } from './deps'

// Verifying against a fixed hash when the account does not exist keeps the answer time the same,
// so the response time does not reveal which e-mails have an account.
let hashFactice: Promise<string> | undefined
const leHashFactice = () => {
  hashFactice ??= hash('mot-de-passe-factice-pour-temps-constant')
  return hashFactice
}

export const makeConnecterParMotDePasse =
  ({ db, horloge }: DepsComptes) =>
  async (input: { email: string; motDePasse: string }): Promise<Result<CompteRow, ErreurComptes>> => {
    const maintenant = horloge()
    const compte = await trouverCompteParEmail(db, input.email)
    if (!compte?.actif || !compte.motDePasseHash) {
      await verify(await leHashFactice(), input.motDePasse).catch(() => false)
      return err({ code: 'IDENTIFIANTS_INVALIDES' })
    }
    if (estBloque(compte.bloqueJusquA, maintenant)) {
      const minutes = Math.ceil((compte.bloqueJusquA!.getTime() - maintenant.getTime()) / 60_000)
      return err({ code: 'COMPTE_BLOQUE', minutes })
    }
    const bon = await verify(compte.motDePasseHash, input.motDePasse).catch(() => false)
    if (!bon) {
      const echecs = await compterEchec(db, compte.id)
      const minutes = dureeBlocageMinutes(echecs)
      if (minutes > 0) {
        await mettreAJourCompte(db, compte.id, {
          bloqueJusquA: new Date(maintenant.getTime() + minutes * 60_000),
        })
        return err({ code: 'COMPTE_BLOQUE', minutes })
      }
      return err({ code: 'IDENTIFIANTS_INVALIDES' })
    }
    return ok(compte)
  }

/** argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline. */
export const hacherMotDePasse = (motDePasse: string) => hash(motDePasse)
