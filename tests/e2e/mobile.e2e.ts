import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, lancerChromium, menuPrincipal, sansChromium, verifierAccessibilite } from './outils'

/** Phones (issue 17, point 4): the menu folds, the places' results come first, « Près de moi » speaks. */
const TELEPHONE = { width: 412, height: 915 }

describe.skipIf(sansChromium())('sur un téléphone', () => {
  let navigateur: Browser
  const contextes: BrowserContext[] = []
  const ouvrir = async (o: Parameters<Browser['newContext']>[0] = {}) => {
    const c = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: TELEPHONE, ...o })
    contextes.push(c)
    return c.newPage()
  }
  beforeAll(async () => {
    navigateur = await lancerChromium()
  })
  afterAll(async () => {
    for (const c of contextes) await c.close()
    await navigateur?.close()
  })

  for (const javaScript of [true, false])
    it(`le menu de l’administrateur est replié derrière « Menu » (${javaScript ? 'avec' : 'sans'} JavaScript)`, async () => {
      const page = await ouvrir({ javaScriptEnabled: javaScript })
      await page.goto('/demo')
      await page.getByRole('button', { name: /Camille Morel/ }).click()
      await page.waitForURL('**/espace')
      // Before any click, no link of the menu is shown: the content comes right after the header.
      await expect(page.locator('.escale-menu-replie .fr-nav__link').first().isVisible()).resolves.toBe(false)
      const titre = await page.getByRole('heading', { level: 1 }).boundingBox()
      expect(titre?.y).toBeLessThan(600)
      const menu = await menuPrincipal(page)
      await expect(menu.getByRole('link', { name: 'Comptes' }).isVisible()).resolves.toBe(true)
      // axe runs a script in the page: checked in the run with JavaScript.
      if (javaScript) await verifierAccessibilite(page)
      await menu.getByRole('link', { name: 'Comptes' }).click()
      await page.waitForURL('**/admin/comptes')
    })

  it('sur un grand écran, le menu est la barre habituelle, sans bouton « Menu »', async () => {
    const page = await ouvrir({ viewport: { width: 1280, height: 800 } })
    await page.goto('/')
    expect(await page.locator('details.escale-menu-replie').isVisible()).toBe(false)
    await expect(
      page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('link', { name: 'Trouver de l’aide' })
        .isVisible(),
    ).resolves.toBe(true)
  })

  it('les lieux : les résultats viennent avant les filtres, repliés avec leur nombre', async () => {
    const page = await ouvrir({ javaScriptEnabled: false })
    await page.goto('/lieux?q=Marseille&services=Aide+aux+d%C3%A9marches+administratives&gratuit=1')
    const filtres = page.locator('details.lieux-filtres')
    await expect(filtres.getAttribute('open')).resolves.toBeNull()
    await expect(filtres.locator('summary').textContent()).resolves.toContain('(2 filtres actifs)')
    const resultats = await page.locator('#titre-resultats').boundingBox()
    // Before: 1 400 to 2 500 px down. Now within the second screen at most, after the search field.
    expect(resultats?.y).toBeLessThan(1.2 * TELEPHONE.height)
    // The filters still work without JavaScript: unfolded, one unticked, applied.
    await filtres.locator('summary').click()
    await page.locator('label[for="gratuit"]').click()
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click()
    await page.waitForURL((u) => !u.search.includes('gratuit'))
    await expect(page.locator('details.lieux-filtres summary').textContent()).resolves.toContain(
      '(1 filtre actif)',
    )
    // Without JavaScript axe cannot run in the page: the same page is checked in the « Près de moi » runs.
  })

  it('« Près de moi » dit ce qu’il fait, puis ce qui a échoué quand la position est refusée', async () => {
    const page = await ouvrir()
    await page.goto('/lieux')
    await page.getByRole('button', { name: 'Près de moi (utiliser ma position)' }).click()
    const etat = page.locator('#pres-de-moi-etat')
    await expect.poll(() => etat.textContent()).toContain('n’avez pas autorisé')
    expect(await etat.getAttribute('role')).toBe('status')
    await expect(
      page.getByRole('button', { name: 'Près de moi (utiliser ma position)' }).isEnabled(),
    ).resolves.toBe(true)
    await verifierAccessibilite(page)
  })

  it('« Près de moi » avec la position accordée cherche autour d’elle', async () => {
    const page = await ouvrir({
      permissions: ['geolocation'],
      geolocation: { latitude: 43.2965, longitude: 5.3698 },
    })
    await page.goto('/lieux')
    await page.getByRole('button', { name: 'Près de moi (utiliser ma position)' }).click()
    await page.waitForURL(/lat=43\.29/)
    await expect(page.locator('#titre-resultats').textContent()).resolves.toContain('votre position')
  })
})
