import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fichierNational } from '../../../../bench/lieux/fichier-national'
import { referentielCommunes } from '../../../platform/geo/referentiel-communes'
import { identifiantAcceslibre } from './accessibilite'
import { serviceDataInclusionSchema, structureDataInclusionSchema, versDataInclusion } from './data-inclusion'
import { exporterLieu } from './export'
import { analyserLigne } from './import-ligne'
import type { Lieu } from './lieu'

const communes = referentielCommunes()
const ctx = { sourceParDefaut: 'essai', aujourdhui: '2026-12-03', localiserCommune: communes.localiser }

/** The places a generated national file gives once imported (the generator's seed varies the country). */
function lieuxDuFichier(graine: number, n: number): Lieu[] {
  return fichierNational({ lieux: n, graine }).lignes.flatMap((brute, i) => {
    const a = analyserLigne(brute, i + 2, ctx)
    return a.lieu
      ? [
          {
            ...a.lieu,
            id: `5b0e6c1e-0000-4000-8000-${String(i).padStart(12, '0')}`,
            structureId: null,
            problemes: [],
            modifieLe: new Date(),
          },
        ]
      : []
  })
}

describe('export au schéma data·inclusion', () => {
  it('tout lieu que la bibliothèque ANCT accepte donne une structure et un service valides, quel que soit le fichier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (graine) => {
        for (const l of lieuxDuFichier(graine, 40)) {
          const d = versDataInclusion(l, 'https://escale.exemple.fr')
          expect(d === undefined).toBe(!exporterLieu(l).ok)
          if (!d) continue
          expect(structureDataInclusionSchema.safeParse(d.structure).error?.issues ?? []).toEqual([])
          expect(serviceDataInclusionSchema.safeParse(d.service).error?.issues ?? []).toEqual([])
          expect(d.service.structure_id).toBe(d.structure.id)
          // The placeholder SIRET of the files is never published as a SIRET.
          if (l.pivot === '00000000000000') expect(d.structure.siret).toBeUndefined()
        }
      }),
      { numRuns: 15 },
    )
  })
})

describe('identifiant d’une fiche Acceslibre', () => {
  it('retrouve l’identifiant de toute adresse de fiche, et rien d’une autre adresse', () => {
    const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,60}$/)
    fc.assert(
      fc.property(slug, fc.constantFrom('', '05-gap/a/mairie/'), (s, chemin) => {
        expect(identifiantAcceslibre(`https://acceslibre.beta.gouv.fr/app/${chemin}erp/${s}/`)).toBe(s)
        expect(identifiantAcceslibre(`https://exemple.fr/app/erp/${s}/`)).toBeUndefined()
      }),
    )
    fc.assert(
      fc.property(fc.string(), (texte) => {
        const id = identifiantAcceslibre(texte)
        expect(id === undefined || /^[a-z0-9-]+$/.test(id)).toBe(true)
      }),
    )
    expect(identifiantAcceslibre('https://acceslibre.beta.gouv.fr/recherche/?what=mairie')).toBeUndefined()
  })
})
