#!/usr/bin/env node
/**
 * `npm run build`: the server compiled to `dist/` and the static assets built into `public/build`.
 * Plain JavaScript, so that it runs without tsx (ADR 008).
 *
 *   node scripts/build.mjs            server + assets, each only if its sources changed
 *   node scripts/build.mjs --assets   assets only (what `npm test` needs)
 *   node scripts/build.mjs --force    rebuild even when the fingerprints match
 *
 * The server is bundled by esbuild into one file per entry point (dependencies stay in node_modules).
 * Every file is written to a temporary name then renamed: a server starting meanwhile reads the old
 * file or the new one, never half of one.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

export const RACINE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const DIST = path.join(RACINE, 'dist')

/** Compiled entry points: the server, the daily jobs of Aidants Connect, the asset pipeline. */
const ENTREES = {
  server: 'src/server.ts',
  'taches-aidants': 'src/domains/aidants/cli/taches.ts',
  assets: 'src/platform/assets/build.ts',
}

/** Everything the bundle depends on, besides node_modules (covered by the lock file). */
function empreinteServeur() {
  const h = createHash('sha256')
  const fichiers = readdirSync(path.join(RACINE, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(RACINE, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
  fichiers.push('package-lock.json', 'tsconfig.json', 'scripts/build.mjs')
  for (const f of fichiers.sort()) {
    const absolu = path.join(RACINE, f)
    if (existsSync(absolu)) h.update(f).update('\0').update(readFileSync(absolu)).update('\0')
  }
  return h.digest('hex').slice(0, 16)
}

function ecrireAtomiquement(fichier, contenu) {
  const tmp = `${fichier}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
  writeFileSync(tmp, contenu)
  renameSync(tmp, fichier)
}

/**
 * The source files read paths relative to themselves (`db/migrations`, `data/`, `public/build`) through
 * `import.meta.dirname` and `import.meta.url`. In one bundle those would all name `dist/`: each module
 * gets back its source location instead, computed from the bundle's place at run time, so the compiled
 * server finds the same files from any folder it is copied to with the project.
 */
const cheminsDesSources = {
  name: 'chemins-des-sources',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const code = await readFile(args.path, 'utf8')
      if (!code.includes('import.meta.')) return undefined
      const rel = path.relative(RACINE, args.path).split(path.sep).join('/')
      const dossier = `__escaleChemin.join(__escaleRacine, ${JSON.stringify(path.posix.dirname(rel))})`
      const fichier = `__escaleChemin.join(__escaleRacine, ${JSON.stringify(rel)})`
      return {
        contents: code
          .replaceAll('import.meta.dirname', dossier)
          .replaceAll('import.meta.filename', fichier)
          .replaceAll('import.meta.url', `__escaleUrl(${fichier}).href`),
        loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts',
      }
    })
  },
}

/** Compiles the server into `dist/` unless `dist/empreinte` says it is up to date. */
export async function construireServeur({ force = false } = {}) {
  const empreinte = empreinteServeur()
  const fichierEmpreinte = path.join(DIST, 'empreinte')
  if (!force && existsSync(fichierEmpreinte) && readFileSync(fichierEmpreinte, 'utf8') === empreinte)
    return { construit: false, empreinte }
  const debut = performance.now()
  const resultat = await build({
    absWorkingDir: RACINE,
    entryPoints: ENTREES,
    outdir: DIST,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // Dependencies are installed next to the bundle (`npm ci --omit=dev`), as in development.
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: '@kitajs/html',
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
    // Every bundle lives in dist/, one level under the project root.
    banner: {
      js: [
        "import __escaleChemin from 'node:path'",
        "import { pathToFileURL as __escaleUrl } from 'node:url'",
        "const __escaleRacine = __escaleChemin.resolve(import.meta.dirname, '..')",
      ].join(';'),
    },
    plugins: [cheminsDesSources],
  })
  for (const f of resultat.outputFiles) {
    await mkdir(path.dirname(f.path), { recursive: true })
    ecrireAtomiquement(f.path, f.contents)
  }
  // package.json is not next to dist/: without this one, Node would guess each file's module type.
  ecrireAtomiquement(path.join(DIST, 'package.json'), '{ "type": "module" }\n')
  ecrireAtomiquement(fichierEmpreinte, empreinte)
  return { construit: true, empreinte, dureeMs: performance.now() - debut }
}

/** Builds the assets unless `public/build` already points to a build of the same sources. */
export async function construireAssets({ force = false } = {}) {
  const outil = await import(pathToFileURL(path.join(DIST, 'assets.js')).href)
  const debut = performance.now()
  const r = await outil.construireSiBesoin({ rootDir: RACINE, force })
  return {
    ...r,
    rapport: r.resultat ? outil.rapportDeConstruction(r.resultat, performance.now() - debut) : [],
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force')
  const serveur = await construireServeur({ force })
  if (!process.argv.includes('--assets'))
    console.log(
      serveur.construit
        ? `dist/ compilé en ${Math.round(serveur.dureeMs)} ms`
        : `dist/ à jour (empreinte ${serveur.empreinte})`,
    )
  const assets = await construireAssets({ force })
  for (const ligne of assets.rapport) console.log(ligne)
  if (!assets.construit) console.log(`public/build à jour (empreinte ${assets.empreinte})`)
}
