import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { creerCache } from './cache'

describe('cache des connecteurs', () => {
  it('rend une valeur écrite jusqu’à son échéance, plus après', () => {
    let t = 0
    const c = creerCache<{ n: number }>({ maxOctets: 1000, dureeMs: 100, horloge: () => new Date(t) })
    c.ecrire('a', { n: 1 })
    t = 99
    expect(c.lire('a')).toEqual({ n: 1 })
    t = 100
    expect(c.lire('a')).toBeUndefined()
    expect(c.taille()).toEqual({ entrees: 0, octets: 0 })
  })

  it('chasse la moins récemment lue quand la place manque, et refuse une valeur plus grosse que tout', () => {
    const c = creerCache<string>({ maxOctets: 28, dureeMs: 1e6 })
    c.ecrire('a', 'x'.repeat(6)) // 1 + 8
    c.ecrire('b', 'y'.repeat(6))
    c.lire('a')
    c.ecrire('c', 'z'.repeat(8)) // 11 : 9 + 9 + 11 > 28, « b » part
    expect(c.lire('b')).toBeUndefined()
    expect(c.lire('a')).toBe('xxxxxx')
    c.ecrire('d', 'w'.repeat(30))
    expect(c.lire('d')).toBeUndefined()
    expect(c.lire('c')).toBe('zzzzzzzz')
  })

  it('propriété : le poids tenu ne dépasse jamais la borne et égale la somme des entrées', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 300 }),
        fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.string({ maxLength: 60 })), { maxLength: 60 }),
        (max, ecritures) => {
          const c = creerCache<string>({ maxOctets: max, dureeMs: 1e6 })
          const vues = new Map<string, string>()
          for (const [cle, valeur] of ecritures) {
            c.ecrire(cle, valeur)
            vues.set(cle, valeur)
            expect(c.taille().octets).toBeLessThanOrEqual(max)
          }
          let somme = 0
          for (const [cle, valeur] of vues) {
            const lu = c.lire(cle)
            if (lu !== undefined) {
              expect(lu).toBe(valeur)
              somme += cle.length + JSON.stringify(valeur).length
            }
          }
          expect(c.taille().octets).toBe(somme)
        },
      ),
    )
  })
})
