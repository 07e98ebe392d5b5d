import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * The size rules of docs/ARCHITECTURE.md, checked on every source file so that the next domain cannot
 * grow a 1 000-line route file or a 300-line closure again: no file over 500 lines, no function over
 * 100 (a function's lines run from its first to its last line, nested functions included).
 */
const LIGNES_PAR_FICHIER = 500
const LIGNES_PAR_FONCTION = 100

function sources(dossier: string): string[] {
  return readdirSync(dossier, { withFileTypes: true }).flatMap((e) => {
    const chemin = join(dossier, e.name)
    if (e.isDirectory()) return sources(chemin)
    return /\.tsx?$/.test(e.name) && !/\.(test|prop\.test|e2e)\.tsx?$/.test(e.name) ? [chemin] : []
  })
}

function nomDe(n: ts.Node): string {
  if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) return n.name.getText()
  const parent = n.parent
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText()
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText()
  if (parent && ts.isCallExpression(parent)) return `rappel de ${parent.expression.getText().slice(0, 40)}`
  return '(anonyme)'
}

function tropLongues(fichier: string, texte: string): string[] {
  const source = ts.createSourceFile(fichier, texte, ts.ScriptTarget.Latest, true)
  const ligne = (pos: number) => source.getLineAndCharacterOfPosition(pos).line
  const trouvees: string[] = []
  const visiter = (n: ts.Node) => {
    if (
      ts.isFunctionDeclaration(n) ||
      ts.isFunctionExpression(n) ||
      ts.isArrowFunction(n) ||
      ts.isMethodDeclaration(n)
    ) {
      const lignes = ligne(n.getEnd()) - ligne(n.getStart()) + 1
      if (lignes > LIGNES_PAR_FONCTION) trouvees.push(`${fichier} ${nomDe(n)} : ${lignes} lignes`)
    }
    ts.forEachChild(n, visiter)
  }
  visiter(source)
  return trouvees
}

const fichiers = [...sources('src'), ...sources('scripts'), ...sources('bench')].map((f) => ({
  f,
  texte: readFileSync(f, 'utf8'),
}))

describe('structure du code', () => {
  it('lit les sources', () => {
    expect(fichiers.length).toBeGreaterThan(300)
  })

  it(`aucun fichier de plus de ${LIGNES_PAR_FICHIER} lignes`, () => {
    const longs = fichiers
      .map(({ f, texte }) => ({ f, n: texte.split('\n').length }))
      .filter(({ n }) => n > LIGNES_PAR_FICHIER)
      .map(({ f, n }) => `${f} : ${n} lignes`)
    expect(longs).toEqual([])
  })

  it(`aucune fonction de plus de ${LIGNES_PAR_FONCTION} lignes`, () => {
    expect(fichiers.flatMap(({ f, texte }) => tropLongues(f, texte))).toEqual([])
  })

  it('la règle trouve une fonction trop longue', () => {
    const corps = Array.from({ length: LIGNES_PAR_FONCTION }, (_, i) => `  const v${i} = ${i}`).join('\n')
    expect(tropLongues('x.ts', `export function longue() {\n${corps}\n}\n`)).toEqual([
      `x.ts longue : ${LIGNES_PAR_FONCTION + 2} lignes`,
    ])
    expect(tropLongues('x.ts', 'const courte = () => 1\n')).toEqual([])
  })
})
