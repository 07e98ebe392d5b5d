import { asc } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { organisations } from './schema'

export type OrganisationRow = typeof organisations.$inferSelect

export async function creerOrganisation(
  db: Database,
  o: typeof organisations.$inferInsert,
): Promise<OrganisationRow> {
  const [row] = await db.insert(organisations).values(o).returning()
  if (!row) throw new Error('insertion d’organisation sans retour')
  return row
}

export async function listerOrganisations(db: Database): Promise<OrganisationRow[]> {
  return db.select().from(organisations).orderBy(asc(organisations.codeDepartement), asc(organisations.nom))
}
