import type { FastifyInstance } from 'fastify'
import { departement } from '../../../platform/geo/territoires'
import { chiffresParDepartement } from '../db/pilotage-repository'
import type { ContexteRoutes } from './commun'

/** Public open figures: posts validated, filled and vacant by département (fixed entry point). */
export function apiPostesRoutes(app: FastifyInstance, { deps }: ContexteRoutes) {
  app.get('/api/v1/recrutement/postes', async (_request, reply) => {
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
