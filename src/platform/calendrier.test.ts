import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dateLocale, estJourOuvre, instantLocal, joursFeries } from './calendrier'

const FUSEAUX = [
  'Europe/Paris',
  'Indian/Reunion',
  'America/Cayenne',
  'Pacific/Tahiti',
  'Pacific/Noumea',
  'America/Miquelon',
]

describe('calendrier', () => {
  it('place une heure locale au bon instant, outre-mer et heure d’été compris', () => {
    const jour = (annee: number, mois: number, jourDuMois: number) => ({ annee, mois, jourDuMois })
    expect(instantLocal(jour(2026, 12, 3), 9 * 60, 'Europe/Paris').toISOString()).toBe(
      '2026-12-03T08:00:00.000Z',
    )
    expect(instantLocal(jour(2026, 7, 3), 9 * 60, 'Europe/Paris').toISOString()).toBe(
      '2026-07-03T07:00:00.000Z',
    )
    expect(instantLocal(jour(2026, 12, 3), 9 * 60, 'Indian/Reunion').toISOString()).toBe(
      '2026-12-03T05:00:00.000Z',
    )
    expect(instantLocal(jour(2026, 12, 3), 9 * 60, 'Pacific/Tahiti').toISOString()).toBe(
      '2026-12-03T19:00:00.000Z',
    )
  })

  it('relit chaque instant à lui-même, sauf l’heure d’automne qui arrive deux fois', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 }),
        fc.constantFrom(...FUSEAUX),
        (minute, fuseau) => {
          const t = new Date(minute * 60_000)
          const l = dateLocale(t, fuseau)
          const relu = instantLocal(l, l.minutes, fuseau)
          const uneHeurePlusTot = dateLocale(new Date(t.getTime() - 3_600_000), fuseau)
          const heureDoublee =
            uneHeurePlusTot.minutes === l.minutes && uneHeurePlusTot.jourDuMois === l.jourDuMois
          expect(relu.getTime()).toBe(heureDoublee ? t.getTime() - 3_600_000 : t.getTime())
        },
      ),
      { numRuns: 500 },
    )
  })

  it('connaît les jours fériés, Pâques compris, et les jours ouvrés', () => {
    expect([...joursFeries(2026)]).toEqual(expect.arrayContaining(['1-1', '4-6', '5-14', '5-25', '12-25']))
    const ouvre = (iso: string) => estJourOuvre(dateLocale(new Date(`${iso}T12:00:00Z`), 'Europe/Paris'))
    expect(ouvre('2026-12-03')).toBe(true) // jeudi
    expect(ouvre('2026-12-05')).toBe(false) // samedi
    expect(ouvre('2026-12-25')).toBe(false) // Noël, un vendredi
    expect(ouvre('2026-04-06')).toBe(false) // lundi de Pâques
  })
})
