import fc from 'fast-check'
import { distance } from 'geokdbush'
import { describe, expect, it } from 'vitest'
import { creerReferentielCommunes } from '../../../platform/geo/communes'
import type { Lieu } from './lieu'
import { creerIndex, distanceEnFrancais } from './recherche'
import { SERVICES } from './vocabulaires'

let n = 0
function lieuTest(p: Partial<Lieu> = {}): Lieu {
  n++
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    idSource: `t${n}`,
    source: 'test',
    pivot: '00000000000000',
    nom: `Lieu ${n}`,
    commune: 'Marseille',
    codePostal: '13001',
    codeInsee: '13055',
    adresse: '1 rue',
    complementAdresse: null,
    latitude: 43.3,
    longitude: 5.4,
    origineCoordonnees: 'fichier',
    typologie: [],
    telephone: null,
    courriels: [],
    siteWeb: [],
    horaires: null,
    horairesReconnus: true,
    presentationResume: null,
    presentationDetail: null,
    itinerance: [],
    structureParente: null,
    dateMaj: '2025-01-01',
    services: ['Aide aux démarches administratives'],
    publicsSpecifiquementAdresses: [],
    priseEnChargeSpecifique: [],
    fraisACharge: [],
    dispositifProgrammesNationaux: [],
    formationsLabels: [],
    autresFormationsLabels: [],
    modalitesAcces: [],
    modalitesAccompagnement: [],
    ficheAccesLibre: null,
    priseRdv: null,
    structureId: null,
    problemes: [],
    modifieLe: new Date(),
    ...p,
  }
}

const marseille = { latitude: 43.2965, longitude: 5.3698 }
const base = { instant: new Date('2025-01-07T09:30:00Z'), page: 1, parPage: 10 }

