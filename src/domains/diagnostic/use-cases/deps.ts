import type { Horloge } from '../../../platform/crypto'
import type { Database } from '../../../platform/db/database'

export interface LieuProche {
  id: string
  nom: string
  adresse: string
  commune: string
  distanceKm: number
  url: string
}

/**
 * Narrow port to the places domain: the nearest places offering a service to someone in a
 * commune. Wired in app.ts; tests hand in a fake.
 */
export type TrouverLieux = (
  codeCommuneOuCodePostal: string,
  service: string,
  nombre: number,
) => Promise<LieuProche[]>

export interface DepsDiagnostic {
  db: Database
  horloge: Horloge
  baseUrl: string
  trouverLieux: TrouverLieux
  /** Integer in [0, n): crypto.randomInt unless a test needs to choose. */
  aleatoire?: (n: number) => number
}
