import type { Horloge } from '../../../platform/crypto'
import type { Database } from '../../../platform/db/database'
import type { ReferentielCommunes } from '../../../platform/geo/communes'
import type { ConnecteursLieux } from '../domain/ports'
import type { CatalogueLieux } from './catalogue-lieux'

export interface DepsLieux {
  db: Database
  horloge: Horloge
  communes: ReferentielCommunes
  catalogue: CatalogueLieux
  /** The address base and Acceslibre; a missing one is disabled (see domain/ports.ts). */
  connecteurs?: ConnecteursLieux
  /** Public address of the app (links in e-mails and in the data·inclusion export). */
  baseUrl?: string
}
