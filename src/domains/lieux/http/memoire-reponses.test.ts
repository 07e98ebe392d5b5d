import { describe, expect, it } from 'vitest'
import { memoireDesReponses } from './memoire-reponses'

describe('mémoire des réponses de l’API', () => {
  it('ne garde une réponse qu’à la deuxième demande de la même requête', () => {
    const m = memoireDesReponses(2)
    m.garder('a', 'A1')
    expect(m.lire('a')).toBeUndefined()
    m.garder('a', 'A2')
    expect(m.lire('a')).toBe('A2')
  })

  it('oublie la moins récemment lue quand elle est pleine', () => {
    const m = memoireDesReponses(2)
    for (const cle of ['a', 'b', 'c']) {
      m.garder(cle, cle)
      m.garder(cle, cle)
    }
    expect(m.lire('a')).toBeUndefined()
    expect(m.lire('b')).toBe('b')
    m.garder('d', 'd')
    m.garder('d', 'd')
    expect(m.lire('c')).toBeUndefined()
    expect(m.lire('b')).toBe('b')
    expect(m.lire('d')).toBe('d')
  })

  it('ne note qu’un nombre borné de requêtes vues une fois', () => {
    const m = memoireDesReponses(1)
    m.garder('ancienne', 'x')
    for (let i = 0; i < 10; i++) m.garder(`autre-${i}`, 'y')
    m.garder('ancienne', 'x')
    expect(m.lire('ancienne')).toBeUndefined()
  })
})
