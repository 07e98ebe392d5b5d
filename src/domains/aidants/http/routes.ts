import type { FastifyInstance } from 'fastify'
import type { RegistreFournisseurs } from '../oidc/registre'
import type { DepsAidants } from '../use-cases/deps'
import {
  routesAdminDemandes,
  routesAdminEchanges,
  routesAdminJournal,
  routesAdminRegions,
} from './admin.routes'
import type { ContexteRoutes } from './commun'
import { routesEspace, routesReauthentification } from './espace.routes'
import { routesDemandeHabilitation, routesSuiviDemande } from './habilitation.routes'
import {
  routesActesMandat,
  routesAttestations,
  routesNouveauMandat,
  routesRecapitulatif,
} from './mandats.routes'
import { routesMesMandats, routesSessionUsager } from './mes-mandats.routes'
import { routesChiffres, routesPubliques } from './public.routes'
import { routesReferentAccueil, routesReferentAidants, routesReferentDispositifs } from './referent.routes'

/**
 * The domain's pages, one file per sub-resource (see the README's routes table). The identity
 * provider, the aidants' login and the usager's SMS consent keep their own plugins (`index.ts`).
 */
export async function aidantsRoutes(
  app: FastifyInstance,
  { deps, registre }: { deps: DepsAidants; registre: RegistreFournisseurs },
) {
  const contexte: ContexteRoutes = { deps, registre }
  routesPubliques(app, contexte)
  routesChiffres(app, contexte)
  routesDemandeHabilitation(app, contexte)
  routesSuiviDemande(app, contexte)
  routesEspace(app, contexte)
  routesReauthentification(app, contexte)
  routesNouveauMandat(app, contexte)
  routesRecapitulatif(app, contexte)
  routesAttestations(app, contexte)
  routesActesMandat(app, contexte)
  routesMesMandats(app, contexte)
  routesSessionUsager(app, contexte)
  routesReferentAccueil(app, contexte)
  routesReferentAidants(app, contexte)
  routesReferentDispositifs(app, contexte)
  routesAdminDemandes(app, contexte)
  routesAdminEchanges(app, contexte)
  routesAdminRegions(app, contexte)
  routesAdminJournal(app, contexte)
}
