/**
 * Benchmark of the activities domain at national scale (bench/README.md § Activités).
 *
 *   npx tsx bench/activites/run.ts                 # 2 million activities (default)
 *   BENCH_N=20000000 npx tsx bench/activites/run.ts   # the national figure of QUALITY.md
 *
 * Creates the database `escale_bench_activites` on PostgreSQL (BENCH_PG, default
 * postgresql://postgres@127.0.0.1:5432/postgres), seeds N activities of 4 000 conseillers in
 * 2 500 structures over 48 months with set-based SQL, builds the counters the same way, starts
 * the real server (`src/server.ts`) in a child process, then measures on loopback:
 *   - server time of the national, département and conseiller statistics pages (medians);
 *   - the raw-SQL reference: the same counter queries straight through `pg`;
 *   - recording throughput through HTTP (a bounded keep-alive load generator, 0 errors expected)
 *     and the raw-SQL reference (the same write + counters through the repository).
 * Drops the database at the end. Results go to bench/activites/results-<date>.json.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import pg from 'pg'
import { uuidV7 } from '../../src/domains/activites/domain/identifiant'
import { codeTotp, creerCompteDemo } from '../../src/domains/comptes'
import { creerStructure } from '../../src/domains/recrutement'
import { openDatabase } from '../../src/platform/db/database'
import { DEPARTEMENTS } from '../../src/platform/geo/territoires'

const N = Number(process.env.BENCH_N ?? 2_000_000)
const URL_PG = process.env.BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
/** BENCH_REPRENDRE=<database> measures again a database kept by an earlier run (BENCH_GARDER=1), without seeding. */
const REPRENDRE = process.env.BENCH_REPRENDRE
const BASE = REPRENDRE ?? `escale_bench_activites_${process.pid}`
const PORT = Number(process.env.BENCH_PORT ?? 3917)
const DUREE_CHARGE_S = Number(process.env.BENCH_DUREE ?? 15)
const CONCURRENCE = Number(process.env.BENCH_CONCURRENCE ?? 16)
const PARALLELE = Number(process.env.BENCH_PARALLELE ?? 2)
const MDP = 'une phrase de passe assez longue'
const TOTP = 'KRUGS4ZANFZSAYJAOZSXE6JAONSWG4TF'
const racine = path.resolve(import.meta.dirname, '../..')
const urlBase = (() => {
  const u = new URL(URL_PG)
  u.pathname = `/${BASE}`
  return u.toString()
})()

const mediane = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0
const arrondi = (x: number) => Math.round(x * 10) / 10
const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a)

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: URL_PG })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

