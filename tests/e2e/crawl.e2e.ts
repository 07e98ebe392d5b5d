import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, lancerChromium, sansChromium } from './outils'

/**
 * Crawl of every demo role (issue 17, point 10): from the role's home, every internal link reachable
 * in three clicks answers without 4xx/5xx, no page is wider than a 320 px screen (the narrowest width
 * QUALITY.md promises; 412 px phones follow), no ISO date nor « (s) » plural shows in visible text,
 * and axe finds no violation.
 *
 * To keep the run short (a few minutes for every role on two shared cores):
 * - URLs are deduplicated by their shape: identifiers in the path and the values of the query are
 *   replaced by a placeholder, so that one page of each kind is checked, not the 200 places;
 * - a shape checked for one role is not checked again for the next ones (the anonymous visitor
 *   first, so public pages are checked once); each role's home is always checked;
 * - one account per role (the two conseillers and the two préfectures see the same pages);
 * - at most PAGES_PAR_ROLE pages per role, breadth first (the closest to the home first);
 * - forms are never submitted, so nothing changes state (logout and the demo sign-in are forms);
 *   files (CSV, PDF, spreadsheets) are fetched for their status only.
 */
const LARGEUR = 320
const PROFONDEUR = 3
const PAGES_PAR_ROLE = 25

type TypeConstat = 'statut' | 'largeur' | 'date-iso' | 'pluriel' | 'axe'
interface Constat {
  chemin: string
  type: TypeConstat
  detail: string
}

/**
 * Findings that cannot be fixed today: each entry names the page (`chemin`), the kind of finding and
 * why it waits. An entry that no longer matches anything is reported (console) so that it can be
 * removed. Empty today: every finding of the crawl was fixed (shared causes in escale.css, page ones
 * in their views).
 */
const TOLERES: readonly { chemin: RegExp; type: TypeConstat; raison: string }[] = [
  {
    chemin: /^\/diagnostic\/sessions\/[^/]+\/suivi$/,
    type: 'axe',
    raison:
      'fragment HTML (le tableau du suivi) que l’îlot de la session recharge et insère dans sa page, qui a titre et langue : pas une page à lire seule',
  },
]

const EXCLUS = [/^\/deconnexion/, /^\/demo(\/|$)/, /^\/api\/v1\//, /^\/oidc\//, /^\/assets\//]
const FICHIER = /\.(csv|pdf|xlsx|json|zip|svg|png|ics)$|\/(export|telecharger)/

/** One shape per kind of page: `/lieux/8f3…/modifier?page=2` → `/lieux/:id/modifier?page=`. */
function forme(url: URL): string {
  const segments = url.pathname
    .split('/')
    .map((s) => (/\d/.test(s) && (s.length >= 8 || /^\d+$/.test(s)) ? ':id' : s))
  const cles = [...url.searchParams.keys()].sort().map((k) => `${k}=`)
  return segments.join('/') + (cles.length ? `?${cles.join('&')}` : '')
}

async function liensInternes(page: Page): Promise<string[]> {
  const origine = new URL(baseUrl()).origin
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href))
  return hrefs
    .map((h) => new URL(h))
    .filter((u) => u.origin === origine && !EXCLUS.some((re) => re.test(u.pathname)))
    .map((u) => {
      u.hash = ''
      return u.href
    })
}

async function examiner(page: Page, chemin: string, constats: Constat[]): Promise<boolean> {
  const u = new URL(chemin, baseUrl())
  const ajouter = (type: TypeConstat, detail: string) =>
    constats.push({ chemin: u.pathname + u.search, type, detail })
  if (FICHIER.test(u.pathname)) {
    const r = await page.context().request.get(chemin)
    if (r.status() >= 400) ajouter('statut', String(r.status()))
    return false
  }
  let reponse: Awaited<ReturnType<Page['goto']>>
  try {
    reponse = await page.goto(chemin, { waitUntil: 'load' })
  } catch {
    // A file served as an attachment without a telling name makes navigation fail: its status is read apart.
    const r = await page.context().request.get(chemin)
    if (r.status() >= 400) ajouter('statut', String(r.status()))
    return false
  }
  const statut = reponse?.status() ?? 0
  if (statut >= 400) ajouter('statut', String(statut))
  if (!(reponse?.headers()['content-type'] ?? '').startsWith('text/html')) return false
  const mesure = await page.evaluate(() => ({
    large: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    // biome-ignore lint/performance/useDomNodeTextContent: the text a person sees, not hidden text nor scripts.
    texte: document.body.innerText,
  }))
  if (mesure.large > 0) ajouter('largeur', `${mesure.large} px de trop à ${LARGEUR} px`)
  const iso = mesure.texte.match(/\b\d{4}-\d{2}-\d{2}\b/)
  if (iso) ajouter('date-iso', iso[0])
  const pluriel = mesure.texte.match(/\S*\(s\)/)
  if (pluriel) ajouter('pluriel', pluriel[0])
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  for (const v of axe.violations) ajouter('axe', `${v.id} : ${v.nodes[0]?.target.join(' ')}`)
  return statut < 400
}

