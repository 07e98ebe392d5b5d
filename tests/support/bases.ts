import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { type DatabaseHandle, MIGRATIONS_DIR, openDatabase } from '../../src/platform/db/database'

/**
 * Each test file gets its own freshly migrated database, cloned from a template migrated once per
 * run: a PGlite data-dir dump for the embedded engine, `CREATE DATABASE … TEMPLATE` for PostgreSQL.
 */

export type Moteur = 'pglite' | 'postgresql'

function empreinteMigrations(): string {
  const h = createHash('sha256')
  for (const f of readdirSync(MIGRATIONS_DIR)
    .filter((x) => x.endsWith('.sql'))
    .sort())
    h.update(f).update(readFileSync(path.join(MIGRATIONS_DIR, f)))
  return h.digest('hex').slice(0, 12)
}

const empreinte = empreinteMigrations()
export const fichierGabaritPglite = path.join(os.tmpdir(), `escale-gabarit-${empreinte}.tar`)
/**
 * The PostgreSQL template of this run. Named per run (the global setup sets ESCALE_GABARIT_PG for the
 * workers) so that two runs on the same server — a CI job and a developer's suite — never drop each
 * other's template.
 */
export const nomGabaritPostgres = (): string =>
  process.env.ESCALE_GABARIT_PG ?? `escale_gabarit_${empreinte}_${process.pid}`

export const urlPostgresDeTest = process.env.TEST_DATABASE_URL

/** The engines the integration tests run on: always PGlite, and PostgreSQL when TEST_DATABASE_URL is set. */
export const MOTEURS: Moteur[] = urlPostgresDeTest ? ['pglite', 'postgresql'] : ['pglite']

function urlAvecBase(url: string, base: string): string {
  const u = new URL(url)
  u.pathname = `/${base}`
  return u.toString()
}

export async function preparerGabarits(): Promise<void> {
  if (!existsSync(fichierGabaritPglite)) {
    const h = await openDatabase({ kind: 'pglite', dataDir: undefined })
    await h.migrate()
    const client = (h.db as unknown as { $client: PGlite }).$client
    const dump = await client.dumpDataDir('none')
    const tmp = `${fichierGabaritPglite}.${process.pid}`
    await writeFile(tmp, Buffer.from(await dump.arrayBuffer()))
    await import('node:fs/promises').then((fs) => fs.rename(tmp, fichierGabaritPglite))
    await h.close()
  }
  if (urlPostgresDeTest) {
    const gabarit = nomGabaritPostgres()
    const admin = new pg.Client({ connectionString: urlPostgresDeTest })
    await admin.connect()
    try {
      const existe = await admin.query('select 1 from pg_database where datname = $1', [gabarit])
      if (existe.rowCount === 0) {
        const tmp = `${gabarit}_tmp`
        await admin.query(`create database "${tmp}"`)
        const h = await openDatabase({
          kind: 'postgresql',
          url: urlAvecBase(urlPostgresDeTest, tmp),
          poolSize: 1,
        })
        await h.migrate()
        await h.close()
        await admin.query(`alter database "${tmp}" rename to "${gabarit}"`)
      }
    } finally {
      await admin.end()
    }
  }
}

export async function nouvelleBase(moteur: Moteur): Promise<DatabaseHandle> {
  if (moteur === 'pglite') {
    const blob = new Blob([readFileSync(fichierGabaritPglite)])
    return openDatabase({ kind: 'pglite', dataDir: undefined, loadDataDir: blob })
  }
  if (!urlPostgresDeTest) throw new Error('TEST_DATABASE_URL absent')
  const nom = `escale_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`
  const admin = new pg.Client({ connectionString: urlPostgresDeTest })
  await admin.connect()
  await admin.query(`create database "${nom}" template "${nomGabaritPostgres()}"`)
  await admin.end()
  const h = await openDatabase({ kind: 'postgresql', url: urlAvecBase(urlPostgresDeTest, nom), poolSize: 5 })
  return {
    ...h,
    async close() {
      await h.close()
      const a = new pg.Client({ connectionString: urlPostgresDeTest })
      await a.connect()
      await a.query(`drop database if exists "${nom}" with (force)`)
      await a.end()
    },
  }
}
