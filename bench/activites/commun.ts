import path from 'node:path'
import pg from 'pg'

/** Settings of the activities bench (environment variables) and the helpers every module uses. */

export const N = Number(process.env.BENCH_N ?? 2_000_000)
export const URL_PG = process.env.BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
/** BENCH_REPRENDRE=<database> measures again a database kept by an earlier run (BENCH_GARDER=1), without seeding. */
export const REPRENDRE = process.env.BENCH_REPRENDRE
export const BASE = REPRENDRE ?? `escale_bench_activites_${process.pid}`
export const PORT = Number(process.env.BENCH_PORT ?? 3917)
export const DUREE_CHARGE_S = Number(process.env.BENCH_DUREE ?? 15)
export const CONCURRENCE = Number(process.env.BENCH_CONCURRENCE ?? 16)
export const PARALLELE = Number(process.env.BENCH_PARALLELE ?? 2)
export const MDP = 'une phrase de passe assez longue'
export const TOTP = 'KRUGS4ZANFZSAYJAOZSXE6JAONSWG4TF'
export const racine = path.resolve(import.meta.dirname, '../..')
export const urlBase = (() => {
  const u = new URL(URL_PG)
  u.pathname = `/${BASE}`
  return u.toString()
})()

export const mediane = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
export const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0
export const arrondi = (x: number) => Math.round(x * 10) / 10
export const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a)

export async function admin(sql: string) {
  const c = new pg.Client({ connectionString: URL_PG })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}