/** Breadth-first from the home, PROFONDEUR clicks deep, one URL per shape over the whole crawl. */
async function parcourir(page: Page, depart: string, vues: Set<string>): Promise<Constat[]> {
  const constats: Constat[] = []
  vues.add(forme(new URL(depart, baseUrl())))
  let niveau = [depart]
  let examinees = 0
  for (let profondeur = 0; profondeur <= PROFONDEUR && niveau.length > 0; profondeur++) {
    const suivant: string[] = []
    for (const url of niveau) {
      if (examinees >= PAGES_PAR_ROLE) break
      examinees++
      const html = await examiner(page, url, constats)
      if (!html || profondeur === PROFONDEUR) continue
      for (const lien of await liensInternes(page)) {
        const f = forme(new URL(lien))
        if (vues.has(f)) continue
        vues.add(f)
        suivant.push(lien)
      }
    }
    niveau = suivant
  }
  return constats
}

function nonToleres(constats: Constat[], utilises: Set<number>): string[] {
  return constats
    .filter((c) => {
      const i = TOLERES.findIndex((t) => t.type === c.type && t.chemin.test(c.chemin))
      if (i >= 0) utilises.add(i)
      return i < 0
    })
    .map((c) => `${c.type} ${c.chemin} — ${c.detail}`)
}

describe.skipIf(sansChromium())('crawl : chaque rôle, trois clics depuis son accueil', () => {
  let navigateur: Browser
  /** Shapes already checked, by any role. */
  const vues = new Set<string>()
  const utilises = new Set<number>()
  let comptes: { role: string; action: string }[] = []

  const nouveauContexte = (): Promise<BrowserContext> =>
    navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: LARGEUR, height: 800 } })

  beforeAll(async () => {
    navigateur = await lancerChromium()
    const contexte = await nouveauContexte()
    const page = await contexte.newPage()
    await page.goto('/demo')
    const lignes = await page.$$eval('tr:has(form[action^="/demo/"])', (trs) =>
      trs.map((tr) => ({
        role: (tr.querySelector('td')?.textContent ?? '').trim(),
        action: tr.querySelector('form')?.getAttribute('action') ?? '',
      })),
    )
    comptes = lignes.filter((c, i) => lignes.findIndex((d) => d.role === c.role) === i)
    await contexte.close()
  })
  afterAll(async () => {
    const inutiles = TOLERES.filter((_, i) => !utilises.has(i))
    if (inutiles.length > 0)
      console.warn(`Entrées tolérées qui ne servent plus : ${inutiles.map((t) => t.chemin).join(', ')}`)
    await navigateur?.close()
  })

  it('visiteur anonyme', { timeout: 240_000 }, async () => {
    const contexte = await nouveauContexte()
    const constats = await parcourir(await contexte.newPage(), '/', vues)
    await contexte.close()
    expect(nonToleres(constats, utilises)).toEqual([])
  })

  it('un compte de démonstration par rôle', { timeout: 900_000 }, async () => {
    expect(comptes.length).toBeGreaterThan(5)
    const echecs: string[] = []
    for (const compte of comptes) {
      const contexte = await nouveauContexte()
      const page = await contexte.newPage()
      await page.goto('/demo')
      await page.locator(`form[action="${compte.action}"] button`).click()
      await page.waitForURL('**/espace')
      const constats = await parcourir(page, '/espace', vues)
      await contexte.close()
      for (const e of nonToleres(constats, utilises)) echecs.push(`${compte.role} : ${e}`)
    }
    expect(echecs).toEqual([])
  })
})
