import type { FastifyInstance } from 'fastify'
import type { DepsRecrutement } from '../use-cases/deps'
import { apiPostesRoutes } from './api.routes'
import { routesCandidat } from './candidat.routes'
import { routesCandidatureConseiller, routesCandidatureStructure } from './candidature.routes'
import { comiteRoutes } from './comite.routes'
import type { ContexteRoutes } from './commun'
import { pilotageRoutes } from './pilotage.routes'
import { routesPrefectureCarte, routesPrefectureStructures } from './prefecture.routes'
import {
  routesCandidatsStructure,
  routesConventionsStructure,
  routesEspaceStructure,
  routesRecrutementCandidat,
} from './structure.routes'
import { enregistrerTeleversement } from './televersement'

/**
 * The domain's pages, one file per URL prefix (see the README's routes table). The committee and the
 * dashboards are plugins of their own: their role check is a hook on every route of their scope.
 */
export async function recrutementRoutes(app: FastifyInstance, { deps }: { deps: DepsRecrutement }) {
  await enregistrerTeleversement(app)
  const contexte: ContexteRoutes = { deps }
  routesCandidatureConseiller(app, contexte)
  routesCandidatureStructure(app, contexte)
  routesCandidat(app, contexte)
  routesEspaceStructure(app, contexte)
  routesCandidatsStructure(app, contexte)
  routesRecrutementCandidat(app, contexte)
  routesConventionsStructure(app, contexte)
  routesPrefectureStructures(app, contexte)
  routesPrefectureCarte(app, contexte)
  await app.register(comiteRoutes, contexte)
  await app.register(pilotageRoutes, contexte)
  apiPostesRoutes(app, contexte)
}
