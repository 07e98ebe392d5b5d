import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { enFichier, fichierNational } from '../../../../bench/lieux/fichier-national'
import { type AppDeTest, appDeTest } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { referentielCommunes } from '../../../platform/geo/referentiel-communes'
import { serviceDataInclusionSchema, structureDataInclusionSchema } from '../domain/data-inclusion'
import { creerCatalogueLieux } from '../use-cases/catalogue-lieux'
import { makeImporterLieux } from '../use-cases/importer-lieux'

/** A slice of the generated national file: same generator as the bench, fewer places. */
const NATIONAL = fichierNational({ lieux: 2000, graine: 7 })

describe.each(MOTEURS)('échange des lieux : fichier national, data·inclusion (%s)', (moteur) => {
  let t: AppDeTest
  let importer: ReturnType<typeof makeImporterLieux>
  beforeAll(async () => {
    t = await appDeTest(moteur)
    importer = makeImporterLieux({
      db: t.base.db,
      horloge: () => t.maintenant.valeur,
      communes: referentielCommunes(),
      catalogue: creerCatalogueLieux(t.base.db),
    })
  }, 120_000)
  afterAll(async () => t.fermer())

  it('importe le fichier national en CSV avec le rapport attendu, puis le même en JSON ne change rien', async () => {
    const a = NATIONAL.attendu
    const csv = await importer({
      contenu: enFichier(NATIONAL, 'csv'),
      fichier: 'national.csv',
      source: 'national',
      acteurId: null,
    })
    expect(csv.ok).toBe(true)
    if (!csv.ok) return
    expect(csv.rapport).toMatchObject({ lignes: 2000, crees: 2000 - a.sansAdresse, rejetes: a.sansAdresse })
    expect(csv.rapport.parChamp.adresse?.rejet).toBe(a.sansAdresse)
    expect(csv.rapport.parChamp.courriels?.erreur).toBe(a.courrielsInvalides)
    // Places without coordinates are put at their commune's centre, and the report says so.
    expect(csv.rapport.parChamp.latitude?.avertissement).toBeGreaterThan(0)
    const json = await importer({
      contenu: enFichier(NATIONAL, 'json'),
      fichier: 'national.json',
      source: 'national',
      acteurId: null,
    })
    expect(json.ok && json.rapport).toMatchObject({ crees: 0, misAJour: 0, inchanges: 2000 - a.sansAdresse })
  }, 120_000)

  it('publie les lieux au schéma data·inclusion : structures et services valides, reliés entre eux', async () => {
    const s = await t.app.inject('/api/v1/lieux/export/data-inclusion/structures')
    const v = await t.app.inject('/api/v1/lieux/export/data-inclusion/services')
    expect(s.statusCode).toBe(200)
    expect(s.headers['content-type']).toContain('application/json')
    const structures = z.array(structureDataInclusionSchema).parse(s.json())
    const services = z.array(serviceDataInclusionSchema).parse(v.json())
    const exclus = Number(s.headers['x-lieux-exclus'])
    expect(structures.length + exclus).toBe(2000 - NATIONAL.attendu.sansAdresse)
    expect(structures.length).toBeGreaterThan(1900)
    expect(services).toHaveLength(structures.length)
    const ids = new Set(structures.map((x) => x.id))
    expect(services.every((x) => ids.has(x.structure_id))).toBe(true)
    // A France services carries its national label; a placeholder SIRET is never published as one.
    const fs = structures.find((x) => x.typologie === 'RFS')
    expect(fs?.labels_nationaux).toContain('france-service')
    expect(structures.some((x) => x.siret === '00000000000000')).toBe(false)
    expect(structures.filter((x) => x.siret).length).toBeGreaterThan(1000)
    expect(structures.every((x) => x.lien_source.endsWith(`/lieux/${x.id}`))).toBe(true)
    // The same version of the index answers 304 to a client that has it.
    const encore = await t.app.inject({
      url: '/api/v1/lieux/export/data-inclusion/structures',
      headers: { 'if-none-match': String(s.headers.etag) },
    })
    expect(encore.statusCode).toBe(304)
  })

  it('le schéma data·inclusion refuse ce que la plateforme refuserait', () => {
    const bonne = {
      id: 'a',
      nom: 'Médiathèque',
      commune: 'Gap',
      code_postal: '05000',
      adresse: '1 rue A',
      source: 'escale',
      date_maj: '2026-01-01',
      lien_source: 'https://escale.exemple.fr/lieux/a',
      thematiques: ['numerique'],
    }
    expect(structureDataInclusionSchema.safeParse(bonne).success).toBe(true)
    for (const mauvaise of [
      { ...bonne, code_postal: '5000' },
      { ...bonne, siret: '123' },
      { ...bonne, thematiques: ['Numérique'] },
      { ...bonne, presentation_resume: 'x'.repeat(281) },
      { ...bonne, champ_inconnu: 1 },
      { ...bonne, lien_source: 'ftp://exemple.fr' },
    ])
      expect(structureDataInclusionSchema.safeParse(mauvaise).success).toBe(false)
  })
})
