import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ajouterMois, HORIZON_MOIS, problemeDateAVenir } from './dates'

describe('dates des formulaires', () => {
  it('ajoute des mois en restant dans le mois visé', () => {
    expect(ajouterMois('2026-08-31', 6)).toBe('2027-02-28')
    expect(ajouterMois('2028-08-31', 6)).toBe('2029-02-28')
    expect(ajouterMois('2027-08-31', 6)).toBe('2028-02-29')
    expect(ajouterMois('2026-11-23', -6)).toBe('2026-05-23')
    expect(ajouterMois('2026-03-31', -1)).toBe('2026-02-28')
    expect(ajouterMois('2026-01-15', 24)).toBe('2028-01-15')
  })

  it('refuse une date passée, accepte aujourd’hui, refuse au-delà de l’horizon', () => {
    expect(problemeDateAVenir('2026-11-22', '2026-11-23')).toBe('passee')
    expect(problemeDateAVenir('2026-11-23', '2026-11-23')).toBeUndefined()
    expect(problemeDateAVenir(ajouterMois('2026-11-23', HORIZON_MOIS), '2026-11-23')).toBeUndefined()
    expect(problemeDateAVenir('2028-11-24', '2026-11-23')).toBe('trop_lointaine')
  })

  it('laisse une date déjà enregistrée, même passée, mais pas une nouvelle date passée', () => {
    expect(problemeDateAVenir('2026-03-01', '2026-11-23', '2026-03-01')).toBeUndefined()
    expect(problemeDateAVenir('2026-03-02', '2026-11-23', '2026-03-01')).toBe('passee')
  })

  it('propriété : ajouter n mois puis les retirer ne s’éloigne jamais de plus de 3 jours', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.integer({ min: -60, max: 60 }),
        (d, n) => {
          const iso = d.toISOString().slice(0, 10)
          const aller = ajouterMois(iso, n)
          const retour = ajouterMois(aller, -n)
          const ecart = (Date.parse(iso) - Date.parse(retour)) / 86_400_000
          expect(ecart).toBeGreaterThanOrEqual(0)
          expect(ecart).toBeLessThanOrEqual(3)
        },
      ),
    )
  })
})
