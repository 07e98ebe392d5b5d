import { type ClientOidc, creerClientOidc } from '../../../platform/oidc/client'

/** FranceConnect's claims of a person (the usager of a mandate), as its v2 gives them. */
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

export interface ClientFranceConnect extends Omit<ClientOidc, 'echanger'> {
  echanger(
    p: Parameters<ClientOidc['echanger']>[0],
  ): Promise<{ identite: IdentiteFranceConnect; idToken: string }>
}

/** Our FranceConnect v2 client: the platform's OpenID Connect client, at eidas1, a new login each time. */
export async function creerClientFranceConnect(o: {
  issuer: string
  clientId: string
  clientSecret: string
  /** Loopback HTTP is allowed only for the simulator. */
  http: boolean
}): Promise<ClientFranceConnect> {
  const oidc = await creerClientOidc({
    ...o,
    scope: SCOPES_FRANCECONNECT,
    parametres: { acr_values: 'eidas1', prompt: 'login' },
  })
  return {
    ...oidc,
    async echanger(p) {
      const { claims, infos, idToken } = await oidc.echanger(p)
      const texte = (k: string) => (typeof infos[k] === 'string' ? (infos[k] as string) : '')
      return {
        idToken,
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
  }
}
