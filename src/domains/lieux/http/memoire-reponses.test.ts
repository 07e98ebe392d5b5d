import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { memoireDesReponses } from './memoire-reponses'

/** Room for `n` answers of 100 characters under 1-character keys (2 bytes a character). */
const place = (n: number) => ({ octetsMax: n * 2 * 101, clesVuesMax: 100 })
const reponse = (c: string) => c.repeat(100)

describe('mémoire des réponses de l’API', () => {
  it('ne garde une réponse qu’à la deuxième demande de la même requête', () => {
    const m = memoireDesReponses(place(16))
    m.garder('a', 'A1')
    expect(m.lire('a')).toBeUndefined()
    m.garder('a', 'A2')
    expect(m.lire('a')).toBe('A2')
  })

  it('oublie la moins récemment lue quand son budget en octets est plein', () => {
    const m = memoireDesReponses(place(32))
    const cles = Array.from({ length: 32 }, (_, i) => String.fromCharCode(65 + i))
    for (const cle of cles) {
      m.garder(cle, reponse(cle))
      m.garder(cle, reponse(cle))
    }
    expect(m.octets).toBe(32 * 2 * 101)
    expect(m.lire('A')).toBe(reponse('A'))
    // Full: the next one evicts the least recently read (B, since A was just read).
    m.garder('z', reponse('z'))
    m.garder('z', reponse('z'))
    expect(m.lire('B')).toBeUndefined()
    expect(m.lire('A')).toBe(reponse('A'))
    expect(m.lire('z')).toBe(reponse('z'))
    expect(m.octets).toBe(32 * 2 * 101)
  })

  it('se vide quand la version de l’index ou la minute change', () => {
    const m = memoireDesReponses(place(16))
    m.garder('a', 'A')
    m.garder('a', 'A')
    m.garder('b', 'B')
    m.vider()
    expect(m.lire('a')).toBeUndefined()
    expect(m.octets).toBe(0)
    // The query seen once before is forgotten too: its next answer is only noted.
    m.garder('b', 'B')
    expect(m.lire('b')).toBeUndefined()
  })

  it('ne garde pas une réponse plus grande qu’un seizième du budget', () => {
    const m = memoireDesReponses({ octetsMax: 16 * 1024, clesVuesMax: 10 })
    m.garder('grande', 'x'.repeat(600))
    m.garder('grande', 'x'.repeat(600))
    expect(m.lire('grande')).toBeUndefined()
    expect(m.octets).toBe(0)
  })

  it('ne note qu’un nombre borné de requêtes vues une fois', () => {
    const m = memoireDesReponses({ octetsMax: 1024, clesVuesMax: 4 })
    m.garder('ancienne', 'x')
    for (let i = 0; i < 10; i++) m.garder(`autre-${i}`, 'y')
    m.garder('ancienne', 'x')
    expect(m.lire('ancienne')).toBeUndefined()
  })

  it('propriété : quelles que soient les réponses et leur ordre, les octets gardés restent dans le budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 100_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 5_000 })), {
          maxLength: 300,
        }),
        (octetsMax, demandes) => {
          const m = memoireDesReponses({ octetsMax, clesVuesMax: 50 })
          for (const [cle, longueur] of demandes) {
            m.garder(`etag-${cle}`, 'é'.repeat(longueur))
            expect(m.octets).toBeLessThanOrEqual(octetsMax)
          }
        },
      ),
    )
  })
})
