import { createHash, randomBytes } from 'node:crypto'
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { build as esbuild, transform } from 'esbuild'
import {
  BUNDLES,
  type BundleName,
  FAVICON_FILES,
  FEUILLE_CARTE,
  FEUILLES_SUPPLEMENTAIRES,
  FONTS_KEPT,
} from './bundles'
import { buildCss, bundleFiles, dynamicPrefixes, extractTokens } from './css'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** Public URL prefix under which `assetsPlugin` serves the build directory. */
export const URL_PREFIX = '/assets/'

export interface BuildOptions {
  /** Project root: holds `src/` and `node_modules/`. */
  rootDir: string
  /** Emptied and rewritten: a private directory (`construireSiBesoin` renames it into place). */
  outDir: string
}

export interface BundleReport {
  name: BundleName
  url: string
  raw: number
  gzip: number
  brotli: number
}

export interface BuildResult {
  manifest: Record<string, string>
  bundles: BundleReport[]
  scripts: { name: string; url: string; raw: number; gzip: number }[]
  /** Dynamic class prefixes we refused to keep whole (see `dynamicPrefixes`). */
  ignoredPrefixes: string[]
}

export function contentHash(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 10)
}

function hashedName(logical: string, hash: string): string {
  const ext = path.posix.extname(logical)
  return `${logical.slice(0, -ext.length)}.${hash}${ext}`
}

