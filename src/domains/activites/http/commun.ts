import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { AccesInterditError, porteesDe, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { lirePeriode, type Periode } from '../domain/statistiques'
import type { DepsActivites } from '../use-cases/deps'

/** What every route file of the domain receives from `activitesRoutes`. */
export interface ContexteRoutes {
  deps: DepsActivites
  /** Today (YYYY-MM-DD) by the injected clock: the bound of every date the domain reads. */
  aujourdhui: () => string
  /** Path of the built service worker (`js/activites-sw.js` of the asset manifest), if built. */
  fichierServiceWorker: () => string | undefined
}

export const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const ARIANE = { libelle: 'Mes activités', href: '/activites' }

/** `:id` of an activity or a follow-up file: anything but a uuid names nothing, hence a 404. */
export const paramsId = z.object({ id: z.string().regex(ID) })

/** The conseiller and the structure they record for (their first conseiller scope). */
export function auteur(request: FastifyRequest): { compteId: string; structureId: string } {
  const u = utilisateurConnecte(request)
  const structureId = porteesDe(u, 'conseiller')[0]?.code
  if (!structureId) throw new AccesInterditError()
  return { compteId: u.compteId, structureId }
}

/**
 * `?territoire=&du=&au=` of the statistics pages, exports and open data. The query parser gives a
 * string, or a list when a key repeats; the domain readers (`lireTerritoire`, `lirePeriode`) then
 * check each value and word its French message, so a list is refused there, field by field.
 */
const valeurRequete = z.union([z.string(), z.array(z.string())]).optional()
export const requeteStatistiques = z.object({
  territoire: valeurRequete,
  du: valeurRequete,
  au: valeurRequete,
})
export type RequeteStatistiques = z.infer<typeof requeteStatistiques>

/** What any query that is not even a flat list of strings reads as: a territory no one can name. */
export const REQUETE_ILLISIBLE: RequeteStatistiques = { territoire: [] }

/** The period shown beside a refused query: the last twelve months, when they are readable. */
export function periodeDeRepli(aujourdhui: string): Periode {
  const p = lirePeriode(undefined, undefined, aujourdhui)
  return p.ok ? p.periode : { du: '2025-01', au: '2025-12' }
}
