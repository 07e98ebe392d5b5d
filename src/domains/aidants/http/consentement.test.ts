import { and, desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AppDeTest,
  appDeTest,
  connecter,
  creerCompteTest,
  H,
  SECRET_TOTP_TEST,
} from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { outboxMessages } from '../../../platform/outbox/schema'
import { codeTotp } from '../../comptes'
import { creerOrganisation } from '../db/organisations-repository'
import { brouillonsMandat, journal, mandats, usagers } from '../db/schema'

describe.each(MOTEURS)('consentement à distance par SMS (%s)', (moteur) => {
  let t: AppDeTest
  let aidant: Navigateur
  let aidantId: string
  let orgId: string
  let usagerId: string
  const brouillon = async () => {
    const [b] = await t.base.db
      .insert(brouillonsMandat)
      .values({
        aidantId,
        organisationId: orgId,
        usagerId,
        demarches: ['social', 'logement'],
        duree: 'mois',
        expireLe: new Date(t.maintenant.valeur.getTime() + 30 * 60_000),
      })
      .returning()
    return b?.id ?? ''
  }
  const dernierSms = async () => {
    const [m] = await t.base.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.canal, 'sms'))
      .orderBy(desc(outboxMessages.creeLe))
      .limit(1)
    return m
  }

  beforeAll(async () => {
    t = await appDeTest(moteur)
    const org = await creerOrganisation(t.base.db, {
      nom: 'CCAS de Roubaix',
      type: 'ccas',
      codeCommune: '59512',
      codeDepartement: '59',
      codeRegion: '32',
    })
    orgId = org.id
    const a = await creerCompteTest(t.base, { habilitations: H.aidant(org.id), totp: true })
    aidantId = a.id
    aidant = new Navigateur(t.app)
    await connecter(aidant, t, a)
    const [u] = await t.base.db
      .insert(usagers)
      .values({
        subHash: 'h-sms',
        prenoms: 'Lucie',
        nom: 'Bernard',
        dateNaissance: '1948-02-03',
        genre: 'female',
        lieuNaissance: '59350',
        paysNaissance: '99100',
      })
      .returning()
    usagerId = u?.id ?? ''
  })
  afterAll(async () => t?.fermer())

  it('envoie un SMS sans nom ni démarche, l’usager accepte une fois, le mandat est signé « sms »', async () => {
    const id = await brouillon()
    const recap = `/aidants/mandats/recapitulatif/${id}`
    await aidant.get(recap)
    const mauvais = await aidant.post(`${recap}/sms`, { telephone: '0123' })
    expect(mauvais.statusCode).toBe(400)
    expect(mauvais.body).toContain('Téléphone : un numéro de portable')
    await aidant.get(recap)
    expect((await aidant.post(`${recap}/sms`, { telephone: '06 12 34 56 78' })).statusCode).toBe(303)
    const sms = await dernierSms()
    expect(sms?.destinataire).toBe('0612345678')
    expect(sms?.texte).not.toContain('Bernard')
    expect(sms?.texte).not.toContain('Logement')
    const lien = /\/consentement\/lien\/[\w-]+/.exec(sms?.texte ?? '')?.[0] ?? ''
    expect((await aidant.get(recap)).body).toContain('SMS envoyé, en attente de réponse')

    const usager = new Navigateur(t.app, undefined, '10.4.0.1')
    const page = await usager.get(lien)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('CCAS de Roubaix')
    expect(page.body).toContain('Logement')
    expect((await usager.post(lien, {})).statusCode).toBe(400)
    await usager.get(lien)
    expect((await usager.post(lien, { reponse: 'oui' })).statusCode).toBe(200)
    await usager.get('/')
    expect((await usager.post(lien, { reponse: 'non' })).statusCode).toBe(404)
    expect((await usager.get(lien)).statusCode).toBe(404)

    expect((await aidant.get(recap)).body).toContain('Accord de l’usager reçu par SMS')
    const signe = await aidant.post(recap, {
      consentement: 'oui',
      code: codeTotp(SECRET_TOTP_TEST, new Date(t.maintenant.valeur.getTime() + 30_000)),
    })
    expect(signe.statusCode).toBe(303)
    const [m] = await t.base.db.select().from(mandats).where(eq(mandats.usagerId, usagerId))
    expect(m?.consentement).toBe('sms')
    const actions = (
      await t.base.db
        .select()
        .from(journal)
        .where(and(eq(journal.organisationId, orgId)))
    ).map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['consentement_sms_envoye', 'consentement_sms_recu']))
  })

  it('refuse un lien expiré (30 minutes) et un brouillon d’un autre aidant', async () => {
    const id = await brouillon()
    const recap = `/aidants/mandats/recapitulatif/${id}`
    await aidant.get(recap)
    await aidant.post(`${recap}/sms`, { telephone: '0712345678' })
    const lien = /\/consentement\/lien\/[\w-]+/.exec((await dernierSms())?.texte ?? '')?.[0] ?? ''
    t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + 31 * 60_000)
    expect((await new Navigateur(t.app).get(lien)).statusCode).toBe(404)
    const autre = new Navigateur(t.app)
    await connecter(autre, t, await creerCompteTest(t.base, { habilitations: H.aidant(orgId), totp: true }))
    expect((await autre.post(`${recap}/sms`, { telephone: '0612345678' })).statusCode).toBe(404)
  })
})
