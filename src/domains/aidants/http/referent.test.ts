import { and, desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { outboxMessages } from '../../../platform/outbox/schema'
import { codeTotp, habilitationsDe, trouverCompte } from '../../comptes'
import { creerOrganisation } from '../db/organisations-repository'
import { dispositifs, habilitationsAidant, journal, mandats, usagers } from '../db/schema'

const CARTE = { numeroSerie: 'GADT0009999', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' }

describe.each(MOTEURS)('espace référent : cartes, applications, retrait d’un aidant (%s)', (moteur) => {
  let t: AppDeTest
  let referent: Navigateur
  let autreReferent: Navigateur
  let orgId: string
  let orgNom: string
  const avancer = () => {
    t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + 61_000)
  }
  /** An activated aidant of the organisation, with an account but no second factor yet. */
  const nouvelAidant = async (email: string) => {
    const compte = await creerCompteTest(t.base, {
      habilitations: [{ role: 'aidant', portee: { type: 'organisation', code: orgId, libelle: orgNom } }],
      email,
    })
    const [h] = await t.base.db
      .insert(habilitationsAidant)
      .values({
        organisationId: orgId,
        email,
        prenom: 'Léa',
        nom: 'Martin',
        profession: 'Médiatrice',
        statut: 'active',
        compteId: compte.id,
        creeLe: new Date(),
      })
      .returning()
    if (!h) throw new Error('habilitation')
    return { compte, h }
  }

  beforeAll(async () => {
    t = await appDeTest(moteur)
    const org = await creerOrganisation(t.base.db, {
      nom: 'France services Lille',
      type: 'france_services',
      codeCommune: '59350',
      codeDepartement: '59',
      codeRegion: '32',
    })
    orgId = org.id
    orgNom = org.nom
    const autre = await creerOrganisation(t.base.db, {
      nom: 'CCAS Arras',
      type: 'ccas',
      codeCommune: '62041',
      codeDepartement: '62',
      codeRegion: '32',
    })
    referent = new Navigateur(t.app)
    await connecter(
      referent,
      t,
      await creerCompteTest(t.base, { habilitations: H.referent(org.id), totp: true }),
    )
    avancer()
    autreReferent = new Navigateur(t.app)
    await connecter(
      autreReferent,
      t,
      await creerCompteTest(t.base, { habilitations: H.referent(autre.id), totp: true }),
    )
    await t.base.db.insert(dispositifs).values({ type: 'carte', ...CARTE })
  })
  afterAll(async () => t?.fermer())

  it('associe une carte par son numéro de série et un code ; l’aidant se connecte ensuite avec la carte', async () => {
    avancer()
    const { compte, h } = await nouvelAidant('lea.carte@exemple.fr')
    const page = `/aidants/referent/aidants/${h.id}`
    expect((await referent.get(page)).body).toContain('Aucun dispositif')
    const faux = await referent.post(`${page}/carte`, { numero_serie: CARTE.numeroSerie, code: '000000' })
    expect(faux.statusCode).toBe(400)
    expect(faux.body).toContain('Code : ce code ne correspond pas')
    await referent.get(page)
    const inconnue = await referent.post(`${page}/carte`, { numero_serie: 'GADT0000404', code: '123456' })
    expect(inconnue.body).toContain('Numéro de série : aucune carte libre')
    await referent.get(page)
    const ok = await referent.post(`${page}/carte`, {
      numero_serie: CARTE.numeroSerie.toLowerCase(),
      code: codeTotp(CARTE.secret, t.maintenant.valeur),
    })
    expect(ok.statusCode).toBe(303)
    expect((await trouverCompte(t.base.db, compte.id))?.totpSecret).toBe(CARTE.secret)

    avancer()
    const aidant = new Navigateur(t.app, undefined, '10.3.0.1')
    const r = await aidant.soumettre('/aidants/connexion', '/aidants/connexion', {
      email: compte.email,
      code: codeTotp(CARTE.secret, t.maintenant.valeur),
    })
    expect(r.statusCode).toBe(200)
    const [m] = await t.base.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.destinataire, compte.email))
      .orderBy(desc(outboxMessages.creeLe))
      .limit(1)
    const lien = /\/aidants\/connexion\/lien\/[\w-]+/.exec(m?.texte ?? '')?.[0] ?? ''
    await aidant.get(lien)
    expect((await aidant.post(lien)).headers.location).toBe('/aidants/espace')

    // Removing the card needs a reason, ends the second factor and the sessions.
    const [carte] = await t.base.db
      .select()
      .from(dispositifs)
      .where(eq(dispositifs.numeroSerie, CARTE.numeroSerie))
    await referent.get(page)
    expect(
      (await referent.post(`/aidants/referent/dispositifs/${carte?.id}/retirer`, { motif: '' })).statusCode,
    ).toBe(400)
    await referent.get(page)
    expect(
      (await referent.post(`/aidants/referent/dispositifs/${carte?.id}/retirer`, { motif: 'Carte perdue' }))
        .statusCode,
    ).toBe(303)
    expect((await trouverCompte(t.base.db, compte.id))?.totpSecret).toBeNull()
    expect((await aidant.get('/aidants/espace')).statusCode).toBe(303)
    const actions = (await t.base.db.select().from(journal).where(eq(journal.aidantId, compte.id))).map(
      (e) => e.action,
    )
    expect(actions).toEqual(
      expect.arrayContaining(['association_carte', 'connexion_aidant', 'retrait_carte']),
    )
  })

  it('configure une application par QR code, confirmée par un code', async () => {
    avancer()
    const { compte, h } = await nouvelAidant('lea.appli@exemple.fr')
    await referent.get(`/aidants/referent/aidants/${h.id}`)
    const r = await referent.post(`/aidants/referent/aidants/${h.id}/application`)
    expect(r.statusCode).toBe(303)
    const qr = await referent.get(r.headers.location as string)
    expect(qr.statusCode).toBe(200)
    expect(qr.body).toContain('<svg')
    const [d] = await t.base.db
      .select()
      .from(dispositifs)
      .where(and(eq(dispositifs.compteId, compte.id), eq(dispositifs.type, 'application')))
    const faux = await referent.post(r.headers.location as string, { code: '12' })
    expect(faux.statusCode).toBe(400)
    await referent.get(r.headers.location as string)
    const ok = await referent.post(r.headers.location as string, {
      code: codeTotp(d?.secret ?? '', t.maintenant.valeur),
    })
    expect(ok.statusCode).toBe(303)
    expect((await trouverCompte(t.base.db, compte.id))?.totpSecret).toBe(d?.secret)
  })

  it('ne laisse pas un référent toucher l’aidant ou le dispositif d’une autre structure', async () => {
    avancer()
    const { h } = await nouvelAidant('lea.autre@exemple.fr')
    const page = `/aidants/referent/aidants/${h.id}`
    expect((await autreReferent.get(page)).statusCode).toBe(404)
    await autreReferent.get('/aidants/referent')
    for (const [url, champs] of [
      [`${page}/carte`, { numero_serie: 'GADT0000001', code: '123456' }],
      [`${page}/application`, {}],
      [`${page}/retirer`, { motif: 'essai' }],
    ] as const)
      expect((await autreReferent.post(url, champs)).statusCode).toBe(404)
    const [app] = await t.base.db.select().from(dispositifs).where(eq(dispositifs.type, 'application'))
    expect(
      (await autreReferent.post(`/aidants/referent/dispositifs/${app?.id}/retirer`, { motif: 'x' }))
        .statusCode,
    ).toBe(404)
    expect((await autreReferent.get(`/aidants/referent/dispositifs/${app?.id}/application`)).statusCode).toBe(
      404,
    )
  })

  it('retire un aidant avec un motif : habilitation close, rôle retiré', async () => {
    avancer()
    const { compte, h } = await nouvelAidant('lea.retrait@exemple.fr')
    await referent.get(`/aidants/referent/aidants/${h.id}`)
    const r = await referent.post(`/aidants/referent/aidants/${h.id}/retirer`, {
      motif: 'A quitté la structure',
    })
    expect(r.statusCode).toBe(303)
    const [apres] = await t.base.db.select().from(habilitationsAidant).where(eq(habilitationsAidant.id, h.id))
    expect(apres).toMatchObject({ statut: 'annulee', motifRetrait: 'A quitté la structure' })
    expect(await habilitationsDe(t.base.db, compte.id)).toEqual([])
    expect((await referent.get(`/aidants/referent/aidants/${h.id}`)).statusCode).toBe(404)
  })

  it('montre les chiffres de la structure : aidants en activité, mandats en cours et créés, usagers', async () => {
    const [u] = await t.base.db
      .insert(usagers)
      .values({
        subHash: 'h-chiffres',
        prenoms: 'Paul',
        nom: 'Chiffre',
        dateNaissance: '1950-01-01',
        genre: 'male',
        lieuNaissance: '59350',
        paysNaissance: '99100',
      })
      .returning()
    const mandat = (expireDans: number, revoque = false) => ({
      organisationId: orgId,
      usagerId: u?.id ?? '',
      creeParId: crypto.randomUUID(),
      creeLe: t.maintenant.valeur,
      expireLe: new Date(t.maintenant.valeur.getTime() + expireDans),
      duree: 'mois',
      versionTexte: 'test',
      consentement: 'sur_place' as const,
      hashAttestation: crypto.randomUUID(),
      revoqueLe: revoque ? t.maintenant.valeur : null,
    })
    await t.base.db.insert(mandats).values([mandat(86_400_000), mandat(-60_000), mandat(86_400_000, true)])
    const page = await referent.get('/aidants/referent')
    expect(page.body).toContain('1 mandat en cours')
    expect(page.body).toContain('3 mandats créés en tout')
    expect(page.body).toContain('1 usager accompagné')
    expect(page.body).toMatch(/\d+ aidants? en activité sur \d+/)
    // The other organisation's référent sees none of it.
    expect((await autreReferent.get('/aidants/referent')).body).toContain('0 mandat créé en tout')
  })
})
