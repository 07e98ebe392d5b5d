import type { FastifyInstance } from 'fastify'
import { utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { EspacePage } from '../views/espace.page'

/** `/espace`: the roles of the signed-in person and the tools their roles open. */
export async function espaceRoutes(app: FastifyInstance) {
  app.get('/espace', async (request, reply) => {
    const u = utilisateurConnecte(request)
    const entrees = app.navigation
      .menuPour(u.habilitations.map((h) => h.role))
      .filter((e) => e.roles.length > 0)
    return reply.page({
      titre: 'Mon espace',
      espace: 'pro',
      ariane: [{ libelle: 'Mon espace' }],
      contenu: <EspacePage u={u} entrees={entrees} />,
    })
  })
}
