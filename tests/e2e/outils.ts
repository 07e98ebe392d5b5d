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
