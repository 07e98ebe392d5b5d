import { type ClientOidc, creerClientOidc } from '../../../platform/oidc/client'

/** The claims asked of ProConnect; `siret` is the agent's organisation. */
export const SCOPES_PROCONNECT = 'openid email given_name usual_name uid siret idp_id'

/** What ProConnect tells us of a professional. `mfa` says a second factor was used at their provider. */
export interface IdentiteProConnect {
  sub: string
  email: string
  prenom: string
  nom: string
  /** SIRET of the organisation the agent belongs to, when the identity provider gives it. */
  siret: string | null
  /** Methods of the login (`amr`): `mfa` when the identity provider asked for a second factor. */
  mfa: boolean
}

export interface ClientProConnect extends Omit<ClientOidc, 'echanger'> {
  echanger(
    p: Parameters<ClientOidc['echanger']>[0],
  ): Promise<{ identite: IdentiteProConnect; idToken: string }>
}

/** Our ProConnect client: the platform's OpenID Connect client, ProConnect's claims read into an identity. */
export async function creerClientProConnect(o: {
  issuer: string
  clientId: string
  clientSecret: string
  http: boolean
}): Promise<ClientProConnect> {
  const oidc = await creerClientOidc({ ...o, scope: SCOPES_PROCONNECT, parametres: { acr_values: 'eidas1' } })
  return {
    ...oidc,
    async echanger(p) {
      const { claims, infos, idToken } = await oidc.echanger(p)
      const texte = (k: string) => (typeof infos[k] === 'string' ? (infos[k] as string).trim() : '')
      const amr = Array.isArray(claims.amr) ? claims.amr : []
      return {
        idToken,
        identite: {
          sub: claims.sub,
          email: texte('email').toLowerCase(),
          prenom: texte('given_name'),
          nom: texte('usual_name'),
          siret: /^\d{14}$/.test(texte('siret')) ? texte('siret') : null,
          mfa: amr.includes('mfa'),
        },
      }
    },
  }
}
