import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'
import fastifyCompress from '@fastify/compress'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assetsPlugin, loadManifest } from './assets'
import { type BuildResult, buildAssets, contentHash } from './build'
import { cssUrls } from './css'

const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const dsfr = path.join(racine, 'node_modules/@gouvfr/dsfr/dist')
// A private output directory: other test files and a running dev server use public/build.
const sortie = mkdtempSync(path.join(tmpdir(), 'escale-assets-'))

let build: BuildResult
const lire = (url: string) => readFileSync(path.join(sortie, url.replace(/^\/assets\//, '')))
const cssDe = (bundle: 'public' | 'pro') => lire(build.manifest[`css/${bundle}.css`]!).toString('utf8')

beforeAll(async () => {
  build = await buildAssets({ rootDir: racine, outDir: sortie })
}, 60_000)

afterAll(() => {
  rmSync(sortie, { recursive: true, force: true })
})

describe('construction des fichiers statiques', () => {
  it('tient le bundle public sous 30 Ko gzip', () => {
    // Measured 20.2 KB gzip (16.7 KB brotli, 135.6 KB raw) when this test was written; most of it
    // is DSFR's palette of custom properties on :root, which purging must keep.
    const gz = zlib.gzipSync(cssDe('public'), { level: 9 }).length
    expect(gz).toBeLessThanOrEqual(30 * 1024)
    expect(build.bundles.find((b) => b.name === 'public')?.gzip).toBe(gz)
  })

  it('garde les composants utilisés et retire ce que les pages n’utilisent pas', () => {
    const css = cssDe('public')
    expect(css).toMatch(/\.fr-btn[{,:]/)
    expect(css).toMatch(/\.fr-header[{,]/)
    expect(css).toContain('.fr-skiplinks')
    // Icon classes exist by the thousand in DSFR; only the ones written in src/ survive.
    expect(css).toContain('.fr-icon-lock-line')
    expect(css).not.toContain('.fr-icon-zoom-in-line')
    // The tab component is only in the professional bundle.
    expect(css).not.toContain('.fr-tabs')
    // Internet Explorer hacks come from the `.legacy` files, which we do not ship.
    expect(css).not.toContain('min-width:0\\0')
  })

  it('ne déclare que Marianne normale et grasse, en woff2', () => {
    for (const bundle of ['public', 'pro'] as const) {
      const fontFaces = cssDe(bundle).match(/@font-face\{[^}]*\}/g) ?? []
      expect(fontFaces).toHaveLength(2)
      for (const f of fontFaces) {
        expect(f).not.toMatch(/Light|Medium|Spectral|Italic|\.woff\)/)
        expect(f).toMatch(/font-style:normal/)
      }
      expect(fontFaces.join()).toMatch(/Marianne-Regular\.[0-9a-f]{10}\.woff2/)
      expect(fontFaces.join()).toMatch(/Marianne-Bold\.[0-9a-f]{10}\.woff2/)
    }
    expect(readdirSync(path.join(sortie, 'fonts')).filter((f) => f.endsWith('.woff2'))).toHaveLength(2)
  })

  it('fait pointer chaque url() vers un fichier construit', () => {
    for (const bundle of ['public', 'pro'] as const) {
      const urls = cssUrls(cssDe(bundle))
      expect(urls.length).toBeGreaterThan(5)
      for (const u of urls) {
        const cible = path.resolve(sortie, 'css', u)
        expect(cible.startsWith(sortie), u).toBe(true)
        expect(existsSync(cible), `${bundle} : ${u}`).toBe(true)
      }
    }
  })

  it('garde toutes les variables CSS de DSFR dont les règles restantes ont besoin', () => {
    const declarees = (css: string) => new Set([...css.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]))
    const utilisees = (css: string) => new Set([...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]))
    // DSFR itself references a few variables it never declares (hover states of disabled
    // colours); purging may not add any to that list.
    const source = [readFileSync(path.join(dsfr, 'core/core.main.min.css'), 'utf8')]
    for (const c of readdirSync(path.join(dsfr, 'component'))) {
      const f = path.join(dsfr, 'component', c, `${c}.main.min.css`)
      if (existsSync(f)) source.push(readFileSync(f, 'utf8'))
    }
    const declareesDsfr = declarees(source.join('\n'))
    for (const bundle of ['public', 'pro'] as const) {
      const css = cssDe(bundle)
      const dec = declarees(css)
      const manquantes = [...utilisees(css)].filter((v) => !dec.has(v) && declareesDsfr.has(v))
      expect(manquantes, bundle).toEqual([])
      expect(css).toMatch(/:root\{[^}]*--blue-france-sun-113-625:#000091/)
      expect(css).toMatch(/--background-action-high-blue-france:var\(--blue-france-sun-113-625\)/)
    }
  })

  it('nomme chaque fichier du hash de son contenu et le précompresse', () => {
    for (const [logique, url] of Object.entries(build.manifest)) {
      const fichier = path.join(sortie, url.replace(/^\/assets\//, ''))
      expect(existsSync(fichier), logique).toBe(true)
      const data = readFileSync(fichier)
      if (logique.startsWith('favicon/')) {
        expect(url).toBe(`/assets/${logique}`)
      } else {
        expect(path.basename(url)).toContain(`.${contentHash(data)}.`)
      }
      // Siblings are skipped only when compressing does not pay (woff2, png, tiny icons).
      if (/\.(css|js)$/.test(logique)) {
        expect(existsSync(`${fichier}.br`) && existsSync(`${fichier}.gz`), logique).toBe(true)
      }
      if (existsSync(`${fichier}.br`)) {
        const br = readFileSync(`${fichier}.br`)
        expect(br.length).toBeLessThan(data.length)
        expect(zlib.brotliDecompressSync(br).equals(data), logique).toBe(true)
      }
      if (existsSync(`${fichier}.gz`)) {
        const gz = readFileSync(`${fichier}.gz`)
        expect(gz.length).toBeLessThan(data.length)
        expect(zlib.gunzipSync(gz).equals(data), logique).toBe(true)
      }
    }
    for (const cle of [
      'css/public.css',
      'css/pro.css',
      'fonts/Marianne-Regular.woff2',
      'fonts/Marianne-Bold.woff2',
      'favicon/favicon.svg',
      'favicon/favicon.ico',
      'favicon/apple-touch-icon.png',
    ]) {
      expect(build.manifest[cle], cle).toBeDefined()
    }
    expect(JSON.parse(readFileSync(path.join(sortie, 'manifest.json'), 'utf8'))).toEqual(build.manifest)
  })
})

describe('îlots JavaScript', () => {
  it('regroupe chaque src/client/*.ts en ES2019 minifié, haché et précompressé', async () => {
    // A throwaway project: the real src/client/ may not exist yet.
    const projet = mkdtempSync(path.join(tmpdir(), 'escale-ilots-'))
    try {
      mkdirSync(path.join(projet, 'src/client'), { recursive: true })
      mkdirSync(path.join(projet, 'src/platform/assets'), { recursive: true })
      symlinkSync(path.join(racine, 'node_modules'), path.join(projet, 'node_modules'))
      copyFileSync(
        path.join(racine, 'src/platform/assets/escale.css'),
        path.join(projet, 'src/platform/assets/escale.css'),
      )
      writeFileSync(
        path.join(projet, 'src/client/aide.ts'),
        'export const n = (o?: { a?: number }) => o?.a ?? 0\n',
      )
      writeFileSync(
        path.join(projet, 'src/client/carte.ts'),
        "import { n } from './aide'\ndocument.body.dataset.n = String(n({ a: 1 }))\n",
      )
      const r = await buildAssets({ rootDir: projet, outDir: path.join(projet, 'build') })
      expect(Object.keys(r.manifest).filter((k) => k.startsWith('js/'))).toEqual([
        'js/aide.js',
        'js/carte.js',
      ])
      const url = r.manifest['js/carte.js']!
      expect(url).toMatch(/^\/assets\/js\/carte\.[0-9a-f]{10}\.js$/)
      const code = readFileSync(path.join(projet, 'build', url.replace(/^\/assets\//, '')), 'utf8')
      // Bundled (no import left), and lowered for old phones: no `?.` nor `??` (ES2020).
      expect(code).not.toMatch(/\bimport\b/)
      expect(code).not.toMatch(/\?\.|\?\?/)
      expect(code.split('\n').filter(Boolean)).toHaveLength(1)
      expect(existsSync(path.join(projet, 'build', `${url.replace(/^\/assets\//, '')}.br`))).toBe(true)
    } finally {
      rmSync(projet, { recursive: true, force: true })
    }
  })
})

describe('loadManifest', () => {
  it('donne les URL hachées', () => {
    const m = loadManifest(sortie)
    expect(m.css('public')).toMatch(/^\/assets\/css\/public\.[0-9a-f]{10}\.css$/)
    expect(m.css('pro')).toMatch(/^\/assets\/css\/pro\.[0-9a-f]{10}\.css$/)
    expect(m.file('fonts/Marianne-Bold.woff2')).toMatch(
      /^\/assets\/fonts\/Marianne-Bold\.[0-9a-f]{10}\.woff2$/,
    )
    expect(() => m.js('inexistant')).toThrow(/js\/inexistant\.js/)
  })

  it('explique quoi faire si les fichiers ne sont pas construits', () => {
    const vide = mkdtempSync(path.join(tmpdir(), 'escale-sans-assets-'))
    try {
      expect(() => loadManifest(vide)).toThrow(/npm run build:assets.*run `npm run build:assets`/s)
    } finally {
      rmSync(vide, { recursive: true, force: true })
    }
  })
})

describe('assetsPlugin', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = Fastify()
    // As in the app: global compression must not re-encode precompressed files.
    await app.register(fastifyCompress, { global: true, threshold: 0 })
    await app.register(assetsPlugin, { buildDir: sortie })
    await app.ready()
  })
  afterAll(() => app.close())

  it('sert le CSS précompressé en brotli, en cache immuable', async () => {
    const url = build.manifest['css/public.css']!
    const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(res.headers['content-type']).toMatch(/^text\/css/)
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i)
    expect(res.headers['x-powered-by']).toBeUndefined()
    // Decoding once gives the file back: it was not compressed a second time on the way out.
    expect(zlib.brotliDecompressSync(res.rawPayload).equals(lire(url))).toBe(true)
  })

  it('sert la version gzip ou non compressée selon le navigateur', async () => {
    const url = build.manifest['css/pro.css']!
    const gz = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.rawPayload).equals(lire(url))).toBe(true)
    const brut = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } })
    expect(brut.headers['content-encoding']).toBeUndefined()
    expect(brut.rawPayload.equals(lire(url))).toBe(true)
  })

  it('sert les polices en cache immuable', async () => {
    const res = await app.inject({ method: 'GET', url: build.manifest['fonts/Marianne-Regular.woff2']! })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('font/woff2')
    expect(res.headers['cache-control']).toContain('immutable')
  })

  it('sert les favicons avec un cache court, y compris /favicon.ico', async () => {
    for (const url of ['/favicon.ico', '/assets/favicon/favicon.svg']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } })
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['cache-control'], url).toBe('public, max-age=86400')
    }
  })

  it('répond 404 pour un fichier inconnu, le manifeste, les variantes compressées et les dossiers', async () => {
    const urlCss = build.manifest['css/public.css']!
    for (const url of [
      '/assets/css/public.0000000000.css',
      '/assets/manifest.json',
      `${urlCss}.br`,
      '/assets/css/',
      '/assets/css',
      '/assets/',
      '/assets/../package.json',
    ]) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(404)
      expect(String(res.headers['cache-control'] ?? ''), url).not.toContain('immutable')
    }
  })
})
