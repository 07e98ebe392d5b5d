/**
 * Public surface of the places domain (lieux de médiation numérique): registration in the app,
 * the orientation function for the other modules, and the demo seed. Everything else is internal.
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Horloge } from '../../platform/crypto'
import type { Database } from '../../platform/db/database'
import { referentielCommunes } from '../../platform/geo/referentiel-communes'
import { documentationApi } from '../../platform/http/documentation-api'
import { rechercherComptes, trouverCompte } from '../comptes'
import type { ConnecteursLieux } from './domain/ports'
import { apiLieuxRoutes } from './http/api.routes'
import { gestionLieuxRoutes } from './http/gestion.routes'
import { importLieuxRoutes } from './http/import.routes'
import { pagesLieuxRoutes } from './http/pages.routes'
import { signalementRoutes } from './http/signalement.routes'
import { creerCatalogueLieux } from './use-cases/catalogue-lieux'
import type { DepsLieux } from './use-cases/deps'
import {
  type DemandeOrientation,
  type LieuOriente,
  makeLieuxDeLaStructure,
  makeLieuxDuDepartement,
  makeLieuxLesPlusProches,
} from './use-cases/orienter'
import type { DepsSignalement } from './use-cases/signaler-erreur'

export type { ErreurLieux } from './domain/erreurs'
export { messageErreurLieux } from './domain/erreurs'
export type { DispositifProgrammeNational, Service } from './domain/vocabulaires'
export { DISPOSITIFS_PROGRAMMES_NATIONAUX, SERVICES } from './domain/vocabulaires'
export type { DemandeOrientation, LieuOriente, PointLieu } from './use-cases/orienter'
export { seedLieux } from './use-cases/seed-demo'
export { sourceTableauDeBordLieux } from './use-cases/tableau-de-bord'

type Orientation = ReturnType<typeof makeLieuxLesPlusProches>
let orientation: Orientation | undefined

/**
 * The N nearest places offering a service to someone in a commune (INSEE code) or at a position,
 * e.g. `lieuxLesPlusProches({ codeCommune: '13055', service: 'Aide aux démarches administratives',
 * dispositif: 'France Services', nombre: 3 })`. Answers from the in-memory index of the app that
 * registered the domain last (there is one per process outside tests).
 */
export async function lieuxLesPlusProches(
  d: DemandeOrientation,
): Promise<
  { ok: true; value: LieuOriente[] } | { ok: false; error: import('./domain/erreurs').ErreurLieux }
> {
  if (!orientation)
    throw new Error('domaine lieux non enregistré : appelez enregistrerLieux avant lieuxLesPlusProches')
  return orientation(d)
}

export interface OptionsLieux {
  db: Database
  horloge: Horloge
  /** The address base and Acceslibre (real adapters or simulators); absent: disabled. */
  connecteurs?: ConnecteursLieux
  /** Public address of the app, for the links in e-mails. */
  baseUrl?: string
}

/** E-mail addresses of the accounts holding `role` (on the structure `structureId` when given). */
async function courrielsDuRole(db: Database, role: 'gestionnaire' | 'admin', structureId?: string) {
  const { comptes } = await rechercherComptes(db, { role, page: 1, parPage: 500 })
  return comptes
    .filter((c) =>
      c.habilitations.some(
        (h) =>
          h.role === role &&
          (structureId === undefined || (h.portee.type === 'structure' && h.portee.code === structureId)),
      ),
    )
    .map((c) => c.email)
}

/**
 * Registers the places pages, API and management, and the API documentation at /api/docs.
 *
 * The documentation (`platform/http/documentation-api.tsx`, a French page and the OpenAPI JSON) is
 * registered at the root before the places API, so it sees every route declared after it. Only
 * routes with `schema.tags` are documented: another domain documents its API by registering it after
 * this call, under `/api/v1/…`, with `schema: { tags: ['<thème>'], … }` (themes in `THEMES_API`).
 */
export async function enregistrerLieux(
  app: FastifyInstance,
  o: OptionsLieux,
): Promise<{
  lieuxLesPlusProches: Orientation
  lieuxDuDepartement: ReturnType<typeof makeLieuxDuDepartement>
  lieuxDeLaStructure: ReturnType<typeof makeLieuxDeLaStructure>
}> {
  const deps: DepsLieux = {
    db: o.db,
    horloge: o.horloge,
    communes: referentielCommunes(),
    catalogue: creerCatalogueLieux(o.db),
    ...(o.connecteurs ? { connecteurs: o.connecteurs } : {}),
    ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
  }
  await app.register(fp(documentationApi))
  await app.register(apiLieuxRoutes, { prefix: '/api/v1', deps })
  await app.register(pagesLieuxRoutes, { deps })
  await app.register(gestionLieuxRoutes, {
    deps,
    trouverNomCompte: async (id) => {
      const c = await trouverCompte(o.db, id)
      return c ? `${c.prenom} ${c.nom}` : undefined
    },
  })
  const depsSignalement: DepsSignalement = {
    ...deps,
    baseUrl: o.baseUrl ?? '',
    gestionnairesDe: (structureId) => courrielsDuRole(o.db, 'gestionnaire', structureId),
    equipeNationale: () => courrielsDuRole(o.db, 'admin'),
  }
  await app.register(signalementRoutes, { deps: depsSignalement })
  // In its own plugin: the multipart parser and the admin check on arrival apply to the import only.
  await app.register(importLieuxRoutes, { deps })
  app.navigation.ajouterAccueil({
    titre: 'Trouver de l’aide près de chez moi',
    description:
      'Des lieux près de chez vous pour vous aider à utiliser le numérique et à faire vos démarches.',
    href: '/lieux',
    public: 'grand_public',
    ordre: 10,
  })
  app.navigation.ajouterMenu({ libelle: 'Trouver de l’aide', href: '/lieux', roles: [], ordre: 10 })
  app.navigation.ajouterMenu({
    libelle: 'Lieux',
    href: '/gestion/lieux',
    roles: ['gestionnaire', 'admin'],
    ordre: 50,
  })
  app.navigation.ajouterMenu({
    libelle: 'Import de lieux',
    href: '/admin/lieux/import',
    roles: ['admin'],
    ordre: 92,
  })
  orientation = makeLieuxLesPlusProches(deps)
  return {
    lieuxLesPlusProches: orientation,
    lieuxDuDepartement: makeLieuxDuDepartement(deps),
    lieuxDeLaStructure: makeLieuxDeLaStructure(deps),
  }
}
