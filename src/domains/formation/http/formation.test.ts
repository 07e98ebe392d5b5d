import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { aTermine, creerInscription, parcoursCourant } from '../db/formation-repository'

const formationAidantsTerminee = (db: Parameters<typeof aTermine>[0], id: string) =>
  aTermine(db, id, 'aidants-connect')

import type { Habilitation } from '../../comptes'

const lignes = <T>(r: unknown) => (r as { rows: T[] }).rows
const formateur = (id: string): Habilitation[] => [
  { role: 'formateur', portee: { type: 'structure', code: id, libelle: 'OF' } },
]

describe.each(MOTEURS)('formation (%s)', (moteur) => {
  let t: AppDeTest
  beforeAll(async () => {
    t = await appDeTest(moteur)
  })
  afterAll(async () => t.fermer())

  it('un organisme crée une session, inscrit, note les présences par demi-journée, termine, certifie et délivre l’attestation', async () => {
    const of = new Navigateur(t.app)
    await connecter(
      of,
      t,
      await creerCompteTest(t.base, { habilitations: formateur('00000000-0000-4000-8000-000000000001') }),
    )
    const ac = await parcoursCourant(t.base.db, 'aidants-connect')
    await of.get('/formation')
    const erreur = await of.post('/formation/sessions', {
      parcours: ac!.id,
      libelle: 'AC',
      debut: '2030-03-05',
      fin: '2030-03-01',
      lieu: 'Arras',
      departement: '62',
      capacite: '2',
    })
    expect(erreur.statusCode).toBe(400)
    expect(erreur.body).toContain('La date de fin doit suivre la date de début.')
    expect(
      (
        await of.post('/formation/sessions', {
          parcours: ac!.id,
          libelle: 'Aidants Connect Arras',
          debut: '2030-03-04',
          fin: '2030-03-05',
          lieu: 'Arras',
          departement: '62',
          capacite: '1',
        })
      ).statusCode,
    ).toBe(303)
    const [session] = lignes<{ id: string }>(
      await t.base.db.execute(sql`select id from formation_sessions where libelle = 'Aidants Connect Arras'`),
    )
    const aidant = await creerCompteTest(t.base, { habilitations: H.aidant('org-a'), totp: true })
    const autre = await creerCompteTest(t.base, { habilitations: H.aidant('org-a') })
    const i = await creerInscription(t.base.db, {
      parcoursId: ac!.id,
      compteId: aidant.id,
      prenom: 'Ada',
      nom: 'Aidante',
    })
    const j = await creerInscription(t.base.db, {
      parcoursId: ac!.id,
      compteId: autre.id,
      prenom: 'Bob',
      nom: 'Second',
    })
    await of.get(`/formation/sessions/${session!.id}`)
    expect(
      (await of.post(`/formation/sessions/${session!.id}/affectations`, { inscription: i!.id })).statusCode,
    ).toBe(303)
    const complet = await of.post(`/formation/sessions/${session!.id}/affectations`, { inscription: j!.id })
    expect(complet.statusCode).toBe(422)
    expect(complet.body).toContain('La session est complète.')

    await of.post(`/formation/sessions/${session!.id}/presences`, {
      jour: '2030-03-04',
      demi_journee: 'matin',
      presents: i!.id,
    })
    await of.post(`/formation/inscriptions/${i!.id}/terminer`)
    expect(await formationAidantsTerminee(t.base.db, aidant.id)).toBe(false)
    await of.post(`/formation/sessions/${session!.id}/presences`, {
      jour: '2030-03-04',
      demi_journee: 'apres_midi',
      presents: i!.id,
    })
    await of.post(`/formation/sessions/${session!.id}/presences`, {
      jour: '2030-03-05',
      demi_journee: 'matin',
      presents: i!.id,
    })
    const hors = await of.post(`/formation/sessions/${session!.id}/presences`, {
      jour: '2030-03-09',
      demi_journee: 'matin',
      presents: i!.id,
    })
    expect(hors.statusCode).toBe(422)
    await of.get(`/formation/sessions/${session!.id}`)
    expect((await of.post(`/formation/inscriptions/${i!.id}/terminer`)).statusCode).toBe(303)
    expect(await formationAidantsTerminee(t.base.db, aidant.id)).toBe(true)
    const page = await of.get(`/formation/sessions/${session!.id}`)
    expect(page.body).toContain('10 h 30 / 10 h 30')
    const pdf = await of.get(`/formation/attestations/${i!.id}/pdf`)
    expect(pdf.headers['content-type']).toBe('application/pdf')

    // Another provider never reaches this session; the person sees their own certificate.
    const autreOf = new Navigateur(t.app)
    await connecter(
      autreOf,
      t,
      await creerCompteTest(t.base, { habilitations: formateur('00000000-0000-4000-8000-000000000002') }),
    )
    expect((await autreOf.get(`/formation/sessions/${session!.id}`)).statusCode).toBe(404)
    expect((await autreOf.get(`/formation/attestations/${i!.id}/pdf`)).statusCode).toBe(404)
    const moi = new Navigateur(t.app)
    await connecter(moi, t, aidant)
    expect((await moi.get(`/formation/attestations/${i!.id}/pdf`)).statusCode).toBe(200)
    expect((await moi.get('/formation/mon-parcours')).body).toContain('Formation Aidants Connect')
  })

  it('suit les objectifs par parcours et par année', async () => {
    const a = new Navigateur(t.app)
    await connecter(a, t, await creerCompteTest(t.base, { habilitations: H.admin(), totp: true }))
    await a.get('/formation')
    const mauvais = await a.post('/formation/objectifs', {
      code_parcours: 'aidants-connect',
      annee: '1999',
      cible: '20000',
    })
    expect(mauvais.statusCode).toBe(400)
    expect(
      (
        await a.post('/formation/objectifs', {
          code_parcours: 'aidants-connect',
          annee: '2030',
          cible: '20000',
        })
      ).statusCode,
    ).toBe(303)
    expect((await a.get('/formation')).body).toMatch(/20[\s\u202f]000/)
  })
})
