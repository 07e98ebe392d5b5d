import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { habilitationsDe } from '../../comptes'
import { creerCandidature } from '../db/candidatures-repository'
import { creerStructure } from '../db/structures-repository'

const lignes = <T>(r: unknown) => (r as { rows: T[] }).rows

describe.each(MOTEURS)('mise en relation et recrutement (%s)', (moteur) => {
  let t: AppDeTest
  beforeAll(async () => {
    t = await appDeTest(moteur)
  })
  afterAll(async () => t.fermer())

  it('classe les candidats avec leurs raisons, puis présélection, entretien, recrutement, formation et départ', async () => {
    const s = await creerStructure(t.base.db, {
      nom: 'Médiathèque de Gap',
      type: 'epci',
      codeCommune: '05061',
      codeDepartement: '05',
      codeRegion: '93',
      latitude: 44.5594,
      longitude: 6.0786,
      statut: 'proposee',
      dateDebutSouhaitee: '2030-01-01',
    })
    const admin = await creerCompteTest(t.base, { habilitations: H.admin(), totp: true })
    const a = new Navigateur(t.app)
    await connecter(a, t, admin)
    await a.get(`/comite/structures/${s.id}`)
    expect(
      (await a.post(`/comite/structures/${s.id}/decision`, { avis: 'validee', postes_accordes: '1' }))
        .statusCode,
    ).toBe(303)

    const candidat = async (prenom: string, lat: number, rayon: number, diplome: boolean) => {
      const compte = await creerCompteTest(t.base, { habilitations: H.candidat() })
      return {
        compte,
        c: await creerCandidature(t.base.db, {
          compteId: compte.id,
          prenom,
          nom: 'Test',
          email: compte.email,
          telephone: '0600000000',
          codeCommune: '05061',
          nomCommune: 'Gap',
          codeDepartement: '05',
          codeRegion: '93',
          latitude: lat,
          longitude: 6.0786,
          rayonKm: rayon,
          disponibleLe: '2029-12-01',
          situation: 'autre',
          diplomeMediationNumerique: diplome,
          motivation: 'Motivation de test assez longue.',
          statut: 'disponible',
          coordonneesVisibles: false,
        }),
      }
    }
    const meilleur = await candidat('Zoé', 44.56, 20, true)
    const second = await candidat('Yann', 44.6, 20, false)
    const horsRayon = await candidat('Xavier', 45.2, 20, true)

    const g = new Navigateur(t.app)
    await connecter(g, t, await creerCompteTest(t.base, { habilitations: H.gestionnaire(s.id) }))
    const liste = await g.get('/structure/candidats')
    expect(liste.statusCode).toBe(200)
    expect(liste.body.indexOf('Zoé')).toBeLessThan(liste.body.indexOf('Yann'))
    expect(liste.body).not.toContain('Xavier')
    expect(liste.body).toContain('diplômé de la médiation numérique (+15)')
    expect((await g.get(`/structure/candidats/${horsRayon.c.id}`)).statusCode).toBe(404)

    const fiche = await g.get(`/structure/candidats/${meilleur.c.id}`)
    expect(fiche.body).toContain('Visibles après présélection.')
    expect((await g.post(`/structure/candidats/${meilleur.c.id}/preselection`)).statusCode).toBe(303)
    expect((await g.get(`/structure/candidats/${meilleur.c.id}`)).body).toContain(meilleur.compte.email)
    const sansDate = await g.post(`/structure/candidats/${meilleur.c.id}/entretien`, {
      note: 'Très bon contact.',
    })
    expect(sansDate.statusCode).toBe(400)
    expect(sansDate.body).toContain('Saisissez la date de l’entretien')
    expect(
      (
        await g.post(`/structure/candidats/${meilleur.c.id}/entretien`, {
          note: 'Très bon contact.',
          le: '2029-12-10',
        })
      ).statusCode,
    ).toBe(303)
    const recrute = await g.post(`/structure/candidats/${meilleur.c.id}/recrutement`, {
      type_contrat: '3ans',
      debut: '2030-01-01',
    })
    expect(recrute.statusCode).toBe(303)

    expect(
      (await habilitationsDe(t.base.db, meilleur.compte.id)).map((h) => `${h.role}:${h.portee.code}`),
    ).toContain(`conseiller:${s.id}`)
    const [inscription] = lignes<{ duree_minutes: number }>(
      await t.base.db.execute(
        sql`select p.duree_minutes from formation_inscriptions i join formation_parcours p on p.id = i.parcours_id where i.compte_id = ${meilleur.compte.id}`,
      ),
    )
    expect(inscription?.duree_minutes).toBe(350 * 60)
    const [contrat] = lignes<{ fin_contrat: string }>(
      await t.base.db.execute(
        sql`select fin_contrat::text from recrutement_mises_en_relation where candidature_id = ${meilleur.c.id}`,
      ),
    )
    expect(contrat?.fin_contrat).toBe('2032-12-31')

    // One post only: the second candidate cannot be recruited until the post is freed.
    await g.post(`/structure/candidats/${second.c.id}/preselection`)
    const plein = await g.post(`/structure/candidats/${second.c.id}/recrutement`, {
      type_contrat: '2ans',
      debut: '2030-01-01',
    })
    expect(plein.statusCode).toBe(422)
    expect(plein.body).toContain('déjà pourvus')

    await g.get(`/structure/candidats/${meilleur.c.id}`)
    expect(
      (await g.post(`/structure/candidats/${meilleur.c.id}/depart`, { motif: 'demission', le: '2030-06-30' }))
        .statusCode,
    ).toBe(303)
    expect((await habilitationsDe(t.base.db, meilleur.compte.id)).some((h) => h.role === 'conseiller')).toBe(
      false,
    )
    expect(
      (
        await g.post(`/structure/candidats/${second.c.id}/recrutement`, {
          type_contrat: '2ans',
          debut: '2030-07-01',
        })
      ).statusCode,
    ).toBe(303)
    const api = JSON.parse((await new Navigateur(t.app).get('/api/v1/recrutement/postes')).body) as {
      departements: { code: string; postesValides: number; postesPourvus: number; postesVacants: number }[]
    }
    expect(api.departements.find((d) => d.code === '05')).toMatchObject({
      postesValides: 1,
      postesPourvus: 1,
      postesVacants: 0,
    })
  })
})
