import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { celluleSansFormule, ecrireCsv } from './csv'

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
        fc.constantFrom<',' | ';'>(',', ';'),
        fc.boolean(),
        (lignes, separateur, bom) => {
          const largeur = Math.max(...lignes.map((l) => l.length))
          const carrees = lignes.map((l) => [...l, ...Array(largeur - l.length).fill('')])
          const csv = ecrireCsv(carrees, { separateur, bom })
          expect(csv.startsWith('\ufeff')).toBe(bom)
          const relues = parse(csv, {
            delimiter: separateur,
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
    expect(ecrireCsv([[null, undefined, 3, -4, true, 'a;b']], { separateur: ';' })).toBe(
      ';;3;-4;true;"a;b"\n',
    )
  })
})
