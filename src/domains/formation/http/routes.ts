import type { FastifyInstance } from 'fastify'
import { routesAccueilFormation } from './accueil.routes'
import { routesAttestations } from './attestations.routes'
import type { ContexteRoutes } from './commun'
import { routesInscriptions } from './inscriptions.routes'
import { routesMonParcours } from './mon-parcours.routes'
import { routesParcours } from './parcours.routes'
import { routesSession } from './sessions.routes'

/** The domain's pages, one file per URL prefix (see the README's routes table). */
export async function formationRoutes(app: FastifyInstance, contexte: ContexteRoutes) {
  routesAccueilFormation(app, contexte)
  routesSession(app, contexte)
  routesInscriptions(app, contexte)
  routesParcours(app, contexte)
  routesAttestations(app, contexte)
  routesMonParcours(app, contexte)
}
