import net from 'node:net'
import AxeBuilder from '@axe-core/playwright'
import { type Browser, chromium, type Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { CHROMIUM } from './serveur'

export const baseUrl = () => inject('baseUrl')
export const sansChromium = () => inject('chromiumAbsent')

export async function lancerChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
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
