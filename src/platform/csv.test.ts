import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { celluleSansFormule, ecrireCsv, type FormatCsv, formatCsvDemande } from './csv'

const FORMULE = /^[=+\-@\t\r]/
const NOMBRE = /^[+-]?\d+(?:[.,]\d+)?$/

/** Texts with many of the characters that matter: formula starts, separators, quotes, line breaks. */
const texte = fc.oneof(
  fc.string(),
  fc
    .array(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', "'", 'a', '1', ' ', 'é'), {
      maxLength: 12,
    })
    .map((c) => c.join('')),
  fc.constantFrom('=HYPERLINK("http://x","y")', '+33180059880', '-3', '@SUM(A1)', '=1+2'),
)

describe('écriture CSV de la plateforme', () => {
  it("relue, chaque cellule est le texte écrit, précédé de « ' » s’il commencerait une formule", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(texte, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom<FormatCsv>('tableur', 'standard'),
        (lignes, format) => {
          const largeur = Math.max(...lignes.map((l) => l.length))
          const carrees = lignes.map((l) => [...l, ...Array(largeur - l.length).fill('')])
          const csv = ecrireCsv(carrees, { format })
          expect(csv.startsWith('\ufeff')).toBe(format === 'tableur')
          const relues = parse(csv, {
            delimiter: format === 'tableur' ? ';' : ',',
            bom: true,
            relax_column_count: false,
          }) as string[][]
          expect(relues).toEqual(
            carrees.map((l) => l.map((v) => (FORMULE.test(v) && !NOMBRE.test(v) ? `'${v}` : v))),
          )
          for (const cellule of relues.flat())
            expect(FORMULE.test(cellule) && !NOMBRE.test(cellule)).toBe(false)
        },
      ),
    )
  })

  it('neutralise les formules, garde les nombres et les téléphones lisibles', () => {
    expect(celluleSansFormule('=HYPERLINK("http://x";"clic")')).toBe('\'=HYPERLINK("http://x";"clic")')
    expect(celluleSansFormule('@SOMME(A1)')).toBe("'@SOMME(A1)")
    expect(celluleSansFormule('-2+3+cmd')).toBe("'-2+3+cmd")
    expect(celluleSansFormule('\t=1')).toBe("'\t=1")
    expect(celluleSansFormule('+33180059880')).toBe('+33180059880')
    expect(celluleSansFormule('-12,5')).toBe('-12,5')
    expect(ecrireCsv([[null, undefined, 3, -4, true, 'a;b']], { format: 'standard' })).toBe(
      ',,3,-4,true,a;b\n',
    )
  })

  it('ouvre bien dans un tableur français par défaut : « ; », virgule décimale, BOM', () => {
    const csv = ecrireCsv([
      ['nom', 'heures'],
      ['Médiathèque', 12.5],
      ['a;b', -0.25],
    ])
    expect(csv).toBe('\ufeffnom;heures\nMédiathèque;12,5\n"a;b";-0,25\n')
    expect(ecrireCsv([['Médiathèque', 12.5, 'x,y']], { format: 'standard' })).toBe('Médiathèque,12.5,"x,y"\n')
  })

  it('relit chaque nombre à l’identique dans les deux formats', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 6 }),
        (nombres) => {
          const tableur = parse(ecrireCsv([nombres]), { delimiter: ';', bom: true }) as string[][]
          const standard = parse(ecrireCsv([nombres], { format: 'standard' }), {
            delimiter: ',',
          }) as string[][]
          expect(tableur[0]?.map((c) => Number(c.replace(',', '.')))).toEqual(nombres.map((n) => n + 0))
          expect(standard[0]?.map(Number)).toEqual(nombres.map((n) => n + 0))
        },
      ),
    )
  })

  it('lit le format demandé dans la requête', () => {
    expect(formatCsvDemande({ format: 'csv-standard' })).toBe('standard')
    expect(formatCsvDemande({ format: 'csv' })).toBe('tableur')
    expect(formatCsvDemande({})).toBe('tableur')
    expect(formatCsvDemande(undefined)).toBe('tableur')
    expect(formatCsvDemande({ format: ['csv-standard'] })).toBe('tableur')
  })
})
