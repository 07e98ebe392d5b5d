import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildCss, bundleFiles, dynamicPrefixes, extractTokens } from './css'

const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const dsfrDir = path.join(racine, 'node_modules/@gouvfr/dsfr/dist')

describe('extractTokens', () => {
  it('garde entiers les éléments BEM et les modificateurs', () => {
    const tokens = extractTokens('<div class="fr-header__body fr-btn--secondary fr-col-md-6">')
    expect(tokens).toEqual(expect.arrayContaining(['fr-header__body', 'fr-btn--secondary', 'fr-col-md-6']))
  })

  it('isole le préfixe d’une classe construite dans un gabarit', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source code under analysis
    expect(extractTokens('class={`fr-alert fr-alert--${type}`}')).toContain('fr-alert--')
  })
})

describe('dynamicPrefixes', () => {
  it('retient les préfixes précis et écarte ceux qui garderaient toutes les icônes', () => {
    const r = dynamicPrefixes([
      'fr-alert--',
      'fr-btn',
      'fr-icon-',
      'fr-',
      'fr-mt-',
      'autre-',
      'escale-carte__',
    ])
    expect(r.kept).toEqual(['escale-carte__', 'fr-alert--', 'fr-mt-'])
    expect(r.ignored).toEqual(['fr-', 'fr-icon-'])
  })
})

describe('buildCss', () => {
  const construire = (tokens: string[], prefixes: string[] = []) =>
    buildCss({
      files: bundleFiles({
        dsfrDir,
        components: ['alert', 'button'],
        ownCss: path.join(racine, 'src/platform/assets/escale.css'),
      }),
      dsfrDir,
      tokens: new Set(tokens),
      prefixes,
      asset: (absolu) => `/x/${path.basename(absolu)}`,
    })

  it('garde les modificateurs d’une classe dynamique grâce à son préfixe', async () => {
    const sans = await construire(['div', 'class', 'fr-alert'])
    expect(sans).toContain('.fr-alert{')
    expect(sans).not.toContain('.fr-alert--success')
    const avec = await construire(['div', 'class', 'fr-alert', 'fr-alert--'], ['fr-alert--'])
    expect(avec).toContain('.fr-alert--success')
    expect(avec).toContain('.fr-alert--warning')
  })

  it('garde les sélecteurs d’attributs posés à l’exécution et les variables de :root', async () => {
    const css = await construire(['a', 'class', 'href', 'fr-btn', 'fr-btn--secondary'])
    expect(css).toMatch(/\.fr-btn--secondary[^{]*\{/)
    expect(css).toMatch(/\.fr-btn:disabled|\.fr-btn\[disabled\]/)
    expect(css).toContain(':root[data-fr-theme=dark]')
    expect(css).toMatch(/:root\{[^}]*--background-action-high-blue-france:/)
    expect(css).not.toContain('.fr-btn--close')
  })

  it('réécrit les url() locales et laisse les data: intactes', async () => {
    const css = await construire(['fr-alert', 'fr-alert--', 'class'], ['fr-alert--'])
    expect(css).toContain('url(/x/fr--info-fill.svg)')
    expect(css).not.toContain('escale-asset:')
    expect(css).not.toContain('../../icons')
  })
})
