import { describe, expect, it } from 'vitest'
import type { PointCarte } from '../domain/couverture'
import { lieuxAutourDe } from './lieux-proches'

/** Issue 17.12: a structure on a border sees the places across it, not only its own département's. */
describe('lieux autour d’une structure', () => {
  // Beaucaire (Gard, 30) and Tarascon (Bouches-du-Rhône, 13) face each other across the Rhône.
  const tarascon: PointCarte = {
    nom: 'France Services de Tarascon',
    latitude: 43.8058,
    longitude: 4.6603,
    genre: 'france_services',
  }
  const beaucaire: PointCarte = {
    nom: 'Médiathèque de Beaucaire',
    latitude: 43.8083,
    longitude: 4.6436,
    genre: 'lieu',
  }
  const marseille: PointCarte = {
    nom: 'Lieu de Marseille',
    latitude: 43.2965,
    longitude: 5.3698,
    genre: 'lieu',
  }
  const parDepartement: Record<string, PointCarte[]> = { '30': [beaucaire], '13': [tarascon, marseille] }
  const lus: string[] = []
  const deps = {
    lieux: {
      lieuxDuDepartement: async (code: string) => {
        lus.push(code)
        return parDepartement[code] ?? []
      },
    },
  }

  it('une structure de Beaucaire voit le lieu de Tarascon, de l’autre côté du Rhône', async () => {
    const r = await lieuxAutourDe(deps, { latitude: 43.8089, longitude: 4.6442, codeDepartement: '30' })
    expect(r?.map((l) => l.nom)).toEqual(['Médiathèque de Beaucaire', 'France Services de Tarascon'])
    expect(lus).toContain('13')
    expect(lus).not.toContain('05')
  })

  it('une structure sans position n’a pas de lieux proches', async () => {
    expect(
      await lieuxAutourDe(deps, { latitude: null, longitude: null, codeDepartement: '30' }),
    ).toBeUndefined()
  })
})
