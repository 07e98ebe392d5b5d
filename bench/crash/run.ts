/**
 * Durability (docs/QUALITY.md): kill -9 the server during a burst of writes; after a restart, every
 * write it acknowledged is there — on the embedded PGlite and on PostgreSQL.
 *
 *   npx tsx bench/crash/run.ts                              both engines
 *   npx tsx bench/crash/run.ts --moteurs=pglite --rafale-ms=3000 --concurrence=16 --tours=3
 *
 * The writes are activity reports sent by a demo conseiller to the offline-sync endpoint
 * (`POST /activites/synchronisation`), each with its client id. After the restart the same reports are
 * sent again: the endpoint answers `deja` for a report it has, `enregistree` for one it had lost.
 * PostgreSQL: `BENCH_DATABASE_URL` (default postgresql://postgres@127.0.0.1:5432/postgres) is used to
 * create and drop a throwaway database. Exit code 1 if an acknowledged write is missing.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { type Reponse, requete } from '../http'

const RACINE = path.resolve(import.meta.dirname, '../..')
const option = (nom: string, defaut: string) =>
  process.argv.find((a) => a.startsWith(`--${nom}=`))?.split('=')[1] ?? defaut
const MOTEURS = option('moteurs', 'pglite,postgresql').split(',')
const RAFALE_MS = Number(option('rafale-ms', '3000'))
const CONCURRENCE = Number(option('concurrence', '16'))
const TOURS = Number(option('tours', '3'))
const URL_PG = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const CONSEILLER = 'ines.fabre@demo.escale.localhost'
const MOT_DE_PASSE = 'escale-demo-2026'

async function portLibre(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port
      s.close(() => resolve(p))
    })
  })
}

class Serveur {
  enfant?: ChildProcess
  constructor(
    readonly port: number,
    readonly env: Record<string, string>,
  ) {}

  /** Starts the app and waits for /sante; returns how long it took (recovery included). */
  async demarrer(): Promise<number> {
    const debut = performance.now()
    this.enfant = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: RACINE,
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    for (let i = 0; i < 2400; i++) {
      try {
        const r = await requete(this.port, 'GET', '/sante')
        if (r.statut === 200) return performance.now() - debut
      } catch {}
      if (this.enfant.exitCode !== null)
        throw new Error(`le serveur s’est arrêté (code ${this.enfant.exitCode})`)
      await new Promise((fin) => setTimeout(fin, 250))
    }
    throw new Error('le serveur ne répond pas')
  }

  tuer() {
    return this.signal('SIGKILL')
  }

  arreter() {
    return this.signal('SIGTERM')
  }

  private signal(s: NodeJS.Signals): Promise<void> {
    const e = this.enfant
    if (!e || e.exitCode !== null || e.signalCode !== null) return Promise.resolve()
    return new Promise((fin) => {
      e.once('exit', () => fin())
      e.kill(s)
    })
  }
}

/** Signs in the demo conseiller; returns the cookie and the CSRF token of the session. */
async function connecter(port: number): Promise<{ cookie: string; csrf: string }> {
  const jar = new Map<string, string>()
  const garder = (r: Reponse) => {
    for (const c of r.cookies) {
      const [k, ...v] = c.split('=')
      if (k) jar.set(k, v.join('='))
    }
  }
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const jeton = (r: Reponse) => /name="_csrf" value="([^"]+)"/.exec(r.corps)?.[1] ?? ''
  const page = await requete(port, 'GET', '/connexion')
  garder(page)
  const r = await requete(port, 'POST', '/connexion', {
    cookie: cookie(),
    corps: new URLSearchParams({
      _csrf: jeton(page),
      email: CONSEILLER,
      mot_de_passe: MOT_DE_PASSE,
    }).toString(),
  })
  garder(r)
  if (r.statut !== 303) throw new Error(`connexion refusée (${r.statut})`)
  const formulaire = await requete(port, 'GET', '/activites/nouvelle', { cookie: cookie() })
  garder(formulaire)
  const csrf = jeton(formulaire)
  if (!csrf) throw new Error('pas de jeton CSRF sur /activites/nouvelle')
  return { cookie: cookie(), csrf }
}

const activite = (id: string) => ({
  id,
  type: 'individuel',
  date: new Date().toISOString().slice(0, 10),
  duree: '30',
  lieu_type: 'distance',
  themes: ['email'],
})

async function synchroniser(port: number, s: { cookie: string; csrf: string }, ids: string[]) {
  const r = await requete(port, 'POST', '/activites/synchronisation', {
    ...s,
    type: 'application/json',
    corps: JSON.stringify({ activites: ids.map(activite) }),
  })
  if (r.statut !== 200) throw new Error(`synchronisation : ${r.statut} ${r.corps.slice(0, 200)}`)
  return (JSON.parse(r.corps) as { resultats: { id: string; statut: string }[] }).resultats
}

