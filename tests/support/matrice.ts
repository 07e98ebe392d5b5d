import type { RouteOptions } from 'fastify'
import { expect, it } from 'vitest'
import type { Habilitation } from '../../src/domains/comptes'
import type { DatabaseHandle } from '../../src/platform/db/database'
import { type AppDeTest, connecter, creerCompteTest } from './app'
import { Navigateur } from './navigateur'

/**
 * Route × role matrices, written once for every domain: who may read which page (`lectures`), and
 * what a caller of one scope gets when it tries to write with the ids of another (`essayerEcritures`,
 * with `empreinteBase` proving nothing was written).
 */

/** Roles that sign in with a second factor (their accounts get a TOTP). */
const AVEC_TOTP = new Set(['admin', 'aidant', 'referent'])

let adresse = 0
/**
 * Signs in one browser per caller, plus an anonymous one. Each browser has its own client address:
 * the login form's rate limit (10 per minute and address) would otherwise cap a matrix at ten roles.
 */
export async function connecterTous<Q extends string>(
  t: AppDeTest,
  habilitations: Record<Q, Habilitation[]>,
): Promise<{ navigateurs: Map<Q | 'anonyme', Navigateur>; comptes: Map<Q, string> }> {
  const navigateurs = new Map<Q | 'anonyme', Navigateur>([['anonyme', new Navigateur(t.app)]])
  const comptes = new Map<Q, string>()
  const depart = t.maintenant.valeur
  for (const [qui, hs] of Object.entries(habilitations) as [Q, Habilitation[]][]) {
    const totp = hs.some((h) => AVEC_TOTP.has(h.role))
    const compte = await creerCompteTest(t.base, { habilitations: hs, totp })
    adresse++
    const n = new Navigateur(t.app, undefined, `10.250.${Math.floor(adresse / 250) % 250}.${adresse % 250}`)
    await connecter(n, t, compte)
    navigateurs.set(qui, n)
    comptes.set(qui, compte.id)
    // A TOTP code is accepted once: the next account signs in on the next 30-second step.
    if (totp) t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + 31_000)
  }
  t.maintenant.valeur = depart
  return { navigateurs, comptes }
}

/**
 * Declares one test per route × caller: `GET <route> par <qui>` answers `attendu[route](qui)`.
 * Routes may be symbolic keys turned into addresses by `url` once the fixtures exist.
 */
export function lectures<Q extends string>(o: {
  navigateurs: () => Map<Q, Navigateur>
  qui: readonly Q[]
  attendu: Record<string, (qui: Q) => number>
  url?: (cle: string) => string
}): void {
  const cas = Object.keys(o.attendu).flatMap((route) => o.qui.map((qui) => [route, qui] as const))
  it.each(cas)('GET %s par %s', async (route, qui) => {
    const n = o.navigateurs().get(qui)
    if (!n) throw new Error(`aucun navigateur pour ${qui}`)
    const r = await n.get(o.url ? o.url(route) : route)
    expect(r.statusCode).toBe(o.attendu[route]?.(qui))
  })
}

/** Every state-changing route of an app, as `METHOD /path` (for `appDeTest`'s `onRoute`). */
export function collecteurDeRoutes(): { onRoute: (r: RouteOptions) => void; ecritures: Set<string> } {
  const ecritures = new Set<string>()
  return {
    ecritures,
    onRoute: (r) => {
      for (const m of [r.method].flat())
        if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(m)) ecritures.add(`${m} ${r.url}`)
    },
  }
}

/**
 * Tables that any request touches: the caller's own session (its last activity). A case writing to
 * them is checked by its own `verifier`. Any other change after a refusal is a write that should not
 * have happened.
 */
const TABLES_VIVANTES = new Set(['sessions'])

/** One fingerprint per table: the md5 of all its rows, read the same way on PGlite and PostgreSQL. */
export async function empreinteBase(base: DatabaseHandle): Promise<Map<string, string>> {
  const { sql } = await import('drizzle-orm')
  const lignes = <T>(r: unknown) => (r as { rows: T[] }).rows
  const tables = lignes<{ nom: string }>(
    await base.db.execute(
      sql`select table_name as nom from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  )
    .map((t) => t.nom)
    .filter((t) => !TABLES_VIVANTES.has(t) && !t.startsWith('__drizzle'))
  const empreinte = new Map<string, string>()
  for (const t of tables) {
    const [e] = lignes<{ md5: string }>(
      await base.db.execute(
        sql.raw(`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as md5 from "${t}" x`),
      ),
    )
    empreinte.set(t, e?.md5 ?? '')
  }
  return empreinte
}

/** Tables whose content differs between two fingerprints. */
export function tablesChangees(avant: Map<string, string>, apres: Map<string, string>): string[] {
  return [...new Set([...avant.keys(), ...apres.keys()])].filter((t) => avant.get(t) !== apres.get(t))
}

export interface CasEcriture<Q extends string = string> {
  /** The route as the route table names it, e.g. `POST /activites/:id/supprimer`. */
  route: string
  /** The caller, of scope A (or a role without the right). */
  qui: Q
  /** The address with the ids of scope B. */
  url: string
  /** Form fields (urlencoded); `json` sends a JSON body with the CSRF token in a header instead. */
  champs?: Record<string, string>
  json?: unknown
  /**
   * Accepted answers; 403 or 404 unless said otherwise (a form that re-displays the refusal in
   * French answers 400 or 422, and says why in `pourquoi`).
   */
  refus?: number[]
  pourquoi?: string
  /** What the fingerprint cannot see (a table of `TABLES_VIVANTES`): a message when it was written. */
  verifier?: () => Promise<string | undefined>
}

/**
 * Sends each write as its caller would (a page first, for the CSRF token of its session) and
 * returns the discrepancies: a status outside `refus`, or a table changed by a refused request.
 */
export async function essayerEcritures<Q extends string>(
  t: AppDeTest,
  navigateurs: Map<Q | 'anonyme', Navigateur>,
  cas: readonly CasEcriture<Q>[],
): Promise<string[]> {
  const ecarts: string[] = []
  for (const c of cas) {
    const n = navigateurs.get(c.qui)
    if (!n) {
      ecarts.push(`${c.route} : aucun navigateur pour ${c.qui}`)
      continue
    }
    await n.get('/espace')
    const avant = await empreinteBase(t.base)
    const r =
      c.json === undefined
        ? await n.post(c.url, c.champs ?? {})
        : await t.app.inject({
            method: 'POST',
            url: c.url,
            headers: {
              cookie: [...n.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
              'content-type': 'application/json',
              'csrf-token': n.dernierCsrf ?? '',
            },
            payload: JSON.stringify(c.json),
          })
    const refus = c.refus ?? [403, 404]
    if (!refus.includes(r.statusCode))
      ecarts.push(`${c.route} par ${c.qui} (${c.url}) : ${r.statusCode} au lieu de ${refus.join(' ou ')}`)
    const changees = tablesChangees(avant, await empreinteBase(t.base))
    if (changees.length) ecarts.push(`${c.route} par ${c.qui} : écrit dans ${changees.join(', ')}`)
    const ecrit = await c.verifier?.()
    if (ecrit) ecarts.push(`${c.route} par ${c.qui} : ${ecrit}`)
  }
  return ecarts
}
