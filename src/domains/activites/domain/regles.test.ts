import { describe, expect, it } from 'vitest'
import { estModifiable } from './activite'
import { contributions, delta, deltaPresence } from './agregats'
import { uuidV7 } from './identifiant'
import { masquer, masquerRepartition, SEUIL_K_ANONYMAT } from './k-anonymat'
import { resoudre, territoireParDefaut } from './portee'
import { doitSuggererFranceServices, lireSaisie } from './saisie'
import { construireStatistiques, lirePeriode } from './statistiques'

const ID = '0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b'
const lire = (b: Record<string, unknown>) => lireSaisie(b, '2025-06-15', () => ID)
const base = { type: 'individuel', date: '2025-06-14', duree: '30', lieu_type: 'distance', themes: 'email' }

describe('règles du formulaire d’activité', () => {
  it('accepte le cas usuel en quelques champs, anonyme par défaut', () => {
    const r = lire(base)
    expect(r.ok && r.saisie).toMatchObject({
      id: ID,
      participants: 1,
      ages: { nc: 1 },
      situations: { nc: 1 },
      orientation: 'aucune',
    })
  })
  it('refuse une date future, antérieure à 2020 ou invalide', () => {
    expect(lire({ ...base, date: '2025-06-16' })).toMatchObject({
      ok: false,
      erreurs: { date: expect.stringContaining('futur') },
    })
    expect(lire({ ...base, date: '2019-12-31' })).toMatchObject({
      ok: false,
      erreurs: { date: expect.stringContaining('2020') },
    })
    expect(lire({ ...base, date: '2025-02-30' })).toMatchObject({
      ok: false,
      erreurs: { date: expect.any(String) },
    })
  })
  it('exige une durée entre 1 minute et 12 heures ; la durée tapée l’emporte', () => {
    expect(lire({ ...base, duree: '0' })).toMatchObject({ ok: false, erreurs: { duree: expect.any(String) } })
    expect(lire({ ...base, duree_autre: '721' })).toMatchObject({
      ok: false,
      erreurs: { duree_autre: expect.any(String) },
    })
    const r = lire({ ...base, duree_autre: '75' })
    expect(r.ok && r.saisie.duree).toBe(75)
  })
  it('un atelier exige ses participants ; la répartition ne dépasse pas leur nombre, le reste est non communiqué', () => {
    expect(lire({ ...base, type: 'collectif' })).toMatchObject({
      ok: false,
      erreurs: { participants: expect.any(String) },
    })
    expect(
      lire({ ...base, type: 'collectif', participants: '4', age_18_24: '3', age_25_39: '2' }),
    ).toMatchObject({ ok: false })
    const r = lire({ ...base, type: 'collectif', participants: '10', age_70_plus: '4' })
    expect(r.ok && r.saisie.ages).toEqual({ '70_plus': 4, nc: 6 })
  })
  it('un lieu de la structure exige le lieu, le domicile exige la commune', () => {
    expect(lire({ ...base, lieu_type: 'lieu_activite' })).toMatchObject({
      ok: false,
      erreurs: { lieu_id: expect.any(String) },
    })
    expect(lire({ ...base, lieu_type: 'domicile', commune_lieu: '123' })).toMatchObject({
      ok: false,
      erreurs: { commune_lieu: expect.any(String) },
    })
    expect(lire({ ...base, lieu_type: 'domicile', commune_lieu: '2A004' }).ok).toBe(true)
  })
  it('exige au moins un thème connu et refuse « pas de matériel » avec un matériel', () => {
    expect(lire({ ...base, themes: [] })).toMatchObject({
      ok: false,
      erreurs: { themes: 'Thèmes : cochez au moins un thème.' },
    })
    expect(lire({ ...base, themes: ['email', 'inconnu'] })).toMatchObject({ ok: false })
    expect(lire({ ...base, materiels: ['aucun', 'tablette'] })).toMatchObject({
      ok: false,
      erreurs: { materiels: expect.any(String) },
    })
  })
  it('suggère la France Services pour une démarche administrative sans orientation', () => {
    expect(doitSuggererFranceServices({ themes: ['demarche_argent'], orientation: 'aucune' })).toBe(true)
    expect(doitSuggererFranceServices({ themes: ['demarche_argent'], orientation: 'france_services' })).toBe(
      false,
    )
    expect(doitSuggererFranceServices({ themes: ['email'], orientation: 'aucune' })).toBe(false)
  })
  it('ne lève jamais d’exception, quelle que soit l’entrée', () => {
    for (const b of [null, 42, 'x', [], { type: ['a', 'b'] }, { date: {}, duree: [] }])
      expect(lireSaisie(b, '2025-06-15', () => ID).ok).toBe(false)
  })
  it('une activité se modifie pendant 30 jours après son enregistrement', () => {
    const creeLe = new Date('2025-06-01T10:00:00Z')
    expect(estModifiable({ creeLe }, new Date('2025-07-01T09:00:00Z'))).toBe(true)
    expect(estModifiable({ creeLe }, new Date('2025-07-01T11:00:00Z'))).toBe(false)
  })
})

