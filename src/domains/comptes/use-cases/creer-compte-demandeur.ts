import { jetonAleatoire, sha256 } from '../../../platform/crypto'
import { journaliser } from '../../../platform/journal/journal'
import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { err, ok, type Result } from '../../../platform/result'
import { creerCompte, creerJeton, trouverCompteParEmail } from '../db/comptes-repository'
import type { ErreurComptes } from '../domain/erreurs'
import type { Habilitation } from '../domain/roles'
import { emailCompteDemandeur } from '../emails'
import type { DepsComptes } from './deps'
import { DUREE_INVITATION_JOURS } from './liens-par-email'

/**
 * Someone who applies on a public form (a future conseiller, the contact of a host structure) gets
 * an account that cannot sign in until they open the e-mailed link and choose a password: opening
 * the link proves the address. Only the roles of a public application may be given this way.
 * Runs in the caller's transaction when `db` is one, so that the application and the account are
 * written together or not at all.
 */
export const makeCreerCompteDemandeur =
  ({ db, horloge, baseUrl }: DepsComptes) =>
  async (input: {
    email: string
    prenom: string
    nom: string
    habilitation: Habilitation & { role: 'candidat' | 'gestionnaire' }
    /** What the person applied for, in the e-mail ("votre candidature de conseiller numérique"). */
    objet: string
  }): Promise<Result<{ compteId: string }, ErreurComptes>> => {
    const h = input.habilitation
    const porteeAttendue = h.role === 'candidat' ? 'personnel' : 'structure'
    if (h.portee.type !== porteeAttendue) return err({ code: 'INVITATION_INTERDITE' })
    if (await trouverCompteParEmail(db, input.email)) return err({ code: 'EMAIL_DEJA_UTILISE' })
    const jeton = jetonAleatoire()
    const compteId = await db.transaction(async (tx) => {
      const compte = await creerCompte(
        tx,
        { email: input.email, prenom: input.prenom, nom: input.nom, invitationEnAttente: true },
        [h],
      )
      await creerJeton(tx, {
        compteId: compte.id,
        usage: 'invitation',
        jetonHash: sha256(jeton),
        expireLe: new Date(horloge().getTime() + DUREE_INVITATION_JOURS * 24 * 3600_000),
      })
      await mettreEnFileEmail(tx, {
        destinataire: compte.email,
        ...emailCompteDemandeur({
          prenom: input.prenom,
          objet: input.objet,
          lien: `${baseUrl}/invitation/${jeton}`,
          jours: DUREE_INVITATION_JOURS,
        }),
      })
      await journaliser(tx, {
        acteurId: null,
        action: 'compte_demandeur',
        cible: compte.id,
        details: { role: h.role },
      })
      return compte.id
    })
    return ok({ compteId })
  }
