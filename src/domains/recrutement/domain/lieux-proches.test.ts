import { describe, expect, it } from 'vitest'
import { lieuxProches, type PointCarte } from './couverture'

describe('lieux proches d’une structure candidate', () => {
  const gap = { latitude: 44.5594, longitude: 6.0786 }
  const lieux: PointCarte[] = [
    { nom: 'France Services de Tallard', latitude: 44.4626, longitude: 6.0556, genre: 'france_services' },
    { nom: 'Médiathèque de Gap', latitude: 44.5606, longitude: 6.0799, genre: 'lieu' },
    { nom: 'Espace numérique de Briançon', latitude: 44.8986, longitude: 6.6433, genre: 'lieu' },
  ]

  it('garde les lieux à moins de 10 km, du plus proche au plus lointain, avec leur distance', () => {
    const r = lieuxProches(gap, lieux)
    expect(r.map((l) => l.nom)).toEqual(['Médiathèque de Gap'])
    expect(r[0]?.distanceKm).toBeLessThan(1)
    const large = lieuxProches(gap, lieux, 15)
    expect(large.map((l) => l.nom)).toEqual(['Médiathèque de Gap', 'France Services de Tallard'])
    expect(large[1]?.distanceKm).toBeGreaterThan(10)
  })

  it('ne rend rien quand aucun lieu n’existe', () => {
    expect(lieuxProches(gap, [])).toEqual([])
  })
})
