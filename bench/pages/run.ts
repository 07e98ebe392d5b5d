/**
 * Page weight and Largest Contentful Paint of the public pages (docs/QUALITY.md).
 *
 *   npx tsx bench/pages/run.ts                  starts the app on a free port with demo data
 *   npx tsx bench/pages/run.ts http://host:port  measures a running instance
 *
 * Options: --runs=N (default 5). Exits 1 when a page is over budget.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import {
  CATEGORIES,
  CHROMIUM_ARGS,
  CPU_SLOWDOWN,
  type Measurement,
  measure,
  median,
  NETWORK,
} from './measure'

const ICI = path.dirname(fileURLToPath(import.meta.url))
const RACINE = path.resolve(ICI, '../..')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** QUALITY.md: HTML + CSS + JS ≤ 60 KB compressed on first load, fonts excluded. */
const BUDGET_KO = 60
const MAX_POLICES = 2
const MAX_LCP_MS = 2500

interface PageBench {
  path: string
  /** Only for pages QUALITY.md allows more (the map: + 150 KB for Leaflet and its data). */
  budgetKo?: number
}

interface Resultat {
  page: PageBench
  runs: Measurement[]
  status: number
  bytes: Record<string, number>
  budgetBytes: number
  fontFiles: number
  lcpMs: number | null
  cssEncoding: string | undefined
  echecs: string[]
}

function lirePages(): PageBench[] {
  const brut: unknown = JSON.parse(readFileSync(path.join(ICI, 'pages.json'), 'utf8'))
  if (!Array.isArray(brut)) throw new Error('bench/pages/pages.json doit contenir une liste')
  return brut.map((e) => (typeof e === 'string' ? { path: e } : (e as PageBench)))
}

function portLibre(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const adresse = s.address()
      s.close(() =>
        typeof adresse === 'object' && adresse ? resolve(adresse.port) : reject(new Error('port')),
      )
    })
  })
}

