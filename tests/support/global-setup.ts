import pg from 'pg'
import { nomGabaritPostgres, preparerGabarits, urlPostgresDeTest } from './bases'

export default async function setup() {
  // One template per run, inherited by the test workers.
  process.env.ESCALE_GABARIT_PG = nomGabaritPostgres()
  await preparerGabarits()
  return async () => {
    if (!urlPostgresDeTest) return
    const c = new pg.Client({ connectionString: urlPostgresDeTest })
    await c.connect()
    await c.query(`drop database if exists "${nomGabaritPostgres()}" with (force)`).catch(() => {})
    await c.end()
  }
}
