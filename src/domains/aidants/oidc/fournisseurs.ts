import { createHash } from 'node:crypto'
import Provider, { interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider'
import type { Database } from '../../../platform/db/database'
import { fabriqueAdaptateur } from './adaptateur'
import { cleDeSignature } from './cles'
import { IDENTITES_FICTIVES } from './identites-fictives'

type Ctx = KoaContextWithOIDC & {
  oidc: KoaContextWithOIDC['oidc'] & {
    result?: { login?: unknown; consent?: { grantId?: string } }
    session: { accountId?: string; grantIdFor(clientId: string): string | undefined }
    requestParamScopes: Set<string>
    requestParamClaims: Set<string>
  }
}

/** Every authorization request grants what was asked (consent is the usager's, given on the mandate). */
async function accorderDemande(ctx: Ctx) {
  const clientId = ctx.oidc.client?.clientId ?? ''
  const existant = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(clientId)
  if (existant) {
    const g = await ctx.oidc.provider.Grant.find(existant)
    if (g) return g
  }
  const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session.accountId ?? '' })
  grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '))
  grant.addOIDCClaims([...ctx.oidc.requestParamClaims])
  await grant.save()
  return grant
}

function clesCookies(secret: string, usage: string): string[] {
  return [createHash('sha256').update(`${usage}:${secret}`).digest('base64url')]
}

/**
 * Protocol errors that cannot go back to the client (unknown client, unregistered redirect URI) are shown
 * on our own DSFR page, which answers 400 with the OAuth error code.
 */
function pageErreur(source: 'franceconnect' | 'idp') {
  return async (ctx: KoaContextWithOIDC & { redirect(url: string): void }, out: Record<string, string>) => {
    const q = new URLSearchParams({ source, erreur: out.error ?? 'server_error' })
    if (out.error_description) q.set('description', out.error_description.slice(0, 200))
    ctx.status = 303
    ctx.redirect(`/aidants/erreur-connexion?${q}`)
  }
}

export interface OptionsSimulateur {
  db: Database
  origine: string
  secret: string
  client: { clientId: string; clientSecret: string }
}

/**
 * FranceConnect simulator (demo and tests): a real OpenID Connect provider on our own server that plays
 * FranceConnect v2 with fictional identities — RS256 id_token, signed userinfo, PKCE, eidas1.
 */
export async function creerSimulateurFranceConnect(o: OptionsSimulateur): Promise<Provider> {
  const cle = await cleDeSignature(o.db, 'simulateur')
  const issuer = `${o.origine}/simulateurs/franceconnect`
  const Adaptateur = fabriqueAdaptateur(o.db, 'simulateur', () => new Date())
  const scopesFc = ['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry', 'email']
  const provider = new Provider(issuer, {
    adapter: Adaptateur,
    jwks: { keys: [cle] },
    clients: [
      {
        client_id: o.client.clientId,
        client_secret: o.client.clientSecret,
        redirect_uris: [`${o.origine}/aidants/franceconnect/retour`, `${o.origine}/mes-mandats/retour`],
        post_logout_redirect_uris: [`${o.origine}/aidants/franceconnect/fin`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        id_token_signed_response_alg: 'RS256',
        userinfo_signed_response_alg: 'RS256',
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    scopes: ['openid', ...scopesFc],
    claims: { openid: ['sub'], ...Object.fromEntries(scopesFc.map((s) => [s, [s]])) },
    acrValues: ['eidas1'],
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    responseTypes: ['code'],
    cookies: { keys: clesCookies(o.secret, 'simulateur') },
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: formulaireDeconnexion,
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.type = 'html'
          ctx.body =
            '<!doctype html><html lang="fr"><head><title>Déconnecté — Escale</title></head><body><main><h1>Vous êtes déconnecté de FranceConnect (simulateur).</h1></main></body></html>'
        },
      },
    },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 300,
      IdToken: 300,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) =>
        `/simulateurs/franceconnect/interaction/${interaction.uid}`,
    },
    loadExistingGrant: accorderDemande,
    renderError: pageErreur('franceconnect'),
    findAccount: async (_ctx: unknown, id: string) => {
      const identite = IDENTITES_FICTIVES.find((i) => i.sub === id)
      if (!identite) return undefined
      return { accountId: id, claims: async () => ({ ...identite, acr: 'eidas1' }) }
    },
  })
  return provider
}

