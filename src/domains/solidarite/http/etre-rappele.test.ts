import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { outboxMessages } from '../../../platform/outbox/schema'
import { demandes } from '../db/schema'

/** Thursday 3 December 2026, 8:00 in Paris. */
const JEUDI_8H = new Date('2026-12-03T07:00:00Z')

const FORMULAIRE = {
  telephone: '06 12 34 56 78',
  prenom: 'Josiane',
  besoin: 'email',
  territoire: 'metropole',
  creneau: '2026-12-03_apres-midi',
  consentement: 'oui',
  langue: 'fr',
}

let ip = 0
const navigateur = (t: AppDeTest) => new Navigateur(t.app, undefined, `10.1.0.${++ip}`)

describe.each(MOTEURS)('être rappelé : le formulaire public (%s)', (moteur) => {
  let t: AppDeTest
  beforeAll(async () => {
    t = await appDeTest(moteur)
  }, 120_000)
  afterAll(async () => t.fermer())
  beforeEach(async () => {
    t.maintenant.valeur = JEUDI_8H
    await t.base.db.delete(demandes)
    await t.base.db.delete(outboxMessages)
  })

  it('propose les créneaux dans l’heure de la personne, et « dès que possible »', async () => {
    const n = navigateur(t)
    const page = await n.get('/etre-rappele')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('jeudi 3 décembre, l’après-midi (14 h – 17 h)')
    expect(page.body).toContain('Dès que possible (au plus tard vendredi 4 décembre à 9 h)')
    const reunion = await n.get('/etre-rappele?territoire=reunion')
    expect(reunion.body).toContain('heure : La Réunion')
    expect(reunion.body).not.toContain('value="2026-12-03_matin"')
    expect(reunion.body).toContain('value="2026-12-03_apres-midi"')
  })

  it('enregistre la demande, chiffre le numéro, envoie un SMS avec la référence et le lien d’annulation', async () => {
    const n = navigateur(t)
    await n.get('/etre-rappele')
    const r = await n.post('/etre-rappele', FORMULAIRE)
    expect(r.statusCode).toBe(303)
    const suivi = String(r.headers.location)
    expect(suivi).toMatch(/^\/etre-rappele\/demande\/R-[2-9A-Z]{4}-[2-9A-Z]{2}\/[\w-]{22}\?nouvelle=1$/)
    const [d] = await t.base.db.select().from(demandes)
    expect(d).toMatchObject({
      besoin: 'email',
      prenom: 'Josiane',
      classe: 3,
      statut: 'en-attente',
      territoire: 'metropole',
    })
    expect(d?.telephoneChiffre).not.toContain('612345678')
    expect(d?.creneauDebut?.toISOString()).toBe('2026-12-03T13:00:00.000Z')
    expect(d?.echeance.toISOString()).toBe('2026-12-03T16:00:00.000Z')
    const [sms] = await t.base.db.select().from(outboxMessages)
    expect(sms).toMatchObject({ canal: 'sms', destinataire: '+33612345678' })
    expect(sms?.texte).toContain(d?.reference)
    expect(sms?.texte).toContain('jeudi 3 décembre, l’après-midi (14 h – 17 h)')
    expect(sms?.texte).toContain(suivi.replace('?nouvelle=1', ''))
    const page = await n.get(suivi)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Votre demande est enregistrée')
    expect(page.body).toContain(d?.reference)
  })

  it('refuse en français, garde ce qui a été saisi, n’écrit rien', async () => {
    const n = navigateur(t)
    await n.get('/etre-rappele')
    const r = await n.post('/etre-rappele', {
      ...FORMULAIRE,
      telephone: '08 00 12 34 56',
      besoin: '',
      consentement: '',
    })
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain('Les numéros en 08 sont des numéros de services')
    expect(r.body).toContain('Choisissez ce qui vous bloque.')
    expect(r.body).toContain('Cochez la case pour accepter qu’un médiateur vous appelle.')
    expect(r.body).toContain('value="Josiane"')
    expect(r.body).toContain('value="08 00 12 34 56"')
    expect(await t.base.db.select().from(demandes)).toHaveLength(0)
    expect(await t.base.db.select().from(outboxMessages)).toHaveLength(0)
  })

  it('refuse un créneau passé pendant que la personne remplissait le formulaire', async () => {
    const n = navigateur(t)
    await n.get('/etre-rappele')
    t.maintenant.valeur = new Date('2026-12-03T15:40:00Z') // 16 h 40 à Paris
    const r = await n.post('/etre-rappele', FORMULAIRE)
    expect(r.statusCode).toBe(422)
    expect(r.body).toContain('Ce créneau n’est plus proposé')
    expect(await t.base.db.select().from(demandes)).toHaveLength(0)
  })

  it('fusionne une deuxième demande du même numéro, écrit autrement, et garde la même référence', async () => {
    const n = navigateur(t)
    await n.get('/etre-rappele')
    await n.post('/etre-rappele', FORMULAIRE)
    await n.get('/etre-rappele')
    const r = await n.post('/etre-rappele', {
      ...FORMULAIRE,
      telephone: '+33 6 12 34 56 78',
      besoin: 'arnaque',
      arnaque_en_cours: 'oui',
      creneau: 'des-que-possible',
    })
    expect(r.statusCode).toBe(303)
    const lignes = await t.base.db.select().from(demandes)
    expect(lignes).toHaveLength(1)
    expect(lignes[0]).toMatchObject({
      besoin: 'arnaque',
      arnaqueEnCours: true,
      classe: 0,
      depots: 2,
      creneauId: null,
    })
    const sms = await t.base.db.select().from(outboxMessages)
    expect(sms).toHaveLength(2)
    expect(sms[1]?.texte).toContain('mise à jour')
  })

  it('deux envois simultanés pour un même numéro donnent une seule demande', async () => {
    const [a, b] = [navigateur(t), navigateur(t)]
    await a.get('/etre-rappele')
    await b.get('/etre-rappele')
    const r = await Promise.all([a.post('/etre-rappele', FORMULAIRE), b.post('/etre-rappele', FORMULAIRE)])
    expect(r.map((x) => x.statusCode)).toEqual([303, 303])
    expect(await t.base.db.select().from(demandes)).toHaveLength(1)
  })

  it('borne les envois pour un même numéro, quelle que soit l’adresse', async () => {
    for (let i = 0; i < 5; i++) {
      const n = navigateur(t)
      await n.get('/etre-rappele')
      expect((await n.post('/etre-rappele', FORMULAIRE)).statusCode).toBe(303)
    }
    const n = navigateur(t)
    await n.get('/etre-rappele')
    const r = await n.post('/etre-rappele', FORMULAIRE)
    expect(r.statusCode).toBe(409)
    expect(r.body).toContain('votre demande est bien enregistrée')
  })

  it('le pot de miel n’écrit rien et ne dit rien au robot', async () => {
    const n = navigateur(t)
    await n.get('/etre-rappele')
    const r = await n.post('/etre-rappele', { ...FORMULAIRE, site_web: 'https://spam.example' })
    expect(r.statusCode).toBe(303)
    expect(await t.base.db.select().from(demandes)).toHaveLength(0)
    expect(await t.base.db.select().from(outboxMessages)).toHaveLength(0)
  })

  it('le lien du SMS annule la demande, une fois ; un jeton faux mène à une page introuvable', async () => {
    const n = navigateur(t)
    await n.get('/etre-rappele')
    const suivi = String((await n.post('/etre-rappele', FORMULAIRE)).headers.location).replace(
      '?nouvelle=1',
      '',
    )
    const faux = suivi.replace(/\/[\w-]{22}$/, '/AAAAAAAAAAAAAAAAAAAAAA')
    expect((await n.get(faux)).statusCode).toBe(404)
    await n.get(suivi)
    const annule = await n.post(`${suivi}/annuler`)
    expect(annule.statusCode).toBe(303)
    const [d] = await t.base.db.select().from(demandes)
    expect(d).toMatchObject({ statut: 'close', issue: 'annulee' })
    const page = await n.get(suivi)
    expect(page.body).toContain('Cette demande est annulée.')
    expect(page.body).not.toContain('Annuler ma demande')
    const sms = await t.base.db.select().from(outboxMessages).where(eq(outboxMessages.canal, 'sms'))
    expect(sms.at(-1)?.texte).toContain('est annulée')
    // A new request for the same number is a new one once the first is closed.
    await n.get('/etre-rappele')
    await n.post('/etre-rappele', FORMULAIRE)
    expect(await t.base.db.select().from(demandes)).toHaveLength(2)
  })

  it('un conseiller remplit la demande pour une autre personne', async () => {
    const compte = await creerCompteTest(t.base, {
      habilitations: H.conseiller('5b0e6c1e-0000-4000-8000-000000000001'),
    })
    const n = navigateur(t)
    await connecter(n, t, compte)
    const page = await n.get('/etre-rappele')
    expect(page.body).toContain('pour une autre personne')
    await n.post('/etre-rappele', FORMULAIRE)
    const [d] = await t.base.db.select().from(demandes)
    expect(d?.deposeePar).toBeTruthy()
  })
})
