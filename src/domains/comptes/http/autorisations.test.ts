import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { connecterTous, lectures } from '../../../../tests/support/matrice'
import { Navigateur } from '../../../../tests/support/navigateur'
import type { Habilitation, Role } from '../domain/roles'

const HABILITATIONS: Record<Role, Habilitation[]> = {
  candidat: H.candidat(),
  conseiller: H.conseiller('structure-a'),
  gestionnaire: H.gestionnaire('structure-a'),
  aidant: H.aidant('org-a'),
  referent: H.referent('org-a'),
  prefecture: H.prefecture('13'),
  coordinateur: H.coordinateur('93'),
  admin: H.admin(),
  formateur: [{ role: 'formateur', portee: { type: 'structure', code: 'of-1', libelle: 'OF' } }],
  mediateur: [{ role: 'mediateur', portee: { type: 'national', code: '', libelle: '' } }],
}
const ROLES = Object.keys(HABILITATIONS) as Role[]
type Qui = Role | 'anonyme'

/** Expected status of a GET per route and caller: 303 = sent to the login page. */
const ATTENDU: Record<string, (qui: Qui) => number> = {
  '/espace': (qui) => (qui === 'anonyme' ? 303 : 200),
  '/compte/sessions': (qui) => (qui === 'anonyme' ? 303 : 200),
  '/equipe/inviter': (qui) =>
    qui === 'anonyme' ? 303 : ['admin', 'gestionnaire', 'referent'].includes(qui) ? 200 : 403,
  '/admin/comptes': (qui) => (qui === 'anonyme' ? 303 : qui === 'admin' ? 200 : 403),
  '/admin/journal': (qui) => (qui === 'anonyme' ? 303 : qui === 'admin' ? 200 : 403),
  '/': () => 200,
  '/connexion': (qui) => (qui === 'anonyme' ? 200 : 303),
}

describe.each(MOTEURS)('autorisations des routes par rôle (%s)', (moteur) => {
  let t: AppDeTest
  let navigateurs = new Map<Qui, Navigateur>()
  beforeAll(async () => {
    t = await appDeTest(moteur)
    navigateurs = (await connecterTous(t, HABILITATIONS)).navigateurs
  })
  afterAll(async () => t.fermer())

  lectures({ navigateurs: () => navigateurs, qui: ['anonyme', ...ROLES] as Qui[], attendu: ATTENDU })

  it('refuse toute action d’administration en POST à un non-administrateur', async () => {
    for (const qui of ROLES.filter((r) => r !== 'admin')) {
      const n = navigateurs.get(qui)!
      await n.get('/espace')
      const r = await n.post('/admin/comptes/00000000-0000-0000-0000-000000000000/activation', {
        actif: 'non',
      })
      expect(r.statusCode, qui).toBe(403)
    }
  })
})

describe.each(MOTEURS)('périmètres des invitations (%s)', (moteur) => {
  let t: AppDeTest
  beforeAll(async () => {
    t = await appDeTest(moteur)
  })
  afterAll(async () => t.fermer())

  it('un gestionnaire invite un conseiller dans sa structure, mais pas dans une autre, ni un administrateur', async () => {
    const { creerStructure } = await import('../../recrutement')
    const a = await creerStructure(t.base.db, {
      nom: 'Structure A',
      type: 'commune',
      codeCommune: '05061',
      codeDepartement: '05',
      codeRegion: '93',
    })
    const b = await creerStructure(t.base.db, {
      nom: 'Structure B',
      type: 'commune',
      codeCommune: '13055',
      codeDepartement: '13',
      codeRegion: '93',
    })
    const g = await creerCompteTest(t.base, { habilitations: H.gestionnaire(a.id) })
    const n = new Navigateur(t.app)
    await connecter(n, t, g)
    const page = await n.get('/equipe/inviter')
    expect(page.body).toContain(`value="structure:${a.id}"`)
    expect(page.body).not.toContain(`value="structure:${b.id}"`)
    expect(page.body).not.toContain('value="admin"')

    const autre = await n.post('/equipe/inviter', {
      prenom: 'Léa',
      nom: 'Martin',
      email: 'lea@exemple.fr',
      role: 'conseiller',
      portee: `structure:${b.id}`,
    })
    expect(autre.statusCode).toBe(400)
    expect(autre.body).toContain('Choisissez un périmètre qui correspond au rôle')
    await n.get('/equipe/inviter')
    const admin = await n.post('/equipe/inviter', {
      prenom: 'Léa',
      nom: 'Martin',
      email: 'lea@exemple.fr',
      role: 'admin',
      portee: 'national:',
    })
    expect(admin.statusCode).toBe(400)
    const { rechercherComptes } = await import('../db/comptes-repository')
    expect(
      (await rechercherComptes(t.base.db, { texte: 'lea@exemple.fr', page: 1, parPage: 10 })).total,
    ).toBe(0)

    await n.get('/equipe/inviter')
    const ok = await n.post('/equipe/inviter', {
      prenom: 'Léa',
      nom: 'Martin',
      email: 'lea@exemple.fr',
      role: 'conseiller',
      portee: `structure:${a.id}`,
    })
    expect(ok.statusCode).toBe(303)
    const trouve = await rechercherComptes(t.base.db, { texte: 'lea@exemple.fr', page: 1, parPage: 10 })
    expect(trouve.comptes[0]?.habilitations).toEqual([
      { role: 'conseiller', portee: { type: 'structure', code: a.id, libelle: 'Structure A (05)' } },
    ])
  })
})
