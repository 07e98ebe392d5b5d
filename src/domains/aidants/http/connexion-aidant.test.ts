import { desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AppDeTest,
  appDeTest,
  connecter,
  creerCompteTest,
  H,
  MOT_DE_PASSE_TEST,
  SECRET_TOTP_TEST,
} from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { outboxMessages } from '../../../platform/outbox/schema'
import { codeTotp } from '../../comptes'
import { creerOrganisation } from '../db/organisations-repository'
import { etatsAidant, journal } from '../db/schema'

describe.each(MOTEURS)('connexion des aidants : e-mail + code, puis lien de 5 minutes (%s)', (moteur) => {
  let t: AppDeTest
  let adresse = 0
  const nav = () => new Navigateur(t.app, undefined, `10.2.0.${++adresse}`)
  const code = (decalageSecondes = 0) =>
    codeTotp(SECRET_TOTP_TEST, new Date(t.maintenant.valeur.getTime() + decalageSecondes * 1000))
  const lien = async (email: string) => {
    const [m] = await t.base.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.destinataire, email))
      .orderBy(desc(outboxMessages.creeLe))
      .limit(1)
    const l = /\/aidants\/connexion\/lien\/[\w-]+/.exec(m?.texte ?? '')
    if (!l) throw new Error('pas de lien')
    return l[0]
  }
  const aidant = async () => {
    const org = await creerOrganisation(t.base.db, {
      nom: 'Org',
      type: 'ccas',
      codeCommune: '59350',
      codeDepartement: '59',
      codeRegion: '32',
    })
    return creerCompteTest(t.base, { habilitations: H.aidant(org.id), totp: true })
  }
  /** Moves the clock by a minute so that each test's codes belong to a fresh TOTP step (codes are single use). */
  const avancer = (ms = 61_000) => {
    t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + ms)
  }

  beforeAll(async () => {
    t = await appDeTest(moteur)
  })
  afterAll(async () => t?.fermer())

  it('connecte sans mot de passe : code juste, lien reçu, session ouverte, lien à usage unique', async () => {
    avancer()
    const a = await aidant()
    const n = nav()
    const r = await n.soumettre('/aidants/connexion', '/aidants/connexion', { email: a.email, code: code() })
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain('valable 5 minutes')
    const l = await lien(a.email)
    expect((await n.get(l)).body).toContain('Me connecter')
    const ouvre = await n.post(l)
    expect(ouvre.statusCode).toBe(303)
    expect(ouvre.headers.location).toBe('/aidants/espace')
    expect((await n.get('/aidants/espace')).statusCode).toBe(200)
    const entrees = await t.base.db.select().from(journal).where(eq(journal.aidantId, a.id))
    expect(entrees.map((e) => e.action)).toContain('connexion_aidant')
    const autre = nav()
    await autre.get(l)
    expect((await autre.post(l)).statusCode).toBe(410)
  })

  it('donne la même réponse pour une adresse inconnue, un code faux ou un code rejoué', async () => {
    avancer()
    const a = await aidant()
    const essais = [
      { email: 'personne@exemple.fr', code: code() },
      { email: a.email, code: code() === '000000' ? '111111' : '000000' },
    ]
    const corps: string[] = []
    for (const e of essais) {
      const r = await nav().soumettre('/aidants/connexion', '/aidants/connexion', e)
      expect(r.statusCode).toBe(401)
      corps.push(/<p class="fr-error-text"[^>]*>([^<]+)</.exec(r.body)?.[1] ?? '')
    }
    expect(corps[0]).toContain('Adresse e-mail ou code incorrect')
    expect(corps[1]).toBe(corps[0])
    const c = code()
    expect(
      (await nav().soumettre('/aidants/connexion', '/aidants/connexion', { email: a.email, code: c }))
        .statusCode,
    ).toBe(200)
    expect(
      (await nav().soumettre('/aidants/connexion', '/aidants/connexion', { email: a.email, code: c }))
        .statusCode,
    ).toBe(401)
  })

  it('refuse un lien de plus de 5 minutes', async () => {
    avancer()
    const a = await aidant()
    const n = nav()
    await n.soumettre('/aidants/connexion', '/aidants/connexion', { email: a.email, code: code() })
    const l = await lien(a.email)
    avancer(5 * 60_000 + 1000)
    await n.get(l)
    expect((await n.post(l)).statusCode).toBe(410)
  })

  it('n’accepte pas ici un lien de connexion ordinaire, obtenu avec la seule adresse e-mail', async () => {
    avancer()
    const a = await aidant()
    const n = nav()
    await n.soumettre('/connexion/lien', '/connexion/lien', { email: a.email })
    const [m] = await t.base.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.destinataire, a.email))
      .orderBy(desc(outboxMessages.creeLe))
      .limit(1)
    const jeton = /\/connexion\/lien\/([\w-]+)/.exec(m?.texte ?? '')?.[1]
    expect(jeton).toBeTruthy()
    await n.get(`/aidants/connexion/lien/${jeton}`)
    expect((await n.post(`/aidants/connexion/lien/${jeton}`)).statusCode).toBe(410)
  })

  it('bloque le compte après des codes faux répétés, même avec ensuite le bon code, sans le dire', async () => {
    avancer()
    const a = await aidant()
    const faux = code() === '000000' ? '111111' : '000000'
    for (let i = 0; i < 6; i++)
      await nav().soumettre('/aidants/connexion', '/aidants/connexion', { email: a.email, code: faux })
    const r = await nav().soumettre('/aidants/connexion', '/aidants/connexion', {
      email: a.email,
      code: code(),
    })
    expect(r.statusCode).toBe(401)
    expect(r.body).toContain('Adresse e-mail ou code incorrect')
  })

  const faux = () => (code() === '000000' ? '111111' : '000000')
  const demander = (email: string, c: string) =>
    nav().soumettre('/aidants/connexion', '/aidants/connexion', { email, code: c })
  const echecsEnBase = async (compteId: string) =>
    (await t.base.db.select().from(etatsAidant).where(eq(etatsAidant.compteId, compteId)))[0]?.echecsTotp

  it('compte chacun des codes faux envoyés en même temps, d’adresses différentes, et bloque le compte', async () => {
    avancer()
    const a = await aidant()
    const enParallele = (n: number) =>
      Promise.all(Array.from({ length: n }, async () => (await demander(a.email, faux())).statusCode))
    expect((await enParallele(4)).every((s) => s === 401)).toBe(true)
    // Counted in the database in one statement each: none is lost.
    expect(await echecsEnBase(a.id)).toBe(4)
    expect((await demander(a.email, faux())).statusCode).toBe(401)
    expect((await demander(a.email, code())).statusCode).toBe(401)
    // A burst of 20 more, all refused, and the right code still is.
    expect((await enParallele(20)).every((s) => s === 401)).toBe(true)
    avancer()
    expect((await demander(a.email, code())).statusCode).toBe(401)
  })

  it('prolonge le blocage à chaque code faux après sa fin, au lieu de redonner 5 essais', async () => {
    avancer()
    const a = await aidant()
    for (let i = 0; i < 5; i++) expect((await demander(a.email, faux())).statusCode).toBe(401)
    avancer(16 * 60_000)
    // One more wrong code after the 15 minutes: 30 minutes this time.
    expect((await demander(a.email, faux())).statusCode).toBe(401)
    avancer(16 * 60_000)
    expect((await demander(a.email, code())).statusCode).toBe(401)
    avancer(16 * 60_000)
    expect((await demander(a.email, code())).statusCode).toBe(200)
  })

  it('partage le compteur des codes faux avec la ressaisie : 3 là, 2 ici, et le compte est bloqué', async () => {
    avancer()
    const a = await aidant()
    const n = new Navigateur(t.app, undefined, `10.3.0.${++adresse}`)
    await connecter(n, t, a)
    avancer(16 * 60_000)
    const url = `/aidants/reauthentification?retour=${encodeURIComponent('/aidants/espace')}`
    for (let i = 0; i < 3; i++) {
      await n.get(url)
      expect((await n.post(url, { code: faux() })).statusCode).toBe(400)
    }
    avancer()
    for (let i = 0; i < 2; i++) expect((await demander(a.email, faux())).statusCode).toBe(401)
    avancer()
    expect((await demander(a.email, code())).statusCode).toBe(401)
  })

  /** An aidant signed in, who after 15 minutes proves presence again with a code: the code it used. */
  const codeAccepteALaRessaisie = async () => {
    avancer()
    const a = await aidant()
    const n = new Navigateur(t.app, undefined, `10.3.0.${++adresse}`)
    await connecter(n, t, a)
    avancer(16 * 60_000)
    const url = `/aidants/reauthentification?retour=${encodeURIComponent('/aidants/espace')}`
    const c = code()
    await n.get(url)
    expect((await n.post(url, { code: c })).statusCode).toBe(303)
    return { a, c }
  }

  it('refuse à la connexion un code déjà accepté à la ressaisie (un seul dernier pas utilisé)', async () => {
    const { a, c } = await codeAccepteALaRessaisie()
    expect((await demander(a.email, c)).statusCode).toBe(401)
    avancer()
    expect((await demander(a.email, code())).statusCode).toBe(200)
  })

  it('refuse au second facteur de la connexion par mot de passe un code déjà accepté à la ressaisie', async () => {
    const { a, c } = await codeAccepteALaRessaisie()
    const autre = new Navigateur(t.app, undefined, `10.3.0.${++adresse}`)
    const r = await autre.soumettre('/connexion', '/connexion', {
      email: a.email,
      mot_de_passe: MOT_DE_PASSE_TEST,
    })
    expect(r.headers.location).toBe('/connexion/totp')
    await autre.get('/connexion/totp')
    expect((await autre.post('/connexion/totp', { code: c })).statusCode).toBe(400)
    avancer(31_000)
    expect((await autre.post('/connexion/totp', { code: code() })).headers.location).toBe('/espace')
  })

  it('laisse se connecter six fois en cinq minutes : un lien utilisé ne compte pas dans la limite', async () => {
    avancer()
    const a = await aidant()
    for (let i = 0; i < 6; i++) {
      avancer(31_000)
      const n = nav()
      const r = await n.soumettre('/aidants/connexion', '/aidants/connexion', {
        email: a.email,
        code: code(),
      })
      expect(r.statusCode, `connexion ${i + 1}`).toBe(200)
      const l = await lien(a.email)
      await n.get(l)
      expect((await n.post(l)).headers.location).toBe('/aidants/espace')
    }
  })

  it('n’envoie pas plus de 5 liens non utilisés en cinq minutes, remplacés ou non', async () => {
    avancer()
    const a = await aidant()
    for (let i = 0; i < 5; i++) {
      avancer(31_000)
      expect((await demander(a.email, code())).statusCode, `demande ${i + 1}`).toBe(200)
    }
    avancer(31_000)
    expect((await demander(a.email, code())).statusCode).toBe(401)
    avancer(5 * 60_000)
    expect((await demander(a.email, code())).statusCode).toBe(200)
  })

  it('limite les tentatives par adresse IP (429 au-delà de 10 par minute)', async () => {
    const n = nav()
    const statuts: number[] = []
    for (let i = 0; i < 12; i++)
      statuts.push(
        (
          await n.soumettre('/aidants/connexion', '/aidants/connexion', {
            email: 'x@exemple.fr',
            code: '123456',
          })
        ).statusCode,
      )
    expect(statuts.slice(0, 10).every((s) => s === 401)).toBe(true)
    expect(statuts.at(-1)).toBe(429)
  })

  it('garde la connexion par mot de passe des autres rôles', async () => {
    const conseiller = await creerCompteTest(t.base, { habilitations: H.conseiller('s1') })
    const n = nav()
    const r = await n.soumettre('/connexion', '/connexion', {
      email: conseiller.email,
      mot_de_passe: 'une phrase de passe assez longue',
    })
    expect(r.headers.location).toBe('/espace')
  })
})