async function preparer() {
  await admin(`drop database if exists ${BASE} with (force)`)
  await admin(`create database ${BASE}`)
  const h = await openDatabase({ kind: 'postgresql', url: urlBase, poolSize: 2 })
  await h.migrate()
  const metro = DEPARTEMENTS.filter((d) => d.zone === 'metro')
  // The structures the measured accounts hold a role on (the others exist only in the activities).
  const s13 = await creerStructure(h.db, {
    nom: 'CCAS de Marseille',
    type: 'commune',
    codeCommune: '13055',
    codeDepartement: '13',
    codeRegion: '93',
  })
  const deps = { db: h.db, horloge: () => new Date(), baseUrl: 'http://127.0.0.1', inactiviteParRole: {} }
  const compte = (
    email: string,
    habilitations: Parameters<typeof creerCompteDemo>[1]['habilitations'],
    totp = false,
  ) =>
    creerCompteDemo(deps, {
      email,
      prenom: 'Bench',
      nom: email,
      motDePasse: MDP,
      habilitations,
      ...(totp ? { totpSecret: TOTP } : {}),
    })
  const comptes = {
    admin: await compte(
      'admin@bench.localhost',
      [{ role: 'admin', portee: { type: 'national', code: '', libelle: '' } }],
      true,
    ),
    prefecture: await compte('pref13@bench.localhost', [
      { role: 'prefecture', portee: { type: 'departement', code: '13', libelle: '13' } },
    ]),
    coordinateur: await compte('coord93@bench.localhost', [
      { role: 'coordinateur', portee: { type: 'region', code: '93', libelle: 'Provence-Alpes-Côte d’Azur' } },
    ]),
    conseiller: await compte('cnfs@bench.localhost', [
      { role: 'conseiller', portee: { type: 'structure', code: s13.id, libelle: 'CCAS' } },
    ]),
  }
  // Writers of the load test: one conseiller per structure, in 32 different départements, as in real life.
  const ecrivains: { email: string; id: string; structureId: string; dep: string; reg: string }[] = []
  for (const d of metro.slice(0, 32)) {
    const st = await creerStructure(h.db, {
      nom: `Structure ${d.code}`,
      type: 'commune',
      codeCommune: `${d.code}001`.slice(0, 5),
      codeDepartement: d.code,
      codeRegion: d.region,
    })
    const email = `cnfs${d.code}@bench.localhost`
    const cpt = await compte(email, [
      { role: 'conseiller', portee: { type: 'structure', code: st.id, libelle: st.nom } },
    ])
    ecrivains.push({ email, id: cpt.id, structureId: st.id, dep: d.code, reg: d.region })
  }
  const { sqlInsererEtCompter, SQL_TERRITOIRE_DEPUIS_CONSEILLER } = await import(
    '../../src/domains/activites/db/activites-repository'
  )
  const themes = [
    'equipement',
    'internet',
    'email',
    'bureautique',
    'reseaux_sociaux',
    'sante',
    'banque_achats',
    'emploi_cv',
    'securite_donnees',
    'culture_numerique',
    'demarche_social_sante',
    'demarche_papiers',
    'demarche_argent',
    'demarche_logement',
  ]
  const listeThemes = `(array[${themes.map((x) => `'${x}'`).join(',')}])`
  const connecter = async () => {
    const c = new pg.Client({ connectionString: urlBase })
    await c.connect()
    // Bulk load: no JIT, hash tables in memory, no per-row foreign-key triggers (no row references a
    // follow-up file), no wait for the WAL flush of each month.
    await c.query(`set jit = off; set work_mem = '256MB'; set maintenance_work_mem = '1GB';
      set synchronous_commit = off; set session_replication_role = replica`)
    await c.query(
      `create temp table deps_bench as select * from (values ${metro.map((d, i) => `(${i}, '${d.code}', '${d.region}')`).join(',')}) v(i, dep, reg)`,
    )
    // Conseiller k (0..3999) works in structure k % 2500, département (k % 2500) % 96; conseiller 0 is
    // the measured account (13).
    await c.query(`create temp table conseillers_bench as
      select k, case when k = 0 then '${comptes.conseiller.id}'::uuid else md5('c' || k)::uuid end as id,
        case when k = 0 then '${s13.id}' else 'bench-s-' || (k % 2500) end as structure,
        case when k = 0 then '13' else d.dep end as dep, case when k = 0 then '93' else d.reg end as reg
      from generate_series(0, 3999) k join deps_bench d on d.i = (k % 2500) % 96`)
    // 420 activity profiles (type, duration, place, themes, public…) covering the vocabulary.
    await c.query(`create temp table profils_bench as
      select q, t.type, (array[15,30,45,60,90,120])[1 + q % 6] as duree,
        (array['lieu_activite','lieu_activite','domicile','distance'])[1 + q % 4] as lieu_type,
        case when t.type = 'collectif' then 2 + q % 12 else 1 end as participants,
        case when t.type = 'collectif' then (array['debutant','intermediaire','avance'])[1 + q % 3] end as niveau,
        array[(array['ordinateur','telephone','tablette'])[1 + q % 3]] as materiels,
        array[${listeThemes}[1 + q % ${themes.length}]] ||
          case when q % 3 = 0 then array[${listeThemes}[1 + (q / 7) % ${themes.length}]] else '{}'::text[] end as themes,
        case when t.type <> 'collectif' then (array['accompagne','partiel','autonome'])[1 + q % 3] end as autonomie,
        (array['aucune','aucune','france_services','aidants_connect','autre_lieu'])[1 + q % 5] as orientation,
        jsonb_build_object((array['18_24','25_39','40_59','60_69','70_plus','nc'])[1 + q % 6], case when t.type = 'collectif' then 2 + q % 12 else 1 end) as ages,
        jsonb_build_object((array['sans_emploi','en_emploi','retraite','nc'])[1 + q % 4], case when t.type = 'collectif' then 2 + q % 12 else 1 end) as situations
      from generate_series(0, 419) q
      cross join lateral (select (array['individuel','individuel','ponctuel','collectif'])[1 + q % 4] as type) t`)
    return c
  }
  const clients = await Promise.all(Array.from({ length: PARALLELE }, connecter))
  const c = clients[0]!
  // Indexes and primary keys are built once after the load (a sort) instead of row by row.
  const tables = ['activites', 'activites_stats_conseiller']
  const contraintes = (
    await c.query<{ t: string; nom: string; def: string }>(
      `select conrelid::regclass::text as t, conname as nom, pg_get_constraintdef(oid) as def
       from pg_constraint where contype = 'p' and conrelid::regclass::text = any($1)`,
      [tables],
    )
  ).rows
  const index = (
    await c.query<{ nom: string; def: string }>(
      `select indexname as nom, indexdef as def from pg_indexes
       where tablename = any($1) and indexname not in (select conname from pg_constraint where contype in ('p', 'u'))`,
      [tables],
    )
  ).rows
  for (const x of index) await c.query(`drop index ${x.nom}`)
  for (const x of contraintes) await c.query(`alter table ${x.t} drop constraint ${x.nom}`)

  const t0 = Date.now()
  log(`insertion de ${N.toLocaleString('fr-FR')} activités et de leurs compteurs, mois par mois…`)
  // 48 months from 2022-12; month m holds activities g in ]m·N/48, (m+1)·N/48]. Activity g is done by
  // conseiller g % 4000 with one of the 8 profiles that conseiller uses (a conseiller has habits:
  // same places, same workshops), so the recount first collapses ~100 activities of a month into ≤ 8 rows.
  // Each month is inserted and counted in one statement (the recount of the property test applied to
  // the inserted rows): exact, since a month's counters only depend on that month's activities.
  const MOIS = 48
  const file = Array.from({ length: MOIS }, (_, m) => m)
  let faits = 0
  await Promise.all(
    clients.map(async (cl) => {
      for (let m = file.shift(); m !== undefined; m = file.shift()) {
        const debut = Math.floor((m * N) / MOIS) + 1
        const fin = Math.floor(((m + 1) * N) / MOIS)
        await cl.query(
          sqlInsererEtCompter(`
      insert into activites (id, conseiller_id, structure_id, code_departement, code_region, date, type, duree, lieu_type,
        lieu_id, participants, niveau, materiels, themes, autonomie, orientation, ages, situations, cree_le, modifie_le)
      select md5('a' || g)::uuid, c.id, c.structure, c.dep, c.reg,
        (date '2022-12-01' + make_interval(months => ${m}))::date + (g % 28)::int, p.type, p.duree, p.lieu_type,
        'lieu', p.participants, p.niveau, p.materiels, p.themes, p.autonomie, p.orientation, p.ages, p.situations,
        now(), now()
      from generate_series(${debut}::bigint, ${fin}::bigint) g
      join conseillers_bench c on c.k = g % 4000
      join profils_bench p on p.q = ((g % 4000) * 7 + (g / 4000) % 8) % 420`),
        )
        faits++
        if (faits % 6 === 0) log(`  ${faits}/${MOIS} mois (${Math.round((Date.now() - t0) / 1000)} s)`)
      }
    }),
  )
  const insertion = (Date.now() - t0) / 1000
  const t1 = Date.now()
  log('clés primaires et index…')
  // Built two at a time, one per connection.
  const constructions = [
    ...contraintes.map((x) => `alter table ${x.t} add constraint ${x.nom} ${x.def}`),
    ...index.map((x) => x.def),
  ]
  await Promise.all(
    clients.map(async (cl) => {
      for (let q = constructions.shift(); q !== undefined; q = constructions.shift()) {
        const t = Date.now()
        await cl.query(q)
        log(`  ${q.slice(0, 60)}… ${Math.round((Date.now() - t) / 1000)} s`)
      }
    }),
  )
  await c.query('delete from activites_stats_territoire')
  await c.query(SQL_TERRITOIRE_DEPUIS_CONSEILLER)
  log(`  compteurs territoriaux (${Math.round((Date.now() - t1) / 1000)} s)`)
  // Vacuum now (visibility map, statistics) and flush the load to disk, so that neither autovacuum
  // nor the checkpoint of several gigabytes runs during the measures.
  await Promise.all([
    c.query('vacuum analyze activites'),
    (async () => {
      const cl = clients[1 % clients.length]!
      await cl.query('vacuum analyze activites_stats_conseiller')
      await cl.query('vacuum analyze activites_stats_territoire')
    })(),
  ])
  await c.query('checkpoint')
  const compteurs = (Date.now() - t1) / 1000
  const tailles = await c.query(`select (select count(*) from activites_stats_conseiller)::int as conseiller,
    (select count(*) from activites_stats_territoire)::int as territoire,
    (select count(*) from activites)::int as activites,
    pg_size_pretty(pg_database_size(current_database())) as taille_base`)
  log(`index, compteurs territoriaux, vacuum et checkpoint en ${Math.round(compteurs)} s`, tailles.rows[0])
  for (const cl of clients.slice(1)) await cl.end()
  await c.end()
  await h.close()
  return {
    comptes,
    ecrivains,
    insertion,
    compteurs,
    tailles: tailles.rows[0] as {
      conseiller: number
      territoire: number
      activites: number
      taille_base: string
    },
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCE })
function requete(
  methode: string,
  chemin: string,
  o: { cookie?: string; corps?: string; type?: string; csrf?: string; ip?: string } = {},
) {
  return new Promise<{ statut: number; corps: string; cookies: string[] }>((resolve, reject) => {
    const r = http.request(
      {
        host: '127.0.0.1',
        port: PORT,
        method: methode,
        path: chemin,
        agent,
        // Logins are rate-limited per address: each bench account comes from its own loopback address.
        ...(o.ip ? { localAddress: o.ip } : {}),
        headers: {
          ...(o.cookie ? { cookie: o.cookie } : {}),
          ...(o.corps !== undefined
            ? {
                'content-type': o.type ?? 'application/x-www-form-urlencoded',
                'content-length': Buffer.byteLength(o.corps),
              }
            : {}),
          ...(o.csrf ? { 'csrf-token': o.csrf } : {}),
        },
      },
      (res) => {
        const morceaux: Buffer[] = []
        res.on('data', (m) => morceaux.push(m))
        res.on('end', () =>
          resolve({
            statut: res.statusCode ?? 0,
            corps: Buffer.concat(morceaux).toString(),
            cookies: (res.headers['set-cookie'] ?? []).map((x) => x.split(';')[0] ?? ''),
          }),
        )
      },
    )
    r.on('error', reject)
    if (o.corps !== undefined) r.write(o.corps)
    r.end()
  })
}

