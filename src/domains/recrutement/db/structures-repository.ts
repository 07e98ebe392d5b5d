import { asc } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { structures } from './schema'

export type StructureRow = typeof structures.$inferSelect

export async function creerStructure(db: Database, s: typeof structures.$inferInsert): Promise<StructureRow> {
  const [row] = await db.insert(structures).values(s).returning()
  if (!row) throw new Error('insertion de structure sans retour')
  return row
}

export async function listerStructures(db: Database): Promise<StructureRow[]> {
  return db.select().from(structures).orderBy(asc(structures.codeDepartement), asc(structures.nom))
}