describe('clés d’agrégation', () => {
  const r = lire({
    ...base,
    type: 'collectif',
    participants: '6',
    themes: ['email', 'internet'],
    materiels: 'tablette',
  })
  if (!r.ok) throw new Error('saisie invalide')
  const a = { ...r.saisie, conseillerId: 'c', structureId: 's', codeDepartement: '05', codeRegion: '93' }
  it('un atelier compte une activité et ses participants dans chaque thème, sa durée une fois par ligne', () => {
    const c = contributions(a)
    expect(c.find((l) => l.dimension === 'total')).toMatchObject({
      mois: '2025-06-01',
      activites: 1,
      personnes: 6,
      minutes: 30,
      beneficiaires: 6,
    })
    expect(
      c
        .filter((l) => l.dimension === 'theme')
        .map((l) => l.valeur)
        .sort(),
    ).toEqual(['email', 'internet'])
    expect(c.find((l) => l.dimension === 'age')).toMatchObject({ valeur: 'nc', personnes: 6, minutes: 0 })
  })
  it('une modification ne déplace que la différence ; une suppression annule l’écriture', () => {
    expect(delta(a, a)).toEqual([])
    const d = delta(a, { ...a, date: '2025-07-02' })
    expect(d.filter((l) => l.mois === '2025-06-01').every((l) => l.activites <= 0)).toBe(true)
    expect(delta(a, undefined).map((l) => l.activites)).toEqual(delta(undefined, a).map((l) => -l.activites))
  })
  it('une personne suivie compte une fois par mois', () => {
    expect(deltaPresence(0, 1)).toBe(1)
    expect(deltaPresence(1, 2)).toBe(0)
    expect(deltaPresence(1, 0)).toBe(-1)
  })
})

describe('secret statistique (k-anonymat)', () => {
  it(`masque les effectifs de 1 à ${SEUIL_K_ANONYMAT - 1}, publie 0 et au-delà`, () => {
    expect([0, 1, 4, 5, 100].map(masquer)).toEqual([0, null, null, 5, 100])
  })
  it('masque une seconde case quand une seule serait masquée dans une répartition', () => {
    const r = masquerRepartition([
      { valeur: 'a', n: 3 },
      { valeur: 'b', n: 7 },
      { valeur: 'c', n: 50 },
      { valeur: 'd', n: 0 },
    ])
    expect(r.map((c) => c.publie)).toEqual([null, null, 50, 0])
  })
})

