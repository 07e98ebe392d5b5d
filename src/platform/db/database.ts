import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres'
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'

/** The query builder shared by both engines; a transaction has the same type. */
export type Database = PgDatabase<PgQueryResultHKT>

export type DatabaseKind = 'pglite' | 'postgresql'

export interface DatabaseHandle {
  db: Database
  kind: DatabaseKind
  migrate(): Promise<void>
  close(): Promise<void>
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../db/migrations')

export type OpenOptions =
  | { kind: 'postgresql'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | undefined; loadDataDir?: Blob | File }

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.kind === 'postgresql') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 })
    // An idle client that loses its server must not crash the process.
    pool.on('error', () => {})
    const db = drizzleNodePg(pool) as unknown as Database
    return {
      db,
      kind: 'postgresql',
      migrate: () => migrateNodePg(drizzleNodePg(pool), { migrationsFolder: MIGRATIONS_DIR }),
      close: () => pool.end(),
    }
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  const client = await PGlite.create({
    dataDir: options.dataDir,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  })
  const db = drizzlePglite(client) as unknown as Database
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR }),
    close: () => client.close(),
  }
}

/** Number of migrations known to the code and number applied in the database (for /sante). */
export async function etatMigrations(db: Database): Promise<{ connues: number; appliquees: number }> {
  const journal = JSON.parse(await readFile(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[]
  }
  const rows = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)
  const n = (rows as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0
  return { connues: journal.entries.length, appliquees: n }
}
