import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, lancerChromium, sansChromium, verifierAccessibilite } from './outils'

/**
 * The commune field's island with the keyboard only, and the map's two backgrounds: street tiles when
 * they load, département outlines when they do not. Tiles come from a host the test answers itself
 * (`tuiles.test`): nothing leaves the machine.
 */

// A 1×1 grey PNG: enough for Leaflet to count a tile as loaded.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPo6OgAAAMEAYFL09IQAAAAAElFTkSuQmCC',
  'base64',
)
const TUILES = 'http://tuiles.test/{z}/{x}/{y}.png'

/** The map page as the server gives it, with the test's tile source instead of none (and its CSP entry). */
async function avecTuiles(contexte: BrowserContext, tuiles: 'servies' | 'en panne') {
  await contexte.route('**/lieux/carte?**', async (route) => {
    const r = await route.fetch()
    const headers = r.headers()
    headers['content-security-policy'] = (headers['content-security-policy'] ?? '').replace(
      "img-src 'self' data:",
      "img-src 'self' data: http://tuiles.test",
    )
    const body = (await r.text()).replace('data-tuiles=""', `data-tuiles="${TUILES}"`)
    await route.fulfill({ response: r, body, headers })
  })
  await contexte.route('http://tuiles.test/**', (route) =>
    tuiles === 'servies' ? route.fulfill({ contentType: 'image/png', body: PNG }) : route.abort(),
  )
}

describe.skipIf(sansChromium())('communes et carte', () => {
  let navigateur: Browser
  beforeAll(async () => {
    navigateur = await lancerChromium()
  })
  afterAll(async () => navigateur?.close())

  it('le champ commune se remplit au clavier : flèches, Entrée, Échap', { timeout: 120_000 }, async () => {
    const contexte = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
    const page = await contexte.newPage()
    await page.goto('/demo')
    await page.getByRole('button', { name: /Inès Fabre/ }).click()
    await page.waitForURL('**/espace')
    await page.goto('/activites/nouvelle')
    const champ = page.getByRole('combobox', { name: /Commune du domicile/ })
    await champ.focus()
    await champ.pressSequentially('050', { delay: 40 })
    // The options of this field's list (the page's select boxes have options too).
    const options = page.locator('[data-champ-commune="commune_lieu"] [role="option"]')
    await expect.poll(() => options.count()).toBeGreaterThan(1)
    expect(await champ.getAttribute('aria-expanded')).toBe('true')
    expect(await page.locator('[aria-live="polite"]').filter({ hasText: 'communes proposées' }).count()).toBe(
      1,
    )
    await verifierAccessibilite(page)

    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    const deuxieme = (await options.nth(1).textContent()) ?? ''
    expect(await champ.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'))
    await page.keyboard.press('Enter')
    expect(await champ.getAttribute('aria-expanded')).toBe('false')
    expect(deuxieme.startsWith(await champ.inputValue())).toBe(true)
    expect(await page.locator('input[type="hidden"][name="commune_lieu"]').inputValue()).toMatch(/^05\d{3}$/)

    // Typing again forgets the choice; « 13003 » is Marseille 3e; Escape closes the list.
    await champ.fill('')
    await champ.pressSequentially('13003', { delay: 40 })
    await expect
      .poll(async () => (await options.first().textContent()) ?? '')
      .toBe('Marseille (13003), Bouches-du-Rhône')
    expect(await page.locator('input[type="hidden"][name="commune_lieu"]').inputValue()).toBe('')
    await page.keyboard.press('Escape')
    expect(await champ.getAttribute('aria-expanded')).toBe('false')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    expect(await champ.inputValue()).toBe('Marseille (13003)')
    expect(await page.locator('input[type="hidden"][name="commune_lieu"]').inputValue()).toBe('13055')
    await contexte.close()
  })

  it('la carte montre les rues quand les tuiles arrivent, les contours sinon', {
    timeout: 120_000,
  }, async () => {
    for (const tuiles of ['servies', 'en panne'] as const) {
      const contexte = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
      await avecTuiles(contexte, tuiles)
      const page: Page = await contexte.newPage()
      await page.goto('/lieux/carte?q=Gap')
      const carte = page.locator('#carte')
      if (tuiles === 'servies') {
        await expect.poll(() => page.locator('#carte .leaflet-tile-loaded').count()).toBeGreaterThan(0)
        expect(await carte.getAttribute('data-fond-affiche')).toBe('tuiles')
      } else {
        await expect.poll(() => carte.getAttribute('data-fond-affiche')).toBe('contours')
        await expect
          .poll(() => page.locator('#carte path.leaflet-interactive, #carte svg path').count())
          .toBeGreaterThan(0)
      }
      await verifierAccessibilite(page)
      await contexte.close()
    }
  })

  it('la fiche d’un lieu a sa petite carte, sur les contours quand il n’y a pas de tuiles', {
    timeout: 120_000,
  }, async () => {
    const contexte = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
    const page = await contexte.newPage()
    await page.goto('/lieux?q=Marseille')
    // The first place of the results with its own position (one placed at its commune has no map).
    const liens = await page
      .locator('.lieux-resultat h3 a, .lieux-resultat a[href^="/lieux/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
    const carte = page.locator('#carte[data-lieu]')
    for (const lien of liens) {
      await page.goto(lien)
      if ((await carte.count()) > 0) break
    }
    await expect.poll(() => carte.getAttribute('data-fond-affiche')).toBe('contours')
    expect(await page.locator('#carte .leaflet-marker-icon').count()).toBe(1)
    await verifierAccessibilite(page)
    await contexte.close()
  })
})
