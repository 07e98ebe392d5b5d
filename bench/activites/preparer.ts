import pg from 'pg'
import { creerCompteDemo } from '../../src/domains/comptes'
import { creerStructure } from '../../src/domains/recrutement'
import { type Database, openDatabase } from '../../src/platform/db/database'
import { DEPARTEMENTS } from '../../src/platform/geo/territoires'
import { admin, BASE, log, MDP, N, PARALLELE, TOTP, urlBase } from './commun'

/**
 * Seeds the bench database: the measured accounts, the load-test writers, N activities over 48
 * months with their counters (set-based SQL, indexes rebuilt after the load), then vacuum.
 */

const metro = DEPARTEMENTS.filter((d) => d.zone === 'metro')

const THEMES = [
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

const SQL_TAILLES = `select (select count(*) from activites_stats_conseiller)::int as conseiller,
    (select count(*) from activites_stats_territoire)::int as territoire,
    (select count(*) from activites)::int as activites,
    pg_size_pretty(pg_database_size(current_database())) as taille_base`

interface Tailles {
  conseiller: number
  territoire: number
  activites: number
  taille_base: string
}

export interface Ecrivain {
  email: string
  id: string
  structureId: string
  dep: string
  reg: string
}

/** The accounts the measures log in with, and the structure of the measured conseiller. */
async function creerComptes(db: Database) {
  // The structures the measured accounts hold a role on (the others exist only in the activities).
  const s13 = await creerStructure(db, {
    nom: 'CCAS de Marseille',
    type: 'commune',
    codeCommune: '13055',
    codeDepartement: '13',
    codeRegion: '93',
  })
  const deps = { db, horloge: () => new Date(), baseUrl: 'http://127.0.0.1', inactiviteParRole: {} }
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
  const ecrivains: Ecrivain[] = []
  for (const d of metro.slice(0, 32)) {
    const st = await creerStructure(db, {
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
  return { s13, comptes, ecrivains }
}

export type Comptes = Awaited<ReturnType<typeof creerComptes>>['comptes']

/** A bulk-loading connection, with the conseillers and activity profiles the inserts draw from. */
async function connecterChargeur(conseillerMesure: string, structureMesuree: string) {
  const listeThemes = `(array[${THEMES.map((x) => `'${x}'`).join(',')}])`
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
      select k, case when k = 0 then '${conseillerMesure}'::uuid else md5('c' || k)::uuid end as id,
        case when k = 0 then '${structureMesuree}' else 'bench-s-' || (k % 2500) end as structure,
        case when k = 0 then '13' else d.dep end as dep, case when k = 0 then '93' else d.reg end as reg
      from generate_series(0, 3999) k join deps_bench d on d.i = (k % 2500) % 96`)
  // 420 activity profiles (type, duration, place, themes, public…) covering the vocabulary.
  await c.query(`create temp table profils_bench as
      select q, t.type, (array[15,30,45,60,90,120])[1 + q % 6] as duree,
        (array['lieu_activite','lieu_activite','domicile','distance'])[1 + q % 4] as lieu_type,
        case when t.type = 'collectif' then 2 + q % 12 else 1 end as participants,
        case when t.type = 'collectif' then (array['debutant','intermediaire','avance'])[1 + q % 3] end as niveau,
        array[(array['ordinateur','telephone','tablette'])[1 + q % 3]] as materiels,
        array[${listeThemes}[1 + q % ${THEMES.length}]] ||
          case when q % 3 = 0 then array[${listeThemes}[1 + (q / 7) % ${THEMES.length}]] else '{}'::text[] end as themes,
        case when t.type <> 'collectif' then (array['accompagne','partiel','autonome'])[1 + q % 3] end as autonomie,
        (array['aucune','aucune','france_services','aidants_connect','autre_lieu'])[1 + q % 5] as orientation,
        jsonb_build_object((array['18_24','25_39','40_59','60_69','70_plus','nc'])[1 + q % 6], case when t.type = 'collectif' then 2 + q % 12 else 1 end) as ages,
        jsonb_build_object((array['sans_emploi','en_emploi','retraite','nc'])[1 + q % 4], case when t.type = 'collectif' then 2 + q % 12 else 1 end) as situations
      from generate_series(0, 419) q
      cross join lateral (select (array['individuel','individuel','ponctuel','collectif'])[1 + q % 4] as type) t`)
  return c
}

/** Drops the activity tables' primary keys and indexes; returns their definitions to build them again. */
async function retirerIndex(c: pg.Client) {
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
  return [
    ...contraintes.map((x) => `alter table ${x.t} add constraint ${x.nom} ${x.def}`),
    ...index.map((x) => x.def),
  ]
}

/** Runs the statements of `file` on the connections, one at a time each, until none is left. */
async function repartir<T>(clients: pg.Client[], file: T[], faire: (cl: pg.Client, x: T) => Promise<void>) {
  await Promise.all(
    clients.map(async (cl) => {
      for (let x = file.shift(); x !== undefined; x = file.shift()) await faire(cl, x)
    }),
  )
}

/** Inserts the N activities and counts them, month by month; returns the time taken in seconds. */
async function insererActivites(clients: pg.Client[]) {
  const { sqlInsererEtCompter } = await import('../../src/domains/activites/db/activites-repository')
  const t0 = Date.now()
  log(`insertion de ${N.toLocaleString('fr-FR')} activités et de leurs compteurs, mois par mois…`)
  // 48 months from 2022-12; month m holds activities g in ]m·N/48, (m+1)·N/48]. Activity g is done by
  // conseiller g % 4000 with one of the 8 profiles that conseiller uses (a conseiller has habits:
  // same places, same workshops), so the recount first collapses ~100 activities of a month into ≤ 8 rows.
  // Each month is inserted and counted in one statement (the recount of the property test applied to
  // the inserted rows): exact, since a month's counters only depend on that month's activities.
  const MOIS = 48
  let faits = 0
  await repartir(
    clients,
    Array.from({ length: MOIS }, (_, m) => m),
    async (cl, m) => {
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
    },
  )
  return (Date.now() - t0) / 1000
}

/** Indexes, territorial counters, vacuum and checkpoint; returns the time taken and the table sizes. */
async function finirBase(clients: pg.Client[], constructions: string[]) {
  const c = clients[0]!
  const t1 = Date.now()
  log('clés primaires et index…')
  // Built two at a time, one per connection.
  await repartir(clients, constructions, async (cl, q) => {
    const t = Date.now()
    await cl.query(q)
    log(`  ${q.slice(0, 60)}… ${Math.round((Date.now() - t) / 1000)} s`)
  })
  const { SQL_TERRITOIRE_DEPUIS_CONSEILLER } = await import(
    '../../src/domains/activites/db/activites-repository'
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
  const tailles = (await c.query<Tailles>(SQL_TAILLES)).rows[0]!
  log(`index, compteurs territoriaux, vacuum et checkpoint en ${Math.round(compteurs)} s`, tailles)
  return { compteurs, tailles }
}

export interface Preparation {
  comptes: Comptes
  ecrivains: Ecrivain[]
  insertion: number
  compteurs: number
  tailles: Tailles
}

export async function preparer(): Promise<Preparation> {
  await admin(`drop database if exists ${BASE} with (force)`)
  await admin(`create database ${BASE}`)
  const h = await openDatabase({ kind: 'postgresql', url: urlBase, poolSize: 2 })
  await h.migrate()
  const { s13, comptes, ecrivains } = await creerComptes(h.db)
  const clients = await Promise.all(
    Array.from({ length: PARALLELE }, () => connecterChargeur(comptes.conseiller.id, s13.id)),
  )
  const constructions = await retirerIndex(clients[0]!)
  const insertion = await insererActivites(clients)
  const { compteurs, tailles } = await finirBase(clients, constructions)
  for (const cl of clients) await cl.end()
  await h.close()
  return { comptes, ecrivains, insertion, compteurs, tailles }
}

/** What `preparer` returns, read back from a kept database. */
export async function reprendre(): Promise<Preparation> {
  const c = new pg.Client({ connectionString: urlBase })
  await c.connect()
  try {
    const conseiller = await c.query(`select id from comptes where email = 'cnfs@bench.localhost'`)
    const ecrivains = await c.query(`select c.email, c.id, s.id as "structureId", s.code_departement as dep,
        s.code_region as reg
      from comptes c join roles_comptes r on r.compte_id = c.id and r.role = 'conseiller'
      join structures s on s.id::text = r.portee_code
      where c.email like 'cnfs%@bench.localhost' and c.email <> 'cnfs@bench.localhost' order by c.email`)
    const tailles = await c.query<Tailles>(SQL_TAILLES)
    return {
      comptes: { conseiller: conseiller.rows[0] } as Comptes,
      ecrivains: ecrivains.rows,
      insertion: 0,
      compteurs: 0,
      tailles: tailles.rows[0]!,
    }
  } finally {
    await c.end()
  }
}
