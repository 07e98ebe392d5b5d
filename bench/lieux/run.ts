/**
 * Nearest places with filters through HTTP (docs/QUALITY.md: ≥ 3 000 req/s, p99 ≤ 20 ms on 2 cores),
 * with a bare Fastify route measured in the same run as reference.
 *
 *   npx tsx bench/lieux/run.ts [--duree=10] [--connexions=32] [--runs=3] [--debit=3000] [--processus=2]
 *
 * Seeds 20 000 places (the 646 real PACA places, the 2 683 France Services, and generated places
 * around real communes weighted by population) into a fresh PostgreSQL database
 * (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres; it is dropped at the
 * end), starts `src/server.ts` on it, and loads `/api/v1/lieux?near=…&radius=…&services=…` from a
 * small keep-alive HTTP load generator on loopback. Each client address is varied with
 * X-Forwarded-For (TRUST_PROXY=1), as public traffic behind a load balancer: the per-address rate
 * limit stays on and is part of the cost measured.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { openSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import pg from 'pg'
import { SERVICES } from '../../src/domains/lieux/domain/vocabulaires'
import { creerCatalogueLieux } from '../../src/domains/lieux/use-cases/catalogue-lieux'
import { makeImporterLieux } from '../../src/domains/lieux/use-cases/importer-lieux'
import { openDatabase } from '../../src/platform/db/database'
import { referentielCommunes } from '../../src/platform/geo/referentiel-communes'

const ICI = path.dirname(fileURLToPath(import.meta.url))
const RACINE = path.resolve(ICI, '../..')
const arg = (nom: string, defaut: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${nom}=`))?.split('=')[1] ?? defaut)
const DUREE_S = arg('duree', 10)
const CONNEXIONS = arg('connexions', 32)
const RUNS = arg('runs', 3)
/** The load of the open-loop measure (QUALITY.md's 3 000 req/s). */
const DEBIT = arg('debit', 3000)
/**
 * Connections of the open-loop measure: a pool kept open to the app, as a reverse proxy keeps its
 * upstream connections (requests beyond wait in the pool, and that wait counts in their latency).
 */
const CONNEXIONS_RYTHME = arg('connexions-rythme', 64)
/** Server processes, for the app and the reference alike: one per core, as in production (WORKERS). */
const PROCESSUS = arg('processus', 2)
const TOTAL_LIEUX = 20_000
const URL_PG = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'

// Deterministic pseudo-random numbers: every run measures the same data and the same queries.
let graine = 42
const hasard = () => {
  graine = (graine * 1_103_515_245 + 12_345) % 2 ** 31
  return graine / 2 ** 31
}

function urlAvecBase(url: string, base: string) {
  const u = new URL(url)
  u.pathname = `/${base}`
  return u.toString()
}

