import { distanceKm } from './geo'

/** Territorial coverage of a département: how far each commune is from the nearest proposed post. */

export interface CommunePoint {
  code: string
  nom: string
  latitude: number
  longitude: number
  population: number
}

export interface PointCarte {
  nom: string
  latitude: number
  longitude: number
  genre: 'structure' | 'lieu' | 'france_services'
}

export const RAYON_COUVERTURE_KM = 15

export interface CouvertureCommune extends CommunePoint {
  /** Distance to the nearest proposed post, undefined if none is proposed. */
  distancePoste: number | undefined
  /** Whether an existing place or France Services is within the radius. */
  lieuProche: boolean
}

export interface Couverture {
  communes: CouvertureCommune[]
  populationTotale: number
  populationCouverte: number
  /** Communes with neither a proposed post nor an existing place within the radius. */
  oubliees: CouvertureCommune[]
}

export function calculerCouverture(
  communes: readonly CommunePoint[],
  postes: readonly PointCarte[],
  lieux: readonly PointCarte[],
  rayonKm = RAYON_COUVERTURE_KM,
): Couverture {
  let populationTotale = 0
  let populationCouverte = 0
  const resultat: CouvertureCommune[] = []
  for (const c of communes) {
    let min: number | undefined
    for (const p of postes) {
      const d = distanceKm(c.latitude, c.longitude, p.latitude, p.longitude)
      if (min === undefined || d < min) min = d
    }
    const lieuProche = lieux.some(
      (l) => distanceKm(c.latitude, c.longitude, l.latitude, l.longitude) <= rayonKm,
    )
    populationTotale += c.population
    if (min !== undefined && min <= rayonKm) populationCouverte += c.population
    resultat.push({ ...c, distancePoste: min, lieuProche })
  }
  const oubliees = resultat
    .filter((c) => (c.distancePoste === undefined || c.distancePoste > rayonKm) && !c.lieuProche)
    .sort((a, b) => b.population - a.population)
  return { communes: resultat, populationTotale, populationCouverte, oubliees }
}

/** Shade of a commune on the map, from its distance to the nearest post. */
export function classeDistance(d: number | undefined): 'proche' | 'moyenne' | 'limite' | 'loin' {
  if (d === undefined || d > RAYON_COUVERTURE_KM) return 'loin'
  if (d <= 5) return 'proche'
  if (d <= 10) return 'moyenne'
  return 'limite'
}

export interface Projection {
  x(lon: number): number
  y(lat: number): number
  largeur: number
  hauteur: number
}

/** Equirectangular projection fitted to a bounding box (fine at the scale of a département). */
export function projection(
  points: readonly (readonly [number, number])[],
  largeur = 600,
  marge = 10,
): Projection {
  let minLon = Infinity
  let maxLon = -Infinity
  let minLat = Infinity
  let maxLat = -Infinity
  for (const [lon, lat] of points) {
    if (lon < minLon) minLon = lon
    if (lon > maxLon) maxLon = lon
    if (lat < minLat) minLat = lat
    if (lat > maxLat) maxLat = lat
  }
  if (!Number.isFinite(minLon)) {
    minLon = 0
    maxLon = 1
    minLat = 0
    maxLat = 1
  }
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const l = Math.max((maxLon - minLon) * k, 1e-6)
  const h = Math.max(maxLat - minLat, 1e-6)
  const echelle = (largeur - 2 * marge) / l
  const hauteur = Math.round(h * echelle + 2 * marge)
  return {
    x: (lon) => Math.round(((lon - minLon) * k * echelle + marge) * 10) / 10,
    y: (lat) => Math.round(((maxLat - lat) * echelle + marge) * 10) / 10,
    largeur,
    hauteur,
  }
}

/** Radius within which existing places are shown beside an application (prefecture, committee). */
export const RAYON_LIEUX_PROCHES_KM = 10

export interface LieuProche extends PointCarte {
  distanceKm: number
}

/** Existing places and France Services around a structure, nearest first. */
export function lieuxProches(
  point: { latitude: number; longitude: number },
  lieux: readonly PointCarte[],
  rayonKm = RAYON_LIEUX_PROCHES_KM,
): LieuProche[] {
  return lieux
    .map((l) => ({ ...l, distanceKm: distanceKm(point.latitude, point.longitude, l.latitude, l.longitude) }))
    .filter((l) => l.distanceKm <= rayonKm)
    .sort((a, b) => a.distanceKm - b.distanceKm)
}
