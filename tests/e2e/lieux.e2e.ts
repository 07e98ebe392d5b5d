import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, lancerChromium, sansChromium, verifierAccessibilite } from './outils'

/**
 * « Je cherche un lieu pour m’aider à faire mes démarches près de Marseille », as a person lives it:
 * from the home page, with JavaScript (suggestions, map) and without (plain forms and lists).
 */
describe.skipIf(sansChromium())('lieux : trouver de l’aide pour ses démarches près de Marseille', () => {
  let navigateur: Browser
  beforeAll(async () => {
    navigateur = await lancerChromium()
  })
  afterAll(async () => navigateur?.close())

  async function parcours(page: Page, avecJs: boolean, verifierAccessibilite: (p: Page) => Promise<void>) {
    await page.goto('/')
    await page.getByRole('link', { name: 'Trouver de l’aide près de chez moi' }).click()
    await page.waitForURL('**/lieux')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Trouver de l’aide près de chez moi',
    )
    await verifierAccessibilite(page)

    await page.getByLabel('Commune ou code postal').fill('Marseille')
    // The filters are folded under the search (on a phone the results come first): opened first.
    await page.locator('summary', { hasText: 'Filtrer les lieux' }).click()
    await page.getByLabel('Aide aux démarches administratives').check({ force: true })
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click()
    await page.waitForURL(/\/lieux\?/)
    const titre = await page.locator('#titre-resultats').textContent()
    expect(titre).toMatch(/^\d+ lieux à moins de 20 km de Marseille \(13\)$/)
    const premiers = page.locator('.lieux-resultat')
    expect(await premiers.count()).toBe(10)
    expect(await premiers.first().textContent()).toMatch(/À \d/)
    expect(await premiers.first().textContent()).toContain('Aide aux démarches administratives')
    await verifierAccessibilite(page)

    // The next page of results keeps the filters.
    await page.getByRole('link', { name: 'Page suivante' }).click()
    await page.waitForURL(/page=2/)
    expect(await page.getByLabel('Aide aux démarches administratives').isChecked()).toBe(true)
    await page.goBack()

    const nom = (await premiers.first().getByRole('link').textContent())!.trim()
    await premiers.first().getByRole('link').click()
    await page.waitForURL(/\/lieux\/[0-9a-f-]{36}$/)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(nom)
    expect(await page.locator('address').textContent()).toMatch(/13\d\d\d Marseille/)
    expect(await page.getByRole('heading', { name: 'Horaires' }).isVisible()).toBe(true)
    await verifierAccessibilite(page)

    await page.getByRole('link', { name: 'Version imprimable' }).click()
    await page.waitForURL(/\/imprimer$/)
    expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(avecJs)
    await verifierAccessibilite(page)

    // « Ouvert maintenant »: depending on the hour there may be no result; the page says so either way.
    await page.goto('/lieux?q=Marseille&services=Aide+aux+d%C3%A9marches+administratives&ouvert=1&rayon=10')
    expect(await page.locator('#titre-resultats').textContent()).toMatch(/à moins de 10 km de Marseille/)
    await verifierAccessibilite(page)
    await page.goto('/lieux?q=Marseille&services=Aide+aux+d%C3%A9marches+administratives')
    await page.getByRole('link', { name: 'Voir ces lieux sur une carte' }).click()
    await page.waitForURL(/\/lieux\/carte/)
    if (avecJs) {
      await page.locator('.lieux-marqueur, .marker-cluster').first().waitFor({ timeout: 15_000 })
      expect(await page.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(50)
    } else {
      expect(await page.locator('#carte').textContent()).toContain(
        'La carte s’affiche quand JavaScript est activé',
      )
    }
    await verifierAccessibilite(page)
  }

  it('avec JavaScript : suggestions de communes, liste, fiche, carte', { timeout: 180_000 }, async () => {
    const contexte: BrowserContext = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
    const page = await contexte.newPage()
    const erreurs: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') erreurs.push(m.text())
    })
    await page.goto('/lieux')
    await page.getByLabel('Commune ou code postal').pressSequentially('Marsei', { delay: 30 })
    await page.waitForFunction(
      () => (document.getElementById('communes-suggestions')?.children.length ?? 0) > 0,
    )
    expect(await page.locator('#communes-suggestions option').first().getAttribute('value')).toBe(
      'Marseille (13)',
    )
    expect(await page.getByRole('button', { name: 'Près de moi (utiliser ma position)' }).isVisible()).toBe(
      true,
    )
    await parcours(page, true, verifierAccessibilite)
    // No CSP violation, no script error on any page of the journey.
    expect(erreurs).toEqual([])
    await contexte.close()
  })

  it('sans JavaScript : les mêmes résultats avec des formulaires simples', { timeout: 180_000 }, async () => {
    const contexte = await navigateur.newContext({
      baseURL: baseUrl(),
      locale: 'fr-FR',
      javaScriptEnabled: false,
    })
    const page = await contexte.newPage()
    // axe-core runs as a script in the page, impossible with JavaScript off: each page of the journey
    // is checked again in a context where only our islands are blocked, which renders the same HTML.
    const sansIlots = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
    await sansIlots.route('**/assets/js/**', (r) => r.abort())
    const verifierSansIlots = async (p: Page) => {
      const copie = await sansIlots.newPage()
      await copie.goto(p.url())
      await verifierAccessibilite(copie)
      await copie.close()
    }
    await parcours(page, false, verifierSansIlots)
    await sansIlots.close()
    await page.goto('/lieux')
    expect(await page.getByRole('button', { name: 'Près de moi (utiliser ma position)' }).isVisible()).toBe(
      false,
    )
    await contexte.close()
  })
})
