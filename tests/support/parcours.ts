import type { FastifyInstance } from 'fastify'
import type { AppDeTest } from './app'
import { Navigateur } from './navigateur'

/**
 * Helpers for the tests that walk the whole app rather than one domain: the route table as Fastify
 * holds it, and one signed-in browser per demo account (the demo data gives each role real records).
 */

export interface RouteDeclaree {
  methode: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Declared path, with `:param` and `*` left as they are. */
  chemin: string
}

/**
 * Every route of the table, read from `printRoutes` (Fastify exposes no list once routes are added):
 * each line is one path segment under its parent, at four characters of indentation per level.
 */
export function routesDeclarees(app: FastifyInstance): RouteDeclaree[] {
  const lignes = app.printRoutes({ commonPrefix: false }).split('\n')
  const pile: string[] = []
  const routes: RouteDeclaree[] = []
  for (const ligne of lignes) {
    const debut = ligne.indexOf('── ')
    if (debut < 0) continue
    const m = /^(.+?)(?: \(([A-Z, ]+)\))?$/.exec(ligne.slice(debut + 3))
    if (!m?.[1]) continue
    pile.length = (debut - 1) / 4
    pile.push(m[1])
    const chemin = pile.join('')
    for (const methode of (m[2] ?? '').split(', ').filter(Boolean))
      if (methode !== 'HEAD' && methode !== 'OPTIONS') routes.push({ methode: methode as never, chemin })
  }
  return routes
}

export interface CompteDemo {
  id: string
  libelle: string
}

/** The demo accounts listed on `/demo` (demo mode with DEMO_DATA=1). */
export async function comptesDemo(t: AppDeTest): Promise<CompteDemo[]> {
  const r = await t.app.inject('/demo')
  const comptes: CompteDemo[] = []
  // Each account's button reads « Se connecter » plus, for screen readers, « en tant que Prénom Nom, rôle ».
  for (const m of r.body.matchAll(
    /action="\/demo\/([0-9a-f-]{36})"[\s\S]*?<span class="fr-sr-only">\s*en tant que ([^<]*)<\/span>/g,
  ))
    comptes.push({ id: m[1] as string, libelle: (m[2] as string).trim() })
  // A walk that silently lost its signed-in roles would still pass: it must find the demo accounts.
  if (comptes.length < 5)
    throw new Error(`comptes de démonstration introuvables sur /demo (${comptes.length})`)
  return comptes
}

/** A browser signed in as a demo account, its CSRF token already known. */
export async function connecterDemo(t: AppDeTest, compte: CompteDemo, ip: string): Promise<Navigateur> {
  const n = new Navigateur(t.app, undefined, ip)
  await n.get('/demo')
  const r = await n.post(`/demo/${compte.id}`)
  if (r.headers.location !== '/espace')
    throw new Error(`connexion de démonstration refusée (${r.statusCode})`)
  await n.get('/espace')
  return n
}

/** Signs in one demo account per role (the first listed), plus an anonymous browser, each with its own address. */
export async function navigateursParRole(t: AppDeTest): Promise<[string, Navigateur][]> {
  const anonyme = new Navigateur(t.app, undefined, '10.9.0.1')
  await anonyme.get('/connexion')
  const navigateurs: [string, Navigateur][] = [['anonyme', anonyme]]
  const vus = new Set<string>()
  let i = 2
  for (const c of await comptesDemo(t)) {
    const role = c.libelle.split(', ').pop() ?? c.libelle
    if (vus.has(role)) continue
    vus.add(role)
    navigateurs.push([role, await connecterDemo(t, c, `10.9.0.${i++}`)])
  }
  return navigateurs
}

/** A declared path with its parameters filled (`:id` → value, `*` → value). */
export function remplir(chemin: string, valeur: (nom: string) => string): string {
  return chemin.replace(/:([A-Za-z_]+)/g, (_m, nom: string) => valeur(nom)).replace('*', () => valeur('*'))
}

/** For each declared path with parameters, the concrete paths of it found in links (real ids). */
export function cheminsReels(
  routes: readonly RouteDeclaree[],
  html: string,
  trouves: Map<string, Set<string>>,
) {
  for (const m of html.matchAll(/(?:href|action)="(\/[^"?#]*)/g)) {
    const url = m[1] as string
    for (const r of routes) {
      if (!r.chemin.includes(':')) continue
      const motif = new RegExp(`^${r.chemin.replace(/[.]/g, '\\.').replace(/:[A-Za-z_]+/g, '[^/]+')}$`)
      if (!motif.test(url)) continue
      const ensemble = trouves.get(r.chemin) ?? new Set<string>()
      if (ensemble.size < 3) ensemble.add(url)
      trouves.set(r.chemin, ensemble)
    }
  }
}
