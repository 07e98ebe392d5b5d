import { describe, expect, it } from 'vitest'
import { type Commune, creerReferentielCommunes } from './communes'
import { referentielCommunes } from './referentiel-communes'

const commune = (
  code: string,
  nom: string,
  departement: string,
  population: number,
  cps: string[],
): Commune => ({
  code,
  nom,
  departement,
  latitude: 43,
  longitude: 5,
  population,
  codesPostaux: cps,
})

describe('référentiel des communes', () => {
  const ref = creerReferentielCommunes([
    commune('13001', 'Aix-en-Provence', '13', 145_000, ['13080', '13090', '13100']),
    commune('13055', 'Marseille', '13', 870_000, ['13001', '13002']),
    commune('13999', 'Petite', '13', 120, ['13001']),
    commune('05061', 'Gap', '05', 41_000, ['05000']),
  ])

  it('lit un code postal comme la Poste : la commune la plus peuplée, jamais un code INSEE', () => {
    expect(ref.principaleDuCodePostal('13001')?.nom).toBe('Marseille')
    expect(ref.principaleDuCodePostal(' 05000 ')?.nom).toBe('Gap')
    expect(ref.principaleDuCodePostal('13055')).toBeUndefined()
  })

  it('donne les communes d’un département', () => {
    expect(
      ref
        .duDepartement('13')
        .map((c) => c.nom)
        .sort(),
    ).toEqual(['Aix-en-Provence', 'Marseille', 'Petite'])
    expect(ref.duDepartement('99')).toEqual([])
  })

  it('charge les fichiers de données une fois pour tous les domaines', () => {
    const a = referentielCommunes()
    expect(a).toBe(referentielCommunes())
    expect(a.taille).toBeGreaterThan(34_000)
    expect(a.parCode('05061')?.codesPostaux).toContain('05000')
    expect(a.duDepartement('05').length).toBeGreaterThan(100)
  })
})
