import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { connecterTous, lectures } from '../../../../tests/support/matrice'
import type { Navigateur } from '../../../../tests/support/navigateur'
import type { Habilitation } from '../../comptes'
import { creerOrganisation } from '../db/organisations-repository'
import { autorisations, habilitationsAidant, mandats, usagers } from '../db/schema'

type Qui = 'anonyme' | 'aidant' | 'referent' | 'referentAutre' | 'admin' | 'conseiller'
const QUI: Qui[] = ['anonyme', 'aidant', 'referent', 'referentAutre', 'admin', 'conseiller']

/**
 * Routes × roles, with the scope: the aidant and the référent belong to organisation A; « referentAutre » is
 * the référent of organisation B. 303 = sent to the login page, 404 = outside the caller's scope.
 */
describe.each(MOTEURS)('autorisations des routes Aidants Connect par rôle et périmètre (%s)', (moteur) => {
  let t: AppDeTest
  let navigateurs = new Map<Qui, Navigateur>()
  const ids: Record<string, string> = {}

  const mandat = async (organisationId: string, nom: string) => {
    const [u] = await t.base.db
      .insert(usagers)
      .values({
        subHash: `h-${nom}`,
        prenoms: 'P',
        nom,
        dateNaissance: '1950-01-01',
        genre: 'female',
        lieuNaissance: '59350',
        paysNaissance: '99100',
      })
      .returning()
    const id = crypto.randomUUID()
    await t.base.db.insert(mandats).values({
      id,
      organisationId,
      usagerId: u?.id ?? '',
      creeParId: crypto.randomUUID(),
      creeLe: new Date(),
      expireLe: new Date(Date.now() + 30 * 86_400_000),
      duree: 'mois',
      versionTexte: 'test',
      consentement: 'sur_place',
      hashAttestation: crypto.randomUUID().replace(/-/g, ''),
    })
    await t.base.db.insert(autorisations).values({ mandatId: id, demarche: 'social' })
    return { usagerId: u?.id ?? '', mandatId: id }
  }

  beforeAll(async () => {
    t = await appDeTest(moteur)
    const org = (nom: string) =>
      creerOrganisation(t.base.db, {
        nom,
        type: 'ccas',
        codeCommune: '59350',
        codeDepartement: '59',
        codeRegion: '32',
      })
    const a = await org('Org A')
    const b = await org('Org B')
    const enA = await mandat(a.id, 'EnA')
    const enB = await mandat(b.id, 'EnB')
    const [h] = await t.base.db
      .insert(habilitationsAidant)
      .values({
        organisationId: a.id,
        email: 'h@exemple.fr',
        prenom: 'H',
        nom: 'A',
        profession: 'P',
        statut: 'en_formation',
        creeLe: new Date(),
      })
      .returning()
    Object.assign(ids, {
      usagerA: enA.usagerId,
      usagerB: enB.usagerId,
      mandatA: enA.mandatId,
      mandatB: enB.mandatId,
      h: h?.id,
    })
    const habilitations: Record<Exclude<Qui, 'anonyme'>, Habilitation[]> = {
      aidant: H.aidant(a.id),
      referent: H.referent(a.id),
      referentAutre: H.referent(b.id),
      admin: H.admin(),
      conseiller: H.conseiller('structure-1'),
    }
    navigateurs = (await connecterTous(t, habilitations)).navigateurs
  })
  afterAll(async () => t?.fermer())

  const seul =
    (role: Qui, ok = 200) =>
    (qui: Qui) =>
      qui === 'anonyme' ? 303 : qui === role ? ok : 403
  const referents = (okA: number, okB: number) => (qui: Qui) =>
    qui === 'anonyme' ? 303 : qui === 'referent' ? okA : qui === 'referentAutre' ? okB : 403
  // Keys in capitals name the objects of organisation A or B, created above.
  lectures({
    navigateurs: () => navigateurs,
    qui: QUI,
    attendu: {
      '/aidants': () => 200,
      '/aidants/habilitation': () => 200,
      '/aidants/statistiques': () => 200,
      '/mes-mandats': () => 200,
      '/aidants/connexion': (qui) => (qui === 'anonyme' ? 200 : 303),
      '/aidants/espace': seul('aidant'),
      '/aidants/mandats/nouveau': seul('aidant'),
      '/aidants/usagers/USAGER_A': seul('aidant'),
      '/aidants/usagers/USAGER_B': seul('aidant', 404),
      '/aidants/mandats/MANDAT_A/attestation': seul('aidant'),
      '/aidants/mandats/MANDAT_B/attestation': seul('aidant', 404),
      '/aidants/referent': referents(200, 200),
      '/aidants/referent/aidants/HABILITATION_A': referents(200, 404),
      '/aidants/admin/journal': seul('admin'),
      '/aidants/admin/habilitations': seul('admin'),
      '/aidants/admin/regions': seul('admin'),
    },
    url: (cle) =>
      cle
        .replace('USAGER_A', ids.usagerA ?? '')
        .replace('USAGER_B', ids.usagerB ?? '')
        .replace('MANDAT_A', ids.mandatA ?? '')
        .replace('MANDAT_B', ids.mandatB ?? '')
        .replace('HABILITATION_A', ids.h ?? ''),
  })

  it('refuse les formulaires d’un autre rôle (POST) sans rien faire', async () => {
    const posts: [string, Qui[]][] = [
      ['/aidants/admin/regions', ['aidant', 'referent', 'conseiller']],
      [`/aidants/referent/aidants/${ids.h}/retirer`, ['aidant', 'admin', 'conseiller']],
      [`/aidants/mandats/${ids.mandatA}/revoquer`, ['referent', 'admin', 'conseiller']],
    ]
    for (const [url, qui] of posts)
      for (const q of qui) {
        const n = navigateurs.get(q) as Navigateur
        await n.get('/aidants')
        expect(
          (await n.post(url, { region: '11', vague: 'V', motif: 'm' })).statusCode,
          `${url} par ${q}`,
        ).toBe(403)
      }
    // The aidant of organisation A cannot revoke organisation B's mandate: it does not exist for them.
    const aidant = navigateurs.get('aidant') as Navigateur
    await aidant.get('/aidants/espace')
    expect((await aidant.post(`/aidants/mandats/${ids.mandatB}/revoquer`)).statusCode).toBe(404)
  })
})
