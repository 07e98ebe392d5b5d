import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { entetesDeSecurite } from './securite'

const SRC = path.resolve(import.meta.dirname, '../..')

function sources(dossier: string): string[] {
  return readdirSync(dossier, { withFileTypes: true }).flatMap((e) => {
    const chemin = path.join(dossier, e.name)
    if (e.isDirectory()) return sources(chemin)
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [chemin] : []
  })
}

/** A `style` attribute (JSX or HTML text) or a `<style>` element: what `style-src 'self'` refuses. */
const STYLE_EN_LIGNE = /\bstyle\s*=\s*[{"'`]|<style[\s>]/

describe('styles en ligne', () => {
  it('la CSP des pages refuse les styles en ligne', () => {
    expect(entetesDeSecurite({ https: false })['content-security-policy']).toContain("style-src 'self'")
  })

  it('aucune vue ni aucun code qui écrit du HTML n’a d’attribut style ni d’élément <style> (la CSP les bloquerait)', () => {
    const fichiers = sources(SRC)
    expect(fichiers.length).toBeGreaterThan(100)
    const fautifs = fichiers.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((ligne, i) =>
          STYLE_EN_LIGNE.test(ligne) ? [`${path.relative(SRC, f)}:${i + 1}: ${ligne.trim()}`] : [],
        ),
    )
    expect(fautifs).toEqual([])
  })
})
