import fc from 'fast-check'
import type { SaisieActivite } from '../domain/activite'
import {
  AUTONOMIES,
  MATERIELS,
  NIVEAUX,
  ORIENTATIONS,
  SITUATIONS,
  THEMES,
  TRANCHES_AGE,
  TYPES,
  TYPES_LIEU,
} from '../domain/vocabulaire'
import type { DepsActivites, PortLieux, PortStructures } from '../use-cases/deps'

/** Test builders: fake ports of the other domains and random valid activities. */

export const LIEU_TEST = { id: 'lieu-1', nom: 'Médiathèque de test', codeCommune: '05061' }

export const lieuxFactices: PortLieux = {
  lieuxDeLaStructure: async () => [LIEU_TEST, { id: 'lieu-2', nom: 'Annexe de test', codeCommune: '05061' }],
  franceServicesLaPlusProche: async () => ({
    id: 'fs-1',
    nom: 'France Services de Gap',
    commune: 'Gap',
    distanceKm: 1.2,
  }),
}

/** Structures named `dep-XX-RR` are in département XX of région RR; others are unknown. */
export const structuresFactices: PortStructures = {
  territoireDeStructure: async (id) => {
    const m = /^dep-(\w+)-(\w+)/.exec(id)
    return m
      ? { nom: `Structure ${id}`, codeCommune: null, codeDepartement: m[1]!, codeRegion: m[2]! }
      : undefined
  },
}

export function depsDeTest(db: DepsActivites['db'], horloge = () => new Date()): DepsActivites {
  return {
    db,
    horloge,
    lieux: lieuxFactices,
    structures: structuresFactices,
    diagnostic: { resultatsDuBeneficiaire: async () => [] },
  }
}

const v = <V extends string>(l: readonly { valeur: V }[]): fc.Arbitrary<V> =>
  fc.constantFrom(...l.map((o) => o.valeur))

export const arbSaisie = (beneficiaires: readonly string[] = []): fc.Arbitrary<SaisieActivite> =>
  fc
    .record({
      id: fc.uuid({ version: 4 }),
      type: v(TYPES),
      date: fc
        .integer({ min: 0, max: 500 })
        .map((j) => new Date(Date.UTC(2024, 0, 1) + j * 86_400_000).toISOString().slice(0, 10)),
      duree: fc.integer({ min: 1, max: 720 }),
      lieuType: v(TYPES_LIEU),
      participants: fc.integer({ min: 1, max: 30 }),
      niveau: fc.option(v(NIVEAUX), { nil: null }),
      materiels: fc.uniqueArray(v(MATERIELS.filter((m) => m.valeur !== 'aucun')), { maxLength: 3 }),
      themes: fc.uniqueArray(v(THEMES), { minLength: 1, maxLength: 4 }),
      autonomie: fc.option(v(AUTONOMIES), { nil: null }),
      orientation: v(ORIENTATIONS),
      age: v(TRANCHES_AGE),
      situation: v(SITUATIONS),
      ageConnu: fc.integer({ min: 0, max: 30 }),
      beneficiaire: beneficiaires.length
        ? fc.option(fc.constantFrom(...beneficiaires), { nil: null })
        : fc.constant(null),
    })
    .map((r): SaisieActivite => {
      const collectif = r.type === 'collectif'
      const participants = collectif ? r.participants : 1
      const connu = Math.min(r.ageConnu, participants)
      const ages: Record<string, number> = collectif ? { [r.age]: connu } : { [r.age]: 1 }
      if (collectif && participants - connu > 0) ages.nc = (ages.nc ?? 0) + participants - connu
      return {
        id: r.id,
        type: r.type,
        date: r.date,
        duree: r.duree,
        lieuType: r.lieuType,
        lieuId: r.lieuType === 'lieu_activite' ? LIEU_TEST.id : null,
        codeCommuneLieu: r.lieuType === 'domicile' ? '05061' : null,
        participants,
        niveau: collectif ? r.niveau : null,
        titre: null,
        materiels: r.materiels,
        themes: r.themes,
        autonomie: r.autonomie,
        orientation: r.orientation,
        orientationPrecision: null,
        franceServicesId: null,
        ages: Object.fromEntries(Object.entries(ages).filter(([, n]) => n > 0)),
        situations: { [r.situation]: participants },
        codeCommuneBeneficiaire: null,
        beneficiaireId: collectif ? null : r.beneficiaire,
      }
    })
