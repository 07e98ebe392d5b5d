import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, lancerChromium, sansChromium, verifierAccessibilite } from './outils'

const pasDeDefilementLateral = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

/**
 * « Est-ce que je pourrai entrer en fauteuil ? » and « Les horaires sont faux » : a place's page in
 * Gap with its Acceslibre summary, then a report of an error sent to the place's managers; a place
 * known only by its commune says « position approximative ». On a phone (412 px), axe on every page.
 */
describe.skipIf(sansChromium())(
  'fiche d’un lieu : accessibilité, signalement, position approximative',
  () => {
    let navigateur: Browser
    beforeAll(async () => {
      navigateur = await lancerChromium()
    })
    afterAll(async () => navigateur?.close())

    it('lit l’accessibilité d’un lieu de Gap et signale une erreur de ses horaires', async () => {
      const contexte = await navigateur.newContext({
        baseURL: baseUrl(),
        locale: 'fr-FR',
        viewport: { width: 412, height: 900 },
      })
      const page = await contexte.newPage()
      try {
        await page.goto('/lieux?q=Gap&rayon=5')
        await page.getByRole('link', { name: /Maison des Solidarit.* Gap C.zanne/i }).click()
        await page.waitForURL(/\/lieux\/[0-9a-f-]{36}$/)
        const fiche = page.url()
        const accessibilite = page
          .locator('h2', { hasText: 'Accessibilité' })
          .locator('xpath=following-sibling::ul[1]')
        expect(await accessibilite.textContent()).toContain('Entrée de plain-pied')
        expect(
          await page.getByRole('link', { name: 'Voir la fiche d’accessibilité sur Acceslibre' }).count(),
        ).toBe(1)
        expect(await page.locator('main').textContent()).toMatch(
          /Informations mises à jour le \d{1,2} \p{L}+ \d{4}/u,
        )
        expect(await pasDeDefilementLateral(page)).toBe(true)
        await verifierAccessibilite(page)

        await page.getByRole('link', { name: 'Signaler une erreur sur ce lieu' }).click()
        await page.waitForURL(/\/signaler$/)
        await verifierAccessibilite(page)
        await page.getByRole('button', { name: 'Envoyer le signalement' }).click()
        await page.waitForURL(/\/signaler$/)
        // Refused: the summary of errors takes the focus, each field says what to do.
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('resume-erreurs')
        expect(await page.locator('#resume-erreurs').textContent()).toContain('Choisissez ce qui est faux')
        expect(await pasDeDefilementLateral(page)).toBe(true)
        await verifierAccessibilite(page)

        await page.getByLabel('Les horaires').check({ force: true })
        await page.getByLabel('Décrivez l’erreur').fill('Le lieu est fermé le mercredi après-midi.')
        await page.getByRole('button', { name: 'Envoyer le signalement' }).click()
        await page.waitForURL(fiche)
        expect(await page.locator('main').textContent()).toContain('votre signalement a été envoyé')
        await verifierAccessibilite(page)
      } finally {
        await contexte.close()
      }
    })

    it('un lieu sans coordonnées est rangé par sa commune et dit « position approximative »', async () => {
      const contexte = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
      const page = await contexte.newPage()
      try {
        await page.goto('/lieux?q=06190&rayon=5')
        const resultat = page.locator('.lieux-resultat', { hasText: 'CCAS Roquebrune-Cap-Martin' })
        expect(await resultat.textContent()).toContain('position approximative')
        expect(await resultat.textContent()).not.toMatch(/À \d+ m\b/)
        await verifierAccessibilite(page)
        await resultat.getByRole('link').click()
        await page.waitForURL(/\/lieux\/[0-9a-f-]{36}$/)
        expect(await page.locator('main').textContent()).toContain('Position approximative')
        await verifierAccessibilite(page)
      } finally {
        await contexte.close()
      }
    })
  },
)
