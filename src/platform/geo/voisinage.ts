import { contourDepartement } from './referentiel-communes'
import { DEPARTEMENTS } from './territoires'

/**
 * The départements within `rayonKm` of a point: the point's own, and those whose outline passes
 * closer than the radius (data/departements-version-simplifiee.geojson, metropolitan départements).
 * A structure in Beaucaire (30) sees the places of Tarascon (13) across the Rhône.
 */
export function departementsAutourDe(
  point: { latitude: number; longitude: number },
  rayonKm: number,
  contours: (code: string) => [number, number][][] = contourDepartement,
): string[] {
  // Equirectangular projection around the point: exact enough over a few tens of kilometres.
  const kmParDegreLat = 111.32
  const kmParDegreLon = kmParDegreLat * Math.cos((point.latitude * Math.PI) / 180)
  const vers = ([lon, lat]: [number, number]) => [
    (lon - point.longitude) * kmParDegreLon,
    (lat - point.latitude) * kmParDegreLat,
  ]
  const proches: string[] = []
  for (const d of DEPARTEMENTS)
    for (const anneau of contours(d.code)) {
      if (anneauProche(anneau.map(vers) as [number, number][], rayonKm)) {
        proches.push(d.code)
        break
      }
    }
  return proches
}

/** The ring (in km around the origin) holds the origin, or one of its sides passes within `r`. */
function anneauProche(anneau: [number, number][], r: number): boolean {
  let dedans = false
  for (let i = 0, j = anneau.length - 1; i < anneau.length; j = i++) {
    const [xa, ya] = anneau[i] as [number, number]
    const [xb, yb] = anneau[j] as [number, number]
    if (distanceAuSegment(xa, ya, xb, yb) <= r) return true
    if (ya > 0 !== yb > 0 && 0 < ((xb - xa) * (0 - ya)) / (yb - ya) + xa) dedans = !dedans
  }
  return dedans
}

function distanceAuSegment(xa: number, ya: number, xb: number, yb: number): number {
  const dx = xb - xa
  const dy = yb - ya
  const l2 = dx * dx + dy * dy
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, -(xa * dx + ya * dy) / l2))
  return Math.hypot(xa + t * dx, ya + t * dy)
}
