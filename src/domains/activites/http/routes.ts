import type { FastifyInstance } from 'fastify'
import { type DepsActivites, jourDe } from '../use-cases/deps'
import { routesBeneficiaires } from './beneficiaires.routes'
import type { ContexteRoutes } from './commun'
import { routesHorsLigne } from './hors-ligne.routes'
import { routesListe } from './liste.routes'
import { routesSaisie } from './saisie.routes'
import { routesStatistiques } from './statistiques.routes'
import { routesStatistiquesPubliques } from './statistiques-publiques.routes'

export interface OptionsRoutesActivites {
  deps: DepsActivites
  /** Path of the built service worker (`js/activites-sw.js` of the asset manifest), if built. */
  fichierServiceWorker: () => string | undefined
}

/** The domain's routes, one file per sub-resource (see the README's routes table). */
export async function activitesRoutes(
  app: FastifyInstance,
  { deps, fichierServiceWorker }: OptionsRoutesActivites,
) {
  const contexte: ContexteRoutes = { deps, aujourdhui: () => jourDe(deps.horloge()), fichierServiceWorker }
  routesListe(app, contexte)
  routesSaisie(app, contexte)
  routesHorsLigne(app, contexte)
  routesBeneficiaires(app, contexte)
  routesStatistiques(app, contexte)
  routesStatistiquesPubliques(app, contexte)
}
