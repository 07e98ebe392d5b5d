/**
 * The whole country's places in one command: generates the national file (bench/lieux/fichier-national.ts,
 * ~25 000 places), then runs `src/domains/lieux/cli/importer.ts` on it as an operator would, on a fresh
 * embedded database, and once more (every row unchanged). With BENCH_DATABASE_URL, the same on
 * PostgreSQL (the database is emptied of places first). Prints wall time and peak resident memory of
 * the import process, and the machine's load (a shared machine slows everything down).
 *
 *   npx tsx bench/lieux/import-national.ts [--lieux=25000] [--format=csv|json]
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { enFichier, fichierNational } from './fichier-national'

const arg = (nom: string) => process.argv.find((a) => a.startsWith(`--${nom}=`))?.split('=')[1]
const nombre = Number(arg('lieux') ?? 25_000)
const format = arg('format') === 'json' ? 'json' : 'csv'
const dossier = mkdtempSync(path.join(tmpdir(), 'escale-import-national-'))
const fichier = path.join(dossier, `national.${format}`)
const f = fichierNational({ lieux: nombre })
writeFileSync(fichier, enFichier(f, format))
console.log(
  `Fichier : ${nombre} lieux, ${format}, attendu ${f.attendu.sansAdresse} rejets, ${f.attendu.sansCoordonnees} sans coordonnées`,
)

const TIME = '/usr/bin/time'
const racine = path.resolve(import.meta.dirname, '../..')

/** One run of the command, measured from outside: wall time and the process's peak resident memory. */
function importer(env: Record<string, string>, libelle: string) {
  const charge = loadavg()[0]!.toFixed(1)
  const commande = ['npx', 'tsx', 'src/domains/lieux/cli/importer.ts', fichier, '--source=national']
  const r = existsSync(TIME)
    ? spawnSync(TIME, ['-f', 'mesure %e %M', ...commande], { cwd: racine, env: { ...process.env, ...env } })
    : spawnSync(commande[0]!, commande.slice(1), { cwd: racine, env: { ...process.env, ...env } })
  const sortie = `${r.stdout}`
  const mesure = /mesure ([\d.]+) (\d+)/.exec(`${r.stderr}`)
  const resume = sortie.split('\n').find((l) => l.includes(' lignes — ')) ?? sortie.slice(0, 200)
  const duree = /Durée : ([\d,]+) s/.exec(sortie)?.[1]
  console.log(
    `${libelle} : ${resume.trim()}\n    import ${duree ?? '?'} s, commande ${mesure ? `${mesure[1]} s, mémoire résidente max ${Math.round(Number(mesure[2]) / 1024)} Mo` : '(sans /usr/bin/time)'}, charge ${charge} → ${loadavg()[0]!.toFixed(1)}`,
  )
  if (r.status !== 0) console.log(`${r.stderr}`.slice(-2000))
}

const base = { DEMO_DATA: '0', LOG_LEVEL: 'silent' }
importer({ ...base, DATA_DIR: path.join(dossier, 'var') }, 'PGlite, base neuve')
importer({ ...base, DATA_DIR: path.join(dossier, 'var') }, 'PGlite, réimport du même fichier')
const pg = process.env.BENCH_DATABASE_URL
if (pg) {
  const vider = spawnSync('psql', [pg, '-c', 'DELETE FROM lieux; DELETE FROM lieux_imports;'])
  if (vider.status !== 0) console.log('base PostgreSQL non vidée (base neuve sans tables, ou psql absent)')
  importer({ ...base, DATABASE_URL: pg }, 'PostgreSQL, sans lieux')
  importer({ ...base, DATABASE_URL: pg }, 'PostgreSQL, réimport du même fichier')
}
rmSync(dossier, { recursive: true, force: true })
