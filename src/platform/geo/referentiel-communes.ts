import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import zlib from 'node:zlib'
import {
  type Arrondissement,
  type Commune,
  creerReferentielCommunes,
  type ReferentielCommunes,
} from './communes'

/** Reference data files of the project (see data/README.md for sources and licences). */
export const DOSSIER_DONNEES = path.resolve(import.meta.dirname, '../../../data')

interface CommuneMin {
  code: string
  nom: string
  dept: string
  lat: number
  lon: number
  population: number | null
}
interface CommuneDecoupage {
  code: string
  nom: string
  type: string
  commune?: string
  codesPostaux?: string[]
}

let charge: ReferentielCommunes | undefined

/**
 * Centres and populations from `data/communes_min.json.gz` (geo.api.gouv.fr extract), postal codes
 * and the arrondissements of Paris, Lyon and Marseille from @etalab/decoupage-administratif: neither
 * file has both. Loaded once per process (~35 000
 * communes, a few MB) on first use, and shared by every domain.
 */
export function referentielCommunes(): ReferentielCommunes {
  if (charge) return charge
  const centres = JSON.parse(
    zlib.gunzipSync(readFileSync(path.join(DOSSIER_DONNEES, 'communes_min.json.gz'))).toString('utf8'),
  ) as CommuneMin[]
  // Read from the file rather than `require`: the 8.6 MB object is then garbage-collected after use.
  const fichier = createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/communes.json')
  const cps = new Map<string, string[]>()
  const arrondissements: Arrondissement[] = []
  for (const c of JSON.parse(readFileSync(fichier, 'utf8')) as CommuneDecoupage[])
    if (c.type === 'commune-actuelle' && c.codesPostaux) cps.set(c.code, c.codesPostaux)
    else if (c.type === 'arrondissement-municipal' && c.commune)
      arrondissements.push({ nom: c.nom, commune: c.commune, codesPostaux: c.codesPostaux ?? [] })
  const communes: Commune[] = []
  for (const c of centres) {
    if (typeof c.lat !== 'number' || typeof c.lon !== 'number') continue
    communes.push({
      code: c.code,
      nom: c.nom,
      departement: c.dept,
      latitude: c.lat,
      longitude: c.lon,
      population: c.population ?? 0,
      codesPostaux: cps.get(c.code) ?? [],
    })
  }
  charge = creerReferentielCommunes(communes, arrondissements)
  return charge
}

type Anneau = [number, number][]
let contours: Map<string, Anneau[]> | undefined

/** Outer rings (lon, lat) of a département's polygons, from data/departements-version-simplifiee.geojson. */
export function contourDepartement(code: string): Anneau[] {
  if (!contours) {
    contours = new Map()
    const geo = JSON.parse(
      readFileSync(path.join(DOSSIER_DONNEES, 'departements-version-simplifiee.geojson'), 'utf8'),
    ) as {
      features: {
        properties: { code: string }
        geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }
      }[]
    }
    for (const f of geo.features) {
      const anneaux =
        f.geometry.type === 'Polygon'
          ? [(f.geometry.coordinates as Anneau[])[0] as Anneau]
          : (f.geometry.coordinates as Anneau[][]).map((p) => p[0] as Anneau)
      contours.set(f.properties.code, anneaux)
    }
  }
  return contours.get(code) ?? []
}
