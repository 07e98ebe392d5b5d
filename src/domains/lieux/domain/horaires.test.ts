import fc from 'fast-check'
import OpeningHours from 'opening_hours'
import { describe, expect, it } from 'vitest'
import {
  ecrireHorairesSemaine,
  estOuvert,
  etatOuverture,
  heureEnFrancais,
  joursFeries,
  lireHoraires,
  phraseOuverture,
  plagesDuJour,
  semaineIso,
} from './horaires'

/** The reference implementation, told we are in France (it needs a country for `PH`). */
const oracle = (s: string) =>
  new OpeningHours(s, {
    lat: 43.3,
    lon: 5.4,
    address: { country_code: 'fr', state: 'Provence-Alpes-Côte d’Azur' },
  } as never)

const h = (s: string) => {
  const r = lireHoraires(s)
  if (!r.ok) throw new Error(r.erreur)
  return r.horaires
}
// Instants in Paris time, written as UTC+1 (winter) or UTC+2 (summer).
const paris = (iso: string) => new Date(iso)

describe('lecture des horaires (OSM opening_hours, sous-ensemble des fichiers réels)', () => {
  it.each([
    'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00',
    'We,Sa 10:00-12:00,14:00-18:00; Th,Fr 13:30-18:00',
    'week 1-53/2 Mo 09:30-12:30,13:30-15:30; PH off',
    'Mo-Fr 07:30-11:30,12:15-16:00',
    '24/7',
    'Mo-Fr 09:00-17:00 "sur rendez-vous le vendredi"',
    'Mo-Sa 09:00-12:00; We off',
  ])('accepte « %s »', (s) => {
    expect(lireHoraires(s).ok).toBe(true)
  })

  it.each([
    ['Mo-Fr 09:00-19:00; Sa 17:00', 'plage horaire'],
    ['Mo 08:45-12:00-13:45', 'plage horaire'],
    ['Sun 10:00-12:00', 'jour non reconnu'],
    ['Mo :undefined-17:00', 'plage horaire'],
    ['Mo 12:00-09:00', 'finit avant'],
    ['', 'vides'],
    ['Mo-Fr 09:00-12:00;; Sa 10:00-11:00', 'règle vide'],
  ])('refuse « %s » en disant pourquoi', (s, motif) => {
    const r = lireHoraires(s)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.erreur).toContain(motif)
  })

  it('fusionne les plages qui se chevauchent ou se répètent, comme OSM', () => {
    expect(h('Fr 08:30-17:00,08:30-17:00').regles[0]?.plages).toEqual([[510, 1020]])
  })
})

describe('ouvert maintenant', () => {
  const horaires = h('Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off')
  it('ouvert un mardi à 10 h à Paris, fermé à 13 h, fermé le dimanche', () => {
    expect(estOuvert(horaires, paris('2025-01-07T10:00:00+01:00'), 'Europe/Paris')).toBe(true)
    expect(estOuvert(horaires, paris('2025-01-07T13:00:00+01:00'), 'Europe/Paris')).toBe(false)
    expect(estOuvert(horaires, paris('2025-01-12T10:00:00+01:00'), 'Europe/Paris')).toBe(false)
  })
  it('fermé les jours fériés (lundi de Pâques 2025, 14 juillet)', () => {
    expect(estOuvert(horaires, paris('2025-04-21T10:00:00+02:00'), 'Europe/Paris')).toBe(false)
    expect(estOuvert(horaires, paris('2025-07-14T10:00:00+02:00'), 'Europe/Paris')).toBe(false)
    expect(joursFeries(2025).has('5-29')).toBe(true) // Ascension
  })
  it('prend l’heure locale du lieu : 10 h à La Réunion, c’est 7 h à Paris', () => {
    const instant = paris('2025-01-07T07:00:00+01:00')
    expect(estOuvert(horaires, instant, 'Indian/Reunion')).toBe(true)
    expect(estOuvert(horaires, instant, 'Europe/Paris')).toBe(false)
  })
  it('semaines impaires seulement avec « week 1-53/2 »', () => {
    const impaires = h('week 1-53/2 Mo 09:00-12:00')
    expect(semaineIso({ annee: 2025, mois: 1, jourDuMois: 6 })).toBe(2)
    expect(estOuvert(impaires, paris('2025-01-06T10:00:00+01:00'), 'Europe/Paris')).toBe(false)
    expect(estOuvert(impaires, paris('2025-01-13T10:00:00+01:00'), 'Europe/Paris')).toBe(true)
  })
  it('dit en français simple jusqu’à quand et quand ça rouvre', () => {
    expect(phraseOuverture(etatOuverture(horaires, paris('2025-01-07T10:00:00+01:00'), 'Europe/Paris'))).toBe(
      'Ouvert jusqu’à 12 h',
    )
    expect(phraseOuverture(etatOuverture(horaires, paris('2025-01-07T12:30:00+01:00'), 'Europe/Paris'))).toBe(
      'Fermé, ouvre aujourd’hui à 14 h',
    )
    expect(phraseOuverture(etatOuverture(horaires, paris('2025-01-07T18:00:00+01:00'), 'Europe/Paris'))).toBe(
      'Fermé, ouvre demain à 9 h',
    )
    expect(phraseOuverture(etatOuverture(horaires, paris('2025-01-11T13:00:00+01:00'), 'Europe/Paris'))).toBe(
      'Fermé, ouvre lundi à 9 h',
    )
    expect(heureEnFrancais(570)).toBe('9 h 30')
  })
})

