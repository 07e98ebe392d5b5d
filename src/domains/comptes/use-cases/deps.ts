import type { Horloge } from '../../../platform/crypto'
import type { Database } from '../../../platform/db/database'

export interface DepsComptes {
  db: Database
  horloge: Horloge
  baseUrl: string
  /** Minutes of inactivity per role (see config SESSION_IDLE_MINUTES). */
  inactiviteParRole: Readonly<Record<string, number>>
}