async function preparerBase(nom: string): Promise<string> {
  const admin = new pg.Client({ connectionString: URL_PG })
  await admin.connect()
  await admin.query(`drop database if exists "${nom}" with (force)`)
  await admin.query(`create database "${nom}"`)
  await admin.end()
  const url = urlAvecBase(URL_PG, nom)
  const h = await openDatabase({ kind: 'postgresql', url, poolSize: 4 })
  await h.migrate()
  const communes = referentielCommunes()
  const importer = makeImporterLieux({
    db: h.db,
    horloge: () => new Date(),
    communes,
    catalogue: creerCatalogueLieux(h.db),
  })
  const debut = performance.now()
  let n = 0
  for (const f of [
    '20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json',
    'liste-fs-20221201.csv',
  ]) {
    const r = await importer({
      contenu: readFileSync(path.join(RACINE, 'data', f)),
      fichier: f,
      acteurId: null,
    })
    if (!r.ok) throw new Error(r.erreur)
    n += r.rapport.crees
  }
  // Generated places around metropolitan communes, more where more people live.
  const toutes = JSON.parse(
    (await import('node:zlib'))
      .gunzipSync(readFileSync(path.join(RACINE, 'data', 'communes_min.json.gz')))
      .toString('utf8'),
  ) as { code: string; nom: string; dept: string; lat: number; lon: number; population: number | null }[]
  const candidates = toutes.filter((c) => c.dept.length === 2 && (c.population ?? 0) > 2000)
  const poids = candidates.map((c) => Math.sqrt(c.population ?? 0))
  const somme = poids.reduce((a, b) => a + b, 0)
  const tirer = () => {
    let x = hasard() * somme
    for (let i = 0; i < candidates.length; i++) {
      x -= poids[i]!
      if (x <= 0) return candidates[i]!
    }
    return candidates[0]!
  }
  const lignes: Record<string, unknown>[] = []
  for (let i = 0; n + lignes.length < TOTAL_LIEUX; i++) {
    const c = tirer()
    const services = SERVICES.filter(() => hasard() < 0.35)
    lignes.push({
      id: `bench-${i}`,
      nom: `Espace numérique ${c.nom} ${i}`,
      commune: c.nom,
      code_postal: communes.parCode(c.code)?.codesPostaux[0] ?? '75001',
      code_insee: c.code,
      adresse: `${1 + (i % 90)} rue de la République`,
      latitude: c.lat + (hasard() - 0.5) * 0.06,
      longitude: c.lon + (hasard() - 0.5) * 0.08,
      date_maj: '2025-06-01',
      services: (services.length ? services : [SERVICES[0]]).join('|'),
      frais_a_charge: hasard() < 0.7 ? 'Gratuit' : 'Payant',
      horaires: hasard() < 0.6 ? 'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00' : '',
      dispositif_programmes_nationaux: hasard() < 0.3 ? 'Conseillers numériques' : '',
      source: 'bench',
    })
  }
  for (let i = 0; i < lignes.length; i += 5000) {
    const r = await importer({
      contenu: Buffer.from(JSON.stringify(lignes.slice(i, i + 5000))),
      fichier: `bench-${i}.json`,
      acteurId: null,
      source: 'bench',
    })
    if (!r.ok) throw new Error(r.erreur)
    n += r.rapport.crees
  }
  await h.close()
  console.log(`${n} lieux en base (${Math.round((performance.now() - debut) / 1000)} s)`)
  return url
}

function portLibre(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const a = s.address()
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('port'))))
    })
  })
}

