import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { creerOrganisation } from '../db/organisations-repository'
import { autorisations, clientsPartenaires, mandats, usagers } from '../db/schema'

const CLIENT = 'partenaire-test'
const SECRET = 'secret-du-partenaire-de-test'
/** A partner on another origin: the pages leading to it must let the browser's form redirect go there. */
const AILLEURS = 'https://partenaire.exemple.fr'

describe.each(MOTEURS)(
  'fournisseur d’identité : connexion d’un partenaire au nom d’un usager (%s)',
  (moteur) => {
    let t: AppDeTest
    let base: string
    let cookieSession: string
    let orgId: string
    const redirectUri = () => `${base}/retour-partenaire`
    const usagerIds: Record<string, string> = {}

    const creerUsager = async (nom: string) => {
      const [u] = await t.base.db
        .insert(usagers)
        .values({
          subHash: `h-${nom}`,
          prenoms: 'Test',
          nom,
          dateNaissance: '1950-01-01',
          genre: 'female',
          lieuNaissance: '75107',
          paysNaissance: '99100',
        })
        .returning()
      if (!u) throw new Error('usager')
      usagerIds[nom] = u.id
      return u.id
    }
    const creerMandatTest = async (o: {
      org: string
      usager: string
      demarches: string[]
      expireLe: Date
      revoque?: boolean
    }) => {
      const id = crypto.randomUUID()
      await t.base.db.insert(mandats).values({
        id,
        organisationId: o.org,
        usagerId: o.usager,
        creeParId: crypto.randomUUID(),
        creeLe: new Date(),
        expireLe: o.expireLe,
        duree: 'annee',
        versionTexte: 'test',
        consentement: 'sur_place',
        hashAttestation: crypto.randomUUID(),
      })
      await t.base.db.insert(autorisations).values(
        o.demarches.map((demarche) => ({
          mandatId: id,
          demarche,
          revoqueeLe: o.revoque ? new Date() : null,
        })),
      )
    }

    beforeAll(async () => {
      t = await appDeTest(moteur)
      base = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1')
      const org = await creerOrganisation(t.base.db, {
        nom: 'Org A',
        type: 'france_services',
        codeCommune: '13055',
        codeDepartement: '13',
        codeRegion: '93',
      })
      const autre = await creerOrganisation(t.base.db, {
        nom: 'Org B',
        type: 'ccas',
        codeCommune: '59350',
        codeDepartement: '59',
        codeRegion: '32',
      })
      orgId = org.id
      const aidant = await creerCompteTest(t.base, { habilitations: H.aidant(org.id), totp: true })
      const n = new Navigateur(t.app)
      await connecter(n, t, aidant)
      cookieSession = [...n.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
      await t.base.db.insert(clientsPartenaires).values({
        clientId: CLIENT,
        nom: 'Partenaire de test',
        secret: SECRET,
        redirectUris: [redirectUri()],
        postLogoutRedirectUris: [`${base}/au-revoir`],
      })
      await t.base.db.insert(clientsPartenaires).values({
        clientId: 'partenaire-ailleurs',
        nom: 'Partenaire sur une autre origine',
        secret: SECRET,
        redirectUris: [`${AILLEURS}/retour`],
        postLogoutRedirectUris: ['https://fin.exemple.fr/au-revoir'],
      })
      const demain = new Date(Date.now() + 86_400_000)
      await creerMandatTest({
        org: org.id,
        usager: await creerUsager('Actif'),
        demarches: ['social', 'logement'],
        expireLe: demain,
      })
      await creerUsager('SansMandat')
      await creerMandatTest({
        org: org.id,
        usager: await creerUsager('Expire'),
        demarches: ['social'],
        expireLe: new Date(t.maintenant.valeur.getTime() - 60_000),
      })
      await creerMandatTest({
        org: org.id,
        usager: await creerUsager('Revoque'),
        demarches: ['social'],
        expireLe: demain,
        revoque: true,
      })
      await creerMandatTest({
        org: autre.id,
        usager: await creerUsager('AutreOrg'),
        demarches: ['social'],
        expireLe: demain,
      })
    })
    afterAll(async () => t?.fermer())

    /** A tiny browser over real HTTP: cookies kept, redirects followed by hand. */
    async function parcours(o: {
      clientId?: string
      redirect?: string
      usager: string
      demarche: string
      claims?: unknown
      /** The browser's cookies, kept across logins to play a second login in the same browser. */
      jar?: Map<string, string>
    }) {
      const jar = o.jar ?? new Map<string, string>()
      const cookies = () => [cookieSession, ...[...jar].map(([k, v]) => `${k}=${v}`)].join('; ')
      const garder = (r: Response) => {
        for (const c of r.headers.getSetCookie()) {
          const [paire = ''] = c.split(';')
          const i = paire.indexOf('=')
          jar.set(paire.slice(0, i), paire.slice(i + 1))
        }
        return r
      }
      const get = async (url: string) =>
        garder(await fetch(new URL(url, base), { headers: { cookie: cookies() }, redirect: 'manual' }))
      const q = new URLSearchParams({
        client_id: o.clientId ?? CLIENT,
        response_type: 'code',
        scope: 'openid profile birth',
        redirect_uri: o.redirect ?? redirectUri(),
        state: 'etat-123',
        nonce: 'nonce-456',
        acr_values: 'eidas1',
        ...(o.claims ? { claims: JSON.stringify(o.claims) } : {}),
      })
      let r = await get(`/oidc/auth?${q}`)
      let location = r.headers.get('location') ?? ''
      if (!location.includes('/aidants/connexion-demarche/')) return { location, statut: r.status }
      r = await get(location)
      const page = await r.text()
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? ''
      r = garder(
        await fetch(new URL(location, base), {
          method: 'POST',
          headers: { cookie: cookies(), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            _csrf: csrf,
            usager: usagerIds[o.usager] ?? o.usager,
            demarche: o.demarche,
          }),
          redirect: 'manual',
        }),
      )
      location = r.headers.get('location') ?? ''
      while (location && !location.startsWith(o.redirect ?? redirectUri())) {
        r = await get(location)
        location = r.headers.get('location') ?? ''
        // Logging in as another account (another authorisation) first ends the provider session: the
        // provider answers a form the browser submits at once (its script is allowed by a CSP hash).
        const corps = r.status === 200 ? await r.text() : ''
        const action = /<form method="post" action="([^"]+)"/.exec(corps)?.[1]
        if (action && corps.includes('Submitting Callback')) {
          const champs = [...corps.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)]
          r = garder(
            await fetch(action, {
              method: 'POST',
              headers: { cookie: cookies(), 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams(champs.map((m) => [m[1] ?? '', m[2] ?? ''])),
              redirect: 'manual',
            }),
          )
          location = r.headers.get('location') ?? ''
        }
      }
      return { location, statut: r.status }
    }

    const jeton = (code: string) =>
      fetch(`${base}/oidc/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri(),
          client_id: CLIENT,
          client_secret: SECRET,
        }),
      })
    const codeDe = (location: string) => new URL(location).searchParams.get('code') ?? ''
    const erreurDe = (location: string) =>
      new URL(location, base).searchParams.get('error') ?? new URL(location, base).searchParams.get('erreur')

    it('publie sa découverte et ses clés RS256', async () => {
      const d = (await (await fetch(`${base}/oidc/.well-known/openid-configuration`)).json()) as Record<
        string,
        unknown
      >
      expect(d.issuer).toBe(`${base}/oidc`)
      const jwks = (await (await fetch(String(d.jwks_uri))).json()) as { keys: { alg: string; d?: string }[] }
      expect(jwks.keys[0]?.alg).toBe('RS256')
      expect(jwks.keys[0]?.d).toBeUndefined()
    })

    it('accepte avec un mandat actif : code, jeton, userinfo, et la démarche choisie dans l’id_token', async () => {
      const r = await parcours({ usager: 'Actif', demarche: 'logement' })
      expect(r.location).toContain('state=etat-123')
      const reponse = await jeton(codeDe(r.location))
      expect(reponse.status).toBe(200)
      const corps = (await reponse.json()) as { access_token: string; id_token: string }
      const claims = JSON.parse(
        Buffer.from(corps.id_token.split('.')[1] ?? '', 'base64url').toString(),
      ) as Record<string, unknown>
      expect(claims.demarche).toBe('logement')
      expect(claims.nonce).toBe('nonce-456')
      expect(JSON.parse(Buffer.from(corps.id_token.split('.')[0] ?? '', 'base64url').toString()).alg).toBe(
        'RS256',
      )
      const info = (await (
        await fetch(`${base}/oidc/me`, { headers: { authorization: `Bearer ${corps.access_token}` } })
      ).json()) as Record<string, unknown>
      expect(info.family_name).toBe('Actif')
      // Access tokens are stored hashed: the raw value is nowhere in the database.
      const brut = await t.base.db.execute(
        sql`select count(*)::int as n from aidants_oidc where id_hash = ${corps.access_token} or payload::text like ${`%${corps.access_token}%`}`,
      )
      expect((brut as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0)
      // The journal records the use and the transmission, with ids only: no token, no code, no name.
      const entrees = (await t.base.db.execute(
        sql`select action, aidant_id, demarche, details::text as details from aidants_journal where usager_id = ${usagerIds.Actif}`,
      )) as unknown as {
        rows: { action: string; aidant_id: string | null; demarche: string; details: string }[]
      }
      expect(entrees.rows.map((e) => e.action)).toEqual(
        expect.arrayContaining(['utilisation_autorisation', 'transmission_identite']),
      )
      expect(entrees.rows.find((e) => e.action === 'utilisation_autorisation')?.aidant_id).toBeTruthy()
      const texte = JSON.stringify(entrees.rows)
      for (const secret of [corps.access_token, corps.id_token, codeDe(r.location), SECRET, 'Actif'])
        expect(texte).not.toContain(secret)
    })

    const claimsDe = (idToken: string) =>
      JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>

    it('donne l’acr eidas1 demandé dans l’id_token', async () => {
      const r = await parcours({ usager: 'Actif', demarche: 'social' })
      const corps = (await (await jeton(codeDe(r.location))).json()) as { id_token: string }
      expect(claimsDe(corps.id_token).acr).toBe('eidas1')
    })

    it('permet une deuxième connexion dans le même navigateur, pour une autre démarche', async () => {
      const jar = new Map<string, string>()
      const premiere = await parcours({ usager: 'Actif', demarche: 'social', jar })
      expect(codeDe(premiere.location)).not.toBe('')
      expect((await jeton(codeDe(premiere.location))).status).toBe(200)
      const seconde = await parcours({ usager: 'Actif', demarche: 'logement', jar })
      expect(erreurDe(seconde.location)).toBeNull()
      const corps = (await (await jeton(codeDe(seconde.location))).json()) as { id_token: string }
      expect(claimsDe(corps.id_token).demarche).toBe('logement')
    })

    it('laisse les formulaires du choix de l’usager mener aux partenaires enregistrés, pas ailleurs', async () => {
      const formAction = (r: Response) =>
        (r.headers.get('content-security-policy') ?? '').split(';').find((d) => d.startsWith('form-action'))
      const auth = await fetch(
        `${base}/oidc/auth?${new URLSearchParams({ client_id: 'partenaire-ailleurs', response_type: 'code', scope: 'openid', redirect_uri: `${AILLEURS}/retour` })}`,
        { redirect: 'manual' },
      )
      const cookies = [cookieSession, ...auth.headers.getSetCookie().map((c) => c.split(';')[0] ?? '')].join(
        '; ',
      )
      const page = await fetch(new URL(auth.headers.get('location') ?? '', base), {
        headers: { cookie: cookies },
        redirect: 'manual',
      })
      expect(page.status).toBe(200)
      for (const r of [auth, page]) {
        const fa = formAction(r) ?? ''
        expect(fa).toContain(AILLEURS)
        expect(fa).toContain('https://fin.exemple.fr')
        expect(fa.startsWith("form-action 'self' ")).toBe(true)
      }
      expect(formAction(await fetch(`${base}/aidants`))).toBe("form-action 'self'")
    })

    it('refuse un code rejoué (invalid_grant)', async () => {
      const r = await parcours({ usager: 'Actif', demarche: 'social' })
      expect((await jeton(codeDe(r.location))).status).toBe(200)
      const rejeu = await jeton(codeDe(r.location))
      expect(rejeu.status).toBe(400)
      expect(((await rejeu.json()) as { error: string }).error).toBe('invalid_grant')
    })

    it('refuse un code expiré (invalid_grant)', async () => {
      const r = await parcours({ usager: 'Actif', demarche: 'social' })
      await t.base.db.execute(
        sql`update aidants_oidc set expire_le = now() - interval '1 minute' where modele = 'AuthorizationCode'`,
      )
      const reponse = await jeton(codeDe(r.location))
      expect(reponse.status).toBe(400)
      expect(((await reponse.json()) as { error: string }).error).toBe('invalid_grant')
    })

    it('refuse un client inconnu et une adresse de retour non enregistrée', async () => {
      const inconnu = await parcours({ clientId: 'inconnu', usager: 'Actif', demarche: 'social' })
      expect(erreurDe(inconnu.location)).toBe('invalid_client')
      const mauvaise = await parcours({
        redirect: 'https://pirate.example/cb',
        usager: 'Actif',
        demarche: 'social',
      })
      expect(erreurDe(mauvaise.location)).toBe('invalid_redirect_uri')
      const page = await fetch(new URL(mauvaise.location, base))
      expect(page.status).toBe(400)
    })

    it.each([
      ['sans mandat', 'SansMandat', 'social'],
      ['mandat expiré', 'Expire', 'social'],
      ['autorisation révoquée', 'Revoque', 'social'],
      ['mandat d’une autre organisation', 'AutreOrg', 'social'],
      ['démarche non couverte', 'Actif', 'papiers'],
    ])('refuse (access_denied) : %s', async (_cas, usager, demarche) => {
      const r = await parcours({ usager, demarche })
      expect(r.location.startsWith(redirectUri())).toBe(true)
      expect(erreurDe(r.location)).toBe('access_denied')
    })

    it('refuse une démarche hors du rep_scope demandé par le partenaire', async () => {
      const r = await parcours({
        usager: 'Actif',
        demarche: 'logement',
        claims: { id_token: { rep_scope: { essential: true, values: ['social'] } } },
      })
      expect(erreurDe(r.location)).toBe('access_denied')
      const ok = await parcours({
        usager: 'Actif',
        demarche: 'social',
        claims: { id_token: { rep_scope: { essential: true, values: ['social'] } } },
      })
      expect(codeDe(ok.location)).not.toBe('')
    })

    it('refuse le jeton si l’autorisation est révoquée après l’émission du code', async () => {
      const r = await parcours({ usager: 'Actif', demarche: 'logement' })
      await t.base.db.execute(
        sql`update aidants_autorisations set revoquee_le = now() where demarche = 'logement'`,
      )
      const reponse = await jeton(codeDe(r.location))
      expect(reponse.status).toBe(400)
      expect(((await reponse.json()) as { error: string }).error).toBe('invalid_grant')
      void orgId
    })

    it('ne déconnecte vers une adresse de retour que si elle est enregistrée pour le partenaire', async () => {
      const fin = (retour: string) =>
        fetch(
          `${base}/oidc/session/end?${new URLSearchParams({ client_id: CLIENT, post_logout_redirect_uri: retour, state: 'fin-1' })}`,
          { redirect: 'manual' },
        )
      const pirate = await fin('https://pirate.example/au-revoir')
      expect(pirate.status).toBe(400)
      expect(((await pirate.json()) as { error: string }).error).toBe('invalid_request')
      const inconnu = await fetch(
        `${base}/oidc/session/end?${new URLSearchParams({ client_id: 'inconnu', post_logout_redirect_uri: `${base}/au-revoir` })}`,
        { redirect: 'manual' },
      )
      expect(inconnu.status).toBe(400)
      expect(((await inconnu.json()) as { error: string }).error).toBe('invalid_client')

      const ok = await fin(`${base}/au-revoir`)
      expect(ok.status).toBe(200)
      const page = await ok.text()
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? ''
      const action = /action="([^"]+)"/.exec(page)?.[1] ?? ''
      expect(xsrf).not.toBe('')
      const cookie = ok.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ')
      const confirme = await fetch(new URL(action, base), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ xsrf, logout: 'yes' }),
        redirect: 'manual',
      })
      expect(confirme.status).toBe(303)
      expect(confirme.headers.get('location')).toBe(`${base}/au-revoir?state=fin-1`)
    })
  },
)
