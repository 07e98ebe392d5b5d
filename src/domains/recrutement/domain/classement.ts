import { distanceKm } from './geo'

/**
 * Ranking of candidates for a structure. Hard rules first (the former platform's: the post inside the
 * candidate's mobility radius, overseas territories matched only with themselves), then an explainable
 * score out of 100: every point comes with the reason shown to the structure.
 */

export const RAYONS_KM = [5, 10, 15, 20, 40, 100] as const
export const RAYON_MAX_KM = 100

export interface ProfilCandidat {
  id: string
  latitude: number
  longitude: number
  rayonKm: number
  codeDepartement: string
  disponibleLe: string
  diplomeMediationNumerique: boolean
  niveauPix: number | null
  experiencePublic: string
}

export interface Poste {
  latitude: number
  longitude: number
  codeDepartement: string
  /** ISO date the structure wants the conseiller to start. */
  debut: string
}

export interface Classement {
  id: string
  score: number
  distanceKm: number
  raisons: string[]
}

const estOutreMer = (dep: string) => dep.length === 3 && dep.startsWith('97')

export const POIDS = { proximite: 40, disponibilite: 25, diplome: 15, pix: 15, experience: 5 } as const

const joursEntre = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000

export function evaluer(c: ProfilCandidat, p: Poste): Classement | undefined {
  if (
    (estOutreMer(c.codeDepartement) || estOutreMer(p.codeDepartement)) &&
    c.codeDepartement !== p.codeDepartement
  )
    return undefined
  const d = distanceKm(c.latitude, c.longitude, p.latitude, p.longitude)
  if (d > c.rayonKm) return undefined
  const raisons: string[] = []
  let score = 0

  const proximite = POIDS.proximite * (1 - d / Math.max(c.rayonKm, 1))
  score += proximite
  raisons.push(`à ${Math.round(d)} km, dans son rayon de ${c.rayonKm} km (+${Math.round(proximite)})`)

  const retard = joursEntre(p.debut, c.disponibleLe)
  if (retard <= 0) {
    score += POIDS.disponibilite
    raisons.push(`disponible à la date de début (+${POIDS.disponibilite})`)
  } else {
    // Lose the availability points over three months of lateness.
    const points = Math.max(0, POIDS.disponibilite * (1 - retard / 90))
    score += points
    raisons.push(`disponible ${Math.ceil(retard)} jours après la date de début (+${Math.round(points)})`)
  }
  if (c.diplomeMediationNumerique) {
    score += POIDS.diplome
    raisons.push(`diplômé de la médiation numérique (+${POIDS.diplome})`)
  }
  if (c.niveauPix) {
    const points = (POIDS.pix * Math.min(3, c.niveauPix)) / 3
    score += points
    raisons.push(`certification PIX niveau ${c.niveauPix} (+${Math.round(points)})`)
  }
  if (c.experiencePublic.trim().length >= 20) {
    score += POIDS.experience
    raisons.push(`expérience auprès du public (+${POIDS.experience})`)
  }
  return { id: c.id, score: Math.round(score * 10) / 10, distanceKm: Math.round(d * 10) / 10, raisons }
}

/** Best first; equal scores by distance, then by id so that the order is stable between pages. */
export function classer(candidats: readonly ProfilCandidat[], poste: Poste, limite = 50): Classement[] {
  const retenus: Classement[] = []
  for (const c of candidats) {
    const r = evaluer(c, poste)
    if (r) retenus.push(r)
  }
  retenus.sort((a, b) => b.score - a.score || a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : 1))
  return retenus.slice(0, limite)
}

/** Latitude/longitude box around a point: lets the database discard far candidates with an index. */
export function boiteAutour(lat: number, lon: number, km: number) {
  const dLat = km / 111.2
  const dLon = km / (111.2 * Math.max(0.1, Math.cos((lat * Math.PI) / 180)))
  return { latMin: lat - dLat, latMax: lat + dLat, lonMin: lon - dLon, lonMax: lon + dLon }
}
