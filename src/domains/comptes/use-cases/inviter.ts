import { jetonAleatoire, sha256 } from '../../../platform/crypto'
import { journaliser } from '../../../platform/journal/journal'
import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { err, ok, type Result } from '../../../platform/result'
import { creerCompte, creerJeton, trouverCompteParEmail } from '../db/comptes-repository'
import type { ErreurComptes } from '../domain/erreurs'
import { type Habilitation, LIBELLES_ROLES, PORTEE_DU_ROLE, peutInviter } from '../domain/roles'
import { emailInvitation } from '../emails'
import type { DepsComptes } from './deps'
import { DUREE_INVITATION_JOURS } from './liens-par-email'

export interface Invitation {
  email: string
  prenom: string
  nom: string
  habilitation: Habilitation
}

/**
 * An admin or a manager invites someone with one role on one scope. The account exists at once but
 * cannot sign in until the invitee sets a password from the e-mailed link (7 days).
 */
export const makeInviter =
  ({ db, horloge, baseUrl }: DepsComptes) =>
  async (input: {
    par: { compteId: string; prenom: string; nom: string; habilitations: readonly Habilitation[] }
    invitation: Invitation
  }): Promise<Result<{ compteId: string }, ErreurComptes>> => {
    const { invitation, par } = input
    if (
      PORTEE_DU_ROLE[invitation.habilitation.role] !== invitation.habilitation.portee.type ||
      !peutInviter(par.habilitations, invitation.habilitation)
    )
      return err({ code: 'INVITATION_INTERDITE' })
    if (await trouverCompteParEmail(db, invitation.email)) return err({ code: 'EMAIL_DEJA_UTILISE' })
    const jeton = jetonAleatoire()
    const compteId = await db.transaction(async (tx) => {
      const compte = await creerCompte(
        tx,
        {
          email: invitation.email,
          prenom: invitation.prenom,
          nom: invitation.nom,
          invitationEnAttente: true,
        },
        [invitation.habilitation],
      )
      await creerJeton(tx, {
        compteId: compte.id,
        usage: 'invitation',
        jetonHash: sha256(jeton),
        expireLe: new Date(horloge().getTime() + DUREE_INVITATION_JOURS * 24 * 3600_000),
      })
      await mettreEnFileEmail(tx, {
        destinataire: compte.email,
        ...emailInvitation({
          prenom: invitation.prenom,
          par: `${par.prenom} ${par.nom}`,
          role: LIBELLES_ROLES[invitation.habilitation.role],
          portee: invitation.habilitation.portee.libelle,
          lien: `${baseUrl}/invitation/${jeton}`,
          jours: DUREE_INVITATION_JOURS,
        }),
      })
      await journaliser(tx, {
        acteurId: par.compteId,
        action: 'invitation',
        cible: compte.id,
        details: { role: invitation.habilitation.role, portee: invitation.habilitation.portee },
      })
      return compte.id
    })
    return ok({ compteId })
  }
