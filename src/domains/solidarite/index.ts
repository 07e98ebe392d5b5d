/**
 * Public surface of Solidarité numérique: the call-back line. Everything else in this folder is
 * internal.
 */
import type { FastifyInstance } from 'fastify'
import { routesEtreRappele } from './http/etre-rappele.routes'
import type { DepsSolidarite } from './use-cases/deposer'

export type { DepsSolidarite } from './use-cases/deposer'

export async function enregistrerSolidarite(app: FastifyInstance, deps: DepsSolidarite) {
  await app.register(async (scope) => routesEtreRappele(scope, deps))
}