/** End-session confirmation without inline script (our CSP forbids it): a plain form the person submits. */
async function formulaireDeconnexion(ctx: KoaContextWithOIDC, form: string) {
  ctx.type = 'html'
  ctx.body = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Déconnexion — Escale</title></head><body><main><h1>Se déconnecter ?</h1>${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Se déconnecter</button></main></body></html>`
}

export interface OptionsFournisseurIdentite {
  db: Database
  origine: string
  secret: string
  /** Partner clients from our table (`aidants_clients_partenaires`). */
  lireClient: (clientId: string) => Promise<Record<string, unknown> | undefined>
  /** accountId = an authorisation id; undefined when it is no longer active (revoked, expired). */
  trouverCompte: (
    accountId: string,
    usage: { route: string; clientId: string | undefined },
  ) => Promise<Record<string, unknown> | undefined>
  validerRepScope: (values: unknown) => boolean
}

/**
 * Our identity provider: partners (FranceConnect, or a configured partner service) send the aidant to
 * /oidc/auth; the aidant picks the usager and the démarche on our pages; the account is the
 * authorisation itself, checked again at every token and userinfo call.
 */
export async function creerFournisseurIdentite(o: OptionsFournisseurIdentite): Promise<Provider> {
  const cle = await cleDeSignature(o.db, 'idp')
  const Adaptateur = fabriqueAdaptateur(
    o.db,
    'idp',
    () => new Date(),
    async (id) => o.lireClient(id),
  )
  const { Check, base } = interactionPolicy as unknown as {
    Check: new (r: string, d: string, f: (ctx: Ctx) => boolean) => unknown
    base: () => { get(n: string): { checks: { add(c: unknown): void } } }
  }
  const politique = base()
  // A new choice of usager and démarche for every authorization request: a provider session never
  // carries an authorisation over to the next login.
  politique
    .get('login')
    .checks.add(
      new Check(
        'choix_a_chaque_connexion',
        'choisir l’usager et la démarche',
        (ctx) => !ctx.oidc.result?.login,
      ),
    )
  const provider = new Provider(`${o.origine}/oidc`, {
    adapter: Adaptateur,
    jwks: { keys: [cle] },
    scopes: ['openid', 'profile', 'email', 'birth'],
    claims: {
      openid: ['sub', 'demarche'],
      profile: ['given_name', 'family_name', 'birthdate', 'gender', 'preferred_username'],
      birth: ['birthplace', 'birthcountry'],
      email: ['email'],
      rep_scope: ['rep_scope'],
    },
    acrValues: ['eidas1'],
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: () => false },
    cookies: { keys: clesCookies(o.secret, 'idp') },
    clientDefaults: {
      id_token_signed_response_alg: 'RS256',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
    features: {
      devInteractions: { enabled: false },
      claimsParameter: {
        enabled: true,
        assertClaimsParameter: async (
          _ctx: unknown,
          claims: { id_token?: { rep_scope?: { values?: unknown } } },
        ) => {
          const rep = claims?.id_token?.rep_scope
          if (rep && !o.validerRepScope(rep.values)) {
            const { errors } = await import('oidc-provider')
            const Erreur = errors.InvalidRequest as new (d: string) => Error
            throw new Erreur('rep_scope : démarche inconnue')
          }
        },
      },
      rpInitiatedLogout: { enabled: true, logoutSource: formulaireDeconnexion },
      revocation: { enabled: true },
    },
    // Codes live one minute and serve once (a replay revokes what the code gave); access tokens 10 minutes.
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 900,
      Grant: 900,
    },
    interactions: {
      policy: politique,
      url: (_ctx: unknown, interaction: { uid: string }) => `/aidants/connexion-demarche/${interaction.uid}`,
    },
    loadExistingGrant: accorderDemande,
    renderError: pageErreur('idp'),
    findAccount: async (ctx: Ctx, id: string) => {
      const claims = await o.trouverCompte(id, { route: ctx.oidc.route, clientId: ctx.oidc.client?.clientId })
      if (!claims) return undefined
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) }
    },
  })
  return provider
}
