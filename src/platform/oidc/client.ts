import * as client from 'openid-client'

/**
 * The one OpenID Connect client of Escale's logins at State identity services (FranceConnect for the
 * usagers of Aidants Connect, ProConnect for professionals): authorization code with PKCE, state and
 * nonce. Metadata and keys come from discovery; the RS256 id_token and the userinfo, which both
 * services sign as a JWT, are checked against those keys (non-repudiation), then the nonce and the
 * subject. Each domain maps the claims to its own identity.
 */
export interface ClientOidc {
  urlAutorisation(p: { redirectUri: string; state: string; nonce: string; codeChallenge: string }): string
  /** The code exchanged, the id_token's claims and the userinfo's. */
  echanger(p: { urlRetour: URL; state: string; nonce: string; verifier: string }): Promise<{
    claims: Record<string, unknown> & { sub: string }
    infos: Record<string, unknown>
    idToken: string
  }>
  urlDeconnexion(p: { idToken: string; retour: string; state: string }): string
}

export async function creerClientOidc(o: {
  issuer: string
  clientId: string
  clientSecret: string
  /** Loopback HTTP is allowed only for our own simulators. */
  http: boolean
  scope: string
  /** Extra authorization parameters of the service (`acr_values`, `prompt`). */
  parametres: Record<string, string>
}): Promise<ClientOidc> {
  const config = await client.discovery(
    new URL(o.issuer),
    o.clientId,
    { id_token_signed_response_alg: 'RS256', userinfo_signed_response_alg: 'RS256' },
    client.ClientSecretPost(o.clientSecret),
    o.http ? { execute: [client.allowInsecureRequests] } : undefined,
  )
  client.enableNonRepudiationChecks(config)
  return {
    urlAutorisation: (p) =>
      client
        .buildAuthorizationUrl(config, {
          ...o.parametres,
          redirect_uri: p.redirectUri,
          scope: o.scope,
          state: p.state,
          nonce: p.nonce,
          code_challenge: p.codeChallenge,
          code_challenge_method: 'S256',
        })
        .toString(),
    async echanger(p) {
      const jetons = await client.authorizationCodeGrant(config, p.urlRetour, {
        pkceCodeVerifier: p.verifier,
        expectedState: p.state,
        expectedNonce: p.nonce,
        idTokenExpected: true,
      })
      const claims = jetons.claims()
      if (!claims) throw new Error('id_token absent')
      const infos = await client.fetchUserInfo(config, jetons.access_token, claims.sub)
      return { claims: { ...claims }, infos: { ...infos }, idToken: jetons.id_token ?? '' }
    },
    urlDeconnexion: (p) =>
      client
        .buildEndSessionUrl(config, {
          id_token_hint: p.idToken,
          post_logout_redirect_uri: p.retour,
          state: p.state,
        })
        .toString(),
  }
}

/** PKCE verifier and challenge, and the random state and nonce of a login. */
export const aleaOidc = {
  verifier: () => client.randomPKCECodeVerifier(),
  challenge: (v: string) => client.calculatePKCECodeChallenge(v),
  aleatoire: () => client.randomState(),
}
