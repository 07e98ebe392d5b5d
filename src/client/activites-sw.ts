/**
 * Service worker of the activity form (served at /activites/sw.js, scope /activites/): keeps the
 * form page and its static files so that a conseiller can open it and record without network.
 * Recording itself goes through the island's local queue (activites-saisie.ts), never through here.
 */
import { effacerAutresVersions, sw, versionDuTravailleur } from './partage/portee-service-worker'

const PREFIXE = 'escale-activites-'
/** One cache per deployment (the worker's `?v=`): the previous ones are deleted on activation. */
const CACHE = `${PREFIXE}${versionDuTravailleur()}`
const FORMULAIRE = '/activites/nouvelle'

sw.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.add(FORMULAIRE))
      .catch(() => undefined)
      .then(() => sw.skipWaiting()),
  )
})

sw.addEventListener('activate', (e) => {
  e.waitUntil(effacerAutresVersions(PREFIXE, [CACHE]).then(() => sw.clients.claim()))
})

/** The page tells which hashed files it uses (stylesheets, scripts): they are kept for offline use. */
sw.addEventListener('message', (e) => {
  const d = e.data as { type?: string; urls?: unknown }
  if (d?.type !== 'precharger' || !Array.isArray(d.urls)) return
  const urls = d.urls.filter((u): u is string => typeof u === 'string' && u.startsWith('/'))
  e.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(urls))
      .catch(() => undefined),
  )
})

sw.addEventListener('fetch', (e) => {
  const req = e.request
  if (req.method !== 'GET') return
  const url = new URL(req.url)
  if (url.origin !== sw.location.origin) return
  if (url.pathname.startsWith('/assets/')) {
    // Hashed names never change content: cache first.
    e.respondWith(
      caches.match(req).then(
        (trouve) =>
          trouve ??
          fetch(req).then((r) => {
            if (r.ok) {
              const copie = r.clone()
              void caches.open(CACHE).then((c) => c.put(req, copie))
            }
            return r
          }),
      ),
    )
    return
  }
  if (req.mode === 'navigate' && url.pathname === FORMULAIRE) {
    // Network first: a fresh form (new id, fresh token) whenever the network answers.
    e.respondWith(
      fetch(req)
        .then((r) => {
          if (r.ok) {
            const copie = r.clone()
            void caches.open(CACHE).then((c) => c.put(FORMULAIRE, copie))
          }
          return r
        })
        .catch(() => caches.match(FORMULAIRE).then((r) => r ?? Response.error())),
    )
  }
})
