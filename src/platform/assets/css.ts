import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { transform } from 'esbuild'
import postcss, { type Root } from 'postcss'
import { PurgeCSS } from 'purgecss'
import { DSFR_COMPONENT_ORDER, DYNAMIC_ATTRIBUTES, FONTS_KEPT } from './bundles'

/**
 * Local files referenced by `url()` are rewritten to this marker + absolute path while the bundle
 * is assembled: once several stylesheets from different directories are concatenated, their
 * relative URLs no longer mean anything, and the final (hashed) name is known only after purge.
 */
const MARQUEUR = 'escale-asset:'
const URL_RE = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g

/**
 * Elements our pages may contain without a literal tag in a .tsx file (text rendered from data,
 * e-mails shown in the demo mailbox…). DSFR core styles them without a class.
 */
const BALISES_TOUJOURS_GARDEES = [
  'html',
  'body',
  'a',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'strong',
  'b',
  'em',
  'i',
  'abbr',
  'small',
  'code',
  'pre',
  'kbd',
  'blockquote',
  'hr',
  'img',
  'svg',
  'dl',
  'dt',
  'dd',
  'sub',
  'sup',
  'address',
]

/** Prefixes so broad that keeping everything under them would ship every DSFR icon. */
const PREFIXES_TROP_LARGES = new Set(['fr-', 'fr-icon-', 'fr-fi-', 'escale-'])

const BANNIERE =
  '/*! DSFR v1.14.4 | SPDX-License-Identifier: MIT | License-Filename: LICENSE.md | restricted use (see terms and conditions) */\n'

/**
 * Class names are written literally in TSX (`class="fr-btn fr-btn--secondary"`), so any run of
 * `[A-Za-z0-9_-]` is a candidate; it keeps BEM `__elements` and `--modifiers` whole.
 */
export function extractTokens(source: string): string[] {
  return source.match(/[A-Za-z0-9_-]+/g) ?? []
}

/**
 * A token ending with a separator (`fr-alert--` in `` `fr-alert--${type}` `` or
 * `'fr-alert--' + type`) means the class name is completed at runtime: every class starting
 * with it must survive the purge.
 */
export function dynamicPrefixes(tokens: Iterable<string>): { kept: string[]; ignored: string[] } {
  const kept = new Set<string>()
  const ignored = new Set<string>()
  for (const t of tokens) {
    if (!/^(?:fr|escale)-(?:[A-Za-z0-9_-]*[-_])?$/.test(t)) continue
    if (PREFIXES_TROP_LARGES.has(t)) ignored.add(t)
    else kept.add(t)
  }
  return { kept: [...kept].sort(), ignored: [...ignored].sort() }
}

export interface BundleSources {
  dsfrDir: string
  components: readonly string[]
  ownCss: string
}

/** Core first, then components in DSFR's cascade order, then icons, then ours (which may override). */
export function bundleFiles({ dsfrDir, components, ownCss }: BundleSources): string[] {
  const inconnus = components.filter((c) => !(DSFR_COMPONENT_ORDER as readonly string[]).includes(c))
  if (inconnus.length > 0) throw new Error(`Composants DSFR inconnus : ${inconnus.join(', ')}`)
  const ordonnes = DSFR_COMPONENT_ORDER.filter((c) => components.includes(c))
  return [
    path.join(dsfrDir, 'core/core.main.min.css'),
    ...ordonnes.map((c) => componentFile(dsfrDir, c)),
    path.join(dsfrDir, 'utility/icons/icons.main.min.css'),
    ownCss,
  ]
}

/**
 * `.main.min.css` is `.min.css` without the Internet Explorer 11 hacks (`.legacy`), which our
 * users' browsers never need and which weigh about a quarter of each file. Components without
 * IE hacks (download) ship only `.min.css`.
 */
function componentFile(dsfrDir: string, c: string): string {
  const main = path.join(dsfrDir, `component/${c}/${c}.main.min.css`)
  return existsSync(main) ? main : path.join(dsfrDir, `component/${c}/${c}.min.css`)
}

/** Parses one stylesheet, keeps only the fonts we ship and makes its local URLs absolute. */
export function loadStylesheet(file: string, dsfrDir: string): Root {
  const root = postcss.parse(readFileSync(file, 'utf8'), { from: file })
  root.walkComments((c) => {
    c.remove()
  })
  root.walkAtRules('font-face', (regle) => {
    const decl = (prop: string) => {
      let v: string | undefined
      regle.walkDecls(prop, (d) => {
        v = d.value.replace(/['"]/g, '').trim()
      })
      return v
    }
    const famille = decl('font-family')
    const style = decl('font-style') ?? 'normal'
    const graisse = decl('font-weight') ?? '400'
    const garde = FONTS_KEPT.find((f) => f.family === famille && f.weight === graisse && style === 'normal')
    if (!garde) {
      regle.remove()
      return
    }
    // woff2 only: every browser that runs DSFR's CSS (custom properties) reads it.
    regle.walkDecls('src', (d) => {
      d.value = `url("${MARQUEUR}${path.join(dsfrDir, 'fonts', garde.file)}") format("woff2")`
    })
  })
  root.walkDecls((d) => {
    if (!d.value.includes('url(')) return
    d.value = d.value.replace(URL_RE, (entier, _guillemet: string, ref: string) => {
      if (/^(?:data:|https?:|\/\/|#|escale-asset:)/.test(ref)) return entier
      const cible = path.resolve(path.dirname(file), ref.split(/[?#]/)[0]!)
      return `url("${MARQUEUR}${cible}")`
    })
  })
  return root
}

export interface CssBuildInput {
  files: readonly string[]
  dsfrDir: string
  tokens: ReadonlySet<string>
  prefixes: readonly string[]
  /** Receives the absolute path of a referenced local file, returns the URL to write instead. */
  asset: (absolutePath: string) => string
}

export async function buildCss(input: CssBuildInput): Promise<string> {
  const root = postcss.root()
  for (const f of input.files) root.append(loadStylesheet(f, input.dsfrDir).nodes)

  const echapper = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const [purge] = await new PurgeCSS().purge({
    content: [{ raw: [...input.tokens].join(' '), extension: 'txt' }],
    css: [{ raw: root.toString() }],
    defaultExtractor: (contenu) => contenu.split(' '),
    safelist: {
      standard: [...BALISES_TOUJOURS_GARDEES, ...input.prefixes.map((p) => new RegExp(`^${echapper(p)}`))],
    },
    dynamicAttributes: [...DYNAMIC_ATTRIBUTES],
    keyframes: true,
    // DSFR declares its whole palette as custom properties on :root and resolves them through
    // chains of var(); purging "unused" variables would break colours.
    variables: false,
    fontFace: false,
  })
  if (!purge) throw new Error('PurgeCSS n’a rien renvoyé')

  const purgee = postcss.parse(purge.css)
  purgee.walkDecls((d) => {
    if (!d.value.includes(MARQUEUR)) return
    d.value = d.value.replace(URL_RE, (entier, _g: string, ref: string) =>
      ref.startsWith(MARQUEUR) ? `url(${input.asset(ref.slice(MARQUEUR.length))})` : entier,
    )
  })

  const minifie = await transform(purgee.toString(), { loader: 'css', minify: true, legalComments: 'none' })
  return BANNIERE + minifie.code
}

/** `url(...)` references of a stylesheet, data URIs excluded. */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(URL_RE)].map((m) => m[2]!).filter((u) => !u.startsWith('data:'))
}