/** Starts a script with Node and tsx's loader (no npx/sh layers: killing the child stops it), waits for `pret`. */
async function demarrer(
  script: string,
  env: NodeJS.ProcessEnv,
  pret: string,
): Promise<{ p: ChildProcess; url: string }> {
  const port = await portLibre()
  // BENCH_CPU_PROF=dir writes a CPU profile of the app server there (read it in Chrome DevTools).
  const profil =
    process.env.BENCH_CPU_PROF && script === 'src/server.ts'
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
      : []
  // BENCH_NODE_FLAGS adds V8/Node flags to the app server (e.g. --trace-gc), BENCH_STDOUT keeps its output.
  const drapeaux =
    script === 'src/server.ts' ? (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean) : []
  const sortie =
    script === 'src/server.ts' && process.env.BENCH_STDOUT
      ? openSync(process.env.BENCH_STDOUT, 'w')
      : 'ignore'
  const p = spawn(process.execPath, [...profil, ...drapeaux, '--import', 'tsx', script], {
    cwd: RACINE,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', sortie, 'pipe'],
  })
  p.stderr!.on('data', (d: Buffer) => {
    if (!/oidc-provider WARNING/.test(d.toString())) process.stderr.write(d)
  })
  const url = `http://127.0.0.1:${port}`
  const limite = Date.now() + 120_000
  while (Date.now() < limite) {
    if (p.exitCode !== null) throw new Error(`${script} arrêté (${p.exitCode})`)
    const ok = await fetch(`${url}${pret}`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { p, url }
    await new Promise((r) => setTimeout(r, 300))
  }
  p.kill()
  throw new Error(`démarrage trop long : ${script}`)
}

interface Mesure {
  requetes: number
  erreurs: number
  reqParS: number
  p50: number
  p99: number
}

/** One GET on a keep-alive agent, from its own client address; resolves with the status (0 on a network error). */
function envoyeur(base: string) {
  const u = new URL(base)
  let ip = 0
  return (agent: http.Agent, chemin: string) =>
    new Promise<number>((resolve) => {
      ip = (ip + 1) % 10_000
      const req = http.get(
        {
          agent,
          host: u.hostname,
          port: u.port,
          path: chemin,
          headers: {
            'accept-encoding': 'identity',
            'x-forwarded-for': `10.${(ip >> 8) & 255}.${ip & 255}.1`,
          },
        },
        (res) => {
          res.resume()
          res.once('end', () => resolve(res.statusCode ?? 0))
        },
      )
      req.once('error', () => resolve(0))
    })
}

function mesure(latences: number[], erreurs: number, dureeS: number): Mesure {
  latences.sort((a, b) => a - b)
  const q = (x: number) => latences[Math.min(latences.length - 1, Math.floor(latences.length * x))] ?? 0
  return { requetes: latences.length, erreurs, reqParS: latences.length / dureeS, p50: q(0.5), p99: q(0.99) }
}

/** Closed loop, the most the server answers: C keep-alive connections, each sending its next request as soon as the previous answer is read. */
async function charger(
  base: string,
  chemin: () => string,
  dureeS: number,
  connexions: number,
): Promise<Mesure> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connexions })
  const envoyer = envoyeur(base)
  const latences: number[] = []
  let erreurs = 0
  const fin = performance.now() + dureeS * 1000
  const debut = performance.now()
  await Promise.all(
    Array.from({ length: connexions }, async () => {
      while (performance.now() < fin) {
        const t0 = performance.now()
        const statut = await envoyer(agent, chemin())
        if (statut !== 200) erreurs++
        latences.push(performance.now() - t0)
      }
    }),
  )
  agent.destroy()
  return mesure(latences, erreurs, (performance.now() - debut) / 1000)
}

/**
 * Open loop, the latency at a given load: requests leave on a fixed schedule (`debit` per second),
 * whatever the answers, on as many connections as needed, and each latency runs from the moment its
 * request was due, not from when it left: a server that falls behind is charged for the wait of every
 * request queued behind (no coordinated omission).
 */
async function auRythme(base: string, chemin: () => string, dureeS: number, debit: number): Promise<Mesure> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNEXIONS_RYTHME })
  const envoyer = envoyeur(base)
  const latences: number[] = []
  let erreurs = 0
  const total = Math.round(dureeS * debit)
  const intervalle = 1000 / debit
  const enCours: Promise<void>[] = []
  const debut = performance.now()
  let envoyees = 0
  await new Promise<void>((fini) => {
    // A timer every millisecond sends every request that is due (about 3 at 3 000/s).
    const tic = () => {
      const maintenant = performance.now()
      while (envoyees < total && debut + envoyees * intervalle <= maintenant) {
        const prevu = debut + envoyees * intervalle
        envoyees++
        enCours.push(
          envoyer(agent, chemin()).then((statut) => {
            if (statut !== 200) erreurs++
            latences.push(performance.now() - prevu)
          }),
        )
      }
      if (envoyees < total) setTimeout(tic, 1)
      else fini()
    }
    tic()
  })
  await Promise.all(enCours)
  const duree = (performance.now() - debut) / 1000
  agent.destroy()
  return mesure(latences, erreurs, duree)
}

const mediane = (l: number[]) => [...l].sort((a, b) => a - b)[Math.floor(l.length / 2)]!

