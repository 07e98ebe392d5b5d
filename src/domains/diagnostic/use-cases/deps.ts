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
 * Narrow port to the places domain: the nearest places offering a service to someone in a commune
 * (INSEE code: the diagnostic turns the person's postal code into one first), optionally only the
 * places of a national programme (`Aidants Connect`, `France Services`). Wired in app.ts; tests
 * hand in a fake.
 */
export type TrouverLieux = (
  codeCommune: string,
  service: string,
  nombre: number,
  dispositif?: string,
) => Promise<LieuProche[]>

export interface DepsDiagnostic {
  db: Database
  horloge: Horloge
  baseUrl: string
  trouverLieux: TrouverLieux
  /**
   * Where the result sends a person who wants someone to act for them: this app's Aidants Connect
   * page when the module is on (`/aidants`), otherwise the national service's site.
   */
  pageAidantsConnect?: string
  /**
   * Path of the built service worker of the test (`js/diagnostic-sw.js` of the asset manifest).
   * Absent, the routes read it from `public/build` themselves.
   */
  fichierServiceWorker?: () => string | undefined
  /**
   * Port to the activities domain: the structure a follow-up file of « Mes activités » belongs to
   * (`undefined` when unknown). A record is attached only to a file of the conseiller's structures;
   * without the port, no file is known and nothing can be attached.
   */
  structureDeLaFicheSuivi?: (ficheSuiviId: string) => Promise<string | undefined>
  /** Integer in [0, n): crypto.randomInt unless a test needs to choose. */
  aleatoire?: (n: number) => number
}
