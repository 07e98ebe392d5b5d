import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  type AppDeTest,
  appDeTest,
  creerCompteTest,
  H,
  MOT_DE_PASSE_TEST,
  SECRET_TOTP_TEST,
} from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { outboxMessages } from '../../../platform/outbox/schema'
import { comptes, sessions } from '../db/schema'
import { codeTotp } from '../domain/totp'

describe.each(MOTEURS)('connexion (%s)', (moteur) => {
  let t: AppDeTest
  beforeEach(async () => {
    t = await appDeTest(moteur)
  })
  afterEach(async () => t.fermer())

  const seConnecter = (n: Navigateur, email: string, motDePasse = MOT_DE_PASSE_TEST) =>
    n.soumettre('/connexion', '/connexion', { email, mot_de_passe: motDePasse })

  const compteEnBase = async (id: string) =>
    (await t.base.db.select().from(comptes).where(eq(comptes.id, id)))[0]!

  /** The text of the page's error alert (the CSRF token and the echoed address left out). */
  const alerte = (html: string) => /role="alert">\s*<p>([^<]*)<\/p>/.exec(html)?.[1]

  /** `n` six-digit codes that are wrong now (none of the accepted steps: now and ±30 s). */
  const codesFaux = (n: number) => {
    const vrais = new Set(
      [-30_000, 0, 30_000].map((d) =>
        codeTotp(SECRET_TOTP_TEST, new Date(t.maintenant.valeur.getTime() + d)),
      ),
    )
    return Array.from({ length: n + 3 }, (_, i) => String(i * 1_111).padStart(6, '0'))
      .filter((c) => !vrais.has(c))
      .slice(0, n)
  }

  it('connecte par mot de passe un conseiller et ouvre son espace', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.conseiller('s1') })
    const n = new Navigateur(t.app)
    const r = await seConnecter(n, c.email.toUpperCase())
    expect(r.statusCode).toBe(303)
    expect(r.headers.location).toBe('/espace')
    const espace = await n.get('/espace')
    expect(espace.statusCode).toBe(200)
    expect(espace.body).toContain(`Bonjour Alex`)
    expect(espace.body).toContain('Conseiller numérique')
  })

  it('refuse un mauvais mot de passe sans dire si le compte existe', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.conseiller('s1') })
    const n = new Navigateur(t.app)
    const mauvais = await seConnecter(n, c.email, 'pas le bon mot de passe')
    const inconnu = await seConnecter(
      new Navigateur(t.app),
      'personne@nulle-part.fr',
      'pas le bon mot de passe',
    )
    expect(mauvais.statusCode).toBe(401)
    expect(inconnu.statusCode).toBe(401)
    expect(mauvais.body).toContain('Adresse e-mail ou mot de passe incorrect.')
    expect(inconnu.body).toContain('Adresse e-mail ou mot de passe incorrect.')
    expect((await n.get('/espace')).statusCode).toBe(303)
  })

  it('bloque progressivement après des échecs répétés, même avec le bon mot de passe, sans le dire', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.conseiller('s1') })
    const n = new Navigateur(t.app)
    for (let i = 0; i < 5; i++)
      expect((await seConnecter(n, c.email, 'mauvais mot de passe')).statusCode).toBe(401)
    expect((await compteEnBase(c.id)).bloqueJusquA).not.toBeNull()
    const bloque = await seConnecter(n, c.email)
    expect(bloque.statusCode).toBe(401)
    expect(alerte(bloque.body)).toBe(
      alerte(await seConnecter(n, 'personne@nulle-part.fr').then((r) => r.body)),
    )
    t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + 61_000)
    expect((await seConnecter(n, c.email, 'encore mauvais')).statusCode).toBe(401)
    // The sixth failure locks for 2 minutes: one minute later the right password is still refused.
    t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + 61_000)
    expect((await seConnecter(n, c.email)).statusCode).toBe(401)
    t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + 61_000)
    expect((await seConnecter(n, c.email)).headers.location).toBe('/espace')
    expect((await compteEnBase(c.id)).echecsConnexion).toBe(0)
  })

  it('répond pareil pour une adresse bloquée et pour une adresse sans compte, essais simultanés compris', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.conseiller('s1') })
    const reponses = async (email: string, reseau: string) => {
      // Eight wrong passwords at once, each from its own address (the per-address limit is not the point).
      const paralleles = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          seConnecter(new Navigateur(t.app, undefined, `${reseau}.${i}`), email, 'mauvais mot de passe'),
        ),
      )
      const suivante = await seConnecter(new Navigateur(t.app, undefined, `${reseau}.99`), email)
      return [...paralleles, suivante].map((r) => ({ statut: r.statusCode, message: alerte(r.body) }))
    }
    const existante = await reponses(c.email, '10.0.1')
    const inconnue = await reponses('personne@nulle-part.fr', '10.0.2')
    expect(existante).toEqual(inconnue)
    expect(existante.every((r) => r.statut === 401)).toBe(true)
    // The account is locked all the same: every parallel failure was counted, and even the right
    // password (the last attempt) was refused.
    const compte = await compteEnBase(c.id)
    expect(compte.echecsConnexion).toBeGreaterThanOrEqual(5)
    expect(compte.bloqueJusquA!.getTime()).toBeGreaterThan(t.maintenant.valeur.getTime())
  })

  it('exige et vérifie le code TOTP pour un administrateur, et refuse de rejouer un code', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.admin(), totp: true })
    const n = new Navigateur(t.app)
    const r = await seConnecter(n, c.email)
    expect(r.headers.location).toBe('/connexion/totp')
    expect((await n.get('/admin/comptes')).statusCode).toBe(303)
    await n.get('/connexion/totp')
    const faux = await n.post('/connexion/totp', {
      code: '000000' === codeTotp(SECRET_TOTP_TEST, t.maintenant.valeur) ? '111111' : '000000',
    })
    expect(faux.statusCode).toBe(400)
    expect(faux.body).toContain('Ce code n’est pas valide')
    const code = codeTotp(SECRET_TOTP_TEST, t.maintenant.valeur)
    const bon = await n.post('/connexion/totp', { code })
    expect(bon.headers.location).toBe('/espace')
    expect((await n.get('/admin/comptes')).statusCode).toBe(200)

    const autre = new Navigateur(t.app)
    await seConnecter(autre, c.email)
    await autre.get('/connexion/totp')
    expect((await autre.post('/connexion/totp', { code })).statusCode).toBe(400)
  })

  it('accepte un code décalé de 30 s mais pas de 90 s', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.admin(), totp: true })
    const n = new Navigateur(t.app)
    await seConnecter(n, c.email)
    await n.get('/connexion/totp')
    const ancien = codeTotp(SECRET_TOTP_TEST, new Date(t.maintenant.valeur.getTime() - 90_000))
    const courant = codeTotp(SECRET_TOTP_TEST, t.maintenant.valeur)
    if (ancien !== courant) expect((await n.post('/connexion/totp', { code: ancien })).statusCode).toBe(400)
    const decale = codeTotp(SECRET_TOTP_TEST, new Date(t.maintenant.valeur.getTime() - 30_000))
    expect((await n.post('/connexion/totp', { code: decale })).headers.location).toBe('/espace')
  })

  it('fait activer le TOTP à un aidant qui ne l’a pas, puis accepte un code de secours une seule fois', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.aidant('o1') })
    const n = new Navigateur(t.app)
    expect((await seConnecter(n, c.email)).headers.location).toBe('/connexion/totp/activer')
    const page = await n.get('/connexion/totp/activer')
    expect(page.body).toContain('<svg')
    const secret = /class="escale-secret">([A-Z2-7 ]+)</.exec(page.body)?.[1]?.replace(/ /g, '')
    expect(secret).toBeTruthy()
    const r = await n.post('/connexion/totp/activer', { code: codeTotp(secret!, t.maintenant.valeur) })
    expect(r.statusCode).toBe(200)
    const codes = [...r.body.matchAll(/<code>([a-z0-9]{5}-[a-z0-9]{5})<\/code>/g)].map((m) => m[1]!)
    expect(codes).toHaveLength(10)
    expect((await n.get('/espace')).statusCode).toBe(200)

    for (const essai of [200, 400]) {
      const m = new Navigateur(t.app)
      await seConnecter(m, c.email)
      await m.get('/connexion/totp')
      const s = await m.post('/connexion/totp', { code: codes[0]!.toUpperCase() })
      expect(s.statusCode === 303 ? 200 : s.statusCode).toBe(essai)
    }
  })

  it('ne remet pas à zéro les codes faux quand on se reconnecte avec le mot de passe', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.admin(), totp: true })
    const faux = codesFaux(5)
    const n = new Navigateur(t.app)
    await seConnecter(n, c.email)
    await n.get('/connexion/totp')
    for (const code of faux.slice(0, 4))
      expect((await n.post('/connexion/totp', { code })).statusCode).toBe(400)
    // A new password login, from another address: the four wrong codes still count.
    const m = new Navigateur(t.app, undefined, '10.0.3.1')
    expect((await seConnecter(m, c.email)).headers.location).toBe('/connexion/totp')
    await m.get('/connexion/totp')
    const cinquieme = await m.post('/connexion/totp', { code: faux[4]! })
    expect(cinquieme.statusCode).toBe(429)
    expect(cinquieme.body).toContain('réessayez dans 1 minute')
    const bon = await m.post('/connexion/totp', { code: codeTotp(SECRET_TOTP_TEST, t.maintenant.valeur) })
    expect(bon.statusCode).toBe(429)
    expect((await m.get('/admin/comptes')).statusCode).toBe(303)
    expect((await compteEnBase(c.id)).echecsConnexion).toBe(5)
  })

  it('compte tous les codes faux envoyés en même temps', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.admin(), totp: true })
    const n = new Navigateur(t.app)
    await seConnecter(n, c.email)
    await n.get('/connexion/totp')
    const reponses = await Promise.all(
      codesFaux(20).map((code, i) => {
        const copie = new Navigateur(t.app, undefined, `10.0.4.${i}`)
        for (const [k, v] of n.cookies) copie.cookies.set(k, v)
        copie.dernierCsrf = n.dernierCsrf
        return copie.post('/connexion/totp', { code })
      }),
    )
    // Four free failures, then every one locks (counted one by one, or refused as already locked).
    const statuts = reponses.map((r) => r.statusCode).sort()
    expect(statuts).toEqual([...Array(4).fill(400), ...Array(16).fill(429)])
    const compte = await compteEnBase(c.id)
    expect(compte.echecsConnexion).toBeGreaterThanOrEqual(5)
    expect(compte.bloqueJusquA!.getTime()).toBeGreaterThan(t.maintenant.valeur.getTime())
    const bon = await n.post('/connexion/totp', { code: codeTotp(SECRET_TOTP_TEST, t.maintenant.valeur) })
    expect(bon.statusCode).toBe(429)
  })

  it('renouvelle le secret CSRF à chaque connexion : ce qui a été obtenu avant ne sert plus', async () => {
    // Someone who knew the CSRF secret or a token before login (a planted cookie, a page left open)
    // must not be able to use it in the session that follows.
    const avant = (n: Navigateur) => ({ secret: n.cookies.get('_csrf'), jeton: n.dernierCsrf })
    const verifier = async (n: Navigateur, ancien: ReturnType<typeof avant>) => {
      expect(n.cookies.get('_csrf')).toBeTruthy()
      expect(n.cookies.get('_csrf')).not.toBe(ancien.secret)
      expect((await n.post('/compte/sessions/revoquer-tout', { _csrf: ancien.jeton! })).statusCode).toBe(403)
      await n.get('/compte/sessions')
      expect(n.dernierCsrf).not.toBe(ancien.jeton)
      expect((await n.post('/compte/sessions/revoquer-tout')).statusCode).toBe(303)
    }

    const conseiller = await creerCompteTest(t.base, { habilitations: H.conseiller('s1') })
    const parMotDePasse = new Navigateur(t.app)
    await parMotDePasse.get('/connexion')
    const a = avant(parMotDePasse)
    expect(
      (await parMotDePasse.post('/connexion', { email: conseiller.email, mot_de_passe: MOT_DE_PASSE_TEST }))
        .headers.location,
    ).toBe('/espace')
    await verifier(parMotDePasse, a)

    const admin = await creerCompteTest(t.base, { habilitations: H.admin(), totp: true })
    const parTotp = new Navigateur(t.app)
    await seConnecter(parTotp, admin.email)
    await parTotp.get('/connexion/totp')
    const b = avant(parTotp)
    const code = codeTotp(SECRET_TOTP_TEST, t.maintenant.valeur)
    expect((await parTotp.post('/connexion/totp', { code })).headers.location).toBe('/espace')
    await verifier(parTotp, b)

    const parLien = new Navigateur(t.app)
    await parLien.soumettre('/connexion/lien', '/connexion/lien', { email: conseiller.email })
    const [message] = await t.base.db.select().from(outboxMessages)
    const chemin = /\/connexion\/lien\/[A-Za-z0-9_-]+/.exec(message!.texte)![0]
    await parLien.get(chemin)
    const d = avant(parLien)
    expect((await parLien.post(chemin)).headers.location).toBe('/espace')
    await verifier(parLien, d)

    const demo = await creerCompteTest(t.base, {
      habilitations: H.conseiller('s1'),
      email: 'essai.csrf@demo.escale.localhost',
    })
    const parDemo = new Navigateur(t.app)
    await parDemo.get('/demo')
    const e = avant(parDemo)
    expect((await parDemo.post(`/demo/${demo.id}`)).headers.location).toBe('/espace')
    await verifier(parDemo, e)
  })

  it('envoie un lien magique à usage unique, valable 15 minutes, avec une réponse identique pour un inconnu', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.conseiller('s1') })
    const n = new Navigateur(t.app)
    const r = await n.soumettre('/connexion/lien', '/connexion/lien', { email: c.email })
    const inconnu = await new Navigateur(t.app).soumettre('/connexion/lien', '/connexion/lien', {
      email: 'inconnu@exemple.fr',
    })
    expect(r.statusCode).toBe(200)
    expect(inconnu.statusCode).toBe(200)
    expect(inconnu.body).toContain('Si un compte existe avec cette adresse')
    const messages = await t.base.db.select().from(outboxMessages)
    expect(messages).toHaveLength(1)
    expect(messages[0]!.destinataire).toBe(c.email)
    const url = /http:\/\/[^\s]+\/connexion\/lien\/([A-Za-z0-9_-]+)/.exec(messages[0]!.texte)!
    const chemin = `/connexion/lien/${url[1]}`
    await n.get(chemin)
    const ok = await n.post(chemin)
    expect(ok.headers.location).toBe('/espace')
    expect((await n.get('/espace')).statusCode).toBe(200)
    const rejoue = await new Navigateur(t.app).soumettre(chemin, chemin, {})
    expect(rejoue.statusCode).toBe(410)

    await n.soumettre('/connexion/lien', '/connexion/lien', { email: c.email })
    const [dernier] = (await t.base.db.select().from(outboxMessages)).filter(
      (m) => m.texte !== messages[0]!.texte,
    )
    const chemin2 = `/connexion/lien/${/\/connexion\/lien\/([A-Za-z0-9_-]+)/.exec(dernier!.texte)![1]}`
    t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + 16 * 60_000)
    expect((await new Navigateur(t.app).soumettre(chemin2, chemin2, {})).statusCode).toBe(410)
  })

  it('refuse un formulaire sans jeton CSRF ou avec un faux jeton', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.conseiller('s1') })
    const n = new Navigateur(t.app)
    await n.get('/connexion')
    const sans = await n.post('/connexion', { _csrf: '', email: c.email, mot_de_passe: MOT_DE_PASSE_TEST })
    expect(sans.statusCode).toBe(403)
    expect(sans.body).toContain('Formulaire expiré')
    const faux = await n.post('/connexion', {
      _csrf: 'faux-jeton',
      email: c.email,
      mot_de_passe: MOT_DE_PASSE_TEST,
    })
    expect(faux.statusCode).toBe(403)
    expect(await t.base.db.select().from(sessions)).toHaveLength(0)
  })

  it('ferme une autre session, puis toutes, et la session fermée ne donne plus accès', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.conseiller('s1') })
    const a = new Navigateur(t.app)
    const b = new Navigateur(t.app, 'Mozilla/5.0 (Linux; Android 10) Chrome/120.0')
    await seConnecter(a, c.email)
    await seConnecter(b, c.email)
    const page = await a.get('/compte/sessions')
    expect(page.body).toContain('Chrome sur Android')
    const id = /action="\/compte\/sessions\/([0-9a-f-]+)\/revoquer"/.exec(page.body)![1]
    expect((await a.post(`/compte/sessions/${id}/revoquer`)).statusCode).toBe(303)
    expect((await b.get('/espace')).statusCode).toBe(303)
    expect((await a.get('/espace')).statusCode).toBe(200)
    await a.get('/compte/sessions')
    await a.post('/compte/sessions/revoquer-tout')
    expect((await a.get('/espace')).statusCode).toBe(303)
  })

  it('ferme la session après l’inactivité permise pour le rôle', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.conseiller('s1') })
    const n = new Navigateur(t.app)
    await seConnecter(n, c.email)
    t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + 119 * 60_000)
    expect((await n.get('/espace')).statusCode).toBe(200)
    t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + 121 * 60_000)
    expect((await n.get('/espace')).statusCode).toBe(303)
  })

  it('change la session à la connexion (pas de fixation)', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.conseiller('s1') })
    const n = new Navigateur(t.app)
    await seConnecter(n, c.email)
    const premier = n.cookies.get('escale_session')
    // Logging in again from the same browser, with a form of the session (the CSRF secret changed).
    await n.get('/espace')
    await n.post('/connexion', { email: c.email, mot_de_passe: MOT_DE_PASSE_TEST })
    expect(n.cookies.get('escale_session')).not.toBe(premier)
    const actives = await t.base.db.select().from(sessions).where(eq(sessions.compteId, c.id))
    expect(actives.filter((s) => !s.revoqueeLe)).toHaveLength(1)
  })

  it('réinitialise le mot de passe par e-mail et ferme les sessions ouvertes', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.conseiller('s1') })
    const ancienne = new Navigateur(t.app)
    await seConnecter(ancienne, c.email)
    const n = new Navigateur(t.app)
    await n.soumettre('/mot-de-passe-oublie', '/mot-de-passe-oublie', { email: c.email })
    const [m] = await t.base.db.select().from(outboxMessages)
    const chemin = /\/mot-de-passe\/nouveau\/[A-Za-z0-9_-]+/.exec(m!.texte)![0]
    const faible = await n.soumettre(chemin, chemin, { mot_de_passe: 'court', confirmation: 'court' })
    expect(faible.statusCode).toBe(400)
    expect(faible.body).toContain('au moins 12 caractères')
    const r = await n.soumettre(chemin, chemin, {
      mot_de_passe: 'un tout nouveau mot de passe',
      confirmation: 'un tout nouveau mot de passe',
    })
    expect(r.headers.location).toBe('/espace')
    expect((await ancienne.get('/espace')).statusCode).toBe(303)
    expect((await seConnecter(new Navigateur(t.app), c.email)).statusCode).toBe(401)
    expect(
      (await seConnecter(new Navigateur(t.app), c.email, 'un tout nouveau mot de passe')).headers.location,
    ).toBe('/espace')
  })
})
