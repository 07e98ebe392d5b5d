import { and, desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { outboxMessages } from '../../../platform/outbox/schema'
import { habilitationsDe, trouverCompte } from '../../comptes'
import {
  demandesHabilitation,
  habilitationsAidant,
  messagesDemande,
  organisations,
  regionsOuvertes,
} from '../db/schema'
import { formulaireHabilitation } from './habilitation.exemple'

describe.each(MOTEURS)('habilitation des structures, de la demande à la validation (%s)', (moteur) => {
  let t: AppDeTest
  let admin: Navigateur
  let _adminId: string
  let n = 0
  const dernierMail = async (destinataire: string) => {
    const [m] = await t.base.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.destinataire, destinataire))
      .orderBy(desc(outboxMessages.creeLe))
      .limit(1)
    return m
  }
  const lienDe = (texte: string) => {
    const m = /\/aidants\/habilitation\/lien\/[\w-]+/.exec(texte)
    if (!m) throw new Error('pas de lien de suivi')
    return m[0]
  }
  /** Files a request from a fresh address and returns its follow-up path and the requester's browser. */
  const deposer = async (region = '32', commune = '59350') => {
    n++
    const d = new Navigateur(t.app, undefined, `10.1.0.${n}`)
    const champs = formulaireHabilitation(n, region, commune)
    const r = await d.soumettre('/aidants/habilitation', '/aidants/habilitation', champs)
    expect(r.statusCode).toBe(303)
    expect(r.headers.location).toBe('/aidants/habilitation/envoyee')
    const mail = await dernierMail(champs.email_demandeur ?? '')
    return { d, lien: lienDe(mail?.texte ?? ''), email: champs.email_demandeur ?? '' }
  }
  const demandeParEmail = async (email: string) => {
    const [x] = await t.base.db
      .select()
      .from(demandesHabilitation)
      .where(eq(demandesHabilitation.emailDemandeur, email))
    if (!x) throw new Error('demande absente')
    return x
  }

  beforeAll(async () => {
    t = await appDeTest(moteur)
    await t.base.db
      .insert(regionsOuvertes)
      .values({ codeRegion: '32', vague: 'Vague 1', ouverteLe: new Date() })
    const a = await creerCompteTest(t.base, { habilitations: H.admin(), totp: true })
    _adminId = a.id
    admin = new Navigateur(t.app)
    await connecter(admin, t, a)
  })
  afterAll(async () => t?.fermer())

  it('se remplit en cinq étapes, garde les réponses, revient à l’étape fautive, n’écrit rien avant la fin', async () => {
    n++
    const d = new Navigateur(t.app, undefined, `10.1.1.${n}`)
    const tout = formulaireHabilitation(n)
    const email = tout.email_demandeur ?? ''
    const depart = await d.get('/aidants/habilitation')
    expect(depart.body).toContain('Étape 1 sur 5 : Vous, le demandeur')
    expect(depart.body).not.toContain('name="siret"')

    // Step 1 with a wrong address: 400, step 1 again, the name kept.
    const faux = await d.post('/aidants/habilitation', {
      etape: '1',
      nom_demandeur: 'Claire Morvan',
      email_demandeur: 'pas-une-adresse',
    })
    expect(faux.statusCode).toBe(400)
    expect(faux.body).toContain('Étape 1 sur 5')
    expect(faux.body).toContain('Votre adresse e-mail : saisissez une adresse e-mail valide')
    expect(faux.body).toContain('value="Claire Morvan"')

    const etape = async (numero: number, champs: Record<string, string>) => {
      const r = await d.post('/aidants/habilitation', { ...champs, etape: String(numero) })
      return r
    }
    const un = { nom_demandeur: tout.nom_demandeur ?? '', email_demandeur: email }
    let r = await etape(1, un)
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain('Étape 2 sur 5 : La structure')
    // Step 1's answers travel in hidden fields.
    expect(r.body).toContain(`type="hidden" name="email_demandeur" value="${email}"`)

    // A private organisation needs its partner administration; a wrong SIRET check digit is refused.
    const structure = {
      nom: tout.nom ?? '',
      siret: '732 829 320 00075',
      type: 'association',
      adresse: tout.adresse ?? '',
      code_commune: tout.code_commune ?? '',
      region: '32',
      prive: 'oui',
    }
    r = await etape(2, { ...un, ...structure })
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain('Étape 2 sur 5')
    expect(r.body).toContain('SIRET : 14 chiffres avec une clé de contrôle valide.')
    expect(r.body).toContain('Administration partenaire : obligatoire pour une structure privée.')
    const deux = { ...structure, siret: tout.siret ?? '', administration_partenaire: 'CAF du Nord' }
    r = await etape(2, { ...un, ...deux })
    expect(r.body).toContain('Étape 3 sur 5 : Le ou la référente')
    const trois = { referent_nom: tout.referent_nom ?? '', referent_email: tout.referent_email ?? '' }
    r = await etape(3, { ...un, ...deux, ...trois })
    expect(r.body).toContain('Étape 4 sur 5 : Les aidants à habiliter')
    // Going back keeps what was typed, without checking it.
    r = await d.post('/aidants/habilitation', { ...un, ...deux, ...trois, etape: '4', aller: '3' })
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain('Étape 3 sur 5')
    expect(r.body).toContain(`value="${tout.referent_email}"`)
    const quatre = { aidants: tout.aidants ?? '' }
    r = await etape(4, { ...un, ...deux, ...trois, ...quatre })
    expect(r.body).toContain('Étape 5 sur 5 : Engagements et envoi')
    expect(r.body).toContain('Oui — pour CAF du Nord')
    // Nothing written so far, no e-mail sent.
    expect(
      await t.base.db
        .select()
        .from(demandesHabilitation)
        .where(eq(demandesHabilitation.emailDemandeur, email)),
    ).toEqual([])
    expect(await dernierMail(email)).toBeUndefined()

    // Last step without the commitments: 400 on step 5.
    r = await etape(5, { ...un, ...deux, ...trois, ...quatre })
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain('Engagements : cochez les cinq engagements.')
    // A tampered hidden field of an earlier step sends back to that step.
    const engagements = Object.fromEntries(Object.entries(tout).filter(([k]) => k.startsWith('engagement_')))
    r = await etape(5, { ...un, ...deux, ...trois, ...quatre, ...engagements, siret: '123' })
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain('Étape 2 sur 5')
    r = await etape(5, { ...un, ...deux, ...trois, ...quatre, ...engagements })
    expect(r.statusCode).toBe(303)
    expect(r.headers.location).toBe('/aidants/habilitation/envoyee')
    const demande = await demandeParEmail(email)
    expect(demande.statut).toBe('brouillon')
    expect(demande.donnees).toMatchObject({ prive: 'oui', administration_partenaire: 'CAF du Nord' })
    expect((await dernierMail(email))?.sujet).toContain('confirmez votre adresse')
  })

  it('enregistre un brouillon tant que l’adresse n’est pas confirmée, puis l’envoie à l’équipe', async () => {
    const { d, lien, email } = await deposer()
    expect((await demandeParEmail(email)).statut).toBe('brouillon')
    const page = await d.get(lien)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Confirmer mon adresse et envoyer la demande')
    const r = await d.post(`${lien}/confirmer`)
    expect(r.statusCode).toBe(303)
    const demande = await demandeParEmail(email)
    expect(demande.statut).toBe('en_attente')
    expect(demande.emailVerifieLe).not.toBeNull()
    expect((await dernierMail(email))?.sujet).toContain('demande reçue')
    expect((await d.get(lien)).body).toContain('En attente de validation')
  })

  it('met sur liste d’attente la demande d’une région fermée, et prévient à l’ouverture de sa vague', async () => {
    const { d, lien, email } = await deposer('11', '75056')
    await d.get(lien)
    await d.post(`${lien}/confirmer`)
    expect((await demandeParEmail(email)).statut).toBe('liste_attente')
    await admin.get('/aidants/admin/regions')
    const r = await admin.post('/aidants/admin/regions', { region: '11', vague: 'Vague 2' })
    expect(r.statusCode).toBe(303)
    expect((await demandeParEmail(email)).statut).toBe('en_attente')
    expect((await dernierMail(email))?.sujet).toContain('votre région est ouverte')
    await admin.get('/aidants/admin/regions')
    const encore = await admin.post('/aidants/admin/regions', { region: '11', vague: 'Vague 3' })
    expect(encore.statusCode).toBe(400)
    expect(encore.body).toContain('Cette région est déjà ouverte.')
  })

  it('refuse un lien inconnu et un lien de confirmation de plus de 3 jours', async () => {
    expect(
      (await new Navigateur(t.app).get('/aidants/habilitation/lien/inconnu-inconnu-inconnu-12')).statusCode,
    ).toBe(404)
    const { d, lien, email } = await deposer()
    t.maintenant.valeur = new Date(Date.now() + 4 * 86_400_000)
    try {
      await d.get(lien)
      const r = await d.post(`${lien}/confirmer`)
      expect(r.statusCode).toBe(400)
      expect(r.body).toContain('Ce lien de confirmation a expiré')
      expect((await demandeParEmail(email)).statut).toBe('brouillon')
    } finally {
      t.maintenant.valeur = new Date()
    }
  })

  it('échange des messages, demande des modifications, puis valide : structure, référent et aidants créés', async () => {
    const { d, lien, email } = await deposer()
    await d.get(lien)
    await d.post(`${lien}/confirmer`)
    const demande = await demandeParEmail(email)
    await d.get(lien)
    expect((await d.post(`${lien}/messages`, { texte: '' })).statusCode).toBe(400)
    expect(
      (await d.post(`${lien}/messages`, { texte: 'Notre numéro France Services arrive.' })).statusCode,
    ).toBe(303)

    const page = `/aidants/admin/habilitations/${demande.id}`
    expect((await admin.get(page)).body).toContain('Notre numéro France Services arrive.')
    const sansMessage = await admin.post(`${page}/decision`, { decision: 'demander_modifications' })
    expect(sansMessage.statusCode).toBe(400)
    expect(sansMessage.body).toContain('Message : expliquez votre décision au demandeur.')
    await admin.get(page)
    const modif = await admin.post(`${page}/decision`, {
      decision: 'demander_modifications',
      message: 'Précisez l’adresse complète.',
    })
    expect(modif.statusCode).toBe(303)
    expect((await demandeParEmail(email)).statut).toBe('modifications_demandees')
    expect((await dernierMail(email))?.texte).toContain('Précisez l’adresse complète.')

    await d.get(lien)
    expect((await d.post(`${lien}/renvoyer`)).statusCode).toBe(303)
    expect((await demandeParEmail(email)).statut).toBe('en_attente')

    await admin.get(page)
    expect((await admin.post(`${page}/decision`, { decision: 'valider' })).statusCode).toBe(303)
    const validee = await demandeParEmail(email)
    expect(validee.statut).toBe('eligibilite_validee')
    const [org] = await t.base.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, validee.organisationId ?? ''))
    expect(org).toMatchObject({ siret: '73282932000074', codeDepartement: '59', codeRegion: '32' })
    const referentMail = await dernierMail(`referent${n}@exemple.fr`)
    expect(referentMail?.texte).toContain('/invitation/')
    const aidants = await t.base.db
      .select()
      .from(habilitationsAidant)
      .where(eq(habilitationsAidant.organisationId, org?.id ?? ''))
    expect(aidants.map((a) => a.statut)).toEqual(['en_formation', 'en_formation'])

    // Training recorded by the national team: the aidant's account exists, without password, with the role.
    const [premier] = aidants
    await admin.get(page)
    expect((await admin.post(`${page}/aidants/${premier?.id}/activer`)).statusCode).toBe(303)
    const [activee] = await t.base.db
      .select()
      .from(habilitationsAidant)
      .where(eq(habilitationsAidant.id, premier?.id ?? ''))
    expect(activee?.statut).toBe('active')
    const compte = await trouverCompte(t.base.db, activee?.compteId ?? '')
    expect(compte?.motDePasseHash).toBeNull()
    expect(await habilitationsDe(t.base.db, compte?.id ?? '')).toEqual([
      { role: 'aidant', portee: { type: 'organisation', code: org?.id, libelle: org?.nom } },
    ])

    // Closed; no further decision possible.
    await admin.get(page)
    expect((await admin.post(`${page}/decision`, { decision: 'cloturer' })).statusCode).toBe(303)
    await admin.get(page)
    const apres = await admin.post(`${page}/decision`, { decision: 'refuser', message: 'non' })
    expect(apres.statusCode).toBe(400)
    expect(apres.body).toContain('Action impossible')
    const messages = await t.base.db
      .select()
      .from(messagesDemande)
      .where(eq(messagesDemande.demandeId, demande.id))
    expect(messages.map((m) => m.auteur)).toEqual(['demandeur', 'equipe'])
  })

  it('réutilise le compte existant d’un référent déjà connu et lui ajoute la structure', async () => {
    const { d, lien, email } = await deposer()
    const existant = await creerCompteTest(t.base, {
      habilitations: H.conseiller('s1'),
      email: `referent${n}@exemple.fr`,
    })
    await d.get(lien)
    await d.post(`${lien}/confirmer`)
    const demande = await demandeParEmail(email)
    await admin.get(`/aidants/admin/habilitations/${demande.id}`)
    await admin.post(`/aidants/admin/habilitations/${demande.id}/decision`, { decision: 'valider' })
    const roles = await habilitationsDe(t.base.db, existant.id)
    expect(roles.map((r) => r.role).sort()).toEqual(['conseiller', 'referent'])
  })

  it('ne montre pas les brouillons à l’équipe et refuse l’examen aux non-administrateurs', async () => {
    const { email } = await deposer()
    const brouillon = await demandeParEmail(email)
    expect((await admin.get(`/aidants/admin/habilitations/${brouillon.id}`)).statusCode).toBe(404)
    const conseiller = new Navigateur(t.app)
    await connecter(conseiller, t, await creerCompteTest(t.base, { habilitations: H.conseiller('s1') }))
    expect((await conseiller.get('/aidants/admin/habilitations')).statusCode).toBe(403)
    const n0 = await t.base.db
      .select()
      .from(demandesHabilitation)
      .where(and(eq(demandesHabilitation.id, brouillon.id)))
    expect(n0[0]?.statut).toBe('brouillon')
  })
})
