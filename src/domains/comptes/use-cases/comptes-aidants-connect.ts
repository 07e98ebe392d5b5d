import { jetonAleatoire, sha256 } from '../../../platform/crypto'
import { journaliser } from '../../../platform/journal/journal'
import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { ok, type Result } from '../../../platform/result'
import {
  ajouterHabilitations,
  creerCompte,
  creerJeton,
  habilitationsDe,
  mettreAJourCompte,
  revoquerSessions,
  trouverCompte,
  trouverCompteParEmail,
} from '../db/comptes-repository'
import type { ErreurComptes } from '../domain/erreurs'
import type { Habilitation } from '../domain/roles'
import { emailActivationReferent, emailAidantCree, emailRoleOrganisationAjoute } from '../emails'
import type { DepsComptes } from './deps'
import { DUREE_INVITATION_JOURS } from './liens-par-email'

/**
 * Gives a role on an Aidants Connect organisation to a person, creating the account when none exists
 * (a person can work for several organisations: the account is then reused and gains one more scope).
 * - référent: a new account chooses a password from the invitation link (7 days), then activates TOTP;
 * - aidant: no password ever — the aidant signs in with e-mail + TOTP code + 5-minute link, once the
 *   référent has bound a card or an application to the account.
 * Runs in the caller's transaction when `db` is one.
 */
export const makeDonnerRoleOrganisation =
  ({ db, horloge, baseUrl }: DepsComptes) =>
  async (input: {
    acteurId: string | null
    email: string
    prenom: string
    nom: string
    role: 'referent' | 'aidant'
    organisation: { id: string; nom: string }
  }): Promise<Result<{ compteId: string; cree: boolean }, ErreurComptes>> => {
    const h: Habilitation = {
      role: input.role,
      portee: { type: 'organisation', code: input.organisation.id, libelle: input.organisation.nom },
    }
    const libelleRole = input.role === 'referent' ? 'référent' : 'aidant'
    const existant = await trouverCompteParEmail(db, input.email)
    return db.transaction(async (tx) => {
      if (existant) {
        const deja = (await habilitationsDe(tx, existant.id)).some(
          (x) => x.role === h.role && x.portee.code === h.portee.code,
        )
        if (!deja) {
          await ajouterHabilitations(tx, existant.id, [h])
          await mettreEnFileEmail(tx, {
            destinataire: existant.email,
            ...emailRoleOrganisationAjoute({
              prenom: existant.prenom,
              libelleRole,
              organisation: input.organisation.nom,
            }),
          })
          await journaliser(tx, {
            acteurId: input.acteurId,
            action: 'role_ajoute',
            cible: existant.id,
            details: { role: h.role, portee: h.portee },
          })
        }
        return ok({ compteId: existant.id, cree: false })
      }
      const avecMotDePasse = input.role === 'referent'
      const compte = await creerCompte(
        tx,
        { email: input.email, prenom: input.prenom, nom: input.nom, invitationEnAttente: avecMotDePasse },
        [h],
      )
      if (avecMotDePasse) {
        const jeton = jetonAleatoire()
        await creerJeton(tx, {
          compteId: compte.id,
          usage: 'invitation',
          jetonHash: sha256(jeton),
          expireLe: new Date(horloge().getTime() + DUREE_INVITATION_JOURS * 24 * 3600_000),
        })
        await mettreEnFileEmail(tx, {
          destinataire: compte.email,
          ...emailActivationReferent({
            prenom: input.prenom,
            organisation: input.organisation.nom,
            lien: `${baseUrl}/invitation/${jeton}`,
            jours: DUREE_INVITATION_JOURS,
          }),
        })
      } else {
        await mettreEnFileEmail(tx, {
          destinataire: compte.email,
          ...emailAidantCree({
            prenom: input.prenom,
            organisation: input.organisation.nom,
            lienConnexion: `${baseUrl}/aidants/connexion`,
          }),
        })
      }
      await journaliser(tx, {
        acteurId: input.acteurId,
        action: 'compte_aidants_connect',
        cible: compte.id,
        details: { role: h.role, portee: h.portee },
      })
      return ok({ compteId: compte.id, cree: true })
    })
  }

/**
 * Binds (or, with `secret: null`, unbinds) the TOTP secret of a second-factor device managed by a
 * référent: a physical card or an authenticator application. Unbinding closes every session of the
 * account, since a lost card may be in someone else's hands.
 */
export const makeDefinirSecondFacteur =
  ({ db, horloge }: DepsComptes) =>
  async (input: { acteurId: string; compteId: string; secret: string | null }): Promise<boolean> => {
    const compte = await trouverCompte(db, input.compteId)
    if (!compte) return false
    const maintenant = horloge()
    await db.transaction(async (tx) => {
      await mettreAJourCompte(tx, compte.id, {
        totpSecret: input.secret,
        totpActifDepuis: input.secret ? maintenant : null,
        totpDernierPas: null,
      })
      if (!input.secret) await revoquerSessions(tx, compte.id, maintenant)
      await journaliser(tx, {
        acteurId: input.acteurId,
        action: input.secret ? 'second_facteur_associe' : 'second_facteur_retire',
        cible: compte.id,
      })
    })
    return true
  }
