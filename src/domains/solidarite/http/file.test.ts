import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import type { Habilitation } from '../../../platform/auth/roles'
import { outboxMessages } from '../../../platform/outbox/schema'
import { demandes, tentatives } from '../db/schema'

const JEUDI_10H = new Date('2026-12-03T09:00:00Z')
const MEDIATEUR: Habilitation[] = [{ role: 'mediateur', portee: { type: 'national', code: '', libelle: '' } }]

let ip = 0
describe.each(MOTEURS)('la file des médiateurs (%s)', (moteur) => {
  let t: AppDeTest
  let anna: Navigateur
  let bruno: Navigateur

  /** A person asks to be called back through the public form. */
  async function demander(telephone: string, champs: Record<string, string> = {}) {
    const n = new Navigateur(t.app, undefined, `10.2.0.${++ip}`)
    await n.get('/etre-rappele')
    const r = await n.post('/etre-rappele', {
      telephone,
      prenom: 'Josiane',
      besoin: 'email',
      territoire: 'metropole',
      creneau: 'des-que-possible',
      consentement: 'oui',
      ...champs,
    })
    expect(r.statusCode).toBe(303)
  }

  beforeAll(async () => {
    t = await appDeTest(moteur)
    t.maintenant.valeur = JEUDI_10H
    anna = new Navigateur(t.app, undefined, '10.2.1.1')
    bruno = new Navigateur(t.app, undefined, '10.2.1.2')
    await connecter(anna, t, await creerCompteTest(t.base, { habilitations: MEDIATEUR }))
    await connecter(bruno, t, await creerCompteTest(t.base, { habilitations: MEDIATEUR }))
  }, 120_000)
  afterAll(async () => t.fermer())
  beforeEach(async () => {
    t.maintenant.valeur = JEUDI_10H
    await t.base.db.delete(demandes)
    await t.base.db.delete(outboxMessages)
  })

  it('personne n’attend : la page le dit ; « prendre la suivante » ne donne rien', async () => {
    const page = await anna.get('/solidarite')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Personne n’attend d’appel pour l’instant')
    const r = await anna.post('/solidarite/suivante')
    expect(r.statusCode).toBe(303)
    expect((await anna.get('/solidarite')).body).toContain('Aucune demande ne peut être appelée maintenant.')
  })

  it('l’arnaque en cours passe avant ; la fiche donne le numéro à appeler', async () => {
    await demander('06 11 11 11 11')
    await demander('0622222222', { besoin: 'arnaque', arnaque_en_cours: 'oui', prenom: 'Marcel' })
    await anna.get('/solidarite')
    await anna.post('/solidarite/suivante')
    const page = await anna.get('/solidarite')
    expect(page.body).toContain('Marcel')
    expect(page.body).toContain('href="tel:+33622222222"')
    expect(page.body).toContain('Appeler le 06 22 22 22 22')
    expect(page.body).toContain('Arnaque en cours')
    // Bruno gets the other one, never the same.
    await bruno.get('/solidarite')
    await bruno.post('/solidarite/suivante')
    expect((await bruno.get('/solidarite')).body).toContain('Appeler le 06 11 11 11 11')
  })

  it('sans réponse, la demande revient plus tard ; après trois essais elle se ferme avec un SMS', async () => {
    await demander('06 33 33 33 33')
    for (let essai = 1; essai <= 3; essai++) {
      await anna.get('/solidarite')
      await anna.post('/solidarite/suivante')
      const page = await anna.get('/solidarite')
      expect(page.body, `essai ${essai}`).toContain('Appeler le 06 33 33 33 33')
      const r = await anna.post(
        `/solidarite/demandes/${(await t.base.db.select().from(demandes))[0]?.id}/tentative`,
        {
          issue: 'pas-de-reponse',
        },
      )
      expect(r.statusCode).toBe(303)
      if (essai < 3) {
        const [d] = await t.base.db.select().from(demandes)
        expect(d).toMatchObject({ statut: 'en-attente', tentatives: essai, mediateurId: null })
        // Not before the retry time: the queue gives nothing now, then it comes back.
        await anna.post('/solidarite/suivante')
        expect((await t.base.db.select().from(demandes))[0]?.statut).toBe('en-attente')
        expect(d?.pasAvant?.getTime()).toBe(t.maintenant.valeur.getTime() + 2 * 3_600_000)
        // The retry time comes (moved back rather than the clock forward: the sessions would idle out).
        await t.base.db.update(demandes).set({ pasAvant: t.maintenant.valeur })
      }
    }
    const [d] = await t.base.db.select().from(demandes)
    expect(d).toMatchObject({ statut: 'close', issue: 'injoignable', tentatives: 3 })
    expect(await t.base.db.select().from(tentatives)).toHaveLength(3)
    const sms = await t.base.db.select().from(outboxMessages)
    expect(sms.at(-1)?.texte).toContain('nous avons essayé de vous appeler 3 fois')
  })

  it('la personne est jointe puis aidée : la demande se ferme avec son issue', async () => {
    await demander('06 44 44 44 44')
    await anna.get('/solidarite')
    await anna.post('/solidarite/suivante')
    const [d] = await t.base.db.select().from(demandes)
    await anna.get('/solidarite')
    await anna.post(`/solidarite/demandes/${d?.id}/tentative`, { issue: 'joint' })
    expect((await t.base.db.select().from(demandes))[0]).toMatchObject({ statut: 'prise', tentatives: 1 })
    await anna.get('/solidarite')
    const refus = await anna.post(`/solidarite/demandes/${d?.id}/cloture`, {})
    expect(refus.statusCode).toBe(400)
    expect(refus.body).toContain('Choisissez comment la personne a été aidée.')
    const r = await anna.post(`/solidarite/demandes/${d?.id}/cloture`, { cloture: 'resolu' })
    expect(r.statusCode).toBe(303)
    expect((await t.base.db.select().from(demandes))[0]).toMatchObject({ statut: 'close', issue: 'resolu' })
  })

  it('un médiateur ne touche pas à la demande qu’un autre tient', async () => {
    await demander('06 55 55 55 55')
    await anna.get('/solidarite')
    await anna.post('/solidarite/suivante')
    const [d] = await t.base.db.select().from(demandes)
    await bruno.get('/solidarite')
    const r = await bruno.post(`/solidarite/demandes/${d?.id}/cloture`, { cloture: 'resolu' })
    expect(r.statusCode).toBe(409)
    const s = await bruno.post(`/solidarite/demandes/${d?.id}/tentative`, { issue: 'faux-numero' })
    expect(s.statusCode).toBe(409)
    expect((await t.base.db.select().from(demandes))[0]).toMatchObject({ statut: 'prise', tentatives: 0 })
  })

  it('seuls les médiateurs ouvrent la file', async () => {
    const anonyme = new Navigateur(t.app, undefined, '10.2.9.9')
    expect((await anonyme.get('/solidarite')).statusCode).toBe(303)
    const conseiller = new Navigateur(t.app, undefined, '10.2.9.8')
    await connecter(
      conseiller,
      t,
      await creerCompteTest(t.base, {
        habilitations: [{ role: 'conseiller', portee: { type: 'structure', code: 'x', libelle: 'x' } }],
      }),
    )
    expect((await conseiller.get('/solidarite')).statusCode).toBe(403)
  })
})
