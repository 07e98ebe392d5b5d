/**
 * Service worker of the diagnostic (served at /diagnostic/sw.js, scope /diagnostic/, ADR 010). Once
 * a test has started, the step page hands it what every step needs: its stylesheets and scripts,
 * the offline module, the pictograms the stylesheets point to, the "horaires" page of the link
 * exercise and the step page itself. Without network it serves them from its caches. It computes
 * and records nothing: the page's island runs the engine and keeps the answers.
 */
import { CACHE_PAGES, DUREE_PAGE_GARDEE_MS, PREFIXE_CACHE_FICHIERS } from './diagnostic-partage/copie-locale'
import { effacerAutresVersions, sw, versionDuTravailleur } from './partage/portee-service-worker'

/** This deployment's files; those of the previous ones are deleted on activation. */
const CACHE_FICHIERS = `${PREFIXE_CACHE_FICHIERS}${versionDuTravailleur()}`

const ETAPE = '/diagnostic/etape'
const HORAIRES = '/diagnostic/exercice/horaires'
const PAGES_GARDEES = [ETAPE, HORAIRES]

sw.addEventListener('install', (e) => {
  e.waitUntil(sw.skipWaiting())
})

sw.addEventListener('activate', (e) => {
  // The kept step page (personal, one entry) survives a deployment: a test under way goes on.
  e.waitUntil(
    effacerAutresVersions('escale-diagnostic-', [CACHE_PAGES, CACHE_FICHIERS]).then(() => sw.clients.claim()),
  )
})

const memeOrigine = (u: string) => {
  try {
    return new URL(u, sw.location.origin).origin === sw.location.origin
  } catch {
    return false
  }
}

/** Fetches and keeps one file unless it is already kept (hashed names never change content). */
async function garder(cache: Cache, url: string): Promise<Response | undefined> {
  if (await cache.match(url)) return undefined
  const r = await fetch(url, { credentials: 'same-origin' })
  if (!r.ok || r.redirected) return undefined
  await cache.put(url, r.clone())
  return r
}

/** A stylesheet's pictograms and fonts are fetched only when shown: keep them all now. */
async function garderFeuille(cache: Cache, url: string): Promise<void> {
  const r = await garder(cache, url)
  if (!r) return
  const texte = await r.text()
  const liens = new Set<string>()
  for (const m of texte.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
    const cible = m[1]
    if (!cible || cible.startsWith('data:')) continue
    const absolue = new URL(cible, new URL(url, sw.location.origin))
    if (absolue.origin === sw.location.origin && absolue.pathname.startsWith('/assets/'))
      liens.add(absolue.pathname)
  }
  await Promise.all([...liens].map((l) => garder(cache, l).catch(() => undefined)))
}

sw.addEventListener('message', (e) => {
  const d = e.data as { type?: string; fichiers?: unknown; pages?: unknown }
  if (d?.type !== 'precharger') return
  const liste = (v: unknown) =>
    Array.isArray(v) ? v.filter((u): u is string => typeof u === 'string' && memeOrigine(u)) : []
  const fichiers = liste(d.fichiers).filter((u) => u.startsWith('/assets/'))
  const pages = liste(d.pages).filter((u) => PAGES_GARDEES.includes(u))
  e.waitUntil(
    Promise.all([caches.open(CACHE_FICHIERS), caches.open(CACHE_PAGES)]).then(([f, p]) =>
      Promise.all([
        ...fichiers.map((u) =>
          (u.endsWith('.css') ? garderFeuille(f, u) : garder(f, u)).catch(() => undefined),
        ),
        ...pages.map((u) => garder(u === ETAPE ? p : f, u).catch(() => undefined)),
      ]),
    ),
  )
})

/** Network first for a page: the freshest one whenever the network answers, the kept one otherwise. */
function pageReseauDAbord(req: Request, cle: string, nomCache: string): Promise<Response> {
  return fetch(req)
    .then((r) => {
      if (r.ok && !r.redirected && r.type === 'basic') {
        const copie = r.clone()
        void caches.open(nomCache).then((c) => c.put(cle, copie))
      }
      return r
    })
    .catch(async () => {
      const cache = await caches.open(nomCache)
      const r = await cache.match(cle)
      // R4: a test left for 30 minutes is over; its kept page goes (and with it the answers list).
      const date = Date.parse(r?.headers.get('date') ?? '')
      if (r && nomCache === CACHE_PAGES && Date.now() - date >= DUREE_PAGE_GARDEE_MS) {
        await cache.delete(cle)
        return Response.error()
      }
      return r ?? Response.error()
    })
}

sw.addEventListener('fetch', (e) => {
  const req = e.request
  if (req.method !== 'GET') return
  const url = new URL(req.url)
  if (url.origin !== sw.location.origin) return
  if (url.pathname.startsWith('/assets/')) {
    e.respondWith(
      caches.match(req).then(
        (trouve) =>
          trouve ??
          fetch(req).then((r) => {
            if (r.ok) {
              const copie = r.clone()
              void caches.open(CACHE_FICHIERS).then((c) => c.put(req, copie))
            }
            return r
          }),
      ),
    )
    return
  }
  if (req.mode !== 'navigate') return
  if (url.pathname === ETAPE) e.respondWith(pageReseauDAbord(req, ETAPE, CACHE_PAGES))
  else if (url.pathname === HORAIRES) e.respondWith(pageReseauDAbord(req, HORAIRES, CACHE_FICHIERS))
})
