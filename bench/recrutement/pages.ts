/**
 * Weight and LCP of the recruitment's public pages only, with the same conditions and budgets as
 * `bench/pages/run.ts` (which measures every page of `bench/pages/pages.json` and has no filter).
 *
 *   npx tsx bench/recrutement/pages.ts http://127.0.0.1:3102 [--runs=5]
 *
 * Needs a running instance with demo data (`PORT=3102 npm start`) and Chromium at /usr/bin/chromium.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CPU_SLOWDOWN, type Measurement, measure, median, NETWORK } from '../pages/measure'

const ICI = path.dirname(fileURLToPath(import.meta.url))
const BUDGET_OCTETS = 60 * 1024
const MAX_POLICES = 2
const MAX_LCP_MS = 2500

const args = process.argv.slice(2)
const base = (args.find((a) => !a.startsWith('--')) ?? 'http://127.0.0.1:3102').replace(/\/$/, '')
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5)

const pages = (JSON.parse(readFileSync(path.join(ICI, '../pages/pages.json'), 'utf8')) as unknown[])
  .map((e) => (typeof e === 'string' ? e : (e as { path: string }).path))
  .filter((p) => p.startsWith('/candidature/'))

const ko = (n: number) => (n / 1024).toFixed(1)

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  })
  const lignes: string[] = []
  let echecs = 0
  try {
    for (const p of pages) {
      await fetch(base + p).catch(() => undefined)
      const mesures: Measurement[] = []
      for (let i = 0; i < runs; i++) mesures.push(await measure(browser, base + p))
      const poids = median(mesures.map((m) => m.bytes.html + m.bytes.css + m.bytes.js))
      const polices = Math.max(...mesures.map((m) => m.fontFiles))
      const lcps = mesures.map((m) => m.lcpMs).filter((v): v is number => v !== null)
      const lcp = lcps.length ? median(lcps) : null
      const ok = poids <= BUDGET_OCTETS && polices <= MAX_POLICES && lcp !== null && lcp <= MAX_LCP_MS
      if (!ok) echecs++
      lignes.push(
        `| \`${p}\` | ${mesures[0]?.status ?? '?'} | ${ko(median(mesures.map((m) => m.bytes.html)))} | ${ko(median(mesures.map((m) => m.bytes.css)))} | ${ko(median(mesures.map((m) => m.bytes.js)))} | ${ko(poids)} KB | ${polices} | ${lcp === null ? '—' : Math.round(lcp)} ms | ${ok ? 'ok' : 'HORS BUDGET'} |`,
      )
      process.stderr.write(`${p} ${ko(poids)} KB, LCP ${lcp === null ? '—' : Math.round(lcp)} ms\n`)
    }
  } finally {
    await browser.close()
  }
  console.log(
    `Médiane de ${runs} chargements à froid, Chromium ${browser.version()}, ${(NETWORK.downloadThroughput * 8e-6).toFixed(2)} Mbit/s, ${NETWORK.latency} ms, CPU ×${CPU_SLOWDOWN}\n`,
  )
  console.log('| page | statut | HTML | CSS | JS | HTML+CSS+JS | polices | LCP | verdict |')
  console.log('|---|---|---|---|---|---|---|---|---|')
  for (const l of lignes) console.log(l)
  if (echecs > 0) process.exitCode = 1
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
