import type { FastifyInstance } from 'fastify'
import { departement } from '../../../platform/geo/territoires'
import { chiffresParDepartement } from '../db/pilotage-repository'
import type { ContexteRoutes } from './commun'

/** Public open figures: posts validated, filled and vacant by département (fixed entry point). */
export function apiPostesRoutes(app: FastifyInstance, { deps }: ContexteRoutes) {
  const schema = {
    tags: ['recrutement'],
    summary: 'Postes de conseillers numériques par département',
    description:
      'Pour chaque département : code, nom, postes validés par le comité, postes pourvus (conseillers en poste) et postes vacants. Licence Etalab 2.0.',
  }
  app.get('/api/v1/recrutement/postes', { schema }, async (_request, reply) => {
    const lignes = await chiffresParDepartement(deps.db, undefined)
    return reply.header('cache-control', 'public, max-age=300').send({
      departements: lignes.map((l) => ({
        code: l.codeDepartement,
        nom: departement(l.codeDepartement)?.nom ?? null,
        postesValides: l.postesValides,
        postesPourvus: l.postesPourvus,
        postesVacants: Math.max(0, l.postesValides - l.postesPourvus),
      })),
    })
  })
}
