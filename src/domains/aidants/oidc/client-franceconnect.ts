import * as client from 'openid-client'

/**
 * Our FranceConnect v2 client (openid-client): authorization code with PKCE, state and nonce; the
 * provider's metadata and JWKS come from discovery; the RS256 id_token and the signed userinfo are both
 * verified against that JWKS (non-repudiation checks), then the nonce and subject are checked.
 */
export const SCOPES_FRANCECONNECT =
  'openid given_name family_name birthdate gender birthplace birthcountry email'

export interface IdentiteFranceConnect {
  sub: string
  given_name: string
  family_name: string
  birthdate: string
  gender: string
  birthplace: string
  birthcountry: string
  email: string | null
}

export interface ClientFranceConnect {
  urlAutorisation(p: { redirectUri: string; state: string; nonce: string; codeChallenge: string }): string
  echanger(p: {
    urlRetour: URL
    state: string
    nonce: string
    verifier: string
  }): Promise<{ identite: IdentiteFranceConnect; idToken: string }>
  urlDeconnexion(p: { idToken: string; retour: string; state: string }): string
}

export async function creerClientFranceConnect(o: {
  issuer: string
  clientId: string
  clientSecret: string
  /** Loopback HTTP is allowed only for the simulator. */
  http: boolean
}): Promise<ClientFranceConnect> {
  const config = await client.discovery(
    new URL(o.issuer),
    o.clientId,
    {
      id_token_signed_response_alg: 'RS256',
      userinfo_signed_response_alg: 'RS256',
    },
    client.ClientSecretPost(o.clientSecret),
    o.http ? { execute: [client.allowInsecureRequests] } : undefined,
  )
  client.enableNonRepudiationChecks(config)
  return {
    urlAutorisation: (p) =>
      client
        .buildAuthorizationUrl(config, {
          redirect_uri: p.redirectUri,
          scope: SCOPES_FRANCECONNECT,
          state: p.state,
          nonce: p.nonce,
          code_challenge: p.codeChallenge,
          code_challenge_method: 'S256',
          acr_values: 'eidas1',
          prompt: 'login',
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
      const info = await client.fetchUserInfo(config, jetons.access_token, claims.sub)
      const texte = (k: string) => (typeof info[k] === 'string' ? (info[k] as string) : '')
      return {
        idToken: jetons.id_token ?? '',
        identite: {
          sub: claims.sub,
          given_name: texte('given_name'),
          family_name: texte('family_name'),
          birthdate: texte('birthdate'),
          gender: texte('gender'),
          birthplace: texte('birthplace'),
          birthcountry: texte('birthcountry'),
          email: texte('email') || null,
        },
      }
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

export const pkce = {
  verifier: () => client.randomPKCECodeVerifier(),
  challenge: (v: string) => client.calculatePKCECodeChallenge(v),
  aleatoire: () => client.randomState(),
}