let adresses = 0
class Session {
  ip = `127.0.1.${++adresses}`
  jar = new Map<string, string>()
  csrf = ''
  get cookie() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ')
  }
  garder(cookies: string[]) {
    for (const c of cookies) {
      const [k, ...v] = c.split('=')
      if (k) this.jar.set(k, v.join('='))
    }
  }
  async get(chemin: string) {
    const r = await requete('GET', chemin, { cookie: this.cookie, ip: this.ip })
    this.garder(r.cookies)
    const m = /name="_csrf" value="([^"]+)"/.exec(r.corps)
    if (m?.[1]) this.csrf = m[1]
    return r
  }
  async post(chemin: string, champs: Record<string, string>) {
    const r = await requete('POST', chemin, {
      cookie: this.cookie,
      ip: this.ip,
      corps: new URLSearchParams({ _csrf: this.csrf, ...champs }).toString(),
    })
    this.garder(r.cookies)
    return r
  }
  static async connecter(email: string, totp: boolean) {
    const s = new Session()
    await s.get('/connexion')
    const r = await s.post('/connexion', { email, mot_de_passe: MDP })
    if (totp) {
      await s.get('/connexion/totp')
      await s.post('/connexion/totp', { code: codeTotp(TOTP, new Date()) })
    } else if (r.statut !== 303) throw new Error(`connexion refusée ${r.statut}`)
    return s
  }
}

