import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, lancerChromium, relais, sansChromium } from './outils'

/**
 * Service workers across deployments, and a network that says it is there but does not answer
 * (issue 17, point 12). A deployment is played by registering the worker under another version, as
 * a page of the next deployment does (`sw.js?v=<digest of its hashed files>`).
 */

async function connexionDemo(page: Page, nom: RegExp) {
  await page.goto('/demo')
  await page.getByRole('button', { name: nom }).click()
  await page.waitForURL('**/espace')
}

/** Leaves a cache as an older deployment would have, with one of its hashed files. */
const laisserUnVieuxCache = (page: Page, nom: string) =>
  page.evaluate(async (n) => {
    const c = await caches.open(n)
    await c.put(
      '/assets/js/ancien.0123456789.js',
      new Response('// ancien', { headers: { 'content-type': 'text/javascript' } }),
    )
  }, nom)

const nomsDesCaches = (page: Page) => page.evaluate(() => caches.keys())

/** Registers the worker as the next deployment's page would, and waits for it to take over. */
const deployer = (page: Page, chemin: string, portee: string, version: string) =>
  page.evaluate(
    async ({ c, p, v }) => {
      const r = await navigator.serviceWorker.register(`${c}?v=${v}`, { scope: p })
      const attendre = (sw: ServiceWorker) =>
        new Promise<void>((ok) => {
          if (sw.state === 'activated') return ok()
          sw.addEventListener('statechange', () => sw.state === 'activated' && ok())
        })
      const nouveau = r.installing ?? r.waiting ?? r.active
      if (nouveau) await attendre(nouveau)
    },
    { c: chemin, p: portee, v: version },
  )

describe.skipIf(sansChromium())('hors ligne : caches des déploiements et réseau muet', () => {
  let navigateur: Browser
  beforeAll(async () => {
    navigateur = await lancerChromium()
  })
  afterAll(async () => navigateur?.close())

  it('le formulaire d’activité : les caches d’un ancien déploiement sont effacés à l’activation', async () => {
    const contexte = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
    const page = await contexte.newPage()
    await connexionDemo(page, /Inès Fabre/)
    await page.goto('/activites')
    await laisserUnVieuxCache(page, 'escale-activites-v1')
    await laisserUnVieuxCache(page, 'escale-activites-ancienne')

    await page.goto('/activites/nouvelle')
    await page.waitForFunction(() => !!navigator.serviceWorker.controller)
    await expect
      .poll(() => nomsDesCaches(page), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^escale-activites-(?!v1$|ancienne$)[0-9a-z]+$/)])
    const [actuel] = await nomsDesCaches(page)
    // The form and the page's hashed files are in this deployment's cache.
    await expect
      .poll(() =>
        page.evaluate(
          (n) =>
            caches
              .open(n)
              .then((c) => c.keys())
              .then((k) => k.length),
          actuel!,
        ),
      )
      .toBeGreaterThan(2)

    await deployer(page, '/activites/sw.js', '/activites/', 'suivante')
    await expect.poll(() => nomsDesCaches(page), { timeout: 10_000 }).toEqual(['escale-activites-suivante'])
    await contexte.close()
  })

  it('le diagnostic : les fichiers d’un ancien déploiement partent, la page d’étape gardée reste', async () => {
    const contexte = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
    const page = await contexte.newPage()
    await page.goto('/diagnostic')
    await laisserUnVieuxCache(page, 'escale-diagnostic-fichiers-v1')
    await page.getByRole('button', { name: 'Commencer' }).click()
    await page.waitForURL('**/diagnostic/etape')
    await page.waitForFunction(() => !!navigator.serviceWorker.controller)
    await expect
      .poll(() => nomsDesCaches(page), { timeout: 15_000 })
      .toEqual(
        expect.arrayContaining([
          'escale-diagnostic-pages-v1',
          expect.stringMatching(/^escale-diagnostic-fichiers-(?!v1$)[0-9a-z]+$/),
        ]),
      )
    expect(await nomsDesCaches(page)).not.toContain('escale-diagnostic-fichiers-v1')

    await deployer(page, '/diagnostic/sw.js', '/diagnostic/', 'suivante')
    await expect
      .poll(async () => (await nomsDesCaches(page)).sort(), { timeout: 10_000 })
      .toEqual(['escale-diagnostic-pages-v1'])
    await contexte.close()
  })

  it('un réseau présent mais muet : l’activité est gardée sur l’appareil, pas perdue', async () => {
    const reseau = relais(new URL(baseUrl()))
    const contexte = await navigateur.newContext({
      baseURL: await reseau.ecouter(),
      locale: 'fr-FR',
      viewport: { width: 412, height: 900 },
    })
    const page = await contexte.newPage()
    await connexionDemo(page, /Inès Fabre/)
    await page.goto('/activites/nouvelle')
    await page.waitForFunction(() => !!navigator.serviceWorker.controller)

    // The connection dies without the device noticing: `navigator.onLine` stays true.
    reseau.couper()
    expect(await page.evaluate(() => navigator.onLine)).toBe(true)
    await page.locator('label[for="type-ponctuel"]').click()
    await page.locator('label[for="themes-internet"]').click()
    await page.getByRole('button', { name: 'Enregistrer l’activité' }).click()
    await expect
      .poll(() => page.locator('#file-attente').textContent(), { timeout: 10_000 })
      .toContain('gardée sur cet appareil')
    expect(page.url()).toMatch(/\/activites\/nouvelle$/)

    reseau.retablir()
    await page.getByRole('button', { name: 'Envoyer maintenant' }).click()
    await expect
      .poll(() => page.locator('#file-attente').textContent(), { timeout: 10_000 })
      .toContain('1 activité envoyée')
    await contexte.close()
    await reseau.fermer()
  })
})
