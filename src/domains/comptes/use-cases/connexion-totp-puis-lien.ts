import { jetonAleatoire, sha256 } from '../../../platform/crypto'
import { journaliser } from '../../../platform/journal/journal'
import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { err, ok, type Result } from '../../../platform/result'
import {
  compterLiensNonUtilises,
  consommerJeton,
  creerJeton,
  creerSession,
  habilitationsDe,
  mettreAJourCompte,
  trouverCompte,
} from '../db/comptes-repository'
import type { ErreurComptes } from '../domain/erreurs'
import { inactiviteMinutes } from '../domain/roles'
import { emailLienApresTotp } from '../emails'
import type { DepsComptes } from './deps'

/** Aidants Connect login: the link is short-lived because the TOTP code has just been checked. */
export const DUREE_LIEN_APRES_TOTP_MIN = 5
/** At most this many links e-mailed and not redeemed per account within 5 minutes, whatever the address asking. */
export const LIENS_VALIDES_MAX = 5

/**
 * These links live in the same table as the ordinary magic links, but their hash is computed over a
 * prefixed value: a 15-minute link obtained with the e-mail alone can never be redeemed here (it would
 * skip the TOTP code), and a link obtained here cannot be redeemed as an ordinary one.
 */
const hashLien = (jeton: string) => sha256(`apres-totp:${jeton}`)

/**
 * Step 1 of the passwordless login of aidants (Aidants Connect), once the e-mail and TOTP code are
 * right: a single-use link valid 5 minutes is e-mailed. The code itself is checked by the caller's one
 * verifier of Aidants Connect, which counts wrong codes and claims the code's step here
 * (`reserverPasTotp`), so that a code accepted for a mandate is refused at any login and the other way
 * round. Every refusal gives the same answer (`IDENTIFIANTS_INVALIDES`): deactivated account, no second
 * factor, locked account, too many links — nobody can learn from the form who has an account.
 */
export const makeEnvoyerLienApresTotp =
  ({ db, horloge, baseUrl }: DepsComptes) =>
  async (input: {
    compteId: string
    /** Path of the page that redeems the link, e.g. `/aidants/connexion/lien`. */
    chemin: string
  }): Promise<Result<void, ErreurComptes>> => {
    const refus = err({ code: 'IDENTIFIANTS_INVALIDES' } as const)
    const maintenant = horloge()
    const compte = await trouverCompte(db, input.compteId)
    if (!compte?.actif || compte.invitationEnAttente || !compte.totpSecret || !compte.totpActifDepuis)
      return refus
    if (compte.bloqueJusquA && compte.bloqueJusquA > maintenant) return refus
    // Links e-mailed and never redeemed within a link's lifetime: a redeemed link was a login, not spam.
    const depuis = new Date(maintenant.getTime() - DUREE_LIEN_APRES_TOTP_MIN * 60_000)
    if ((await compterLiensNonUtilises(db, compte.id, depuis)) >= LIENS_VALIDES_MAX) return refus
    const jeton = jetonAleatoire()
    await db.transaction(async (tx) => {
      await creerJeton(tx, {
        compteId: compte.id,
        usage: 'lien_connexion',
        jetonHash: hashLien(jeton),
        creeLe: maintenant,
        expireLe: new Date(maintenant.getTime() + DUREE_LIEN_APRES_TOTP_MIN * 60_000),
      })
      await mettreEnFileEmail(tx, {
        destinataire: compte.email,
        ...emailLienApresTotp({
          prenom: compte.prenom,
          lien: `${baseUrl}${input.chemin}/${jeton}`,
          minutes: DUREE_LIEN_APRES_TOTP_MIN,
        }),
      })
    })
    return ok(undefined)
  }

/**
 * Step 2: the link opens a complete session (both factors were proven at step 1). The token is consumed
 * in one statement, so two clicks cannot open two sessions; the account must still be active.
 */
export const makeConsommerLienApresTotp =
  ({ db, horloge, inactiviteParRole }: DepsComptes) =>
  async (
    jeton: string,
    navigateur: string,
  ): Promise<Result<{ jeton: string; compteId: string }, ErreurComptes>> => {
    const maintenant = horloge()
    if (!/^[\w-]{16,200}$/.test(jeton)) return err({ code: 'LIEN_INVALIDE' })
    const compteId = await consommerJeton(db, 'lien_connexion', hashLien(jeton), maintenant)
    const compte = compteId ? await trouverCompte(db, compteId) : undefined
    if (!compte?.actif || !compte.totpActifDepuis) return err({ code: 'LIEN_INVALIDE' })
    const habilitations = await habilitationsDe(db, compte.id)
    const session = jetonAleatoire()
    await db.transaction(async (tx) => {
      await creerSession(tx, {
        jetonHash: sha256(session),
        compteId: compte.id,
        niveau: 'complet',
        inactiviteMinutes: inactiviteMinutes(habilitations, inactiviteParRole),
        navigateur,
        maintenant,
      })
      await mettreAJourCompte(tx, compte.id, { derniereConnexionLe: maintenant })
      await journaliser(tx, { acteurId: compte.id, action: 'connexion_totp_lien', cible: compte.id })
    })
    return ok({ jeton: session, compteId: compte.id })
  }
