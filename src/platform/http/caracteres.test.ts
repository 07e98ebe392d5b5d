import { describe, expect, it } from 'vitest'
import { urlAvecCaractereInterdit } from './caracteres'

describe('caractères de contrôle dans une adresse', () => {
  it('repère un caractère de contrôle brut ou encodé, dans le chemin comme dans la requête, clés comprises', () => {
    for (const url of [
      '/lieux?q=Gap%00',
      '/lieux/a%00b',
      '/diagnostic?x%01=1',
      '/a?b=%1F',
      '/a?b=%1f',
      '/a\u0007',
    ])
      expect(urlAvecCaractereInterdit(url), url).toBe(true)
  })

  it('laisse passer tabulation, retours à la ligne et un « %00 » écrit en toutes lettres', () => {
    for (const url of ['/a?b=x%09y', '/a?b=x%0Ay%0D', '/a?b=%2500', '/lieux?q=13001&limit=10', '/a?b=%20%7E'])
      expect(urlAvecCaractereInterdit(url), url).toBe(false)
  })
})