describe('périmètres des statistiques', () => {
  const pref = [{ role: 'prefecture', portee: { type: 'departement', code: '13' } }]
  const coord = [{ role: 'coordinateur', portee: { type: 'region', code: '93' } }]
  const gest = [{ role: 'gestionnaire', portee: { type: 'structure', code: 's1' } }]
  it('chaque rôle voit son périmètre et ce qu’il contient, jamais à côté', () => {
    expect(resoudre('x', pref, { type: 'departement', code: '13' })).toBeTruthy()
    expect(resoudre('x', pref, { type: 'departement', code: '05' })).toBeUndefined()
    expect(resoudre('x', pref, { type: 'national' })).toBeUndefined()
    expect(resoudre('x', coord, { type: 'departement', code: '05' })).toBeTruthy()
    expect(resoudre('x', coord, { type: 'departement', code: '59' })).toBeUndefined()
    expect(
      resoudre('x', pref, { type: 'structure', code: 's1' }, { codeDepartement: '13', codeRegion: '93' }),
    ).toBeTruthy()
    expect(
      resoudre('x', pref, { type: 'structure', code: 's1' }, { codeDepartement: '05', codeRegion: '93' }),
    ).toBeUndefined()
    expect(resoudre('x', gest, { type: 'conseiller', code: 'c' }, undefined, ['s1'])).toEqual({
      niveau: 'conseiller',
      conseillerId: 'c',
      structureId: 's1',
    })
    // A conseiller who never counted anything for the manager's structure is outside their scope.
    expect(resoudre('x', gest, { type: 'conseiller', code: 'c' })).toBeUndefined()
    expect(resoudre('x', gest, { type: 'conseiller', code: 'c' }, undefined, ['s2'])).toBeUndefined()
    expect(
      resoudre('moi', [{ role: 'conseiller', portee: { type: 'structure', code: 's1' } }], {
        type: 'conseiller',
        code: 'autre',
      }),
    ).toBeUndefined()
    expect(territoireParDefaut('x', coord)).toEqual({ type: 'region', code: '93' })
  })
})

describe('statistiques', () => {
  it('liste chaque valeur du vocabulaire, zéros compris, et une série par mois de la période', () => {
    const s = construireStatistiques(
      [
        {
          dimension: 'total',
          valeur: '',
          mois: '2025-02',
          activites: 2,
          personnes: 5,
          minutes: 90,
          beneficiaires: 4,
        },
      ],
      { du: '2025-01', au: '2025-03' },
    )
    expect(s.serie.map((m) => m.personnes)).toEqual([0, 5, 0])
    expect(s.totaux).toMatchObject({ activites: 2, personnes: 5, heures: 1.5, beneficiaires: 4 })
    expect(s.repartitions.theme.length).toBe(25)
  })
  it('refuse une période à l’envers ou mal écrite', () => {
    expect(lirePeriode('2025-05', '2025-01', '2025-06-01')).toMatchObject({ ok: false, champ: 'au' })
    expect(lirePeriode('2025-5', '', '2025-06-01')).toMatchObject({ ok: false, champ: 'du' })
    expect(lirePeriode('', '', '2025-06-01')).toEqual({ ok: true, periode: { du: '2024-07', au: '2025-06' } })
  })
})

describe('identifiants des activités', () => {
  it('UUID version 7 accepté par le formulaire, rangé dans l’ordre du temps', () => {
    const a = uuidV7(Date.UTC(2026, 10, 23, 10, 0, 0))
    const b = uuidV7(Date.UTC(2026, 10, 23, 10, 0, 0, 1))
    const c = uuidV7(Date.UTC(2027, 0, 1))
    for (const id of [a, b, c]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      const r = lireSaisie({ ...base, id }, '2025-06-15', () => ID)
      expect(r.ok && r.saisie.id).toBe(id)
    }
    expect([c, a, b].sort()).toEqual([a, b, c])
    // The first 48 bits are the milliseconds.
    expect(Number.parseInt(a.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 23, 10, 0, 0))
    expect(uuidV7(0, () => new Uint8Array(16).fill(0xff))).toBe('00000000-0000-7fff-bfff-ffffffffffff')
  })
})