type Serveur = Awaited<ReturnType<typeof demarrer>>

/** The app on the seeded database, and the bare Fastify reference, each on PROCESSUS processes. */
async function demarrerServeurs(
  url: string,
  enfants: ChildProcess[],
): Promise<{ app: Serveur; nu: Serveur }> {
  const app = await demarrer(
    'src/server.ts',
    {
      DATABASE_URL: url,
      DEMO_DATA: '0',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '1',
      DATA_DIR: os.tmpdir(),
      WORKERS: String(PROCESSUS),
    },
    '/sante',
  )
  enfants.push(app.p)
  const nu = await demarrer('bench/lieux/nu.ts', { WORKERS: String(PROCESSUS) }, '/nu')
  enfants.push(nu.p)
  return { app, nu }
}

/** A query near a random town of more than 5 000 people, with a random radius, need and filters. */
function requetesAuHasard(): () => string {
  const communes = JSON.parse(
    gunzipSync(readFileSync(path.join(RACINE, 'data', 'communes_min.json.gz'))).toString('utf8'),
  ) as { dept: string; lat: number; lon: number; population: number | null }[]
  const villes = communes.filter((c) => c.dept.length === 2 && (c.population ?? 0) > 5000)
  return () => {
    const c = villes[Math.floor(hasard() * villes.length)]!
    const q = new URLSearchParams({
      near: `${c.lat},${c.lon}`,
      radius: String([5, 10, 20, 50][Math.floor(hasard() * 4)]),
      limit: '10',
    })
    q.append('services', SERVICES[Math.floor(hasard() * SERVICES.length)]!)
    if (hasard() < 0.3) q.set('gratuit', '1')
    if (hasard() < 0.2) q.set('ouvert', '1')
    if (hasard() < 0.1) q.append('dispositifs', 'France Services')
    return `/api/v1/lieux?${q}`
  }
}

interface Mesures {
  lieux: Mesure[]
  reference: Mesure[]
  rythme: Mesure[]
  rythmeNu: Mesure[]
  parRun: Record<string, unknown>[]
}

/**
 * The runs, each printed and kept with the machine's load average: a median hides the bad run, and
 * the bar (p99 ≤ 20 ms at 3 000 req/s) is meant for every run, not for most of them.
 */
async function mesurerLesRuns(app: Serveur, nu: Serveur, requete: () => string): Promise<Mesures> {
  const m: Mesures = { lieux: [], reference: [], rythme: [], rythmeNu: [], parRun: [] }
  const charge = () => os.loadavg()[0]!.toFixed(2)
  for (let i = 0; i < RUNS; i++) {
    const chargeAvant = charge()
    const a = await charger(app.url, requete, DUREE_S, CONNEXIONS)
    const n = await charger(nu.url, () => '/nu', DUREE_S, CONNEXIONS)
    const ar = await auRythme(app.url, requete, DUREE_S, DEBIT)
    const nr = await auRythme(nu.url, () => '/nu', DUREE_S, DEBIT)
    m.lieux.push(a)
    m.reference.push(n)
    m.rythme.push(ar)
    m.rythmeNu.push(nr)
    const run = {
      heure: new Date().toISOString().slice(11, 16),
      charge: `${chargeAvant} → ${charge()}`,
      api_reqParS: Math.round(a.reqParS),
      api_p99: Number(a.p99.toFixed(2)),
      nu_reqParS: Math.round(n.reqParS),
      ratio: Number((a.reqParS / n.reqParS).toFixed(3)),
      api_rythme_reqParS: Math.round(ar.reqParS),
      api_rythme_p50: Number(ar.p50.toFixed(2)),
      api_rythme_p99: Number(ar.p99.toFixed(2)),
      nu_rythme_p99: Number(nr.p99.toFixed(2)),
    }
    m.parRun.push(run)
    console.log(
      `run ${i + 1}/${RUNS} (${run.heure} UTC, charge ${run.charge}) : boucle fermée ${run.api_reqParS} req/s p99 ${run.api_p99} ms (${Math.round(run.ratio * 100)} % de Fastify nu, ${run.nu_reqParS} req/s) ; ${DEBIT} req/s imposées : p50 ${run.api_rythme_p50} ms, p99 ${run.api_rythme_p99} ms (Fastify nu : p99 ${run.nu_rythme_p99} ms)`,
    )
  }
  return m
}

