import { createHash } from 'node:crypto'
import { exportJWK, generateKeyPair } from 'jose'
import Provider, { type KoaContextWithOIDC } from 'oidc-provider'
import { MemoireSimulateur } from './memoire'

/**
 * ProConnect simulator (demo and tests only): a real OpenID Connect provider on our own server that
 * plays ProConnect with fictional agents — RS256 id_token and signed userinfo, PKCE required, the claims
 * ProConnect gives (given_name, usual_name, email, uid, siret, idp_id) and `amr` saying whether the
 * agent's own identity provider asked for a second factor. Its state is in memory: one process, as the
 * demo runs; a restart only ends the simulated ProConnect sessions.
 */
export interface AgentFictif {
  sub: string
  prenom: string
  nom: string
  email: string
  organisation: string
  siret: string
  /** The agent's identity provider asked for a second factor (amr contains `mfa`). */
  mfa: boolean
}

/** `amr` of an agent's login, as the simulator's login page finishes it (it goes into the id_token). */
export const amrDe = (a: AgentFictif) => (a.mfa ? ['pwd', 'mfa'] : ['pwd'])

/** Fictional agents: the first three have a demo account (same address), the last one has none. */
export const AGENTS_FICTIFS: readonly AgentFictif[] = [
  {
    sub: 'pc-ines-fabre',
    prenom: 'Inès',
    nom: 'Fabre',
    email: 'ines.fabre@demo.escale.localhost',
    organisation: 'Médiathèque intercommunale de Gap',
    siret: '20006960300017',
    mfa: false,
  },
  {
    sub: 'pc-camille-morel',
    prenom: 'Camille',
    nom: 'Morel',
    email: 'camille.morel@demo.escale.localhost',
    organisation: 'Agence nationale de la cohésion des territoires',
    siret: '13002603200016',
    mfa: true,
  },
  {
    sub: 'pc-nadia-benali',
    prenom: 'Nadia',
    nom: 'Benali',
    email: 'prefecture13@demo.escale.localhost',
    organisation: 'Préfecture des Bouches-du-Rhône',
    siret: '17130001100013',
    mfa: false,
  },
  {
    sub: 'pc-jeanne-martin',
    prenom: 'Jeanne',
    nom: 'Martin',
    email: 'jeanne.martin@mairie-barcelonnette.example',
    organisation: 'Mairie de Barcelonnette',
    siret: '21040019400010',
    mfa: false,
  },
]

export const CHEMIN_SIMULATEUR_PROCONNECT = '/simulateurs/proconnect'

export async function creerSimulateurProConnect(o: {
  origine: string
  /** Other origins whose Escale logs in here (a second instance in the browser tests). */
  autresOrigines?: readonly string[]
  secret: string
  client: { clientId: string; clientSecret: string }
  agents?: readonly AgentFictif[]
}): Promise<Provider> {
  const agents = o.agents ?? AGENTS_FICTIFS
  const origines = [o.origine, ...(o.autresOrigines ?? [])]
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 })
  const cle = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'simulateur-proconnect' }
  const claimsAgent = ['email', 'given_name', 'usual_name', 'uid', 'siret', 'idp_id']
  return new Provider(`${o.origine}${CHEMIN_SIMULATEUR_PROCONNECT}`, {
    adapter: MemoireSimulateur,
    jwks: { keys: [cle] },
    clients: [
      {
        client_id: o.client.clientId,
        client_secret: o.client.clientSecret,
        redirect_uris: origines.map((x) => `${x}/connexion/proconnect/retour`),
        post_logout_redirect_uris: origines.map((x) => `${x}/connexion/proconnect/deconnecte`),
        response_types: ['code'],
        grant_types: ['authorization_code'],
        id_token_signed_response_alg: 'RS256',
        userinfo_signed_response_alg: 'RS256',
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    scopes: ['openid', ...claimsAgent],
    claims: { openid: ['sub', 'amr'], ...Object.fromEntries(claimsAgent.map((c) => [c, [c]])) },
    acrValues: ['eidas1'],
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    responseTypes: ['code'],
    cookies: { keys: [createHash('sha256').update(`proconnect:${o.secret}`).digest('base64url')] },
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'html'
          ctx.body = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Déconnexion — ProConnect (simulateur)</title></head><body><main><h1>Se déconnecter de ProConnect ?</h1>${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Se déconnecter</button></main></body></html>`
        },
      },
    },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 300,
      IdToken: 300,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) =>
        `${CHEMIN_SIMULATEUR_PROCONNECT}/interaction/${interaction.uid}`,
    },
    // ProConnect asks no consent of the agent: every request gets what it asked.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const c = ctx as KoaContextWithOIDC & {
        oidc: { session: { accountId?: string }; requestParamScopes: Set<string> }
      }
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client?.clientId ?? '',
        accountId: c.oidc.session.accountId ?? '',
      })
      grant.addOIDCScope([...c.oidc.requestParamScopes].join(' '))
      await grant.save()
      return grant
    },
    findAccount: async (_ctx: unknown, id: string) => {
      const a = agents.find((x) => x.sub === id)
      if (!a) return undefined
      return {
        accountId: id,
        claims: async () => ({
          sub: a.sub,
          email: a.email,
          given_name: a.prenom,
          usual_name: a.nom,
          uid: a.sub,
          siret: a.siret,
          idp_id: 'fia1v2-simulateur',
          amr: amrDe(a),
        }),
      }
    },
  })
}
