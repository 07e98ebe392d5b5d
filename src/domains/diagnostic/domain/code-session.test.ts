import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { afficherCode, genererCode, lireCode } from './code-session'
import { echeances, expireParInactivite } from './retention'

describe('codes de session', () => {
  it('a 6 lettres puis 3 chiffres, sans caractère ambigu', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 9, maxLength: 9 }), (tirages) => {
        let i = 0
        const code = genererCode((n) => tirages[i++]! % n)
        expect(code).toMatch(/^[A-Z]{6}[0-9]{3}$/)
        expect(code).not.toMatch(/[ILOQ01]/)
        expect(lireCode(code)).toBe(code)
      }),
    )
  })

  it('accepte la saisie en minuscules et en groupes, refuse les caractères ambigus', () => {
    expect(lireCode('abc def 234')).toBe('ABCDEF234')
    expect(lireCode('ABC-DEF-234')).toBe('ABCDEF234')
    expect(lireCode('ABCDEO234')).toBeUndefined()
    expect(lireCode('ABCDEF201')).toBeUndefined()
    expect(lireCode('ABCDE234')).toBeUndefined()
    expect(afficherCode('ABCDEF234')).toBe('ABC DEF 234')
  })
})

describe('règles de conservation', () => {
  it('calcule les échéances R1 à R3', () => {
    const e = echeances(new Date('2026-05-10T12:00:00Z'))
    expect(e.anonymesAvant.toISOString()).toBe('2026-05-03T12:00:00.000Z')
    expect(e.codesExpiresAvant.toISOString()).toBe('2026-04-10T12:00:00.000Z')
    expect(e.dossiersAvant.toISOString()).toBe('2024-05-10T12:00:00.000Z')
  })

  it('termine un diagnostic après 30 minutes sans activité (R4)', () => {
    const debut = new Date('2026-05-10T12:00:00Z')
    expect(expireParInactivite(debut, new Date('2026-05-10T12:29:59Z'))).toBe(false)
    expect(expireParInactivite(debut, new Date('2026-05-10T12:30:00Z'))).toBe(true)
  })
})
