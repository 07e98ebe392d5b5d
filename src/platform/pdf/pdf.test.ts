import { describe, expect, it } from 'vitest'
import { DocumentPdf, encoderTexte } from './pdf'

/** Reads the cross-reference table back and checks every offset points at its object. */
function lireStructure(pdf: Buffer) {
  const texte = pdf.toString('latin1')
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(texte)?.[1])
  expect(texte.slice(startxref, startxref + 4)).toBe('xref')
  const entete = /xref\n0 (\d+)\n/.exec(texte.slice(startxref))
  const n = Number(entete?.[1])
  const lignes = texte
    .slice(startxref + (entete?.[0].length ?? 0))
    .split('\n')
    .slice(0, n)
  expect(lignes[0]).toBe('0000000000 65535 f ')
  for (let i = 1; i < n; i++) {
    const offset = Number(lignes[i]?.slice(0, 10))
    expect(texte.slice(offset, offset + `${i} 0 obj`.length), `objet ${i}`).toBe(`${i} 0 obj`)
  }
  const taille = Number(/\/Size (\d+)/.exec(texte)?.[1])
  expect(taille).toBe(n)
  return { texte, objets: n }
}

describe('générateur PDF', () => {
  it('écrit un PDF 1.4 dont la table xref pointe exactement sur chaque objet', () => {
    const doc = new DocumentPdf('Convention')
    doc.paragraphe('Convention de financement', 16, 'gras').separateur().paragraphe('Montant : 50 000 €')
    const pdf = doc.octets()
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4')
    const { texte, objets } = lireStructure(pdf)
    expect(objets).toBe(8)
    expect(texte).toContain('/BaseFont /Helvetica /Encoding /WinAnsiEncoding')
  })

  it('déclare la longueur exacte de chaque flux de contenu', () => {
    const pdf = new DocumentPdf().paragraphe('Texte (avec parenthèses) et \\ barre').octets()
    const texte = pdf.toString('latin1')
    const m = /<< \/Length (\d+) >>\nstream\n/.exec(texte)
    const debut = (m?.index ?? 0) + (m?.[0].length ?? 0)
    const fin = texte.indexOf('\nendstream', debut)
    expect(fin - debut).toBe(Number(m?.[1]))
    expect(texte).toContain('\\(avec parenth')
  })

  it('passe à la page suivante quand le texte déborde, et compte les pages', () => {
    const doc = new DocumentPdf()
    for (let i = 0; i < 120; i++) doc.paragraphe(`Ligne numéro ${i}`)
    const { texte } = lireStructure(doc.octets())
    expect(doc.nombrePages).toBeGreaterThan(1)
    expect(texte).toContain(`/Count ${doc.nombrePages}`)
  })

  it('encode les accents, l’euro et les apostrophes typographiques en WinAnsi', () => {
    expect([...encoderTexte('é€’œ')]).toEqual([0xe9, 0x80, 0x92, 0x9c])
    expect(encoderTexte('漢').toString('latin1')).toBe('?')
  })
})