// ——— Property tests ———

const jour = fc.constantFrom('Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su')
const selecteurJours = fc
  .array(
    fc.oneof(
      jour,
      fc.tuple(jour, jour).map(([a, b]) => `${a}-${b}`),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((l) => [...new Set(l)].join(','))
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
const plages = fc
  .uniqueArray(fc.integer({ min: 0, max: 95 }), { minLength: 2, maxLength: 6 })
  .filter((l) => l.length % 2 === 0)
  .map((l) => {
    const t = [...l].sort((a, b) => a - b).map((x) => x * 15)
    const res: string[] = []
    for (let i = 0; i < t.length; i += 2) res.push(`${hhmm(t[i]!)}-${hhmm(t[i + 1]!)}`)
    return res.join(',')
  })
const regle = fc.oneof(
  fc.tuple(selecteurJours, plages).map(([j, p]) => `${j} ${p}`),
  selecteurJours.map((j) => `${j} off`),
)
const horairesValides = fc.array(regle, { minLength: 1, maxLength: 4 }).map((r) => r.join('; '))

describe('propriétés de la lecture des horaires', () => {
  it('ne plante jamais, quelle que soit la chaîne, et donne un motif quand elle refuse', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = lireHoraires(s)
        if (!r.ok) expect(r.erreur.length).toBeGreaterThan(0)
      }),
      { numRuns: 2000 },
    )
  })

  it('accepte toute valeur de la grammaire, que la bibliothèque opening_hours accepte aussi', () => {
    fc.assert(
      fc.property(horairesValides, (s) => {
        expect(lireHoraires(s).ok).toBe(true)
        expect(() => oracle(s)).not.toThrow()
      }),
      { numRuns: 500 },
    )
  })

  it('n’accepte rien que opening_hours refuse (chaînes faites de morceaux de la syntaxe)', () => {
    const morceau = fc.constantFrom(
      'Mo',
      'Fr',
      'Sa',
      '-',
      ',',
      ';',
      ' ',
      '09:00',
      '12:30',
      '24:00',
      'off',
      'PH',
      'week',
      '1-53/2',
      '"x"',
      '25:00',
      ':',
    )
    fc.assert(
      fc.property(
        fc.array(morceau, { minLength: 1, maxLength: 10 }).map((l) => l.join('')),
        (s) => {
          if (lireHoraires(s).ok) expect(() => oracle(s)).not.toThrow()
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('dit ouvert ou fermé comme opening_hours, à tout instant', () => {
    fc.assert(
      fc.property(
        horairesValides,
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2026-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (s, instant) => {
          // The process runs in UTC, which opening_hours uses as local time.
          expect(estOuvert(h(s), instant, 'UTC')).toBe(oracle(s).getState(instant))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('relit à l’identique une semaine qu’il a écrite', () => {
    const semaine = fc.array(
      fc.constantFrom(
        [],
        [[540, 720]] as const,
        [
          [540, 720],
          [840, 1020],
        ] as const,
      ),
      { minLength: 7, maxLength: 7 },
    )
    fc.assert(
      fc.property(semaine, (s) => {
        const texte = ecrireHorairesSemaine(s as unknown as [number, number][][])
        if (!texte) return
        const lu = h(texte)
        for (let j = 0; j < 7; j++) {
          // 2025-01-06 is a Monday.
          const d = { annee: 2025, mois: 1, jourDuMois: 6 + j, jourSemaine: j, minutes: 0 }
          expect(plagesDuJour(lu, d)).toEqual(s[j])
        }
      }),
    )
  })
})
