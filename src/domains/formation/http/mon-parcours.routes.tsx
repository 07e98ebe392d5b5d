import type { FastifyInstance } from 'fastify'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { inscriptionsDuCompte, minutesFaites } from '../db/formation-repository'
import { MonParcoursPage } from '../views/formation.page'
import type { ContexteRoutes } from './commun'

/** `/formation/mon-parcours`: the signed-in person's own trainings. */
export function routesMonParcours(app: FastifyInstance, { deps }: ContexteRoutes) {
  app.get('/formation/mon-parcours', { preHandler: exigerRole() }, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const parcours = await Promise.all(
      (await inscriptionsDuCompte(deps.db, u.compteId)).map(async (x) => ({
        ...x,
        minutes: await minutesFaites(deps.db, x.inscription.id),
      })),
    )
    return reply.page({
      titre: 'Ma formation',
      espace: 'pro',
      ariane: [{ libelle: 'Ma formation' }],
      contenu: <MonParcoursPage parcours={parcours} />,
    })
  })
}
