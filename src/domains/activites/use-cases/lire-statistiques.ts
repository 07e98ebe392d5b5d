import { lireCompteurs, lireParDepartement } from '../db/activites-repository'
import type { Filtre } from '../domain/portee'
import { construireStatistiques, type Periode, type Statistiques } from '../domain/statistiques'
import type { DepsActivites } from './deps'

export interface StatistiquesTerritoire extends Statistiques {
  departements: { code: string; activites: number; personnes: number; heures: number }[]
}

/** Reads only the counters: the cost depends on the number of months and values, not of activities. */
export const makeLireStatistiques =
  (deps: Pick<DepsActivites, 'db'>) =>
  async (filtre: Filtre, periode: Periode): Promise<StatistiquesTerritoire> => {
    const [lignes, departements] = await Promise.all([
      lireCompteurs(deps.db, filtre, periode),
      lireParDepartement(deps.db, filtre, periode),
    ])
    return {
      ...construireStatistiques(lignes, periode),
      departements: departements.map((d) => ({
        code: d.code,
        activites: d.activites,
        personnes: d.personnes,
        heures: Math.round(d.minutes / 6) / 10,
      })),
    }
  }
