import type { Browser, BrowserContext, CDPSession } from 'playwright-core'

/**
 * One cold page load in Chromium under the conditions of docs/QUALITY.md: slow 4G and a 4×
 * slower CPU, so that a page that passes here stays usable on an old Android phone.
 */

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Lighthouse's "slow 4G": 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip. */
export const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: 200_000,
  uploadThroughput: 96_000,
} as const
export const CPU_SLOWDOWN = 4

/** Lighthouse's mobile screen (Moto G Power): LCP depends on what fits in the first screen. */
export const VIEWPORT = { width: 412, height: 823 } as const
const DEVICE_SCALE_FACTOR = 1.75

export type Category = 'html' | 'css' | 'js' | 'fonts' | 'images' | 'other'
export const CATEGORIES: readonly Category[] = ['html', 'css', 'js', 'fonts', 'images', 'other']

export interface Measurement {
  status: number
  /** Transferred bytes (compressed body + headers) per category. */
  bytes: Record<Category, number>
  fontFiles: number
  requests: number
  lcpMs: number | null
  /** What the server sent for the stylesheet, to tell brotli from gzip in the report. */
  cssEncoding: string | undefined
}

interface Ressource {
  url: string
  type: string
  mime: string
  encoding: string | undefined
  status: number
  bytes: number
}

function categorie(r: Ressource): Category {
  if (r.type === 'Document') return 'html'
  if (r.type === 'Stylesheet' || r.mime === 'text/css') return 'css'
  if (r.type === 'Script' || /javascript/.test(r.mime)) return 'js'
  if (r.type === 'Font' || r.mime.startsWith('font/')) return 'fonts'
  if (r.type === 'Image' || r.mime.startsWith('image/')) return 'images'
  return 'other'
}

/** Collects `Network.*` events of one page; bytes count only once a response has finished. */
function enregistrer(cdp: CDPSession): Map<string, Ressource> {
  const ressources = new Map<string, Ressource>()
  cdp.on('Network.responseReceived', (e) => {
    ressources.set(e.requestId, {
      url: e.response.url,
      type: e.type,
      mime: e.response.mimeType,
      encoding: Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1],
      status: e.response.status,
      bytes: 0,
    })
  })
  cdp.on('Network.loadingFinished', (e) => {
    const r = ressources.get(e.requestId)
    if (r) r.bytes = e.encodedDataLength
  })
  return ressources
}

export async function measure(
  browser: Browser,
  url: string,
  settleMs = 500,
  /** Cookies of a session the page needs (a diagnostic step); none by default. */
  cookies: Parameters<BrowserContext['addCookies']>[0] = [],
): Promise<Measurement> {
  // A fresh context per load: empty HTTP cache, no cookies but those given, no service worker.
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: DEVICE_SCALE_FACTOR,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
  })
  try {
    if (cookies.length) await context.addCookies(cookies)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', NETWORK)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    const ressources = enregistrer(cdp)

    const reponse = await page.goto(url, { waitUntil: 'load', timeout: 60_000 })
    // Fonts and CSS mask icons may still be arriving right after `load`.
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined)
    await page.waitForTimeout(settleMs)

    const lcpMs = await page.evaluate(
      () =>
        new Promise<number | null>((resolve) => {
          let dernier: number | null = null
          new PerformanceObserver((liste) => {
            for (const e of liste.getEntries()) dernier = e.startTime
          }).observe({ type: 'largest-contentful-paint', buffered: true })
          // Buffered entries are delivered in a task after observe(); give it one frame or two.
          setTimeout(() => resolve(dernier), 100)
        }),
    )

    const bytes = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>
    const polices = new Set<string>()
    let cssEncoding: string | undefined
    for (const r of ressources.values()) {
      if (r.url.startsWith('data:')) continue
      const c = categorie(r)
      bytes[c] += r.bytes
      if (c === 'fonts') polices.add(r.url)
      if (c === 'css' && cssEncoding === undefined) cssEncoding = r.encoding ?? 'identity'
    }
    return {
      status: reponse?.status() ?? 0,
      bytes,
      fontFiles: polices.size,
      requests: [...ressources.values()].filter((r) => !r.url.startsWith('data:')).length,
      lcpMs,
      cssEncoding,
    }
  } finally {
    await context.close()
  }
}

export function median(valeurs: readonly number[]): number {
  const tri = [...valeurs].sort((a, b) => a - b)
  const m = Math.floor(tri.length / 2)
  return tri.length % 2 === 1 ? tri[m]! : (tri[m - 1]! + tri[m]!) / 2
}
