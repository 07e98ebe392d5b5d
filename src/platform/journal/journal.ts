import { desc, lt } from 'drizzle-orm'
import type { Database } from '../db/database'
import { journalAdmin } from './schema'

export interface EntreeJournal {
  acteurId: string | null
  action: string
  cible?: string
  details?: Record<string, unknown>
}

/** Written in the same transaction as the change it records. */
export async function journaliser(db: Database, e: EntreeJournal): Promise<void> {
  await db
    .insert(journalAdmin)
    .values({ acteurId: e.acteurId, action: e.action, cible: e.cible ?? null, details: e.details ?? {} })
}

/** Newest first; `avant` is the id of the last entry already shown (keyset pagination). */
export async function lireJournal(db: Database, limite: number, avant?: number) {
  return db
    .select()
    .from(journalAdmin)
    .where(avant ? lt(journalAdmin.id, avant) : undefined)
    .orderBy(desc(journalAdmin.id))
    .limit(limite)
}
