import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { MOT_DE_PASSE_DEMO, TOTP_DEMO } from '../../src/demo/seed'
import { codeTotp } from '../../src/domains/comptes'
import { baseUrl, lancerChromium, sansChromium, verifierAccessibilite } from './outils'

describe.skipIf(sansChromium())('socle : accueil, connexion, pages d’erreur', () => {
  let navigateur: Browser
  let contexte: BrowserContext
  let page: Page
  beforeAll(async () => {
    navigateur = await lancerChromium()
  })
  afterAll(async () => navigateur?.close())
  beforeEach(async () => {
    await contexte?.close()
    contexte = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
    page = await contexte.newPage()
  })

  it('l’accueil présente les entrées publiques et l’espace professionnel, sans violation d’accessibilité', async () => {
    await page.goto('/')
    await expect(page.title()).resolves.toBe('Accueil — Escale')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
      'Le numérique, on vous aide',
    )
    await expect(page.getByRole('link', { name: 'Espace professionnel' }).first().isVisible()).resolves.toBe(
      true,
    )
    await verifierAccessibilite(page)
  })

  it('une adresse inconnue affiche une page 404 accessible', async () => {
    const r = await page.goto('/cette-page-n-existe-pas')
    expect(r?.status()).toBe(404)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page introuvable')
    await verifierAccessibilite(page)
  })

  it('un administrateur se connecte avec son mot de passe et son code TOTP, puis se déconnecte', async () => {
    await page.goto('/connexion')
    await verifierAccessibilite(page)
    await page.getByLabel('Adresse e-mail').fill('camille.morel@demo.escale.localhost')
    await page.getByLabel('Mot de passe').fill('pas le bon')
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
      'Adresse e-mail ou mot de passe incorrect.',
    )
    await verifierAccessibilite(page)

    await page.getByLabel('Mot de passe').fill(MOT_DE_PASSE_DEMO)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForURL('**/connexion/totp')
    await verifierAccessibilite(page)
    await page.getByLabel('Code à 6 chiffres').fill(codeTotp(TOTP_DEMO, new Date()))
    await page.getByRole('button', { name: 'Valider' }).click()
    await page.waitForURL('**/espace')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bonjour Camille')
    const menu = page.getByRole('navigation', { name: 'Menu principal' })
    await expect(menu.getByRole('link', { name: 'Comptes' }).isVisible()).resolves.toBe(true)
    await verifierAccessibilite(page)

    await menu.getByRole('link', { name: 'Comptes' }).click()
    await page.waitForURL('**/admin/comptes')
    await verifierAccessibilite(page)

    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await page.waitForURL((u) => u.pathname === '/')
    await expect(page.getByRole('status').textContent()).resolves.toContain('Vous êtes déconnecté.')
    await page.goto('/espace')
    expect(new URL(page.url()).pathname).toBe('/connexion')
  })

  it('la connexion de démonstration ouvre l’espace d’une préfecture en un clic', async () => {
    await page.goto('/demo')
    await verifierAccessibilite(page)
    await page.getByRole('button', { name: /Nadia Benali, Préfecture/ }).click()
    await page.waitForURL('**/espace')
    expect(await page.locator('main').textContent()).toContain('13 — Bouches-du-Rhône')
  })
})
