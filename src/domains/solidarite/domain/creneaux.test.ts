import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dateLocale, estJourOuvre } from '../../../platform/calendrier'
import { creneauChoisi, creneauxProposes, HORAIRES_NATIONAUX } from './creneaux'

const JEUDI_8H_PARIS = new Date('2026-12-03T07:00:00Z')

describe('créneaux de rappel', () => {
  it('propose trois jours ouvrés de créneaux, dans l’heure de la personne', () => {
    const c = creneauxProposes(JEUDI_8H_PARIS, 'Europe/Paris')
    expect(c).toHaveLength(12)
    expect(c[0]).toMatchObject({ id: '2026-12-03_matin', libelle: 'jeudi 3 décembre, le matin (9 h – 12 h)' })
    expect(c[3]?.libelle).toBe('jeudi 3 décembre, en fin de journée (17 h – 18 h)')
    // Saturday and Sunday are skipped: Friday, then Monday.
    expect(c.map((x) => x.id.slice(0, 10))).toEqual(
      expect.arrayContaining(['2026-12-03', '2026-12-04', '2026-12-07']),
    )
    expect(c.some((x) => x.id.startsWith('2026-12-05'))).toBe(false)
  })

  it('ne propose plus un créneau qui finit bientôt, et raccourcit celui qui a commencé', () => {
    const a10h45 = creneauxProposes(new Date('2026-12-03T09:45:00Z'), 'Europe/Paris')
    expect(a10h45[0]?.libelle).toBe('jeudi 3 décembre, le matin (10 h 45 – 12 h)')
    const a11h15 = creneauxProposes(new Date('2026-12-03T10:15:00Z'), 'Europe/Paris')
    expect(a11h15[0]?.id).toBe('2026-12-03_midi')
  })

  it('à La Réunion, pas de matin (les médiateurs dorment encore) et l’après-midi en heure de La Réunion', () => {
    const c = creneauxProposes(JEUDI_8H_PARIS, 'Indian/Reunion')
    expect(c.some((x) => x.id.endsWith('_matin'))).toBe(false)
    const apresMidi = c.find((x) => x.id === '2026-12-03_apres-midi')
    expect(apresMidi?.libelle).toBe('jeudi 3 décembre, l’après-midi (14 h – 17 h)')
    expect(apresMidi?.debut.toISOString()).toBe('2026-12-03T10:00:00.000Z')
  })

  it('en Polynésie, aucun créneau commun : le formulaire ne propose que « dès que possible »', () => {
    expect(creneauxProposes(JEUDI_8H_PARIS, 'Pacific/Tahiti')).toEqual([])
  })

  it('ne propose que des créneaux tenus par les médiateurs, d’au moins une heure, jamais passés', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2028, 0, 1) / 60_000 }),
        fc.constantFrom(
          'Europe/Paris',
          'Indian/Reunion',
          'America/Martinique',
          'America/Cayenne',
          'Indian/Mayotte',
        ),
        (minute, fuseau) => {
          const maintenant = new Date(minute * 60_000)
          const c = creneauxProposes(maintenant, fuseau)
          expect(new Set(c.map((x) => x.id)).size).toBe(c.length)
          for (const x of c) {
            expect(x.fin.getTime() - x.debut.getTime()).toBeGreaterThanOrEqual(3_600_000)
            expect(x.debut.getTime()).toBeGreaterThanOrEqual(maintenant.getTime())
            for (const t of [x.debut, new Date(x.fin.getTime() - 1)]) {
              const l = dateLocale(t, HORAIRES_NATIONAUX.fuseau)
              expect(estJourOuvre(l)).toBe(true)
              expect(l.minutes).toBeGreaterThanOrEqual(HORAIRES_NATIONAUX.de)
              expect(l.minutes).toBeLessThan(HORAIRES_NATIONAUX.a)
            }
          }
          if (c[0]) expect(creneauChoisi(c[0].id, maintenant, fuseau)).toEqual(c[0])
        },
      ),
      { numRuns: 100 },
    )
  })

  it('refuse un créneau passé ou inventé', () => {
    expect(
      creneauChoisi('2026-12-03_matin', new Date('2026-12-03T12:00:00Z'), 'Europe/Paris'),
    ).toBeUndefined()
    expect(creneauChoisi('2026-12-05_matin', JEUDI_8H_PARIS, 'Europe/Paris')).toBeUndefined()
    expect(creneauChoisi('n’importe quoi', JEUDI_8H_PARIS, 'Europe/Paris')).toBeUndefined()
  })
})
