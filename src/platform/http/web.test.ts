import { Writable } from 'node:stream'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, creerCompteTest, H, MOT_DE_PASSE_TEST } from '../../../tests/support/app'
import { MOTEURS } from '../../../tests/support/bases'
import { Navigateur } from '../../../tests/support/navigateur'

describe.each(MOTEURS)('plateforme web (%s)', (moteur) => {
  let t: AppDeTest | undefined
  afterEach(async () => {
    await t?.fermer()
    t = undefined
  })

  it('/sante dit l’état, le moteur de base, les migrations et la version', async () => {
    t = await appDeTest(moteur)
    const r = await t.app.inject('/sante')
    expect(r.statusCode).toBe(200)
    const corps = r.json()
    expect(corps).toMatchObject({ statut: 'ok', base: moteur, version: '0.1.0' })
    expect(corps.migrations.appliquees).toBe(corps.migrations.connues)
    expect(corps.migrations.connues).toBeGreaterThan(0)
    // Demo: every outside service is our simulator.
    expect(corps.connecteurs).toMatchObject({
      proconnect: 'simule',
      franceconnect: 'simule',
      smtp: 'simule',
      entreprises: 'simule',
    })
    expect(Object.values(corps.connecteurs).every((m) => m === 'simule')).toBe(true)
    // Breakers of the connectors that go through the HTTP client (ADR 050).
    expect(corps.disjoncteurs).toMatchObject({ entreprises: 'ferme' })
  })

  it('pose des en-têtes de sécurité stricts, sans empreinte du framework', async () => {
    t = await appDeTest(moteur)
    const r = await t.app.inject('/')
    const csp = String(r.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(r.headers['x-powered-by']).toBeUndefined()
    expect(r.headers['x-content-type-options']).toBe('nosniff')
    expect(r.headers['cache-control']).toBe('no-store')
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(r.headers['strict-transport-security']).toBeUndefined()
    // The same headers on an error page and on the public API.
    for (const url of ['/nulle-part', '/api/v1/lieux?limit=1']) {
      const autre = await t.app.inject(url)
      expect(autre.headers['content-security-policy']).toBe(csp)
      expect(autre.headers['x-content-type-options']).toBe('nosniff')
    }
  })

  it('en HTTPS, impose HTTPS au navigateur (HSTS, upgrade-insecure-requests)', async () => {
    t = await appDeTest(moteur, { BASE_URL: 'https://escale.example.fr' })
    const r = await t.app.inject('/')
    expect(r.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
    expect(String(r.headers['content-security-policy'])).toMatch(/;upgrade-insecure-requests$/)
  })

  it('compresse les pages et répond 404 en français avec une page DSFR', async () => {
    t = await appDeTest(moteur)
    const page = await t.app.inject({ url: '/accessibilite', headers: { 'accept-encoding': 'br' } })
    expect(page.headers['content-encoding']).toBe('br')
    const r = await t.app.inject('/nulle-part')
    expect(r.statusCode).toBe(404)
    expect(r.body).toContain('Page introuvable')
    expect(r.body).toContain('<html lang="fr"')
    for (const [accepte, encodage] of [
      ['br', 'br'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
    ] as const) {
      const compressee = await t.app.inject({ url: '/nulle-part', headers: { 'accept-encoding': accepte } })
      expect(compressee.statusCode).toBe(404)
      expect(compressee.headers['content-encoding']).toBe(encodage)
      const texte = (encodage === 'br' ? brotliDecompressSync : gunzipSync)(compressee.rawPayload).toString()
      expect(texte).toContain('Page introuvable')
    }
    const api = await t.app.inject('/api/nulle-part')
    expect(api.statusCode).toBe(404)
    expect(api.json()).toEqual({ erreur: 'Ressource introuvable.' })
  })

  it('montre une page 500 sans aucun détail technique', async () => {
    t = await appDeTest(moteur, {}, undefined, (app) => {
      app.get('/_boum', async () => {
        throw new Error('détail secret de la panne')
      })
    })
    const r = await t.app.inject('/_boum')
    expect(r.statusCode).toBe(500)
    expect(r.body).toContain('Erreur du service')
    expect(r.body).not.toContain('détail secret')
  })

  it('en production : ni connexion de démonstration, ni boîte mail, ni données fictives', async () => {
    t = await appDeTest(moteur, {
      ESCALE_MODE: 'production',
      SESSION_SECRET: 's'.repeat(40),
      BASE_URL: 'https://escale.exemple.gouv.fr',
      DEMO_DATA: '',
    })
    expect((await t.app.inject('/demo')).statusCode).toBe(404)
    expect((await t.app.inject('/boite-mail')).statusCode).toBe(404)
    const connexion = await t.app.inject('/connexion')
    expect(connexion.body).not.toContain('Connexion de démonstration')
    const n = new Navigateur(t.app)
    const r = await n.soumettre('/connexion', '/connexion', {
      email: 'camille.morel@demo.escale.localhost',
      mot_de_passe: 'escale-demo-2026',
    })
    expect(r.statusCode).toBe(401)
    expect(String(connexion.headers['strict-transport-security'])).toContain('max-age=31536000')
    expect(connexion.headers['set-cookie']?.toString()).toContain('Secure')
  })

  it('n’écrit dans les journaux ni e-mail, ni mot de passe, ni cookie, ni jeton de lien', async () => {
    const lignes: string[] = []
    const flux = new Writable({
      write(chunk, _enc, fin) {
        lignes.push(String(chunk))
        fin()
      },
    })
    t = await appDeTest(moteur, {}, flux)
    const c = await creerCompteTest(t.base, {
      habilitations: H.conseiller('s1'),
      email: 'visible.nulle.part@exemple.fr',
    })
    const n = new Navigateur(t.app)
    await n.soumettre('/connexion', '/connexion', { email: c.email, mot_de_passe: MOT_DE_PASSE_TEST })
    await n.soumettre('/connexion', '/connexion', {
      email: c.email,
      mot_de_passe: 'mauvais mot de passe secret',
    })
    await n.soumettre('/connexion/lien', '/connexion/lien', { email: c.email })
    const { outboxMessages } = await import('../outbox/schema')
    const [m] = await t.base.db.select().from(outboxMessages)
    const jeton = /\/connexion\/lien\/([A-Za-z0-9_-]+)/.exec(m!.texte)![1]!
    await n.get(`/connexion/lien/${jeton}`)
    // OpenID Connect redirections carry one-time codes in the query string.
    await n.get('/connexion?code=code-a-usage-unique-42&state=etat-secret-43')
    const journal = lignes.join('')
    expect(journal.length).toBeGreaterThan(500)
    expect(journal).toContain('/connexion/lien/[masqué]')
    expect(journal).toContain('code=[masqué]')
    for (const secret of [
      c.email,
      MOT_DE_PASSE_TEST,
      'mauvais mot de passe secret',
      jeton,
      n.cookies.get('escale_session')!,
      'code-a-usage-unique-42',
      'etat-secret-43',
    ]) {
      expect(journal).not.toContain(secret)
    }
  })
})
