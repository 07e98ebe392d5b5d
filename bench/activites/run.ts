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
 *
 * Settings are in commun.ts, the seeding in preparer.ts, the HTTP client and the server in http.ts,
 * the measures in mesures.ts; this file runs them in order.
 */

import type { ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { admin, BASE, CONCURRENCE, DUREE_CHARGE_S, log, N, REPRENDRE } from './commun'
import { agent, demarrerServeur, Session } from './http'
import { chargeHttp, chargeSql, mesurerPage, mesurerSql } from './mesures'
import { preparer, reprendre } from './preparer'

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
