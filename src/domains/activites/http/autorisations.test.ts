import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { connecterTous, lectures } from '../../../../tests/support/matrice'
import type { Navigateur } from '../../../../tests/support/navigateur'
import type { Habilitation, Role } from '../../comptes'
import { creerStructure } from '../../recrutement'

type Qui = Role | 'anonyme'

describe.each(MOTEURS)('activités : autorisations des routes par rôle (%s)', (moteur) => {
  let t: AppDeTest
  let navigateurs = new Map<Qui, Navigateur>()
  beforeAll(async () => {
    t = await appDeTest(moteur)
    const s = await creerStructure(t.base.db, {
      nom: 'S',
      type: 'commune',
      codeCommune: '13055',
      codeDepartement: '13',
      codeRegion: '93',
    })
    const habilitations: Record<Role, Habilitation[]> = {
      candidat: H.candidat(),
      conseiller: H.conseiller(s.id),
      gestionnaire: H.gestionnaire(s.id),
      aidant: H.aidant('org-a'),
      referent: H.referent('org-a'),
      prefecture: H.prefecture('13'),
      coordinateur: H.coordinateur('93'),
      admin: H.admin(),
      formateur: [{ role: 'formateur', portee: { type: 'structure', code: 'of-1', libelle: 'OF' } }],
      mediateur: [{ role: 'mediateur', portee: { type: 'national', code: '', libelle: '' } }],
    }
    navigateurs = (await connecterTous(t, habilitations)).navigateurs
  })
  afterAll(async () => t.fermer())

  const conseillerSeul = (qui: Qui) => (qui === 'anonyme' ? 303 : qui === 'conseiller' ? 200 : 403)
  const stats = (qui: Qui) =>
    qui === 'anonyme'
      ? 303
      : ['conseiller', 'gestionnaire', 'prefecture', 'coordinateur', 'admin'].includes(qui)
        ? 200
        : 403
  const ATTENDU: Record<string, (qui: Qui) => number> = {
    '/activites': conseillerSeul,
    '/activites/nouvelle': conseillerSeul,
    '/activites/calendrier': conseillerSeul,
    '/activites/beneficiaires': conseillerSeul,
    '/activites/export.csv': conseillerSeul,
    '/activites/statistiques': stats,
    '/activites/statistiques.csv': stats,
    '/activites/statistiques?territoire=national': (qui) =>
      qui === 'anonyme' ? 303 : qui === 'admin' ? 200 : stats(qui) === 200 ? 403 : 403,
    '/activites/statistiques?territoire=region:93': (qui) =>
      qui === 'anonyme' ? 303 : ['admin', 'coordinateur'].includes(qui) ? 200 : 403,
    '/activites/statistiques?territoire=departement:13': (qui) =>
      qui === 'anonyme' ? 303 : ['admin', 'coordinateur', 'prefecture'].includes(qui) ? 200 : 403,
    '/activites/statistiques?territoire=departement:59': (qui) =>
      qui === 'anonyme' ? 303 : qui === 'admin' ? 200 : 403,
    '/statistiques': () => 200,
    '/api/v1/statistiques': () => 200,
  }
  const QUI: Qui[] = [
    'anonyme',
    'candidat',
    'conseiller',
    'gestionnaire',
    'aidant',
    'referent',
    'prefecture',
    'coordinateur',
    'admin',
    'formateur',
    'mediateur',
  ]
  lectures({ navigateurs: () => navigateurs, qui: QUI, attendu: ATTENDU })

  it('refuse l’enregistrement et la synchronisation à qui n’est pas conseiller', async () => {
    for (const qui of ['gestionnaire', 'prefecture', 'admin', 'candidat'] as Qui[]) {
      const n = navigateurs.get(qui)!
      await n.get('/espace')
      expect((await n.post('/activites', { type: 'individuel' })).statusCode, qui).toBe(403)
      expect((await n.post('/activites/synchronisation', {})).statusCode, qui).toBe(403)
    }
  })

  it('saisies arbitraires : jamais de 5xx, toujours 303 ou 400 avec un message en français, rien d’écrit de faux', async () => {
    const n = navigateurs.get('conseiller')!
    await n.get('/activites/nouvelle')
    const champ = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        '',
        'collectif',
        'individuel',
        'distance',
        'domicile',
        '2025-01-01',
        '-1',
        '99999999',
        'email',
      ),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            type: champ,
            date: champ,
            duree: champ,
            duree_autre: champ,
            lieu_type: champ,
            participants: champ,
            themes: champ,
            materiels: champ,
            age_18_24: champ,
            beneficiaire_id: champ,
            id: champ,
          },
          { requiredKeys: [] },
        ),
        async (corps) => {
          const r = await n.post('/activites', corps as Record<string, string>)
          expect([303, 400]).toContain(r.statusCode)
          if (r.statusCode === 400) expect(r.body).toMatch(/Le formulaire contient|Formulaire incomplet/)
        },
      ),
      { numRuns: 40 },
    )
  })
})
