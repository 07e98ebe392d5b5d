/** Public surface of the Aidants Connect domain (organisations, for now what accounts and scopes need). */
import type { Portee } from '../../platform/auth/roles'
import type { Database } from '../../platform/db/database'
import { listerOrganisations } from './db/organisations-repository'

export { creerOrganisation } from './db/organisations-repository'

export async function porteesOrganisations(db: Database): Promise<Portee[]> {
  return (await listerOrganisations(db)).map((o) => ({
    type: 'organisation',
    code: o.id,
    libelle: `${o.nom} (${o.codeDepartement})`,
  }))
}
