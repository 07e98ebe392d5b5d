/** Public surface of the recruitment domain (host structures, for now what accounts and scopes need). */
import type { Portee } from '../../platform/auth/roles'
import type { Database } from '../../platform/db/database'
import { listerStructures } from './db/structures-repository'

export type { StructureRow } from './db/structures-repository'
export { creerStructure } from './db/structures-repository'

export async function porteesStructures(db: Database): Promise<Portee[]> {
  return (await listerStructures(db)).map((s) => ({
    type: 'structure',
    code: s.id,
    libelle: `${s.nom} (${s.codeDepartement})`,
  }))
}
