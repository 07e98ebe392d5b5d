import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest } from './support/app'
import { MOTEURS } from './support/bases'
import type { Navigateur } from './support/navigateur'
import {
  cheminsReels,
  navigateursParRole,
  type RouteDeclaree,
  remplir,
  routesDeclarees,
} from './support/parcours'

/**
 * Every route of the route table (not only the forms someone remembered), for anonymous visitors and
 * one demo account of each role, receives junk in its parameters, query string and body: control
 * characters, impossible dates, lists where one value is expected, huge strings, wrong types, wrong
 * content types, parameters longer than the router accepts. Nothing may answer 5xx.
 *
 * The app listens on a real port and requests carry its address as Host: the FranceConnect and
 * partner flows fetch the app's own OpenID endpoints, as they do in production.
 */

/** Routes that end the session they are sent with: they would turn a role into an anonymous visitor. */
const FERME_LA_SESSION = /^\/(deconnexion|compte\/sessions\/|mes-mandats\/deconnexion|admin\/comptes\/)/

/** Sent in every field at once, one kind per request; dates alternate between the two impossible ones. */
const PIEGES: ((i: number) => string | string[])[] = [
  (i) => (i % 2 ? '2026-02-30' : '0000-00-00'),
  () => 'a\u0000b\u0001c',
  () => ['2026-01-01', 'x'],
]
/** Bodies no parser can read, sent to every route that takes a body: the sender's fault, never ours. */
const CORPS_ILLISIBLES = [
  { type: 'multipart/form-data; boundary=x', contenu: 'Z>w' },
  { type: 'multipart/form-data; boundary=x', contenu: '--x\r\nContent-Disposition: form-data; name="a"\r\n' },
  { type: 'multipart/form-data', contenu: '--x' },
  { type: 'application/json', contenu: '{"a":' },
  { type: 'application/x-www-form-urlencoded; charset=utf-16', contenu: '%' },
]
/** Every route gets the traps for these roles; the generated junk goes to every role. */
const ROLES_DES_PIEGES = ['anonyme', 'Administrateur national', 'Conseiller numérique']

/** A request that never answers is as bad as a 5xx (a handler that hijacked the reply then threw). */
const DELAI_MS = 5_000
const SANS_REPONSE = 599

const texteArbitraire = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    '\u0007\u001b[0m',
    '0000-00-00',
    '2026-02-30',
    '2026-13-01',
    '9999-99-99',
    '-1',
    '1e309',
    'NaN',
    '99999999999999999999999',
    '__proto__',
    '../../etc/passwd',
    '%',
    "' OR 1=1 --",
    '<script>',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.integer({ min: 1, max: 6000 }).map((n) => 'x'.repeat(n)),
)
const valeurArbitraire = fc.oneof(texteArbitraire, fc.array(texteArbitraire, { minLength: 2, maxLength: 3 }))
const jsonArbitraire = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
)

/** Replaces lone UTF-16 halves, which no URL or form can carry, before encoding. */
const encodable = (s: string) => s.replace(/[\uD800-\uDFFF]/g, '?')

function enQuery(champs: Record<string, string | string[]>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(champs))
    for (const x of Array.isArray(v) ? v : [v]) q.append(encodable(k), encodable(x))
  return q.toString()
}

