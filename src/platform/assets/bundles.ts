/**
 * CSS bundles served to the browser. Public pages get the smallest set of DSFR components that
 * the public journeys use, because people far from digital often browse on metered mobile data
 * (budget in docs/QUALITY.md); professional spaces may load a richer bundle.
 *
 * Adding a DSFR component here is the only step needed to use it: PurgeCSS then keeps only the
 * classes that appear in `src/**\/*.ts(x)`.
 */

export type BundleName = 'public' | 'pro'

const COMPOSANTS_PUBLICS = [
  'skiplink',
  'header',
  'footer',
  'logo',
  'link',
  'button',
  'breadcrumb',
  'alert',
  'notice',
  'callout',
  'card',
  'tile',
  'badge',
  'tag',
  'form',
  'input',
  'select',
  'checkbox',
  'radio',
  'pagination',
  'table',
  'summary',
  // The shared layout renders the main menu (`fr-nav`) on every page, public ones included.
  'navigation',
] as const

const COMPOSANTS_PRO = [
  ...COMPOSANTS_PUBLICS,
  'tab',
  'sidemenu',
  'accordion',
  'toggle',
  'stepper',
  'password',
  'search',
  'segmented',
  'download',
  'upload',
  'modal',
] as const

export interface BundleDefinition {
  name: BundleName
  /** Directory names under `@gouvfr/dsfr/dist/component/`. */
  components: readonly string[]
}

export const BUNDLES: readonly BundleDefinition[] = [
  { name: 'public', components: COMPOSANTS_PUBLICS },
  { name: 'pro', components: COMPOSANTS_PRO },
]

/**
 * Our own stylesheets for one module, served only on the pages that list them in
 * `feuillesDeStyle` (`css/<name>.css`), minified as written: no DSFR inside, no purge.
 * `source` is relative to `src/`.
 */
export const FEUILLES_SUPPLEMENTAIRES: readonly { name: string; source: string }[] = [
  { name: 'diagnostic', source: 'domains/diagnostic/views/diagnostic.css' },
]

/**
 * The map's stylesheet (`css/carte.css`), only on the map and printable place pages: Leaflet, its
 * marker clusters and the places pages' own rules, concatenated and minified, with `url()` to images
 * dropped (Leaflet's default marker and layer-control sprites, which our pages do not use).
 * Paths are relative to the project root (Leaflet's files live in node_modules).
 */
export const FEUILLE_CARTE: { nom: string; fichiers: readonly string[] } = {
  nom: 'carte',
  fichiers: [
    'node_modules/leaflet/dist/leaflet.css',
    'node_modules/leaflet.markercluster/dist/MarkerCluster.css',
    'node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css',
    'src/domains/lieux/views/carte.css',
  ],
}

/**
 * The two Marianne files we ship (QUALITY.md allows two font files). Every other @font-face of
 * DSFR core is dropped: the browser then maps Light (300) and Medium (500) to Regular and
 * synthesises italics, instead of downloading six more files.
 */
export const FONTS_KEPT = [
  { family: 'Marianne', weight: '400', file: 'Marianne-Regular.woff2' },
  { family: 'Marianne', weight: '700', file: 'Marianne-Bold.woff2' },
] as const

/** Copied unhashed: browsers and OSes request them by well-known names. */
export const FAVICON_FILES = ['favicon.svg', 'favicon.ico', 'apple-touch-icon.png'] as const

/**
 * Attributes that DSFR styles and that our markup sets at runtime or conditionally, so that
 * PurgeCSS may not see them written literally in a source file.
 */
export const DYNAMIC_ATTRIBUTES = [
  'aria-current',
  'aria-invalid',
  'aria-expanded',
  'aria-disabled',
  'aria-selected',
  'aria-pressed',
  'disabled',
  'required',
  'data-fr-theme',
  'data-fr-scheme',
] as const

/**
 * DSFR's own cascade order (src/dsfr/component/main.scss): later components deliberately
 * override earlier ones at equal specificity (the header restyles buttons and links, for
 * instance), so bundles are always concatenated in this order whatever order they list.
 */
export const DSFR_COMPONENT_ORDER = [
  'upload',
  'range',
  'accordion',
  'badge',
  'logo',
  'button',
  'connect',
  'quote',
  'breadcrumb',
  'form',
  'stepper',
  'tooltip',
  'link',
  'sidemenu',
  'callout',
  'highlight',
  'tab',
  'pagination',
  'summary',
  'tag',
  'download',
  'alert',
  'notice',
  'radio',
  'card',
  'checkbox',
  'input',
  'content',
  'segmented',
  'toggle',
  'skiplink',
  'select',
  'modal',
  'navigation',
  'share',
  'footer',
  'tile',
  'search',
  'consent',
  'follow',
  'password',
  'translate',
  'table',
  'transcription',
  'header',
] as const
