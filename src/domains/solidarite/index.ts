/**
 * Public surface of Solidarité numérique: the call-back line. Everything else in this folder is
 * internal.
 */
import type { FastifyInstance } from 'fastify'
import { seedSolidarite } from './demo'
import { routesEtreRappele } from './http/etre-rappele.routes'
import { routesFile } from './http/file.routes'
import type { DepsSolidarite } from './use-cases/deposer'

export { seedSolidarite } from './demo'
export type { DepsSolidarite } from './use-cases/deposer'
export { sourceTableauDeBordSolidarite } from './use-cases/tableau-de-bord'

export async function enregistrerSolidarite(
  app: FastifyInstance,
  deps: DepsSolidarite & { donneesDemo: boolean },
) {
  if (deps.donneesDemo) await seedSolidarite(deps)
  await app.register(async (scope) => {
    routesEtreRappele(scope, deps)
    routesFile(scope, deps)
  })
  app.navigation.ajouterMenu({
    libelle: 'File des rappels',
    href: '/solidarite',
    roles: ['mediateur'],
    ordre: 20,
  })
}
