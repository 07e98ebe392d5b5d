import { journaliser } from '../../../platform/journal/journal'
import { err, ok, type Result } from '../../../platform/result'
import {
  ajouterHabilitations,
  compterAdminsActifs,
  habilitationsDe,
  mettreAJourCompte,
  retirerHabilitation,
  revoquerSessions,
  trouverCompte,
} from '../db/comptes-repository'
import type { ErreurComptes } from '../domain/erreurs'
import { type Habilitation, PORTEE_DU_ROLE } from '../domain/roles'
import type { DepsComptes } from './deps'

/**
 * National back-office acts on accounts. Each one is journaled with its author, and revokes the
 * target's sessions when it reduces their rights, so that the change applies at once.
 */
export const makeAdministrerCompte = ({ db, horloge }: DepsComptes) => {
  const garderUnAdmin = async (compteId: string, perdAdmin: boolean) => {
    if (!perdAdmin) return true
    const roles = await habilitationsDe(db, compteId)
    const compte = await trouverCompte(db, compteId)
    if (!compte?.actif || !roles.some((r) => r.role === 'admin')) return true
    return (await compterAdminsActifs(db)) > 1
  }
  return {
    async ajouterRole(
      acteurId: string,
      compteId: string,
      h: Habilitation,
    ): Promise<Result<true, ErreurComptes>> {
      if (!(await trouverCompte(db, compteId))) return err({ code: 'COMPTE_INTROUVABLE' })
      if (PORTEE_DU_ROLE[h.role] !== h.portee.type) return err({ code: 'INVITATION_INTERDITE' })
      await db.transaction(async (tx) => {
        await ajouterHabilitations(tx, compteId, [h])
        await journaliser(tx, {
          acteurId,
          action: 'role_ajoute',
          cible: compteId,
          details: { role: h.role, portee: h.portee },
        })
      })
      return ok(true)
    },
    async retirerRole(
      acteurId: string,
      compteId: string,
      h: Habilitation,
    ): Promise<Result<true, ErreurComptes>> {
      if (!(await trouverCompte(db, compteId))) return err({ code: 'COMPTE_INTROUVABLE' })
      if (!(await garderUnAdmin(compteId, h.role === 'admin'))) return err({ code: 'DERNIER_ADMIN' })
      await db.transaction(async (tx) => {
        await retirerHabilitation(tx, compteId, h)
        await revoquerSessions(tx, compteId, horloge())
        await journaliser(tx, {
          acteurId,
          action: 'role_retire',
          cible: compteId,
          details: { role: h.role, portee: h.portee },
        })
      })
      return ok(true)
    },
    async changerActivation(
      acteurId: string,
      compteId: string,
      actif: boolean,
    ): Promise<Result<true, ErreurComptes>> {
      if (!(await trouverCompte(db, compteId))) return err({ code: 'COMPTE_INTROUVABLE' })
      if (!actif && !(await garderUnAdmin(compteId, true))) return err({ code: 'DERNIER_ADMIN' })
      await db.transaction(async (tx) => {
        await mettreAJourCompte(tx, compteId, { actif })
        if (!actif) await revoquerSessions(tx, compteId, horloge())
        await journaliser(tx, {
          acteurId,
          action: actif ? 'compte_reactive' : 'compte_desactive',
          cible: compteId,
        })
      })
      return ok(true)
    },
  }
}
