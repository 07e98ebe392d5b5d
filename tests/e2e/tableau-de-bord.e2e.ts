import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, lancerChromium, sansChromium, verifierAccessibilite } from './outils'

/** Each demo role, and the heading of the block that tells it what to do first. */
const ROLES: readonly { personne: string; bloc: RegExp }[] = [
  { personne: 'Inès Fabre', bloc: /^Mes activités de / },
  { personne: 'Lucie Garnier', bloc: /^Les conseillers de la région / },
  { personne: 'Nadia Benali', bloc: /^Structures candidates à examiner$/ },
  { personne: 'Camille Morel', bloc: /^Recrutement des conseillers numériques$/ },
  { personne: 'Sophie Lambert', bloc: /^Mes mandats Aidants Connect$/ },
  { personne: 'Pierre Navarro', bloc: /^Les aidants de / },
  { personne: 'Thomas Roux', bloc: /^Recrutement — Médiathèque intercommunale de Gap$/ },
  { personne: 'Manon Leroy', bloc: /^Ma candidature de conseiller numérique$/ },
  { personne: 'Hugo Mercier', bloc: /^Mes prochaines sessions de formation$/ },
  { personne: 'Aïcha Diallo', bloc: /^Les personnes qui attendent un appel$/ },
]

/** A phone-sized browser signed in as this demo person, on their home. */
async function espaceDe(navigateur: Browser, personne: string) {
  const contexte = await navigateur.newContext({
    baseURL: baseUrl(),
    locale: 'fr-FR',
    viewport: { width: 412, height: 900 },
  })
  const page = await contexte.newPage()
  await page.goto('/demo')
  await page.getByRole('button', { name: new RegExp(`en tant que ${personne}`) }).click()
  await page.waitForURL('**/espace')
  return { contexte, page }
}

async function largeurDuDocument(page: Page, largeur: number): Promise<number> {
  await page.setViewportSize({ width: largeur, height: 900 })
  return page.evaluate(() => document.documentElement.scrollWidth)
}

describe.skipIf(sansChromium())('« Mon espace » de chaque rôle sur un téléphone', () => {
  let navigateur: Browser
  beforeAll(async () => {
    navigateur = await lancerChromium()
  })
  afterAll(async () => navigateur?.close())

  it.each(ROLES)(
    '$personne voit d’abord ce qu’il a à faire, sans défilement de côté',
    async ({ personne, bloc }) => {
      const { contexte, page } = await espaceDe(navigateur, personne)
      try {
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
          `Bonjour ${personne.split(' ')[0]}`,
        )
        const titre = page.getByRole('heading', { level: 2, name: bloc })
        await expect.poll(() => titre.count()).toBe(1)
        // Its block starts on the first screen of the phone, before any scrolling.
        const haut = (await titre.boundingBox())?.y ?? Number.POSITIVE_INFINITY
        expect(haut, `titre du premier bloc de ${personne}`).toBeLessThan(900)
        const page412 = await page.content()
        expect(page412).not.toContain('n’a pas pu être lue')
        await verifierAccessibilite(page)
        expect(await largeurDuDocument(page, 412)).toBeLessThanOrEqual(412)
        expect(await largeurDuDocument(page, 320)).toBeLessThanOrEqual(320)
      } finally {
        await contexte.close()
      }
    },
  )

  it('le conseiller a un grand bouton « Enregistrer une activité » libellé, qui mène au formulaire', async () => {
    const { contexte, page } = await espaceDe(navigateur, 'Inès Fabre')
    try {
      const bouton = page.getByRole('link', { name: 'Enregistrer une activité' })
      const boite = await bouton.boundingBox()
      // Today's measure: 48 px high (DSFR large) and wide enough for its label, not a 40 px « + ».
      expect(boite?.height).toBeGreaterThanOrEqual(48)
      expect(boite?.width).toBeGreaterThan(200)
      expect((boite?.y ?? 900) + (boite?.height ?? 0)).toBeLessThan(900)
      await bouton.click()
      await page.waitForURL('**/activites/nouvelle')
    } finally {
      await contexte.close()
    }
  })
})