describe.each(MOTEURS)('robustesse : toutes les routes, saisies arbitraires (%s)', (moteur) => {
  let t: AppDeTest
  let hote: string
  let routes: RouteDeclaree[]
  let navigateurs: [string, Navigateur][]
  /** Field names seen in the pages' forms, and concrete paths (real ids) seen in their links. */
  const noms = new Set<string>(['du', 'au', 'date', 'jour', 'mois', 'annee', 'page', 'q', 'statut'])
  const reels = new Map<string, Set<string>>()

  const envoyer = async (
    nav: Navigateur,
    methode: string,
    url: string,
    corps?: { type: string; contenu: string },
  ) => {
    let minuterie: NodeJS.Timeout | undefined
    const reponse = await Promise.race([
      injecter(nav, methode, url, corps),
      new Promise<undefined>((ok) => {
        minuterie = setTimeout(() => ok(undefined), DELAI_MS)
      }),
    ])
    clearTimeout(minuterie)
    return reponse ?? { statusCode: SANS_REPONSE, body: '', headers: {} as Record<string, string> }
  }
  const injecter = (
    nav: Navigateur,
    methode: string,
    url: string,
    corps?: { type: string; contenu: string },
  ) =>
    t.app.inject({
      method: methode as 'GET',
      url,
      headers: {
        host: hote,
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
        cookie: [...nav.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        // The token of the session's CSRF secret: a POST reaches its handler whatever its body.
        'x-csrf-token': nav.dernierCsrf ?? '',
        ...(corps ? { 'content-type': corps.type } : {}),
      },
      ...(corps ? { payload: corps.contenu } : {}),
    })

  const echec = (qui: string, methode: string, url: string, statut: number) =>
    `${qui} ${methode} ${url.slice(0, 160)} → ${statut}`

  beforeAll(async () => {
    t = await appDeTest(moteur, { DEMO_DATA: '1' })
    await t.app.listen({ host: '127.0.0.1', port: 0 })
    hote = `127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
    routes = routesDeclarees(t.app)
    navigateurs = await navigateursParRole(t)
    // These roles' pages: the field names of their forms and the real ids of their links.
    for (const [, nav] of navigateurs.filter(([qui]) => ROLES_DES_PIEGES.includes(qui)))
      for (const r of routes.filter((x) => x.methode === 'GET' && !/[:*]/.test(x.chemin))) {
        const page = await envoyer(nav, 'GET', r.chemin)
        if (!String(page.headers['content-type']).startsWith('text/html')) continue
        for (const m of page.body.matchAll(/\sname="([^"]+)"/g))
          if (m[1] !== '_csrf') noms.add(m[1] as string)
        cheminsReels(routes, page.body, reels)
      }
  }, 300_000)

  afterAll(async () => {
    await t?.fermer()
  })

  it('lit toute la table des routes, pour chaque rôle', () => {
    expect(routes.length).toBeGreaterThan(200)
    for (const attendue of ['POST /formation/sessions', 'GET /lieux/:id', 'POST /comite/programme/vagues'])
      expect(routes.map((r) => `${r.methode} ${r.chemin}`)).toContain(attendue)
    expect(navigateurs.map(([r]) => r)).toEqual(expect.arrayContaining(ROLES_DES_PIEGES))
    expect(navigateurs.length).toBeGreaterThan(8)
    expect(noms.size).toBeGreaterThan(50)
  })

  it('chaque route, pour chaque rôle, reçoit les pièges connus sans erreur 5xx', async () => {
    const echecs: string[] = []
    for (const [qui, nav] of navigateurs.filter(([r]) => ROLES_DES_PIEGES.includes(r)))
      for (const r of routes) {
        if (qui !== 'anonyme' && FERME_LA_SESSION.test(r.chemin)) continue
        const chemins = [...(reels.get(r.chemin) ?? [remplir(r.chemin, () => 'x')])]
        for (const piege of PIEGES) {
          const champs = Object.fromEntries([...noms].map((n, i) => [n, piege(i)]))
          const url = `${chemins[0]}?${enQuery(champs)}`
          const corps =
            r.methode === 'GET'
              ? undefined
              : { type: 'application/x-www-form-urlencoded', contenu: enQuery(champs) }
          const rep = await envoyer(nav, r.methode, url, corps)
          if (rep.statusCode >= 500) echecs.push(echec(qui, r.methode, url, rep.statusCode))
          if (process.env.TRACE_ROBUSTESSE)
            console.error(`${Date.now()} ${qui} ${r.methode} ${url.slice(0, 90)} ${rep.statusCode}`)
        }
        if (r.methode !== 'GET')
          for (const corps of CORPS_ILLISIBLES) {
            const rep = await envoyer(nav, r.methode, chemins[0] as string, corps)
            if (rep.statusCode >= 500)
              echecs.push(echec(qui, r.methode, `${chemins[0]} [${corps.type}]`, rep.statusCode))
          }
      }
    expect(echecs).toEqual([])
  }, 600_000)

  it('un paramètre trop long ou mal encodé donne une page en français, jamais une erreur 5xx', async () => {
    const [, anonyme] = navigateurs[0] as [string, Navigateur]
    for (const r of routes.filter((x) => /[:*]/.test(x.chemin))) {
      for (const valeur of ['y'.repeat(600), '%E0%A4%A', 'a%00b']) {
        const rep = await envoyer(
          anonyme,
          r.methode,
          remplir(r.chemin, () => valeur),
          {
            type: 'application/x-www-form-urlencoded',
            contenu: '',
          },
        )
        expect(rep.statusCode, `${r.methode} ${r.chemin} ${valeur.slice(0, 9)}`).toBeLessThan(500)
        expect(rep.body).not.toMatch(/FST_|Bad Request|Internal Server Error/)
      }
    }
  }, 120_000)

  it('aucune saisie arbitraire, sur aucune route ni pour aucun rôle, ne provoque d’erreur 5xx', async () => {
    const entrees = fc.record({
      route: fc.constantFrom(...routes),
      role: fc.constantFrom(...navigateurs),
      reel: fc.boolean(),
      parametre: texteArbitraire,
      query: fc.dictionary(
        fc.oneof(fc.constantFrom(...noms), fc.string({ maxLength: 8 })),
        valeurArbitraire,
        {
          maxKeys: 6,
        },
      ),
      corps: fc.oneof(
        fc
          .dictionary(fc.oneof(fc.constantFrom(...noms), fc.string({ maxLength: 8 })), valeurArbitraire, {
            maxKeys: 8,
          })
          .map((c) => ({ type: 'application/x-www-form-urlencoded', contenu: enQuery(c) })),
        jsonArbitraire.map((j) => ({ type: 'application/json', contenu: encodable(JSON.stringify(j)) })),
        fc.record({
          type: fc.constantFrom(
            'text/plain',
            'multipart/form-data; boundary=x',
            'application/xml',
            'image/png',
          ),
          contenu: fc.string({ maxLength: 50 }),
        }),
      ),
    })
    await fc.assert(
      fc.asyncProperty(entrees, async ({ route, role: [qui, nav], reel, parametre, query, corps }) => {
        if (qui !== 'anonyme' && FERME_LA_SESSION.test(route.chemin)) return
        const connus = reels.get(route.chemin)
        const chemin =
          reel && connus
            ? ([...connus][0] as string)
            : remplir(route.chemin, () => encodeURIComponent(encodable(parametre)))
        const url = `${chemin}?${enQuery(query)}`
        const rep = await envoyer(nav, route.methode, url, route.methode === 'GET' ? undefined : corps)
        expect(rep.statusCode, echec(qui, route.methode, url, rep.statusCode)).toBeLessThan(500)
      }),
      { numRuns: 1500 },
    )
  }, 300_000)

  it('les sessions des rôles ont tenu jusqu’au bout (les envois ont bien été faits connectés)', async () => {
    for (const [qui, nav] of navigateurs.slice(1)) {
      const r = await envoyer(nav, 'GET', '/espace')
      expect(r.statusCode, qui).toBe(200)
    }
  })
})
