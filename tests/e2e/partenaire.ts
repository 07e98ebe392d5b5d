import http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as client from 'openid-client'

export interface ConnexionPartenaire {
  /** Claims of the ID token, once openid-client has checked it (signature included). */
  claims?: Record<string, unknown>
  erreur?: string
}

/**
 * A tiny relying party of Escale's identity provider, on another origin than Escale: it listens on the
 * loopback but is addressed as `http://localhost:<port>`, while Escale is `http://127.0.0.1:<port>`, so
 * the browser sees two sites — what a real partner is. It asks for `acr_values=eidas1`, exchanges the
 * code, checks the ID token's signature against Escale's published keys and shows the claims on its
 * callback page.
 */
export async function demarrerPartenaire(o: { escale: string; clientId: string; secret: string }) {
  const connexions: ConnexionPartenaire[] = []
  const attentes = new Map<string, string>()
  let configuration: Promise<client.Configuration> | undefined
  const config = () => {
    configuration ??= client
      .discovery(
        new URL(`${o.escale}/oidc`),
        o.clientId,
        { id_token_signed_response_alg: 'RS256' },
        client.ClientSecretPost(o.secret),
        { execute: [client.allowInsecureRequests] },
      )
      .then((c) => {
        // Without it, openid-client trusts the token endpoint's TLS for the ID token's signature.
        client.enableNonRepudiationChecks(c)
        return c
      })
    return configuration
  }
  const page = (titre: string, corps: string) =>
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${titre}</title></head><body><main><h1>${titre}</h1>${corps}</main></body></html>`
  const echapper = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

  const serveur = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origine)
    const repondre = (statut: number, html: string, entetes: Record<string, string> = {}) => {
      res.writeHead(statut, { 'content-type': 'text/html; charset=utf-8', ...entetes })
      res.end(html)
    }
    try {
      if (req.method === 'GET' && url.pathname === '/')
        return repondre(
          200,
          page(
            'Service partenaire',
            '<form method="post" action="/connexion"><button type="submit">Se connecter avec Aidants Connect</button></form>',
          ),
        )
      if (req.method === 'POST' && url.pathname === '/connexion') {
        req.resume()
        const state = client.randomState()
        const nonce = client.randomNonce()
        attentes.set(state, nonce)
        const vers = client.buildAuthorizationUrl(await config(), {
          redirect_uri: `${origine}/retour`,
          scope: 'openid profile',
          state,
          nonce,
          acr_values: 'eidas1',
        })
        return repondre(303, '', { location: vers.href })
      }
      if (req.method === 'GET' && url.pathname === '/retour') {
        const state = url.searchParams.get('state') ?? ''
        const nonce = attentes.get(state)
        attentes.delete(state)
        const connexion: ConnexionPartenaire = {}
        connexions.push(connexion)
        try {
          if (!nonce) throw new Error('state inconnu')
          const jetons = await client.authorizationCodeGrant(await config(), url, {
            expectedState: state,
            expectedNonce: nonce,
            idTokenExpected: true,
          })
          connexion.claims = { ...jetons.claims() }
        } catch (e) {
          connexion.erreur = url.searchParams.get('error') ?? (e as Error).message
        }
        const c = connexion.claims
        return repondre(
          200,
          c
            ? page(
                'Connecté avec Aidants Connect',
                `<p>acr : ${echapper(String(c.acr))}</p><p>Démarche : ${echapper(String(c.demarche))}</p><p>Usager : ${echapper(`${String(c.given_name)} ${String(c.family_name)}`)}</p>`,
              )
            : page('Connexion refusée', `<p>${echapper(connexion.erreur ?? '')}</p>`),
        )
      }
      repondre(404, page('Introuvable', ''))
    } catch (e) {
      repondre(500, page('Erreur', echapper((e as Error).message)))
    }
  })
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok))
  const origine = `http://localhost:${(serveur.address() as AddressInfo).port}`
  return {
    origine,
    redirectUri: `${origine}/retour`,
    connexions,
    fermer: () => new Promise<void>((ok) => serveur.close(() => ok())),
  }
}
