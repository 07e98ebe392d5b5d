import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dateHeure, dateLongue, moisLong } from './http/dates'
import { accord, nombreDe } from './pluriel'

describe('mots comptés et dates en français', () => {
  it('0 et 1 au singulier, 2 et plus au pluriel, jamais « (s) »', () => {
    expect(nombreDe(0, 'poste')).toBe('0 poste')
    expect(nombreDe(1, 'aidant habilité', 'aidants habilités')).toBe('1 aidant habilité')
    expect(nombreDe(2, 'aidant habilité', 'aidants habilités')).toBe('2 aidants habilités')
    expect(nombreDe(1200, 'heure')).toBe('1\u202f200 heures')
    expect(accord(1.5, 'heure')).toBe('heure')
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (n) => {
        const texte = nombreDe(n, 'mandat')
        expect(texte).not.toContain('(s)')
        expect(texte.endsWith('mandats')).toBe(Math.abs(n) >= 2)
        expect(
          Number(
            texte
              .split(' ')[0]
              ?.replace(/\s|\u202f/g, '')
              .replace('−', '-'),
          ),
        ).toBe(n)
      }),
    )
  })

  it('écrit les dates comme on les lit, à l’heure de Paris', () => {
    expect(dateLongue('2026-12-03')).toBe('3 décembre 2026')
    expect(dateLongue('2026-03-01')).toBe('1er mars 2026')
    // 23 h 30 UTC le 31 décembre : déjà le 1er janvier à Paris.
    expect(dateLongue(new Date('2026-12-31T23:30:00Z'))).toBe('1er janvier 2027')
    expect(dateHeure(new Date('2026-07-14T08:05:00Z'))).toBe('14 juillet 2026 à 10 h 05')
    expect(moisLong('2026-02')).toBe('février 2026')
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (d) => {
          expect(dateHeure(d)).not.toMatch(/\d{4}-\d{2}-\d{2}/)
          expect(dateLongue(d)).toMatch(/^(1er|[12]?\d|3[01]) [a-zéû]+ \d{4}$/)
        },
      ),
    )
  })
})
