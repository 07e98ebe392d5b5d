import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { creerCoffre } from './coffre'

const SECRET = 'secret-de-test-du-coffre-0123456789abcdef'

describe('coffre', () => {
  const coffre = creerCoffre(SECRET, 'telephones')
  it('rend ce qu’il a chiffré, sans jamais écrire le clair', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (clair) => {
        const c = coffre.chiffrer(clair)
        expect(coffre.dechiffrer(c)).toBe(clair)
        if (clair.length >= 4) expect(c).not.toContain(clair)
        expect(coffre.chiffrer(clair)).not.toBe(c) // a fresh IV each time
      }),
    )
  })
  it('refuse un chiffré modifié, d’un autre usage ou d’un autre secret', () => {
    const c = coffre.chiffrer('+33612345678')
    const parties = c.split('.')
    const altere = [...parties.slice(0, 3), `${parties[3]?.slice(0, -2)}AA`].join('.')
    expect(coffre.dechiffrer(altere)).toBeUndefined()
    expect(creerCoffre(SECRET, 'autre').dechiffrer(c)).toBeUndefined()
    expect(creerCoffre(`${SECRET}!`, 'telephones').dechiffrer(c)).toBeUndefined()
    expect(coffre.dechiffrer('nimporte.quoi')).toBeUndefined()
  })
  it('donne la même empreinte à la même valeur, une autre à une autre valeur ou un autre secret', () => {
    expect(coffre.empreinte('+33612345678')).toBe(coffre.empreinte('+33612345678'))
    expect(coffre.empreinte('+33612345678')).not.toBe(coffre.empreinte('+33612345679'))
    expect(creerCoffre(`${SECRET}!`, 'telephones').empreinte('+33612345678')).not.toBe(
      coffre.empreinte('+33612345678'),
    )
    expect(coffre.empreinte('+33612345678')).not.toContain('612345678')
  })
  it('refuse un secret trop court', () => {
    expect(() => creerCoffre('court', 'telephones')).toThrow(/32 caractères/)
  })
})
