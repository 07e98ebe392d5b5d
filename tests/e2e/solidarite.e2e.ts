import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, lancerChromium, sansChromium, verifierAccessibilite } from './outils'

/** No sideways scroll: what a phone shows is all there is. */
async function tientDansLaLargeur(page: Page) {
  const { large, ecran } = await page.evaluate(() => ({
    large: document.documentElement.scrollWidth,
    ecran: window.innerWidth,
  }))
  expect(large, page.url()).toBeLessThanOrEqual(ecran)
}

describe.skipIf(sansChromium())('Solidarité numérique : être rappelé, puis rappelé', () => {
  let navigateur: Browser
  beforeAll(async () => {
    navigateur = await lancerChromium()
  })
  afterAll(async () => navigateur?.close())

  it('une personne demande à être rappelée depuis son téléphone ; un médiateur la rappelle', async () => {
    // The person, on a 412 px phone, without an account.
    const telephone = await navigateur.newContext({
      baseURL: baseUrl(),
      locale: 'fr-FR',
      viewport: { width: 412, height: 900 },
    })
    const p = await telephone.newPage()
    await p.goto('/etre-rappele')
    await verifierAccessibilite(p)
    await tientDansLaLargeur(p)
    // Sent empty: the error summary takes the focus and says what to do.
    await p.getByRole('button', { name: 'Demander à être rappelé' }).click()
    await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe('resume-erreurs')
    await expect.poll(() => p.title()).toMatch(/^Erreur : /)
    await verifierAccessibilite(p)
    await p.getByLabel('Votre numéro de téléphone').fill('01 99 00 00 77')
    await p.getByLabel('Votre prénom, ou un surnom').fill('Ginette')
    await p.getByText('Mes e-mails').click()
    await p.getByText('Personne autour de moi ne peut m’aider').click()
    await p.getByText('J’accepte qu’un médiateur m’appelle à ce numéro').click()
    await p.getByRole('button', { name: 'Demander à être rappelé' }).click()
    await p.waitForURL(/\/etre-rappele\/demande\/R-/)
    await expect
      .poll(() => p.getByRole('heading', { level: 1 }).textContent())
      .toBe('Votre demande est enregistrée')
    const reference = (await p.locator('.escale-reference').textContent())?.trim()
    expect(reference).toMatch(/^R-[2-9A-Z]{4}-[2-9A-Z]{2}$/)
    await verifierAccessibilite(p)
    await tientDansLaLargeur(p)

    // The médiateur takes the next request until it is hers (the demo queue has others before).
    const bureau = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
    const m = await bureau.newPage()
    await m.goto('/demo')
    await m.getByRole('button', { name: /Aïcha Diallo/ }).click()
    await m.waitForURL('**/espace')
    await m.getByRole('link', { name: /Ouvrir la file des rappels|Reprendre l’appel/ }).click()
    await m.waitForURL('**/solidarite')
    await verifierAccessibilite(m)
    for (let i = 0; i < 10; i++) {
      const prendre = m.getByRole('button', { name: 'Prendre la suivante' })
      if (await prendre.count()) {
        await prendre.click()
        await m.waitForURL('**/solidarite')
      }
      if ((await m.locator('#demande-tenue').textContent())?.includes(reference ?? '')) break
      await m.getByText('Résolu pendant l’appel').click()
      await m.getByRole('button', { name: 'Terminer la demande' }).click()
      await m.waitForURL('**/solidarite')
    }
    await expect.poll(() => m.locator('#demande-tenue').textContent()).toContain('Ginette')
    expect(await m.getByRole('link', { name: 'Appeler le 01 99 00 00 77' }).getAttribute('href')).toBe(
      'tel:+33199000077',
    )
    await expect.poll(() => m.getByText('Personne isolée').count()).toBeGreaterThan(0)
    await verifierAccessibilite(m)
    await m.getByText('Joint', { exact: true }).click()
    await m.getByRole('button', { name: 'Enregistrer l’appel' }).click()
    await m.waitForURL('**/solidarite')
    await m.getByText('Orienté vers un lieu proche').click()
    await m.getByRole('button', { name: 'Terminer la demande' }).click()
    await m.waitForURL('**/solidarite')
    await expect.poll(() => m.getByText('La demande est terminée. Merci !').count()).toBe(1)

    // The person's follow-up page says it is over, and offers no cancellation any more.
    await p.reload()
    await expect.poll(() => p.getByText('Cette demande est terminée.').count()).toBe(1)
    expect(await p.getByRole('button', { name: 'Annuler ma demande' }).count()).toBe(0)
    await telephone.close()
    await bureau.close()
  })
})
