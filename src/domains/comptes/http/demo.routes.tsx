import type { FastifyInstance } from 'fastify'
import { trouverCompte } from '../db/comptes-repository'
import { comptesDeDemonstration, DOMAINE_DEMO } from '../db/demo-repository'
import { LIBELLES_ROLES } from '../domain/roles'
import type { DepsComptes } from '../use-cases/deps'
import { makeOuvrirSession } from '../use-cases/ouvrir-session'
import { DemoPage } from '../views/espace.page'
import { paramsId } from './commun'
import { navigateurDe, poserCookieSession } from './session-plugin'

/** `/demo`: one click signs in as a fictitious account. Registered in demo mode only. */
export async function demoRoutes(app: FastifyInstance, { deps }: { deps: DepsComptes }) {
  const ouvrirSession = makeOuvrirSession(deps)

  app.get('/demo', async (_request, reply) => {
    const liste = (await comptesDeDemonstration(deps.db))
      .map((c) => ({
        id: c.id,
        email: c.email,
        prenom: c.prenom,
        nom: c.nom,
        role: LIBELLES_ROLES[c.role] ?? c.role,
        portee: c.portee || 'National',
      }))
      .sort((a, b) => a.role.localeCompare(b.role, 'fr'))
    return reply.page((ctx) => ({
      titre: 'Connexion de démonstration',
      ariane: [{ libelle: 'Connexion de démonstration' }],
      contenu: <DemoPage comptes={liste} csrf={ctx.csrf} />,
    }))
  })

  app.post('/demo/:id', async (request, reply) => {
    const p = paramsId.safeParse(request.params)
    const compte = p.success ? await trouverCompte(deps.db, p.data.id) : undefined
    if (!compte?.email.endsWith(DOMAINE_DEMO)) return reply.callNotFound()
    // Demo accounts skip the second factor on this page only, which exists only in demo mode.
    const { jeton } = await ouvrirSession(compte, navigateurDe(request), { demoSansSecondFacteur: true })
    poserCookieSession(app, reply, jeton)
    reply.flash(
      'info',
      `Vous êtes connecté en tant que ${compte.prenom} ${compte.nom} (compte de démonstration).`,
    )
    return reply.redirect('/espace', 303)
  })
}
