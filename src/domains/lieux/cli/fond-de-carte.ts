/**
 * Builds `data/fond-de-carte.json`, the map's base layer, from the simplified département outlines
 * (`data/departements-version-simplifiee.geojson`, IGN Admin Express via gregoiredavid/france-geojson):
 * Douglas-Peucker at about 1 km and coordinates rounded to 3 decimals (~100 m), which is plenty at the
 * zoom levels of the map and keeps the file within the map page's weight budget.
 *
 *   npx tsx src/domains/lieux/cli/fond-de-carte.ts
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { DOSSIER_DONNEES } from '../../../platform/geo/referentiel-communes'

type Point = [number, number]
const TOLERANCE = 0.008

function distanceSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const l = dx * dx + dy * dy
  const t = l === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l))
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)
}

function simplifier(points: Point[]): Point[] {
  if (points.length <= 4) return points
  const garder = new Uint8Array(points.length)
  garder[0] = garder[points.length - 1] = 1
  const pile: [number, number][] = [[0, points.length - 1]]
  while (pile.length > 0) {
    const [i, j] = pile.pop()!
    let max = 0
    let k = -1
    for (let x = i + 1; x < j; x++) {
      const d = distanceSegment(points[x]!, points[i]!, points[j]!)
      if (d > max) {
        max = d
        k = x
      }
    }
    if (k >= 0 && max > TOLERANCE) {
      garder[k] = 1
      pile.push([i, k], [k, j])
    }
  }
  const r = points.filter((_, i) => garder[i])
  return r.length >= 4 ? r : points.slice(0, 4)
}

const arrondir = (p: Point): Point => [Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000]

interface Feature {
  type: 'Feature'
  properties: { code: string; nom: string }
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }
}
const source = JSON.parse(
  readFileSync(path.join(DOSSIER_DONNEES, 'departements-version-simplifiee.geojson'), 'utf8'),
) as { features: Feature[] }
const anneau = (a: Point[]) => simplifier(a.map(arrondir))
const features = source.features.map((f) => ({
  type: 'Feature',
  properties: { code: f.properties.code },
  geometry:
    f.geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: (f.geometry.coordinates as Point[][]).map(anneau) }
      : {
          type: 'MultiPolygon',
          coordinates: (f.geometry.coordinates as Point[][][])
            .map((poly) => poly.map(anneau))
            .filter((poly) => poly[0]!.length >= 4),
        },
}))
const json = JSON.stringify({ type: 'FeatureCollection', features })
writeFileSync(path.join(DOSSIER_DONNEES, 'fond-de-carte.json'), json)
const sommets = (json.match(/\],\[/g)?.length ?? 0) + features.length
console.log(
  `fond-de-carte.json : ${features.length} départements, ~${sommets} sommets, ${json.length} octets, ${zlib.brotliCompressSync(json).length} octets en brotli`,
)
