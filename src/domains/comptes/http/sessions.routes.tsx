import type { FastifyInstance } from 'fastify'
import { utilisateurConnecte } from '../../../platform/auth/utilisateur'
import {
  estSessionDuCompte,
  revoquerSession,
  revoquerSessions,
  sessionsActives,
} from '../db/comptes-repository'
import type { DepsComptes } from '../use-cases/deps'
import { SessionsPage } from '../views/espace.page'
import { paramsId } from './commun'
import { effacerCookieSession } from './session-plugin'

/** `/compte/sessions`: the signed-in person sees and closes the sessions of their own account. */
export async function sessionsRoutes(app: FastifyInstance, { deps }: { deps: DepsComptes }) {
  app.get('/compte/sessions', async (request, reply) => {
    const u = utilisateurConnecte(request)
    const sessions = (await sessionsActives(deps.db, u.compteId, deps.horloge())).map((s) => ({
      id: s.id,
      navigateur: s.navigateur,
      creeLe: s.creeLe,
      vuLe: s.vuLe,
      courante: s.id === u.sessionId,
    }))
    return reply.page((ctx) => ({
      titre: 'Mes sessions',
      espace: 'pro',
      ariane: [{ libelle: 'Mon espace', href: '/espace' }, { libelle: 'Mes sessions' }],
      contenu: <SessionsPage csrf={ctx.csrf} sessions={sessions} />,
    }))
  })

  app.post('/compte/sessions/:id/revoquer', async (request, reply) => {
    const u = utilisateurConnecte(request)
    const p = paramsId.safeParse(request.params)
    if (!p.success) return reply.callNotFound()
    const n = await revoquerSession(deps.db, u.compteId, p.data.id, deps.horloge())
    if (n === 1) {
      reply.flash('success', 'La session a été fermée.')
      return reply.redirect('/compte/sessions', 303)
    }
    // Another account's session does not exist for this caller: 404, as for an unknown id.
    if (!(await estSessionDuCompte(deps.db, u.compteId, p.data.id))) return reply.callNotFound()
    reply.flash('error', 'Cette session n’existe pas ou est déjà fermée.')
    return reply.redirect('/compte/sessions', 303)
  })

  app.post('/compte/sessions/revoquer-tout', async (request, reply) => {
    const u = utilisateurConnecte(request)
    await revoquerSessions(deps.db, u.compteId, deps.horloge())
    effacerCookieSession(reply)
    reply.flash('success', 'Toutes vos sessions ont été fermées, y compris celle-ci.')
    return reply.redirect('/connexion', 303)
  })
}