const resume = (m: Mesure[]) => ({
  reqParS: Math.round(mediane(m.map((x) => x.reqParS))),
  p50: Number(mediane(m.map((x) => x.p50)).toFixed(2)),
  p99: Number(mediane(m.map((x) => x.p99)).toFixed(2)),
  erreurs: m.reduce((a, x) => a + x.erreurs, 0),
  requetes: m.reduce((a, x) => a + x.requetes, 0),
})

/** The medians against QUALITY.md's bars, printed and written next to this file. */
function rapporter(m: Mesures): void {
  const r = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cœurs ${os.cpus()[0]?.model ?? ''}, Node ${process.version}`,
    lieux: TOTAL_LIEUX,
    duree_s: DUREE_S,
    connexions: CONNEXIONS,
    connexions_rythme: CONNEXIONS_RYTHME,
    processus: PROCESSUS,
    runs: RUNS,
    debit_cible: DEBIT,
    api: resume(m.lieux),
    fastify_nu: resume(m.reference),
    api_au_rythme: resume(m.rythme),
    fastify_nu_au_rythme: resume(m.rythmeNu),
    par_run: m.parRun,
  }
  const ratio = r.api.reqParS / r.fastify_nu.reqParS
  console.table({
    '/api/v1/lieux, boucle fermée (débit max)': r.api,
    'Fastify nu, boucle fermée (référence)': r.fastify_nu,
    [`/api/v1/lieux, ${DEBIT} req/s imposées`]: r.api_au_rythme,
    [`Fastify nu, ${DEBIT} req/s imposées`]: r.fastify_nu_au_rythme,
  })
  console.log(`ratio débit API / Fastify nu : ${(ratio * 100).toFixed(0)} %`)
  const tenu = r.api_au_rythme.reqParS >= DEBIT * 0.99
  const chaqueRun = m.rythme.every((x) => x.p99 <= 20)
  console.log(
    `objectifs QUALITY.md : débit max ≥ 3 000 req/s → ${r.api.reqParS >= 3000 ? 'atteint' : 'NON atteint'} ; à ${DEBIT} req/s : débit tenu → ${tenu ? 'oui' : 'NON'}, p99 ≤ 20 ms → ${r.api_au_rythme.p99 <= 20 ? 'atteint' : 'NON atteint'} (médiane), ${chaqueRun ? 'dans chaque run' : 'PAS dans chaque run'} ; erreurs : ${r.api.erreurs + r.api_au_rythme.erreurs}`,
  )
  writeFileSync(path.join(ICI, `results-${Date.now()}.json`), `${JSON.stringify({ ...r, ratio }, null, 2)}\n`)
}

async function main() {
  const nomBase = `escale_bench_lieux_${process.pid}`
  const url = await preparerBase(nomBase)
  const enfants: ChildProcess[] = []
  try {
    const { app, nu } = await demarrerServeurs(url, enfants)
    const requete = requetesAuHasard()
    // Warm-up: JIT, index build, connection pool.
    await charger(app.url, requete, 3, CONNEXIONS)
    await charger(nu.url, () => '/nu', 2, CONNEXIONS)
    rapporter(await mesurerLesRuns(app, nu, requete))
  } finally {
    for (const e of enfants) e.kill('SIGTERM')
    const admin = new pg.Client({ connectionString: URL_PG })
    await admin.connect()
    await admin.query(`drop database if exists "${nomBase}" with (force)`)
    await admin.end()
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