function executer(commande: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(commande, args, { cwd: RACINE, env, stdio: ['ignore', 'inherit', 'inherit'] })
    p.once('error', reject)
    p.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${commande} ${args.join(' ')} : code ${code}`)),
    )
  })
}

interface Application {
  baseUrl: string
  arreter: () => Promise<void>
}

/** Same as `npm start` on a fresh clone: build the assets, then the server with demo data. */
async function demarrerApplication(): Promise<Application> {
  await executer('npx', ['tsx', 'scripts/build-assets.ts'])
  const port = await portLibre()
  const donnees = mkdtempSync(path.join(tmpdir(), 'escale-bench-pages-'))
  const journal: string[] = []
  const serveur: ChildProcess = spawn('npx', ['tsx', 'src/server.ts'], {
    cwd: RACINE,
    // Its own process group, so that stopping it also stops the node process npx started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: donnees,
      DEMO_DATA: '1',
      LOG_LEVEL: 'warn',
      // Map tiles never come from outside during a measure (they are images after the first load).
      CARTE_TUILES: process.env.CARTE_TUILES ?? 'aucune',
    },
  })
  const garder = (d: Buffer) => {
    journal.push(d.toString())
    if (journal.length > 200) journal.shift()
  }
  serveur.stdout?.on('data', garder)
  serveur.stderr?.on('data', garder)
  let termine = false
  serveur.once('exit', () => {
    termine = true
  })

  const arreter = async () => {
    if (!termine && serveur.pid) {
      const fin = new Promise((r) => serveur.once('exit', r))
      try {
        process.kill(-serveur.pid, 'SIGTERM')
      } catch {
        // already gone
      }
      await Promise.race([fin, new Promise((r) => setTimeout(r, 5_000))])
      if (!termine) {
        try {
          process.kill(-serveur.pid, 'SIGKILL')
        } catch {
          // already gone
        }
      }
    }
    rmSync(donnees, { recursive: true, force: true })
  }

  const baseUrl = `http://127.0.0.1:${port}`
  const limite = Date.now() + 90_000
  while (Date.now() < limite) {
    if (termine) break
    try {
      const r = await fetch(`${baseUrl}/sante`)
      if (r.status === 200) return { baseUrl, arreter }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  await arreter()
  throw new Error(`L’application n’a pas répondu 200 sur /sante :\n${journal.join('').slice(-4000)}`)
}

const ko = (n: number) => (n / 1024).toFixed(1)

function synthese(page: PageBench, runs: Measurement[]): Resultat {
  const bytes: Record<string, number> = {}
  for (const c of CATEGORIES) bytes[c] = median(runs.map((r) => r.bytes[c]))
  const budgetBytes = median(runs.map((r) => r.bytes.html + r.bytes.css + r.bytes.js))
  const lcps = runs.map((r) => r.lcpMs).filter((v): v is number => v !== null)
  const lcpMs = lcps.length === runs.length ? median(lcps) : null
  const fontFiles = Math.max(...runs.map((r) => r.fontFiles))
  const budget = (page.budgetKo ?? BUDGET_KO) * 1024
  const echecs: string[] = []
  if (budgetBytes > budget) echecs.push(`poids ${ko(budgetBytes)} Ko > ${page.budgetKo ?? BUDGET_KO} Ko`)
  if (fontFiles > MAX_POLICES) echecs.push(`${fontFiles} polices > ${MAX_POLICES}`)
  if (lcpMs === null) echecs.push('LCP non mesuré')
  else if (lcpMs > MAX_LCP_MS) echecs.push(`LCP ${Math.round(lcpMs)} ms > ${MAX_LCP_MS} ms`)
  return {
    page,
    runs,
    status: runs[0]?.status ?? 0,
    bytes,
    budgetBytes,
    fontFiles,
    lcpMs,
    cssEncoding: runs[0]?.cssEncoding,
    echecs,
  }
}

function tableau(resultats: Resultat[]): string {
  const lignes = [
    '| Page | Statut | HTML | CSS | JS | HTML+CSS+JS | Polices | Images | Autres | LCP | Verdict |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ]
  for (const r of resultats) {
    lignes.push(
      `| \`${r.page.path}\` | ${r.status} | ${ko(r.bytes.html!)} | ${ko(r.bytes.css!)} | ${ko(r.bytes.js!)} | ` +
        `**${ko(r.budgetBytes)}** / ${r.page.budgetKo ?? BUDGET_KO} | ${r.fontFiles} (${ko(r.bytes.fonts!)}) | ` +
        `${ko(r.bytes.images!)} | ${ko(r.bytes.other!)} | ${r.lcpMs === null ? '—' : `${Math.round(r.lcpMs)} ms`} | ` +
        `${r.echecs.length === 0 ? 'ok' : `**${r.echecs.join(' ; ')}**`} |`,
    )
  }
  return lignes.join('\n')
}

async function main() {
  const args = process.argv.slice(2)
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 5)
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs doit être un entier ≥ 1')
  const baseArg = args.find((a) => !a.startsWith('--'))
  const pages = lirePages()

  const app = baseArg
    ? { baseUrl: baseArg.replace(/\/$/, ''), arreter: async () => {} }
    : await demarrerApplication()
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
  const resultats: Resultat[] = []
  try {
    for (const page of pages) {
      const url = app.baseUrl + page.path
      // One unmeasured request first: the server's first render of a route (template and query
      // compilation) is not what a visitor on a warm production server waits for.
      await fetch(url).catch(() => undefined)
      const mesures: Measurement[] = []
      for (let i = 0; i < runs; i++) {
        mesures.push(await measure(browser, url))
        process.stderr.write('.')
      }
      const r = synthese(page, mesures)
      resultats.push(r)
      process.stderr.write(
        ` ${page.path} ${ko(r.budgetBytes)} Ko, LCP ${r.lcpMs === null ? '—' : Math.round(r.lcpMs)} ms\n`,
      )
    }
  } finally {
    await browser.close()
    await app.arreter()
  }

  const version = browser.version()
  console.log(
    `\nMédiane de ${runs} chargements à froid par page, Chromium ${version}, réseau ${(NETWORK.downloadThroughput * 8e-6).toFixed(2)} Mbit/s ↓ ` +
      `${(NETWORK.uploadThroughput * 8e-6).toFixed(2)} Mbit/s ↑ ${NETWORK.latency} ms de latence, CPU ×${CPU_SLOWDOWN}. ` +
      `Tailles transférées en Ko (en-têtes compris), CSS servi en ${resultats[0]?.cssEncoding ?? '?'}.\n`,
  )
  console.log(tableau(resultats))

  const fichier = path.join(ICI, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(
    fichier,
    `${JSON.stringify({ date: new Date().toISOString(), baseUrl: app.baseUrl, chromium: version, network: NETWORK, cpuSlowdown: CPU_SLOWDOWN, resultats }, null, 2)}\n`,
  )
  console.log(`\nDétail par chargement : ${path.relative(RACINE, fichier)}`)

  const enEchec = resultats.filter((r) => r.echecs.length > 0)
  if (enEchec.length > 0) {
    console.error(`\n${enEchec.length} page(s) hors budget : ${enEchec.map((r) => r.page.path).join(', ')}`)
    process.exitCode = 1
  }
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
