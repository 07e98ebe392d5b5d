import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import type { CommunePoint } from '../domain/couverture'

/**
 * Commune centres and populations from data/communes_min.json.gz (geo.api.gouv.fr extract, Licence
 * Ouverte 2.0, see data/README.md), and département outlines from
 * data/departements-version-simplifiee.geojson. Read once, on first use.
 */
const DATA = path.resolve(import.meta.dirname, '../../../../data')

export interface Commune extends CommunePoint {
  codeDepartement: string
}

let communes: Map<string, Commune> | undefined
let parDepartement: Map<string, Commune[]> | undefined

function charger() {
  if (communes) return
  const brut = JSON.parse(
    gunzipSync(readFileSync(path.join(DATA, 'communes_min.json.gz'))).toString('utf8'),
  ) as {
    code: string
    nom: string
    dept: string
    lat: number
    lon: number
    population: number | null
  }[]
  communes = new Map()
  parDepartement = new Map()
  for (const c of brut) {
    if (typeof c.lat !== 'number' || typeof c.lon !== 'number') continue
    const commune: Commune = {
      code: c.code,
      nom: c.nom,
      latitude: c.lat,
      longitude: c.lon,
      population: c.population ?? 0,
      codeDepartement: c.dept,
    }
    communes.set(c.code, commune)
    const l = parDepartement.get(c.dept) ?? []
    l.push(commune)
    parDepartement.set(c.dept, l)
  }
}

export function commune(code: string): Commune | undefined {
  charger()
  return communes?.get(code.trim())
}

export function communesDuDepartement(code: string): readonly Commune[] {
  charger()
  return parDepartement?.get(code) ?? []
}

type Anneau = [number, number][]
let contours: Map<string, Anneau[]> | undefined

/** Outer rings of a département's polygons (lon, lat). */
export function contourDepartement(code: string): Anneau[] {
  if (!contours) {
    contours = new Map()
    const geo = JSON.parse(
      readFileSync(path.join(DATA, 'departements-version-simplifiee.geojson'), 'utf8'),
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
