import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dossierConstruit, loadManifest } from './assets'
import { construireSiBesoin, empreinteDesSources } from './build'

const racine = path.resolve(import.meta.dirname, '../../..')

/** A throwaway project (a little markup and one island): each build takes a second, not ten. */
function projet(): string {
  const p = mkdtempSync(path.join(tmpdir(), 'escale-construction-'))
  mkdirSync(path.join(p, 'src/client'), { recursive: true })
  mkdirSync(path.join(p, 'src/platform/assets'), { recursive: true })
  symlinkSync(path.join(racine, 'node_modules'), path.join(p, 'node_modules'))
  copyFileSync(
    path.join(racine, 'src/platform/assets/escale.css'),
    path.join(p, 'src/platform/assets/escale.css'),
  )
  writeFileSync(path.join(p, 'src/page.tsx'), 'export const P = () => \'<p class="fr-btn">x</p>\'\n')
  writeFileSync(path.join(p, 'src/client/ilot.ts'), 'document.body.dataset.ilot = "1"\n')
  return p
}

describe('construction atomique des fichiers statiques', () => {
  const crees: string[] = []
  let p: string
  beforeAll(() => {
    p = projet()
    crees.push(p)
  })
  afterAll(() => {
    for (const x of crees) rmSync(x, { recursive: true, force: true })
  })

  it('construit dans builds/<empreinte>, puis fait pointer public/build dessus', async () => {
    const r = await construireSiBesoin({ rootDir: p })
    expect(r.construit).toBe(true)
    expect(r.empreinte).toBe(empreinteDesSources(p))
    const lien = path.join(p, 'public/build')
    expect(lstatSync(lien).isSymbolicLink()).toBe(true)
    expect(readlinkSync(lien)).toBe(`builds/${r.empreinte}`)
    expect(loadManifest(lien).css('public')).toMatch(/^\/assets\/css\/public\.[0-9a-f]{10}\.css$/)
    // No temporary directory or link is left behind.
    expect(readdirSync(path.join(p, 'public')).sort()).toEqual(['build', 'builds'])
    expect(readdirSync(path.join(p, 'public/builds'))).toEqual([r.empreinte])
  })

  it('ne reconstruit rien quand les sources n’ont pas changé', async () => {
    const manifeste = path.join(p, 'public/build/manifest.json')
    const avant = statSync(manifeste)
    const r = await construireSiBesoin({ rootDir: p })
    expect(r.construit).toBe(false)
    expect(statSync(manifeste).ino).toBe(avant.ino)
    expect(statSync(manifeste).mtimeMs).toBe(avant.mtimeMs)
  })

  it('reconstruit quand une source change, sans retirer les fichiers d’un serveur déjà démarré', async () => {
    const lien = path.join(p, 'public/build')
    // What a running server resolved at its start.
    const dossierDuServeur = dossierConstruit(lien)
    const ancien = loadManifest(dossierDuServeur).css('public')
    writeFileSync(path.join(p, 'src/autre.tsx'), 'export const A = () => \'<p class="fr-badge">y</p>\'\n')
    const r = await construireSiBesoin({ rootDir: p })
    expect(r.construit).toBe(true)
    expect(readlinkSync(lien)).toBe(`builds/${r.empreinte}`)
    expect(dossierConstruit(lien)).not.toBe(dossierDuServeur)
    expect(loadManifest(lien).css('public')).not.toBe(ancien)
    // The older server still finds the stylesheet its pages name.
    expect(existsSync(path.join(dossierDuServeur, ancien.replace(/^\/assets\//, '')))).toBe(true)
  })

  it('deux démarrages simultanés dans le même dossier finissent sur une construction complète', async () => {
    const q = projet()
    crees.push(q)
    const [a, b] = await Promise.all([construireSiBesoin({ rootDir: q }), construireSiBesoin({ rootDir: q })])
    expect(a.empreinte).toBe(b.empreinte)
    const lien = path.join(q, 'public/build')
    expect(readlinkSync(lien)).toBe(`builds/${a.empreinte}`)
    const m = loadManifest(lien)
    for (const url of [m.css('public'), m.css('pro'), m.js('ilot')])
      expect(existsSync(path.join(lien, url.replace(/^\/assets\//, '')))).toBe(true)
    expect(readdirSync(path.join(q, 'public/builds'))).toEqual([a.empreinte])
  })

  it('remplace un ancien dossier public/build (construction d’avant le lien) par le lien', async () => {
    const q = projet()
    crees.push(q)
    mkdirSync(path.join(q, 'public/build'), { recursive: true })
    writeFileSync(path.join(q, 'public/build/manifest.json'), '{}')
    const r = await construireSiBesoin({ rootDir: q })
    expect(r.construit).toBe(true)
    expect(lstatSync(path.join(q, 'public/build')).isSymbolicLink()).toBe(true)
    expect(loadManifest(path.join(q, 'public/build')).js('ilot')).toMatch(/^\/assets\/js\/ilot\./)
  })
})
