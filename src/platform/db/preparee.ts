import { PGlite } from '@electric-sql/pglite'
import { getTableColumns } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Database } from './database'

type Client =
  | PGlite
  | { query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> }

/**
 * A hot statement written once as SQL text with `$n` parameters, run as a named prepared statement:
 * PostgreSQL parses and plans it once per connection, and no query builder assembles it on each call
 * (for a write made hundreds of times a second, that assembly cost more than the write's own logic).
 * Takes the database, not a transaction: it runs on its own, atomically as any single statement.
 */
export function instructionPreparee<R>(nom: string, texte: string) {
  return async (db: Database, valeurs: readonly unknown[]): Promise<R[]> => {
    const client = (db as unknown as { $client?: Client }).$client
    if (!client) throw new Error(`instruction préparée « ${nom} » : base attendue, pas une transaction`)
    if (client instanceof PGlite) return (await client.query<R>(texte, [...valeurs])).rows
    return (await client.query({ name: nom, text: texte, values: [...valeurs] })).rows as R[]
  }
}

/**
 * The columns of a table in a fixed order, to write a row in an `instructionPreparee`: their quoted
 * names, and the row's values converted as the query builder would (JSON, arrays, timestamps).
 */
export function colonnesDe<T extends PgTable>(table: T) {
  const colonnes = Object.entries(getTableColumns(table))
  return {
    noms: colonnes.map(([, c]) => `"${c.name}"`).join(', '),
    nombre: colonnes.length,
    valeurs(ligne: T['$inferInsert']): unknown[] {
      return colonnes.map(([cle, c]) => {
        const v = (ligne as Record<string, unknown>)[cle]
        if (v === undefined) throw new Error(`colonne « ${c.name} » sans valeur`)
        return v === null ? null : c.mapToDriverValue(v)
      })
    },
  }
}
