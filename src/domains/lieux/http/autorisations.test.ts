import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { connecterTous, lectures } from '../../../../tests/support/matrice'
import type { Navigateur } from '../../../../tests/support/navigateur'
import { referentielCommunes } from '../../../platform/geo/referentiel-communes'
import type { Habilitation, Role } from '../../comptes'
import { lieux } from '../db/schema'
import { creerCatalogueLieux } from '../use-cases/catalogue-lieux'
import { makeImporterLieux } from '../use-cases/importer-lieux'

// `formateur` is a structure-scoped role like `conseiller`, covered by it.
const HABILITATIONS: Partial<Record<Role, Habilitation[]>> = {
  candidat: H.candidat(),
  conseiller: H.conseiller('structure-a'),
  gestionnaire: H.gestionnaire('structure-a'),
  aidant: H.aidant('org-a'),
  referent: H.referent('org-a'),
  prefecture: H.prefecture('13'),
  coordinateur: H.coordinateur('93'),
  admin: H.admin(),
  mediateur: [{ role: 'mediateur', portee: { type: 'national', code: '', libelle: '' } }],
}
type Qui = Role | 'anonyme' | 'gestionnaire_autre_structure'
const QUI: Qui[] = ['anonyme', ...(Object.keys(HABILITATIONS) as Role[]), 'gestionnaire_autre_structure']

describe.each(MOTEURS)('lieux : autorisations des routes par rôle et par périmètre (%s)', (moteur) => {
  let t: AppDeTest
  let nav = new Map<Qui, Navigateur>()
  let lieuA = ''
  beforeAll(async () => {
    t = await appDeTest(moteur)
    const importer = makeImporterLieux({
      db: t.base.db,
      horloge: () => new Date(),
      communes: referentielCommunes(),
      catalogue: creerCatalogueLieux(t.base.db),
    })
    await importer({
      contenu: Buffer.from(
        JSON.stringify([
          {
            id: 'a',
            nom: 'Lieu A',
            commune: 'Gap',
            code_postal: '05000',
            adresse: '1 rue',
            date_maj: '2025-01-01',
          },
        ]),
      ),
      fichier: 'a.json',
      acteurId: null,
      structureId: 'structure-a',
    })
    const [l] = await t.base.db.select().from(lieux).where(eq(lieux.idSource, 'a'))
    lieuA = l!.id
    nav = (
      await connecterTous(t, {
        ...(HABILITATIONS as Record<Role, Habilitation[]>),
        gestionnaire_autre_structure: H.gestionnaire('structure-b'),
      })
    ).navigateurs
  }, 120_000)
  afterAll(async () => t.fermer())

  const attendu: Record<string, (q: Qui) => number> = {
    '/lieux': () => 200,
    '/lieux/carte': () => 200,
    FICHE: () => 200,
    '/api/v1/lieux': () => 200,
    '/gestion/lieux': (q) =>
      q === 'anonyme'
        ? 303
        : ['admin', 'gestionnaire', 'gestionnaire_autre_structure'].includes(q)
          ? 200
          : 403,
    MODIFIER: (q) => (q === 'anonyme' ? 303 : ['admin', 'gestionnaire'].includes(q) ? 200 : 403),
    HISTORIQUE: (q) => (q === 'anonyme' ? 303 : ['admin', 'gestionnaire'].includes(q) ? 200 : 403),
    '/admin/lieux/import': (q) => (q === 'anonyme' ? 303 : q === 'admin' ? 200 : 403),
  }
  const url = (route: string) =>
    route === 'FICHE'
      ? `/lieux/${lieuA}`
      : route === 'MODIFIER'
        ? `/lieux/${lieuA}/modifier`
        : route === 'HISTORIQUE'
          ? `/lieux/${lieuA}/historique`
          : route
  lectures({ navigateurs: () => nav, qui: QUI, attendu, url })

  it('un POST de modification est refusé hors périmètre et ne change rien', async () => {
    for (const qui of QUI.filter((q) => !['admin', 'gestionnaire', 'anonyme'].includes(q))) {
      const n = nav.get(qui)!
      await n.get('/lieux')
      const r = await n.post(`/lieux/${lieuA}/modifier`, {
        nom: 'Piraté',
        adresse: 'x',
        code_postal: '05000',
        commune: 'Gap',
      })
      expect(r.statusCode, qui).toBe(403)
    }
    const [l] = await t.base.db.select().from(lieux).where(eq(lieux.id, lieuA))
    expect(l?.nom).toBe('Lieu A')
  })

  it('la liste de gestion d’un gestionnaire ne montre que les lieux de sa structure', async () => {
    expect((await nav.get('gestionnaire')!.get('/gestion/lieux')).body).toContain('Lieu A')
    expect((await nav.get('gestionnaire_autre_structure')!.get('/gestion/lieux')).body).not.toContain(
      'Lieu A',
    )
  })

  it('un import envoyé par un non-administrateur est refusé', async () => {
    const n = nav.get('gestionnaire')!
    await n.get('/gestion/lieux')
    const r = await n.post('/admin/lieux/import', {})
    expect(r.statusCode).toBe(403)
  })
})