describe('recherche par distance et filtres', () => {
  const proche = lieuTest({ nom: 'Proche', latitude: 43.297, longitude: 5.37 })
  const moyen = lieuTest({
    nom: 'Moyen',
    latitude: 43.35,
    longitude: 5.4,
    services: ['Maîtrise des outils numériques du quotidien'],
    fraisACharge: ['Gratuit'],
    horaires: 'Mo-Fr 09:00-17:00',
  })
  const fs = lieuTest({
    nom: 'France services',
    latitude: 43.4,
    longitude: 5.45,
    dispositifProgrammesNationaux: ['France Services'],
  })
  const seniors = lieuTest({
    nom: 'Seniors',
    latitude: 43.31,
    longitude: 5.38,
    publicsSpecifiquementAdresses: ['Seniors'],
  })
  const loin = lieuTest({ nom: 'Gap', latitude: 44.56, longitude: 6.08, codePostal: '05000' })
  const sansPoint = lieuTest({ nom: 'Sans point', latitude: null, longitude: null })
  const index = creerIndex([loin, fs, moyen, proche, seniors, sansPoint])

  it('trie par distance et donne la distance', () => {
    const r = index.rechercher({ ...base, position: marseille, rayonKm: 50 })
    expect(r.resultats.map((x) => x.lieu.nom)).toEqual(['Proche', 'Seniors', 'Moyen', 'France services'])
    expect(r.total).toBe(4)
    expect(r.resultats[0]!.distanceKm).toBeLessThan(0.1)
  })
  it('filtre par service (l’un des services demandés), programme, gratuité', () => {
    expect(
      index
        .rechercher({
          ...base,
          position: marseille,
          services: ['Maîtrise des outils numériques du quotidien'],
        })
        .resultats.map((x) => x.lieu.nom),
    ).toEqual(['Moyen'])
    expect(
      index
        .rechercher({ ...base, position: marseille, dispositifs: ['France Services'] })
        .resultats.map((x) => x.lieu.nom),
    ).toEqual(['France services'])
    expect(
      index.rechercher({ ...base, position: marseille, gratuit: true }).resultats.map((x) => x.lieu.nom),
    ).toEqual(['Moyen'])
  })
  it('un filtre de public garde les lieux ouverts à tous et ceux dédiés à ce public', () => {
    const noms = index
      .rechercher({ ...base, position: marseille, rayonKm: 50, publics: ['Jeunes'] })
      .resultats.map((x) => x.lieu.nom)
    expect(noms).not.toContain('Seniors')
    expect(noms).toContain('Proche')
  })
  it('« ouvert maintenant » écarte les lieux fermés et ceux sans horaires connus', () => {
    // 9 h 30 UTC = 10 h 30 à Paris, un mardi.
    expect(
      index
        .rechercher({ ...base, position: marseille, ouvertMaintenant: true })
        .resultats.map((x) => x.lieu.nom),
    ).toEqual(['Moyen'])
    const dimanche = { ...base, instant: new Date('2025-01-12T09:30:00Z') }
    expect(index.rechercher({ ...dimanche, position: marseille, ouvertMaintenant: true }).resultats).toEqual(
      [],
    )
  })
  it('pagine sans position par ordre alphabétique, et compte tout', () => {
    const r = index.rechercher({ ...base, page: 2, parPage: 4 })
    expect(r.total).toBe(6)
    expect(r.resultats.map((x) => x.lieu.nom)).toEqual(['Sans point', 'Seniors'])
  })
  it('écrit les distances simplement', () => {
    expect(distanceEnFrancais(0.34)).toBe('340 m')
    expect(distanceEnFrancais(2.44)).toBe('2,4 km')
    expect(distanceEnFrancais(35.2)).toBe('35 km')
  })

  it('propriété : résultats dans le rayon, du plus proche au plus éloigné, pages sans trou ni doublon', () => {
    const point = fc.record({
      latitude: fc.double({ min: 42, max: 45, noNaN: true }),
      longitude: fc.double({ min: 4, max: 8, noNaN: true }),
    })
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 60 }),
        point,
        fc.integer({ min: 1, max: 300 }),
        (points, centre, rayon) => {
          const idx = creerIndex(points.map((p) => lieuTest(p)))
          const tout = idx.rechercher({ ...base, position: centre, rayonKm: rayon, parPage: 1000 })
          const d = tout.resultats.map((x) => x.distanceKm!)
          for (let i = 1; i < d.length; i++) expect(d[i]!).toBeGreaterThanOrEqual(d[i - 1]!)
          for (const x of d) expect(x).toBeLessThanOrEqual(rayon + 1e-9)
          for (const x of tout.resultats)
            expect(x.distanceKm).toBe(
              distance(centre.longitude, centre.latitude, x.lieu.longitude!, x.lieu.latitude!),
            )
          const attendus = points.filter(
            (p) => distance(centre.longitude, centre.latitude, p.longitude, p.latitude) <= rayon,
          ).length
          expect(tout.total).toBe(attendus)
          const pages = [1, 2, 3].flatMap(
            (page) =>
              idx.rechercher({ ...base, position: centre, rayonKm: rayon, page, parPage: 7 }).resultats,
          )
          expect(pages.map((x) => x.lieu.id)).toEqual(tout.resultats.slice(0, 21).map((x) => x.lieu.id))
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('recherche par service (arbre des lieux offrant ce service)', () => {
  it('propriété : mêmes lieux, mêmes distances et même total qu’un filtre naïf, avec ou sans rayon', () => {
    const lieuAleatoire = fc.record({
      latitude: fc.double({ min: 43, max: 44, noNaN: true }),
      longitude: fc.double({ min: 5, max: 6, noNaN: true }),
      services: fc.subarray([...SERVICES]),
    })
    fc.assert(
      fc.property(
        fc.array(lieuAleatoire, { minLength: 0, maxLength: 80 }),
        fc.constantFrom(...SERVICES),
        fc.record({
          latitude: fc.double({ min: 43, max: 44, noNaN: true }),
          longitude: fc.double({ min: 5, max: 6, noNaN: true }),
        }),
        fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
        (lieux, service, centre, rayon) => {
          const idx = creerIndex(lieux.map((l) => lieuTest(l)))
          const attendus = idx
            .tous()
            .filter((l) => l.services.includes(service))
            .map((l) => ({
              id: l.id,
              d: distance(centre.longitude, centre.latitude, l.longitude!, l.latitude!),
            }))
            .filter((x) => rayon === undefined || x.d <= rayon)
            .sort((a, b) => a.d - b.d)
          const r = idx.rechercher({
            ...base,
            position: centre,
            ...(rayon === undefined ? {} : { rayonKm: rayon }),
            services: [service],
            parPage: 5,
          })
          expect(r.total).toBe(rayon === undefined ? null : attendus.length)
          expect(r.resultats.map((x) => x.distanceKm)).toEqual(attendus.slice(0, 5).map((x) => x.d))
          for (const x of r.resultats) expect(x.lieu.services).toContain(service)
          expect(r.suite).toBe(attendus.length > 5)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('lieux d’une structure', () => {
  it('donne les lieux gérés par une structure, par ordre de nom, et rien pour une autre', () => {
    const s1 = '11111111-1111-4111-8111-111111111111'
    const b = lieuTest({ nom: 'Bibliothèque', structureId: s1 })
    const a = lieuTest({ nom: 'Atelier', structureId: s1 })
    const autre = lieuTest({ nom: 'Autre', structureId: '22222222-2222-4222-8222-222222222222' })
    const idx = creerIndex([b, autre, a, lieuTest({ nom: 'Sans structure' })])
    expect(idx.deLaStructure(s1).map((l) => l.nom)).toEqual(['Atelier', 'Bibliothèque'])
    expect(idx.deLaStructure('33333333-3333-4333-8333-333333333333')).toEqual([])
  })
})

describe('doublons entre sources', () => {
  const panier = (p: Partial<Lieu>) =>
    lieuTest({ nom: 'France services Marseille 2ème - Panier', codePostal: '13002', ...p })

  it('montre une seule fois le même lieu publié par deux sources, le plus récent', () => {
    const hub = panier({ source: 'hub-sud', dateMaj: '2023-05-17', latitude: 43.2972, longitude: 5.3687 })
    const national = panier({
      source: 'france-services',
      nom: 'FRANCE SERVICES Marseille 2eme – Panier',
      dateMaj: '2022-12-01',
      latitude: 43.2974,
      longitude: 5.3689,
    })
    const idx = creerIndex([national, hub])
    const r = idx.rechercher({ ...base, position: { latitude: 43.3, longitude: 5.37 }, rayonKm: 5 })
    expect(r.resultats.map((x) => x.lieu.id)).toEqual([hub.id])
    expect(r.total).toBe(1)
    expect(idx.estDoublon(national.id)).toBe(true)
    expect(idx.parId(national.id)).toBe(national)
  })

  it('garde les deux quand ils sont loin, dans la même source, ou de noms différents', () => {
    const a = panier({ source: 'a', latitude: 43.2972, longitude: 5.3687 })
    const loin = panier({ source: 'b', latitude: 43.31, longitude: 5.3687 })
    const memeSource = panier({ source: 'a', latitude: 43.2972, longitude: 5.3687 })
    const autreNom = panier({
      source: 'c',
      nom: 'Médiathèque du Panier',
      latitude: 43.2972,
      longitude: 5.3687,
    })
    const idx = creerIndex([a, loin, memeSource, autreNom])
    const r = idx.rechercher({ ...base, position: { latitude: 43.3, longitude: 5.37 }, rayonKm: 5 })
    expect(r.total).toBe(4)
  })
})

describe('communes', () => {
  const c = creerReferentielCommunes([
    {
      code: '93066',
      nom: 'Saint-Denis',
      departement: '93',
      latitude: 48.9,
      longitude: 2.35,
      population: 113000,
      codesPostaux: ['93200', '93210'],
    },
    {
      code: '97411',
      nom: 'Saint-Denis',
      departement: '974',
      latitude: -20.9,
      longitude: 55.45,
      population: 153000,
      codesPostaux: ['97400'],
    },
    {
      code: '13055',
      nom: 'Marseille',
      departement: '13',
      latitude: 43.3,
      longitude: 5.38,
      population: 870000,
      codesPostaux: ['13001', '13003'],
    },
    {
      code: '13001',
      nom: 'Aix-en-Provence',
      departement: '13',
      latitude: 43.53,
      longitude: 5.45,
      population: 147000,
      codesPostaux: ['13090', '13100'],
    },
  ])
  it('trouve par nom sans accents ni tirets, par code postal, et par début de nom', () => {
    expect(c.rechercher('aix en provence')[0]?.code).toBe('13001')
    expect(c.rechercher('13003')[0]?.code).toBe('13055')
    expect(c.rechercher('mars')[0]?.code).toBe('13055')
    expect(c.rechercher('st denis').map((x) => x.departement)).toEqual(['974', '93'])
  })
  it('localise une adresse par code INSEE, sinon par code postal et nom (arrondissements compris)', () => {
    expect(c.localiser({ codeInsee: '13055' })?.nom).toBe('Marseille')
    expect(c.localiser({ codePostal: '13003', commune: 'Marseille 3e Arrondissement' })?.code).toBe('13055')
    expect(c.localiser({ codePostal: '99999', commune: 'Nulle part' })).toBeUndefined()
  })
})
