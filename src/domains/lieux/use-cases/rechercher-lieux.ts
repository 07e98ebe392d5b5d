import { type Commune, normaliserNom } from '../../../platform/geo/communes'
import type { IndexLieux, ResultatRecherche } from '../domain/recherche'
import type { RechercheFormulaire } from '../http/lieu.form'
import type { DepsLieux } from './deps'

export interface Recherche {
  index: IndexLieux
  autour: string | undefined
  commune: Commune | undefined
  homonymes: Commune[]
  introuvable: string | undefined
  position: { latitude: number; longitude: number } | undefined
  resultat: ResultatRecherche
}

/** « Gap », « gap (05) », « 05000 », or an INSEE code picked from a list → a commune. */
export function resoudreCommune(
  communes: DepsLieux['communes'],
  q: string | undefined,
  code: string | undefined,
): { commune?: Commune; homonymes: Commune[] } {
  if (code) {
    const c = communes.parCode(code)
    if (c) return { commune: c, homonymes: [] }
  }
  if (!q) return { homonymes: [] }
  const avecDep = /^(.*\S)\s*\(([0-9][0-9AB]{1,2})\)$/.exec(q)
  const texte = avecDep ? avecDep[1]! : q
  const trouvees = communes.rechercher(texte, 20).filter((c) => !avecDep || c.departement === avecDep[2])
  const premiere = trouvees[0]
  if (!premiere) return { homonymes: [] }
  // Several communes share a name (Saint-Denis 93 and 974): the most populated first, the others offered.
  const homonymes = /^\d/.test(texte)
    ? []
    : trouvees.filter((c) => c !== premiere && normaliserNom(c.nom) === normaliserNom(premiere.nom))
  return { commune: premiere, homonymes }
}

export const PAR_PAGE = 10

export const makeRechercherLieux =
  (deps: Pick<DepsLieux, 'catalogue' | 'communes' | 'horloge'>) =>
  async (f: RechercheFormulaire, o: { rayonParDefaut: number; parPage?: number }): Promise<Recherche> => {
    const index = await deps.catalogue.index()
    const { commune, homonymes } = resoudreCommune(deps.communes, f.q, f.commune)
    const introuvable = f.q && !commune ? f.q : undefined
    const position = commune
      ? { latitude: commune.latitude, longitude: commune.longitude }
      : !f.q && f.lat !== undefined && f.lon !== undefined
        ? { latitude: f.lat, longitude: f.lon }
        : undefined
    const autour = commune
      ? `${commune.nom} (${commune.departement})`
      : position
        ? 'votre position'
        : undefined
    const resultat: ResultatRecherche = position
      ? index.rechercher({
          position,
          rayonKm: f.rayon ?? o.rayonParDefaut,
          services: f.services,
          publics: f.publics,
          modalites: f.modalites,
          dispositifs: f.dispositifs,
          gratuit: f.gratuit,
          ouvertMaintenant: f.ouvert,
          instant: deps.horloge(),
          page: f.page,
          parPage: o.parPage ?? PAR_PAGE,
        })
      : { resultats: [], total: 0, suite: false }
    return { index, autour, commune, homonymes, introuvable, position, resultat }
  }
