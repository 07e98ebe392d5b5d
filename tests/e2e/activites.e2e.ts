import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { baseUrl, lancerChromium, menuPrincipal, relais, sansChromium, verifierAccessibilite } from './outils'

async function connexionDemo(page: Page, nom: RegExp) {
  await page.goto('/demo')
  await page.getByRole('button', { name: nom }).click()
  await page.waitForURL('**/espace')
}

describe.skipIf(sansChromium())('activités : compte rendu et statistiques', () => {
  let navigateur: Browser
  let contexte: BrowserContext
  let page: Page
  beforeAll(async () => {
    navigateur = await lancerChromium()
  })
  afterAll(async () => navigateur?.close())
  beforeEach(async () => {
    await contexte?.close()
    contexte = await navigateur.newContext({
      baseURL: baseUrl(),
      locale: 'fr-FR',
      viewport: { width: 412, height: 900 },
    })
    page = await contexte.newPage()
  })

  it('un conseiller enregistre un atelier, hors ligne puis en ligne', async () => {
    // The conseiller's browser reaches the server through a relay the test really cuts:
    // `setOffline` alone leaves the service worker's own requests on the network.
    const reseau = relais(new URL(baseUrl()))
    await contexte.close()
    contexte = await navigateur.newContext({
      baseURL: await reseau.ecouter(),
      locale: 'fr-FR',
      viewport: { width: 412, height: 900 },
    })
    page = await contexte.newPage()
    await connexionDemo(page, /Inès Fabre/)
    await (await menuPrincipal(page)).getByRole('link', { name: 'Mes activités' }).click()
    await page.waitForURL('**/activites')
    await verifierAccessibilite(page)
    await page.getByRole('link', { name: 'Enregistrer une activité' }).click()
    await page.waitForURL('**/activites/nouvelle')
    await verifierAccessibilite(page)
    // The service worker keeps the form for offline use.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await page.waitForFunction(() => !!navigator.serviceWorker.controller)

    reseau.couper()
    await contexte.setOffline(true)
    // « Under a minute for a usual case »: from opening the form to the report kept, on a phone-sized screen.
    const debut = Date.now()
    await page.reload()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Enregistrer une activité')
    await page.locator('label[for="type-collectif"]').click()
    await page.getByText('Atelier collectif : participants et niveau').click()
    await page.getByLabel('Nombre de participants').fill('7')
    await page.getByLabel('Titre de l’atelier').fill('Atelier hors ligne : la messagerie')
    await page.locator('label[for="themes-email"]').click()
    await page.locator('label[for="materiels-tablette"]').click()
    expect(await page.locator('#type-collectif').isChecked()).toBe(true)
    await page.getByRole('button', { name: 'Enregistrer l’activité' }).click()
    await expect.poll(() => page.locator('#file-attente').textContent()).toContain('gardée sur cet appareil')
    expect(await page.locator('#file-attente').textContent()).toContain('1 activité en attente')
    expect(Date.now() - debut).toBeLessThan(60_000)
    await verifierAccessibilite(page)

    reseau.retablir()
    await contexte.setOffline(false)
    await expect
      .poll(() => page.locator('#file-attente').textContent(), { timeout: 10_000 })
      .toContain('1 activité envoyée')
    // A second sync of the same queue would be answered « déjà enregistrée »: the queue is empty.
    expect(await page.evaluate(() => localStorage.getItem('escale.activites.file'))).toBe('[]')

    await page.goto('/activites')
    const lignes = page.getByRole('row').filter({ hasText: 'Atelier hors ligne : la messagerie' })
    await expect(lignes.count()).resolves.toBe(1)
    await verifierAccessibilite(page)

    // Then online, the same form posts normally.
    await page.goto('/activites/nouvelle')
    await page.locator('label[for="type-ponctuel"]').click()
    await page.locator('label[for="themes-internet"]').click()
    await page.getByRole('button', { name: 'Enregistrer l’activité' }).click()
    await page.waitForURL('**/activites')
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Activité enregistrée.')
    await contexte.close()
    await reseau.fermer()
  })

  it('la préfecture consulte les statistiques de son département', async () => {
    await connexionDemo(page, /Nadia Benali/)
    await (await menuPrincipal(page)).getByRole('link', { name: 'Statistiques' }).click()
    await page.waitForURL('**/activites/statistiques')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Statistiques du département 13 — Bouches-du-Rhône',
    )
    const personnes = await page.locator('.fr-callout').first().locator('p').first().textContent()
    expect(Number((personnes ?? '0').replace(/\s/g, ''))).toBeGreaterThan(0)
    await expect(page.getByRole('img', { name: /Personnes accompagnées par mois/ }).count()).resolves.toBe(1)
    // Each chart's table is folded under « Voir les données » (statistiques.page.tsx): opened as a person would.
    await page.getByText('Voir les données : thèmes', { exact: true }).click()
    await expect(page.getByRole('table', { name: 'Thèmes' }).count()).resolves.toBe(1)
    await verifierAccessibilite(page)

    // Another département is refused.
    const r = await page.goto('/activites/statistiques?territoire=departement:05')
    expect(r?.status()).toBe(403)

    await page.goto('/activites/statistiques')
    await page.getByLabel('Du mois').fill('2020-01')
    await page.getByRole('button', { name: 'Afficher' }).click()
    await page.waitForURL('**du=2020-01**')
    await page
      .locator('summary', { hasText: /Voir les données : .*par mois/ })
      .first()
      .click()
    await expect(
      page
        .getByRole('table', { name: /par mois/ })
        .getByRole('row')
        .count(),
    ).resolves.toBeGreaterThan(60)
    const telechargement = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Télécharger en CSV' }).click()
    expect((await telechargement).suggestedFilename()).toMatch(
      /^statistiques-departement-13-2020-01-.*\.csv$/,
    )

    await page.goto('/statistiques')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('France entière')
    await verifierAccessibilite(page)
  })
})