/** Markup and helpers that may carry class names; the asset pipeline itself is not markup. */
function contentFiles(srcDir: string): string[] {
  const propres = path.join(srcDir, 'platform', 'assets') + path.sep
  return (readdirSync(srcDir, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(srcDir, f))
    .filter((f) => !f.startsWith(propres))
}

class Writer {
  readonly manifest: Record<string, string> = {}
  private readonly pending: Promise<void>[] = []

  constructor(private readonly outDir: string) {}

  /** Writes a file plus its `.br` / `.gz` siblings and returns its public URL. */
  emit(logical: string, data: Buffer, { hashed = true } = {}): string {
    const rel = hashed ? hashedName(logical, contentHash(data)) : logical
    const url = URL_PREFIX + rel
    this.manifest[logical] = url
    this.pending.push(this.write(rel, data))
    return url
  }

  private async write(rel: string, data: Buffer): Promise<void> {
    const cible = path.join(this.outDir, rel)
    await mkdir(path.dirname(cible), { recursive: true })
    const [br, gz] = await Promise.all([
      brotli(data, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
      gzip(data, { level: 9 }),
    ])
    await writeFile(cible, data)
    // Already-compressed formats (woff2, png) come out larger; @fastify/static then falls back to
    // the plain file instead of serving a bigger "compressed" one.
    if (br.length < data.length) await writeFile(`${cible}.br`, br)
    if (gz.length < data.length) await writeFile(`${cible}.gz`, gz)
  }

  async done(): Promise<void> {
    await Promise.all(this.pending)
  }
}

/**
 * Fingerprint of everything `buildAssets` reads: every `.ts`, `.tsx` and `.css` file under `src/` (markup
 * carries the class names the purge keeps, `src/client/` the islands, `src/platform/assets/` the pipeline
 * itself), the map's stylesheets and the lock file (DSFR, Leaflet and esbuild versions). Same
 * fingerprint, same output: `construireSiBesoin` then skips the build.
 */
export function empreinteDesSources(rootDir: string): string {
  const srcDir = path.join(rootDir, 'src')
  const fichiers = (readdirSync(srcDir, { recursive: true }) as string[])
    .filter((f) => /\.(?:tsx?|css)$/.test(f))
    .map((f) => path.join('src', f))
  fichiers.push(...FEUILLE_CARTE.fichiers, 'package-lock.json')
  const h = createHash('sha256')
  for (const f of fichiers.map((x) => x.split(path.sep).join('/')).sort()) {
    const absolu = path.join(rootDir, f)
    if (!existsSync(absolu)) continue
    h.update(f).update('\0').update(readFileSync(absolu)).update('\0')
  }
  return h.digest('hex').slice(0, 16)
}

export interface ConstructionAtomique {
  /** False when the current build already matched the sources. */
  construit: boolean
  empreinte: string
  /** The directory `public/build` now points to. */
  dossier: string
  resultat?: BuildResult
}

/** Builds kept besides the current one, for servers started before the last rebuild. */
const ANCIENS_GARDES = 2

/**
 * `public/build` as a symbolic link to `public/builds/<fingerprint>/`, a directory that is complete
 * before anyone can see it and never changes afterwards: the build goes to a private temporary
 * directory, renamed into place, and the link is replaced by `rename(2)`, which is atomic. Two starts in
 * the same folder therefore never remove each other's files: with the same sources the second one finds
 * the build done and skips it; with different sources each running server keeps its own directory
 * (`dossierConstruit` resolves the link once, at start).
 */
export async function construireSiBesoin({
  rootDir,
  publicDir = path.join(rootDir, 'public'),
  force = false,
}: {
  rootDir: string
  publicDir?: string
  force?: boolean
}): Promise<ConstructionAtomique> {
  const empreinte = empreinteDesSources(rootDir)
  const lien = path.join(publicDir, 'build')
  const builds = path.join(publicDir, 'builds')
  const relatif = `builds/${empreinte}`
  const dossier = path.join(builds, empreinte)
  const complet = () => existsSync(path.join(dossier, 'manifest.json'))
  if (!force && lireLien(lien) === relatif && complet()) return { construit: false, empreinte, dossier }

  await mkdir(builds, { recursive: true })
  let resultat: BuildResult | undefined
  if (force || !complet()) {
    const tmp = path.join(builds, `.tmp-${empreinte}-${process.pid}-${randomBytes(4).toString('hex')}`)
    try {
      resultat = await buildAssets({ rootDir, outDir: tmp })
      if (force && complet()) {
        const ancien = `${tmp}-ancien`
        renameSync(dossier, ancien)
        rmSync(ancien, { recursive: true, force: true })
      }
      try {
        renameSync(tmp, dossier)
      } catch (e) {
        // Another start finished the same build first: same sources, same bytes, theirs stays.
        const code = (e as NodeJS.ErrnoException).code
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw e
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true })
    }
  }

  // A real directory is the layout before this function existed: it goes, the link replaces it.
  if (existsSync(lien) && !lstatSync(lien).isSymbolicLink()) rmSync(lien, { recursive: true, force: true })
  const lienTmp = path.join(publicDir, `.build-${process.pid}-${randomBytes(4).toString('hex')}`)
  symlinkSync(relatif, lienTmp)
  renameSync(lienTmp, lien)
  nettoyer(builds, empreinte)
  return { construit: resultat !== undefined, empreinte, dossier, ...(resultat ? { resultat } : {}) }
}

function lireLien(lien: string): string | undefined {
  try {
    return readlinkSync(lien)
  } catch {
    return undefined
  }
}

/** Keeps the current build and the most recent others; drops temporary directories of crashed builds. */
function nettoyer(builds: string, courant: string): void {
  // Another start may be removing or renaming an entry meanwhile: what vanished is skipped.
  const entrees = readdirSync(builds).flatMap((nom) => {
    try {
      return [{ nom, mtime: statSync(path.join(builds, nom)).mtimeMs }]
    } catch {
      return []
    }
  })
  const uneHeure = Date.now() - 3600_000
  for (const e of entrees.filter((x) => x.nom.startsWith('.tmp-') && x.mtime < uneHeure))
    rmSync(path.join(builds, e.nom), { recursive: true, force: true })
  const anciens = entrees
    .filter((x) => !x.nom.startsWith('.') && x.nom !== courant)
    .sort((a, b) => b.mtime - a.mtime)
    .slice(ANCIENS_GARDES)
  for (const e of anciens) rmSync(path.join(builds, e.nom), { recursive: true, force: true })
}

/** One line per bundle and island, then the total, as `npm run build:assets` prints them. */
export function rapportDeConstruction(resultat: BuildResult, dureeMs: number): string[] {
  const ko = (n: number) => `${(n / 1024).toFixed(1)} Ko`
  const lignes = [
    ...resultat.bundles.map(
      (b) => `css/${b.name}.css  ${ko(b.raw)} brut, ${ko(b.gzip)} gzip, ${ko(b.brotli)} brotli  → ${b.url}`,
    ),
    ...resultat.scripts.map((s) => `js/${s.name}.js  ${ko(s.raw)} brut, ${ko(s.gzip)} gzip  → ${s.url}`),
  ]
  if (resultat.ignoredPrefixes.length > 0)
    lignes.push(
      `Attention : classes construites dynamiquement non conservées (préfixe trop large) : ${resultat.ignoredPrefixes.join(', ')}. ` +
        'Écrivez le nom complet de la classe (par exemple une icône) quelque part dans le code.',
    )
  lignes.push(
    `${Object.keys(resultat.manifest).length} fichiers statiques construits en ${Math.round(dureeMs)} ms`,
  )
  return lignes
}

export async function buildAssets({ rootDir, outDir }: BuildOptions): Promise<BuildResult> {
  const dsfrDir = path.join(rootDir, 'node_modules', '@gouvfr', 'dsfr', 'dist')
  const srcDir = path.join(rootDir, 'src')
  if (!existsSync(dsfrDir)) throw new Error(`DSFR introuvable dans ${dsfrDir} : lancez \`npm install\`.`)

  await rm(outDir, { recursive: true, force: true })
  await mkdir(outDir, { recursive: true })
  const out = new Writer(outDir)

  const tokens = new Set<string>()
  for (const f of contentFiles(srcDir)) for (const t of extractTokens(readFileSync(f, 'utf8'))) tokens.add(t)
  const prefixes = dynamicPrefixes(tokens)

  // Fonts and icons are shared by both bundles: emitted once, on first reference.
  const deja = new Map<string, string>()
  const asset = (cssFile: string) => (absolu: string) => {
    let url = deja.get(absolu)
    if (!url) {
      const logique = logicalNameOf(absolu, dsfrDir)
      url = out.emit(logique, readFileSync(absolu))
      deja.set(absolu, url)
    }
    // Relative to the stylesheet, so the build works under any mount point.
    return path.posix.relative(path.posix.dirname(URL_PREFIX + cssFile), url)
  }

  const bundles: BundleReport[] = []
  for (const b of BUNDLES) {
    const logique = `css/${b.name}.css`
    const css = await buildCss({
      files: bundleFiles({
        dsfrDir,
        components: b.components,
        ownCss: path.join(srcDir, 'platform', 'assets', 'escale.css'),
      }),
      dsfrDir,
      tokens,
      prefixes: prefixes.kept,
      asset: asset(logique),
    })
    const data = Buffer.from(css)
    bundles.push({
      name: b.name,
      url: out.emit(logique, data),
      raw: data.length,
      gzip: zlib.gzipSync(data, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(data).length,
    })
  }

  for (const f of FEUILLES_SUPPLEMENTAIRES) {
    const fichier = path.join(srcDir, f.source)
    // A tree without that module (the islands test's throwaway project) has no such stylesheet.
    if (!existsSync(fichier)) continue
    const source = readFileSync(fichier, 'utf8')
    const { code } = await transform(source, { loader: 'css', minify: true, legalComments: 'none' })
    out.emit(`css/${f.name}.css`, Buffer.from(code))
  }

  // Built when its sources are there (projects assembled by the asset tests have no Leaflet).
  if (FEUILLE_CARTE.fichiers.every((x) => existsSync(path.join(rootDir, x)))) {
    const source = FEUILLE_CARTE.fichiers.map((x) => readFileSync(path.join(rootDir, x), 'utf8')).join('\n')
    const sansImages = source.replace(/url\((?!\s*['"]?data:)[^)]*\)/g, 'none')
    const min = await transform(sansImages, { loader: 'css', minify: true, legalComments: 'none' })
    out.emit(`css/${FEUILLE_CARTE.nom}.css`, Buffer.from(min.code))
  }

  for (const font of FONTS_KEPT) {
    const absolu = path.join(dsfrDir, 'fonts', font.file)
    if (!deja.has(absolu)) deja.set(absolu, out.emit(`fonts/${font.file}`, readFileSync(absolu)))
  }
  for (const f of FAVICON_FILES) {
    out.emit(`favicon/${f}`, readFileSync(path.join(dsfrDir, 'favicon', f)), { hashed: false })
  }

  const scripts = await buildIslands(path.join(srcDir, 'client'), out)

  await out.done()
  const manifest = Object.fromEntries(Object.entries(out.manifest).sort(([a], [b]) => a.localeCompare(b)))
  await writeFile(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return { manifest, bundles, scripts, ignoredPrefixes: prefixes.ignored }
}

function logicalNameOf(absolu: string, dsfrDir: string): string {
  const rel = path.relative(dsfrDir, absolu).split(path.sep).join('/')
  if (rel.startsWith('..')) throw new Error(`Fichier référencé hors du DSFR : ${absolu}`)
  // dist/icons/<category>/x.svg → icons/<category>/x.svg ; dist/fonts/x.woff2 → fonts/x.woff2
  return rel
}

async function buildIslands(clientDir: string, out: Writer): Promise<BuildResult['scripts']> {
  if (!existsSync(clientDir)) return []
  const entrees = readdirSync(clientDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(clientDir, f))
  if (entrees.length === 0) return []
  const resultat = await esbuild({
    entryPoints: entrees,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2019',
    write: false,
    outdir: '/',
    entryNames: '[name]',
    legalComments: 'none',
    logLevel: 'silent',
  })
  return resultat.outputFiles
    .filter((f) => f.path.endsWith('.js'))
    .map((f) => {
      const nom = path.basename(f.path, '.js')
      const data = Buffer.from(f.contents)
      return {
        name: nom,
        url: out.emit(`js/${nom}.js`, data),
        raw: data.length,
        gzip: zlib.gzipSync(data, { level: 9 }).length,
      }
    })
}
