/**
 * Ranking candidates for a structure among 20 000 candidates (QUALITY.md: ≤ 50 ms).
 *   npx tsx bench/recrutement/run.ts [postgresql://postgres@127.0.0.1:5432/postgres] [--runs=30]
 * Without a URL: embedded PGlite. Seeds a fresh database with 20 000 candidates spread over every
 * commune of France (weighted by population), then times, for structures in a dense city, a
 * mid-size town and a rural commune: the whole use case (SQL prefilter + ranking + details), the
 * ranking alone in memory, and the bare SQL prefilter as reference.
 */

import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import pg from 'pg'
import { portComptes } from '../../src/domains/comptes'
import { candidatsDansBoite } from '../../src/domains/recrutement/db/candidatures-repository'
import { candidatures, structures } from '../../src/domains/recrutement/db/schema'
import {
  boiteAutour,
  classer,
  RAYON_MAX_KM,
  RAYONS_KM,
} from '../../src/domains/recrutement/domain/classement'
import { makeClasserCandidats } from '../../src/domains/recrutement/use-cases/recruter'
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database'

const url = process.argv.slice(2).find((a) => a.startsWith('postgres'))
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 30)
const N = 20_000

async function base(): Promise<{ h: DatabaseHandle; fin: () => Promise<void> }> {
  if (!url) {
    const h = await openDatabase({ kind: 'pglite', dataDir: undefined })
    await h.migrate()
    return { h, fin: () => h.close() }
  }
  const nom = `escale_bench_${Date.now()}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create database "${nom}"`)
  const u = new URL(url)
  u.pathname = `/${nom}`
  const h = await openDatabase({ kind: 'postgresql', url: u.toString(), poolSize: 2 })
  await h.migrate()
  return {
    h,
    fin: async () => {
      await h.close()
      await admin.query(`drop database "${nom}" with (force)`)
      await admin.end()
    },
  }
}

const communes = (
  JSON.parse(gunzipSync(readFileSync('data/communes_min.json.gz')).toString('utf8')) as {
    code: string
    nom: string
    dept: string
    lat: number
    lon: number
    population: number | null
  }[]
).filter((c) => typeof c.lat === 'number')
// Candidates live where people live: draw communes weighted by population.
const cumul: number[] = []
let total = 0
for (const c of communes) {
  total += Math.max(1, c.population ?? 1)
  cumul.push(total)
}
let graine = 42
const alea = () => {
  graine = (graine * 1103515245 + 12345) % 2147483648
  return graine / 2147483648
}
const tirer = () => {
  const x = alea() * total
  let lo = 0
  let hi = cumul.length - 1
  while (lo < hi) {
    const m = (lo + hi) >> 1
    if ((cumul[m] ?? 0) < x) lo = m + 1
    else hi = m
  }
  return communes[lo]!
}

const mediane = (l: number[]) => [...l].sort((a, b) => a - b)[Math.floor(l.length / 2)] ?? 0
const p95 = (l: number[]) => [...l].sort((a, b) => a - b)[Math.floor(l.length * 0.95)] ?? 0
const chrono = async (f: () => Promise<unknown>) => {
  const d = performance.now()
  await f()
  return performance.now() - d
}

const { h, fin } = await base()
try {
  const lignes = Array.from({ length: N }, (_, i) => {
    const c = tirer()
    return {
      compteId: randomUUID(),
      prenom: 'Candidat',
      nom: String(i),
      email: `c${i}@bench.invalid`,
      telephone: '0600000000',
      codeCommune: c.code,
      nomCommune: c.nom,
      codeDepartement: c.dept,
      codeRegion: '',
      latitude: c.lat + (alea() - 0.5) * 0.02,
      longitude: c.lon + (alea() - 0.5) * 0.02,
      rayonKm: RAYONS_KM[Math.floor(alea() * RAYONS_KM.length)] ?? 20,
      disponibleLe: `2021-0${1 + Math.floor(alea() * 9)}-15`,
      situation: 'demandeur_emploi',
      diplomeMediationNumerique: alea() < 0.2,
      niveauPix: alea() < 0.5 ? 1 + Math.floor(alea() * 3) : null,
      experiencePublic: alea() < 0.5 ? 'Accueil du public en mairie pendant deux ans.' : '',
      motivation: 'Motivation.',
      statut: alea() < 0.9 ? 'disponible' : 'retiree',
    }
  })
  for (let i = 0; i < lignes.length; i += 1000)
    await h.db.insert(candidatures).values(lignes.slice(i, i + 1000))
  await h.db.execute('analyze' as never).catch(() => undefined)
  const commun = { db: h.db, horloge: () => new Date('2021-03-01T00:00:00Z'), baseUrl: '' }
  const deps = {
    ...commun,
    comptes: portComptes({ ...commun, inactiviteParRole: {} }),
    lieux: { lieuxDuDepartement: async () => [] },
    inscrireEnFormation: async () => {},
  }
  const classerCandidats = makeClasserCandidats(deps)
  const sites = [
    ['Marseille', '13055', '13', 43.2803, 5.3806],
    ['Gap', '05061', '05', 44.5594, 6.0786],
    ['Barcelonnette', '04019', '04', 44.3869, 6.6525],
  ] as const
  console.log(`${N} candidats, ${runs} mesures par site, moteur ${url ? 'PostgreSQL' : 'PGlite'}\n`)
  console.log(
    '| Structure | candidats dans la boîte | classés (≤ 50) | cas d’usage complet médiane / p95 | classement seul (mémoire) | requête SQL seule (référence) |',
  )
  console.log('|---|---|---|---|---|---|')
  for (const [nom, code, dep, lat, lon] of sites) {
    const [s] = await h.db
      .insert(structures)
      .values({
        nom,
        type: 'commune',
        codeCommune: code,
        codeDepartement: dep,
        codeRegion: '',
        latitude: lat,
        longitude: lon,
        statut: 'validee',
        postesValides: 2,
        dateDebutSouhaitee: '2021-03-01',
      })
      .returning()
    if (!s) throw new Error('structure')
    const boite = boiteAutour(lat, lon, RAYON_MAX_KM)
    const profils = await candidatsDansBoite(h.db, boite)
    const complet: number[] = []
    const memoire: number[] = []
    const sqlSeul: number[] = []
    let classes = 0
    for (let i = 0; i < runs + 3; i++) {
      const a = await chrono(async () => {
        classes = (await classerCandidats(s)).length
      })
      const b = await chrono(async () =>
        classer(profils, { latitude: lat, longitude: lon, codeDepartement: dep, debut: '2021-03-01' }),
      )
      const c = await chrono(() => candidatsDansBoite(h.db, boite))
      if (i >= 3) {
        complet.push(a)
        memoire.push(b)
        sqlSeul.push(c)
      }
    }
    const f = (x: number) => `${x.toFixed(1)} ms`
    console.log(
      `| ${nom} | ${profils.length} | ${classes} | ${f(mediane(complet))} / ${f(p95(complet))} | ${f(mediane(memoire))} | ${f(mediane(sqlSeul))} |`,
    )
  }
} finally {
  await fin()
}
