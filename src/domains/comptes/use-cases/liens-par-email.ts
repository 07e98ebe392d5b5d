import { hash } from '@node-rs/argon2'
import { jetonAleatoire, sha256 } from '../../../platform/crypto'
import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { err, ok, type Result } from '../../../platform/result'
import {
  consommerJeton,
  creerJeton,
  jetonValide,
  mettreAJourCompte,
  revoquerSessions,
  trouverCompte,
  trouverCompteParEmail,
} from '../db/comptes-repository'
import type { ErreurComptes } from '../domain/erreurs'
import { problemeMotDePasse } from '../domain/mot-de-passe'
import { emailLienConnexion, emailReinitialisation } from '../emails'
import type { DepsComptes } from './deps'

export const DUREE_LIEN_CONNEXION_MIN = 15
export const DUREE_REINITIALISATION_MIN = 60
export const DUREE_INVITATION_JOURS = 7

/**
 * Magic link: sent only if an active account exists, but the caller always gets the same answer,
 * so the form cannot be used to find out who has an account.
 */
export const makeDemanderLienConnexion =
  ({ db, horloge, baseUrl }: DepsComptes) =>
  async (email: string): Promise<void> => {
    const compte = await trouverCompteParEmail(db, email)
    if (!compte?.actif || compte.invitationEnAttente) return
    const jeton = jetonAleatoire()
    await db.transaction(async (tx) => {
      await creerJeton(tx, {
        compteId: compte.id,
        usage: 'lien_connexion',
        jetonHash: sha256(jeton),
        expireLe: new Date(horloge().getTime() + DUREE_LIEN_CONNEXION_MIN * 60_000),
      })
      await mettreEnFileEmail(tx, {
        destinataire: compte.email,
        ...emailLienConnexion({
          prenom: compte.prenom,
          lien: `${baseUrl}/connexion/lien/${jeton}`,
          minutes: DUREE_LIEN_CONNEXION_MIN,
        }),
      })
    })
  }

export const makeConsommerLienConnexion =
  ({ db, horloge }: DepsComptes) =>
  async (jeton: string): Promise<Result<{ id: string; totpActifDepuis: Date | null }, ErreurComptes>> => {
    const compteId = await consommerJeton(db, 'lien_connexion', sha256(jeton), horloge())
    const compte = compteId ? await trouverCompte(db, compteId) : undefined
    if (!compte?.actif) return err({ code: 'LIEN_INVALIDE' })
    return ok(compte)
  }

export const makeDemanderReinitialisation =
  ({ db, horloge, baseUrl }: DepsComptes) =>
  async (email: string): Promise<void> => {
    const compte = await trouverCompteParEmail(db, email)
    if (!compte?.actif || compte.invitationEnAttente) return
    const jeton = jetonAleatoire()
    await db.transaction(async (tx) => {
      await creerJeton(tx, {
        compteId: compte.id,
        usage: 'reinitialisation',
        jetonHash: sha256(jeton),
        expireLe: new Date(horloge().getTime() + DUREE_REINITIALISATION_MIN * 60_000),
      })
      await mettreEnFileEmail(tx, {
        destinataire: compte.email,
        ...emailReinitialisation({ prenom: compte.prenom, lien: `${baseUrl}/mot-de-passe/nouveau/${jeton}` }),
      })
    })
  }

export const makeVerifierJeton =
  ({ db, horloge }: DepsComptes) =>
  async (usage: 'reinitialisation' | 'invitation', jeton: string) => {
    const compteId = await jetonValide(db, usage, sha256(jeton), horloge())
    return compteId ? trouverCompte(db, compteId) : undefined
  }

/**
 * Sets a password from a reset or invitation link. The link is consumed in the same transaction as the
 * new password; every open session of the account is closed (someone else may have had the old password).
 */
export const makeDefinirMotDePasse =
  ({ db, horloge }: DepsComptes) =>
  async (input: {
    usage: 'reinitialisation' | 'invitation'
    jeton: string
    motDePasse: string
  }): Promise<Result<{ id: string; totpActifDepuis: Date | null }, ErreurComptes>> => {
    const maintenant = horloge()
    const compteId = await jetonValide(db, input.usage, sha256(input.jeton), maintenant)
    const compte = compteId ? await trouverCompte(db, compteId) : undefined
    if (!compte) return err({ code: 'LIEN_INVALIDE' })
    const probleme = problemeMotDePasse(input.motDePasse, compte.email)
    if (probleme) return err({ code: 'MOT_DE_PASSE_FAIBLE', message: probleme })
    const motDePasseHash = await hash(input.motDePasse)
    const resultat = await db.transaction(async (tx) => {
      const consomme = await consommerJeton(tx, input.usage, sha256(input.jeton), maintenant)
      if (!consomme) return false
      await mettreAJourCompte(tx, compte.id, {
        motDePasseHash,
        invitationEnAttente: false,
        echecsConnexion: 0,
        bloqueJusquA: null,
      })
      await revoquerSessions(tx, compte.id, maintenant)
      return true
    })
    if (!resultat) return err({ code: 'LIEN_INVALIDE' })
    return ok(compte)
  }
