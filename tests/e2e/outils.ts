import net from 'node:net'
import AxeBuilder from '@axe-core/playwright'
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { CHROMIUM } from './serveur'

export const baseUrl = () => inject('baseUrl')
export const sansChromium = () => inject('chromiumAbsent')

const ARGUMENTS_CHROMIUM = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export async function lancerChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGUMENTS_CHROMIUM })
}

/**
 * A browser with a profile on disk, to close and reopen like a person's: what the profile keeps
 * (persistent cookies, localStorage, service workers and their caches) survives; session cookies
 * do not.
 */
export function ouvrirProfil(dossier: string, baseURL: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dossier, {
    executablePath: CHROMIUM,
    args: ARGUMENTS_CHROMIUM,
    baseURL,
    locale: 'fr-FR',
  })
}

/**
 * The main menu. On a phone it is folded behind « Menu » (layout.tsx), which a person opens first;
 * on a wide screen it is the bar under the header.
 */
export async function menuPrincipal(page: Page): Promise<Locator> {
  const replie = page.locator('details.escale-menu-replie')
  if ((await replie.isVisible()) && (await replie.getAttribute('open')) === null)
    await replie.locator('summary').click()
  return page.getByRole('navigation', { name: 'Menu principal' })
}

/** WCAG 2.1 A and AA rules of axe-core: zero violations allowed, listed by id when there are some. */
export async function verifierAccessibilite(page: Page): Promise<void> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const resume = r.violations.map((v) => `${v.id} (${v.nodes.length}) : ${v.nodes[0]?.target.join(' ')}`)
  expect(resume, `violations d’accessibilité sur ${page.url()}`).toEqual([])
}

/**
 * A real network cut between the browser and the server. `context.setOffline` alone does not cut
 * a service worker's own requests in Chromium (playwright#2311): they would still reach the
 * server and hide a missing cache. The person's browser goes through this relay, which the test
 * cuts (every open connection closed, every new one refused) and restores.
 */
export function relais(cible: URL) {
  const ouvertes = new Set<net.Socket>()
  let coupe = false
  let adresse: Promise<string> | undefined
  const serveur = net.createServer((client) => {
    if (coupe) {
      client.destroy()
      return
    }
    const amont = net.connect(Number(cible.port), cible.hostname)
    const fermer = () => {
      client.destroy()
      amont.destroy()
      ouvertes.delete(client)
      ouvertes.delete(amont)
    }
    ouvertes.add(client)
    ouvertes.add(amont)
    client.on('error', fermer).on('close', fermer)
    amont.on('error', fermer).on('close', fermer)
    client.pipe(amont)
    amont.pipe(client)
  })
  return {
    ecouter: () => {
      adresse ??= new Promise<string>((ok) =>
        serveur.listen(0, '127.0.0.1', () =>
          ok(`http://127.0.0.1:${(serveur.address() as net.AddressInfo).port}`),
        ),
      )
      return adresse
    },
    couper() {
      coupe = true
      for (const s of ouvertes) s.destroy()
      ouvertes.clear()
    },
    retablir() {
      coupe = false
    },
    fermer: () =>
      new Promise<void>((ok) => {
        for (const s of ouvertes) s.destroy()
        serveur.close(() => ok())
      }),
  }
}