interface Tour {
  acquittees: number
  envoyeesSansReponse: number
  presentes: number
  perdues: number
  redemarrageMs: number
}

/** One burst: writers send reports one by one; the server is killed mid-burst, then restarted and checked. */
async function tour(serveur: Serveur): Promise<Tour> {
  const session = await connecter(serveur.port)
  const acquittees: string[] = []
  let sansReponse = 0
  let tue = false
  const ecrivains = Array.from({ length: CONCURRENCE }, async () => {
    while (!tue) {
      const id = randomUUID()
      try {
        const [r] = await synchroniser(serveur.port, session, [id])
        if (r?.statut === 'enregistree') acquittees.push(id)
        else throw new Error(`réponse inattendue ${JSON.stringify(r)}`)
      } catch (e) {
        if (!tue) throw e
        sansReponse++
      }
    }
  })
  await new Promise((fin) => setTimeout(fin, RAFALE_MS))
  tue = true
  await serveur.tuer()
  await Promise.all(ecrivains)

  const redemarrageMs = await serveur.demarrer()
  const apres = await connecter(serveur.port)
  let presentes = 0
  let perdues = 0
  for (let i = 0; i < acquittees.length; i += 50)
    for (const r of await synchroniser(serveur.port, apres, acquittees.slice(i, i + 50)))
      if (r.statut === 'deja') presentes++
      else perdues++
  return {
    acquittees: acquittees.length,
    envoyeesSansReponse: sansReponse,
    presentes,
    perdues,
    redemarrageMs,
  }
}

async function moteur(nom: string): Promise<Tour[]> {
  const port = await portLibre()
  let nettoyer: () => Promise<void>
  let env: Record<string, string>
  if (nom === 'pglite') {
    const dossier = mkdtempSync(path.join(tmpdir(), 'escale-crash-'))
    env = { DATA_DIR: dossier, ESCALE_MODE: 'demo', DEMO_DATA: '1' }
    nettoyer = async () => rmSync(dossier, { recursive: true, force: true })
  } else {
    const base = `escale_bench_crash_${process.pid}`
    const admin = new pg.Client({ connectionString: URL_PG })
    await admin.connect()
    await admin.query(`create database "${base}"`)
    await admin.end()
    const u = new URL(URL_PG)
    u.pathname = `/${base}`
    env = { DATABASE_URL: u.toString(), ESCALE_MODE: 'demo', DEMO_DATA: '1' }
    nettoyer = async () => {
      const c = new pg.Client({ connectionString: URL_PG })
      await c.connect()
      await c.query(`drop database if exists "${base}" with (force)`)
      await c.end()
    }
  }
  const serveur = new Serveur(port, env)
  const tours: Tour[] = []
  try {
    const premier = await serveur.demarrer()
    console.log(`${nom} : démarré avec les données de démonstration en ${(premier / 1000).toFixed(1)} s`)
    for (let i = 0; i < TOURS; i++) {
      const t = await tour(serveur)
      console.log(
        `${nom} tour ${i + 1} : ${t.acquittees} écritures acquittées avant kill -9, ${t.presentes} présentes après redémarrage, ${t.perdues} perdues (${t.envoyeesSansReponse} en vol sans réponse ; redémarrage ${Math.round(t.redemarrageMs)} ms)`,
      )
      tours.push(t)
    }
  } finally {
    await serveur.arreter().catch(() => {})
    await nettoyer()
  }
  return tours
}

const resultats: Record<string, Tour[]> = {}
for (const m of MOTEURS) resultats[m] = await moteur(m)
const perdues = Object.values(resultats)
  .flat()
  .reduce((n, t) => n + t.perdues, 0)
console.table(
  Object.entries(resultats).map(([m, tours]) => ({
    moteur: m,
    tours: tours.length,
    acquittees: tours.reduce((n, t) => n + t.acquittees, 0),
    presentes: tours.reduce((n, t) => n + t.presentes, 0),
    perdues: tours.reduce((n, t) => n + t.perdues, 0),
    'redémarrage médian ms': Math.round(
      [...tours.map((t) => t.redemarrageMs)].sort((a, b) => a - b)[Math.floor(tours.length / 2)] ?? 0,
    ),
  })),
)
console.log(perdues === 0 ? 'Aucune écriture acquittée perdue.' : `${perdues} écritures acquittées PERDUES.`)
process.exit(perdues === 0 ? 0 : 1)
