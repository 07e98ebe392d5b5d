import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { connecterTous, lectures } from '../../../../tests/support/matrice'
import type { Navigateur } from '../../../../tests/support/navigateur'
import type { Habilitation, Role } from '../../comptes'

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

const conseillerSeul = (qui: Qui) => (qui === 'anonyme' ? 303 : qui === 'conseiller' ? 200 : 403)
/** Expected status of a GET per route and caller (303 = sent to the login page, or to the start page). */
const ATTENDU: Record<string, (qui: Qui) => number> = {
  '/diagnostic': () => 200,
  '/diagnostic/code': () => 200,
  '/diagnostic/accompagnement': () => 200,
  '/diagnostic/etape': () => 303,
  '/diagnostic/resultat': () => 303,
  '/diagnostic/sessions': conseillerSeul,
  '/diagnostic/beneficiaires': conseillerSeul,
  '/diagnostic/export.csv': conseillerSeul,
  '/diagnostic/sessions/ABCDEF234': (qui) => (qui === 'anonyme' ? 303 : qui === 'conseiller' ? 404 : 403),
  '/diagnostic/passations/00000000-0000-0000-0000-000000000000': (qui) =>
    qui === 'anonyme' ? 303 : qui === 'conseiller' ? 404 : 403,
}

describe.each(MOTEURS)('diagnostic : autorisations des routes par rôle (%s)', (moteur) => {
  let t: AppDeTest
  let navigateurs = new Map<Qui, Navigateur>()
  beforeAll(async () => {
    t = await appDeTest(moteur)
    navigateurs = (await connecterTous(t, HABILITATIONS)).navigateurs
  })
  afterAll(async () => t.fermer())

  lectures({ navigateurs: () => navigateurs, qui: ['anonyme', ...ROLES] as Qui[], attendu: ATTENDU })

  it('refuse la création d’un code à tout autre rôle qu’un conseiller', async () => {
    for (const qui of ROLES.filter((r) => r !== 'conseiller')) {
      const n = navigateurs.get(qui)!
      await n.get('/diagnostic')
      const r = await n.post('/diagnostic/sessions', { libelle: 'x' })
      expect(r.statusCode, qui).toBe(403)
    }
    const anonyme = navigateurs.get('anonyme')!
    await anonyme.get('/diagnostic')
    expect((await anonyme.post('/diagnostic/sessions', { libelle: 'x' })).statusCode).toBe(401)
  })

  it('réserve le rattachement d’un dossier à une fiche de suivi aux conseillers de la structure', async () => {
    const url = '/diagnostic/beneficiaires/00000000-0000-0000-0000-000000000000/fiche'
    for (const qui of ROLES) {
      const n = navigateurs.get(qui)!
      await n.get('/diagnostic')
      const r = await n.post(url, { fiche: '00000000-0000-0000-0000-000000000001' })
      expect(r.statusCode, qui).toBe(qui === 'conseiller' ? 404 : 403)
    }
    const anonyme = navigateurs.get('anonyme')!
    await anonyme.get('/diagnostic')
    expect((await anonyme.post(url, { fiche: '' })).statusCode).toBe(401)
  })

  it('affiche l’entrée d’accueil au public et le menu « Diagnostics » aux seuls conseillers', async () => {
    expect((await navigateurs.get('anonyme')!.get('/')).body).toContain(
      'Faire le point sur mes usages numériques',
    )
    expect((await navigateurs.get('conseiller')!.get('/espace')).body).toContain(
      'href="/diagnostic/sessions"',
    )
    expect((await navigateurs.get('aidant')!.get('/espace')).body).not.toContain(
      'href="/diagnostic/sessions"',
    )
  })
})