async function demarrerServeur(): Promise<ChildProcess> {
  // BENCH_CPU_PROF=dir writes a CPU profile of the server there (read it in Chrome DevTools).
  const profil = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : []
  const enfant = spawn(process.execPath, [...profil, '--import', 'tsx', 'src/server.ts'], {
    cwd: racine,
    env: {
      ...process.env,
      DATABASE_URL: urlBase,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DEMO_DATA: '0',
      LOG_LEVEL: 'warn',
      ESCALE_MODE: 'demo',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  for (let i = 0; i < 120; i++) {
    try {
      if ((await requete('GET', '/sante')).statut === 200) return enfant
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  enfant.kill()
  throw new Error('le serveur ne répond pas')
}

async function mesurerPage(s: Session, chemin: string, fois = 15) {
  for (let i = 0; i < 3; i++) await s.get(chemin)
  const temps: number[] = []
  for (let i = 0; i < fois; i++) {
    const t = performance.now()
    const r = await requete('GET', chemin, { cookie: s.cookie, ip: s.ip })
    temps.push(performance.now() - t)
    if (r.statut !== 200) throw new Error(`${chemin} → ${r.statut}`)
  }
  return { mediane_ms: arrondi(mediane(temps)), p95_ms: arrondi(p95(temps)) }
}

async function mesurerSql(filtre: object, fois = 15) {
  const h = await openDatabase({ kind: 'postgresql', url: urlBase, poolSize: 2 })
  const { lireCompteurs, lireParDepartement } = await import(
    '../../src/domains/activites/db/activites-repository'
  )
  const periode = { du: '2025-12', au: '2026-11' }
  const temps: number[] = []
  for (let i = 0; i < fois + 3; i++) {
    const t = performance.now()
    await Promise.all([
      lireCompteurs(h.db, filtre as never, periode),
      lireParDepartement(h.db, filtre as never, periode),
    ])
    if (i >= 3) temps.push(performance.now() - t)
  }
  await h.close()
  return { mediane_ms: arrondi(mediane(temps)), p95_ms: arrondi(p95(temps)) }
}

function activite(lieu: string) {
  return {
    id: uuidV7(), // as the form and the offline queue do
    type: 'collectif',
    date: new Date().toISOString().slice(0, 10),
    duree: '90',
    lieu_type: 'lieu_activite',
    lieu_id: lieu,
    participants: '6',
    themes: ['email', 'internet'],
    materiels: 'tablette',
    age_70_plus: '3',
  }
}

async function chargeHttp(sessions: { s: Session; lieu: string }[]) {
  const fin = Date.now() + DUREE_CHARGE_S * 1000
  let ok = 0
  let erreurs = 0
  const lat: number[] = []
  await Promise.all(
    Array.from({ length: CONCURRENCE }, async (_, i) => {
      const { s, lieu } = sessions[i % sessions.length]!
      while (Date.now() < fin) {
        const t = performance.now()
        try {
          const r = await requete('POST', '/activites/synchronisation', {
            cookie: s.cookie,
            ip: s.ip,
            csrf: s.csrf,
            type: 'application/json',
            corps: JSON.stringify({ activites: [activite(lieu)] }),
          })
          if (r.statut === 200 && r.corps.includes('"enregistree"')) ok++
          else erreurs++
        } catch {
          erreurs++
        }
        lat.push(performance.now() - t)
      }
    }),
  )
  return {
    requetes_par_s: Math.round(ok / DUREE_CHARGE_S),
    erreurs,
    latence_mediane_ms: arrondi(mediane(lat)),
    latence_p99_ms: arrondi([...lat].sort((a, b) => a - b)[Math.floor(lat.length * 0.99)] ?? 0),
  }
}

/**
 * Reference: the same write (activity + both counters in one statement) through the repository, no
 * HTTP; with `enTransaction`, the general path (BEGIN, insert, two upserts, COMMIT) for comparison.
 */
async function chargeSql(
  ecrivains: { id: string; structureId: string; dep: string; reg: string }[],
  mode: 'instruction' | 'transaction' | 'activite_seule' = 'instruction',
) {
  const h = await openDatabase({ kind: 'postgresql', url: urlBase, poolSize: 10 })
  const { ecrireActivite, insererActiviteAnonyme } = await import(
    '../../src/domains/activites/db/activites-repository'
  )
  const { activites } = await import('../../src/domains/activites/db/schema')
  const ecrire = async (a: Parameters<typeof insererActiviteAnonyme>[1]) => {
    if (mode === 'transaction') await h.db.transaction((tx) => ecrireActivite(tx, undefined, a))
    else if (mode === 'activite_seule') await h.db.insert(activites).values(a)
    else await insererActiviteAnonyme(h.db, a)
  }
  const fin = Date.now() + DUREE_CHARGE_S * 1000
  let ok = 0
  await Promise.all(
    Array.from({ length: CONCURRENCE }, async (_, i) => {
      const e = ecrivains[i % ecrivains.length]!
      while (Date.now() < fin) {
        const maintenant = new Date()
        await ecrire({
          id: uuidV7(),
          conseillerId: e.id,
          structureId: e.structureId,
          codeDepartement: e.dep,
          codeRegion: e.reg,
          date: maintenant.toISOString().slice(0, 10),
          type: 'collectif',
          duree: 90,
          lieuType: 'lieu_activite',
          lieuId: 'lieu',
          lieuNom: 'Lieu',
          codeCommuneLieu: null,
          participants: 6,
          niveau: null,
          titre: null,
          materiels: ['tablette'],
          themes: ['email', 'internet'],
          autonomie: null,
          orientation: 'aucune',
          orientationPrecision: null,
          franceServicesId: null,
          ages: { '70_plus': 3, nc: 3 },
          situations: { nc: 6 },
          codeCommuneBeneficiaire: null,
          beneficiaireId: null,
          creeLe: maintenant,
          modifieLe: maintenant,
        })
        ok++
      }
    }),
  )
  await h.close()
  return { ecritures_par_s: Math.round(ok / DUREE_CHARGE_S) }
}

/** What `preparer` returns, read back from a kept database. */
async function reprendre(): Promise<Awaited<ReturnType<typeof preparer>>> {
  const c = new pg.Client({ connectionString: urlBase })
  await c.connect()
  try {
    const conseiller = await c.query(`select id from comptes where email = 'cnfs@bench.localhost'`)
    const ecrivains = await c.query(`select c.email, c.id, s.id as "structureId", s.code_departement as dep,
        s.code_region as reg
      from comptes c join roles_comptes r on r.compte_id = c.id and r.role = 'conseiller'
      join structures s on s.id::text = r.portee_code
      where c.email like 'cnfs%@bench.localhost' and c.email <> 'cnfs@bench.localhost' order by c.email`)
    const tailles =
      await c.query(`select (select count(*) from activites_stats_conseiller)::int as conseiller,
      (select count(*) from activites_stats_territoire)::int as territoire,
      (select count(*) from activites)::int as activites,
      pg_size_pretty(pg_database_size(current_database())) as taille_base`)
    return {
      comptes: { conseiller: conseiller.rows[0] } as Awaited<ReturnType<typeof preparer>>['comptes'],
      ecrivains: ecrivains.rows,
      insertion: 0,
      compteurs: 0,
      tailles: tailles.rows[0],
    }
  } finally {
    await c.end()
  }
}

let serveur: ChildProcess | undefined
try {
  const prep = REPRENDRE ? await reprendre() : await preparer()
  log('démarrage du serveur')
  serveur = await demarrerServeur()
  const adminS = await Session.connecter('admin@bench.localhost', true)
  const prefS = await Session.connecter('pref13@bench.localhost', false)
  const coordS = await Session.connecter('coord93@bench.localhost', false)
  const cnfsS = await Session.connecter('cnfs@bench.localhost', false)
  const periode = 'du=2025-12&au=2026-11'
  const seulementEcritures = process.env.BENCH_SEULEMENT === 'ecritures'
  log('pages de statistiques (12 mois)')
  const pages = seulementEcritures
    ? {}
    : {
        national: await mesurerPage(adminS, `/activites/statistiques?territoire=national&${periode}`),
        region: await mesurerPage(coordS, `/activites/statistiques?territoire=region:93&${periode}`),
        departement: await mesurerPage(prefS, `/activites/statistiques?territoire=departement:13&${periode}`),
        conseiller: await mesurerPage(cnfsS, `/activites/statistiques?${periode}`),
        national_4_ans: await mesurerPage(
          adminS,
          '/activites/statistiques?territoire=national&du=2022-12&au=2026-11',
          7,
        ),
      }
  const sql = seulementEcritures
    ? {}
    : {
        national: await mesurerSql({ niveau: 'national' }),
        region: await mesurerSql({ niveau: 'region', code: '93' }),
        departement: await mesurerSql({ niveau: 'departement', code: '13' }),
        conseiller: await mesurerSql({ niveau: 'conseiller', conseillerId: prep.comptes.conseiller.id }),
      }
  log('écritures par HTTP')
  const ecrivains: { s: Session; lieu: string }[] = []
  for (const e of prep.ecrivains) {
    const s = await Session.connecter(e.email, false)
    const lieu =
      /name="lieu_id"[\s\S]*?<option value="([^"]+)"/.exec((await s.get('/activites/nouvelle')).corps)?.[1] ??
      ''
    ecrivains.push({ s, lieu })
  }
  const http_ = await chargeHttp(ecrivains)
  log('écritures en SQL direct (référence)')
  const sqlEcriture = await chargeSql(prep.ecrivains)
  log('écritures en SQL direct, chemin transactionnel (comparaison)')
  const sqlTransaction = await chargeSql(prep.ecrivains, 'transaction')
  log('insertion de la seule activité, sans compteurs (plancher)')
  const sqlActiviteSeule = await chargeSql(prep.ecrivains, 'activite_seule')
  const resultat = {
    date: new Date().toISOString(),
    activites: N,
    insertion_s: Math.round(prep.insertion),
    compteurs_s: Math.round(prep.compteurs),
    lignes_compteurs: prep.tailles,
    pages_serveur: pages,
    pages_sql_reference: sql,
    enregistrement_http: { concurrence: CONCURRENCE, duree_s: DUREE_CHARGE_S, ...http_ },
    enregistrement_sql_reference: sqlEcriture,
    enregistrement_sql_transaction_5_allers_retours: sqlTransaction,
    enregistrement_sql_activite_seule: sqlActiviteSeule,
    charge_machine: (await import('node:os')).loadavg().map((x) => Math.round(x * 10) / 10),
  }
  console.log(JSON.stringify(resultat, null, 2))
  writeFileSync(
    path.join(import.meta.dirname, `results-${resultat.date.slice(0, 10)}.json`),
    JSON.stringify(resultat, null, 2),
  )
} finally {
  serveur?.kill('SIGTERM')
  agent.destroy()
  await new Promise((r) => setTimeout(r, 1500))
  if (process.env.BENCH_GARDER !== '1' && !REPRENDRE)
    await admin(`drop database if exists ${BASE} with (force)`)
}
