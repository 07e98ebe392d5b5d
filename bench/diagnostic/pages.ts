/**
 * Weight and LCP of the diagnostic's first step (the page a person reaches after « Commencer »,
 * with the offline loader and the service worker registration), under the conditions and budgets of
 * `bench/pages` (slow 4G, CPU × 4, cold cache). The step needs the test's cookie: a first, unmeasured
 * context starts a test and hands its cookies to each measured load.
 *
 *   npx tsx bench/diagnostic/pages.ts http://127.0.0.1:3102 [--runs=5]
 *
 * Needs a running instance (`PORT=3102 npm start`) and Chromium at /usr/bin/chromium.
 */
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, type Measurement, measure, median } from '../pages/measure'

const BUDGET_OCTETS = 60 * 1024
const MAX_LCP_MS = 2500
const args = process.argv.slice(2)
const base = (args.find((a) => !a.startsWith('--')) ?? 'http://127.0.0.1:3102').replace(/\/$/, '')
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5)

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
})
let echec = false
try {
  const mesures: Measurement[] = []
  for (let i = 0; i < runs; i++) {
    // Each load measures a step never seen: a new test, whose cookies the measured context receives.
    const amorce = await browser.newContext()
    const page = await amorce.newPage()
    await page.goto(`${base}/diagnostic`)
    await page.getByRole('button', { name: 'Commencer' }).click()
    await page.waitForURL('**/diagnostic/etape')
    const cookies = await amorce.cookies()
    await amorce.close()
    mesures.push(await measure(browser, `${base}/diagnostic/etape`, 500, cookies))
  }
  const total = (m: Measurement) => m.bytes.html + m.bytes.css + m.bytes.js
  const octets = median(mesures.map(total))
  const lcp = median(mesures.map((m) => m.lcpMs ?? Number.POSITIVE_INFINITY))
  const polices = Math.max(...mesures.map((m) => m.fontFiles))
  console.log(
    `/diagnostic/etape (1re étape) : HTML+CSS+JS ${(octets / 1024).toFixed(1)} Ko (HTML ${(median(mesures.map((m) => m.bytes.html)) / 1024).toFixed(1)}, CSS ${(median(mesures.map((m) => m.bytes.css)) / 1024).toFixed(1)}, JS ${(median(mesures.map((m) => m.bytes.js)) / 1024).toFixed(1)}), ${polices} polices, LCP ${Math.round(lcp)} ms, statut ${mesures[0]?.status}, médiane de ${runs}`,
  )
  echec = octets > BUDGET_OCTETS || lcp > MAX_LCP_MS || polices > 2 || mesures.some((m) => m.status !== 200)
  console.log(echec ? 'budget DÉPASSÉ' : 'dans le budget (≤ 60 Ko, ≤ 2 polices, LCP ≤ 2 500 ms)')
} finally {
  await browser.close()
}
process.exit(echec ? 1 : 0)
