import { describe, expect, it } from 'vitest'
import { referentielCommunes } from './referentiel-communes'
import { departementsAutourDe } from './voisinage'

const centre = (code: string) => {
  const c = referentielCommunes().parCode(code)!
  return { latitude: c.latitude, longitude: c.longitude }
}

describe('départements voisins d’un point', () => {
  it('une commune au bord voit le département d’en face', () => {
    // Beaucaire (Gard) faces Tarascon (Bouches-du-Rhône) across the Rhône.
    const beaucaire = departementsAutourDe(centre('30032'), 10)
    expect(beaucaire).toContain('30')
    expect(beaucaire).toContain('13')
  })

  it('une commune loin de tout bord ne voit que son département', () => {
    // Aix-en-Provence and Gap: no border within a few kilometres of their centres.
    expect(departementsAutourDe(centre('13001'), 2)).toEqual(['13'])
    expect(departementsAutourDe(centre('05061'), 5)).toEqual(['05'])
  })

  it('plus le rayon grandit, plus il y a de départements, jamais moins', () => {
    const p = centre('13055')
    let avant = departementsAutourDe(p, 1)
    for (const r of [10, 30, 60, 120]) {
      const apres = departementsAutourDe(p, r)
      for (const d of avant) expect(apres).toContain(d)
      avant = apres
    }
    expect(avant.length).toBeGreaterThan(3)
  })
})
