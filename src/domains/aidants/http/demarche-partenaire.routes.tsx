import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as client from 'openid-client'
import { Bouton } from '../../../platform/layout/boutons'
import { Csrf } from '../../../platform/layout/components'
import { parOrigine } from '../../../platform/oidc/monter'
import { estDemarche, titreDemarche } from '../domain/demarches'
import { CLIENT_DEMO, type RegistreFournisseurs, SECRET_CLIENT_DEMO } from '../oidc/registre'

const COOKIE = 'escale_partenaire_demo'

type Resultat = { nom: string; demarche: string } | { erreur: string }

/** What the partner learnt at the end of the login: the usager's name and démarche, or the refusal. */
function IssueConnexion({ resultat }: { resultat: Resultat }) {
  return 'erreur' in resultat ? (
    <div class="fr-alert fr-alert--error">
      <p>
        Connexion refusée : <code safe>{resultat.erreur}</code>
      </p>
    </div>
  ) : (
    <div class="fr-alert fr-alert--success">
      <h2 class="fr-alert__title">Connecté au nom de l’usager</h2>
      <p safe>{`Usager : ${resultat.nom}`}</p>
      <p safe>{`Démarche : ${resultat.demarche}`}</p>
    </div>
  )
}

/** The partner's home page: one button to log in « avec Aidants Connect ». */
function PresentationPartenaire({ csrf }: { csrf: string }) {
  return (
    <>
      <h1>Démarche partenaire de démonstration</h1>
      <p>
        Ce petit service en ligne fictif montre le parcours d’un aidant : il se connecte ici « avec Aidants
        Connect », choisit l’usager et la démarche, et le service reçoit l’identité de l’usager.
      </p>
      <form method="post" action="/demarche-partenaire/connexion">
        <Csrf jeton={csrf} />
        <Bouton>Se connecter avec Aidants Connect</Bouton>
      </form>
    </>
  )
}

/**
 * Démarche partenaire de démonstration (demo and tests only): a small relying party of our identity
 * provider, which asks for a login « avec Aidants Connect » and shows what it received.
 */
export function routesDemarchePartenaire(app: FastifyInstance, registre: RegistreFournisseurs) {
  const configuration = parOrigine((o) =>
    client.discovery(
      new URL(`${o}/oidc`),
      CLIENT_DEMO,
      { id_token_signed_response_alg: 'RS256' },
      client.ClientSecretPost(SECRET_CLIENT_DEMO),
      {
        execute: [client.allowInsecureRequests],
      },
    ),
  )
  const partenaire = (request: FastifyRequest) => configuration(registre.origine(request))

  /** The authorization code exchanged, the ID token and the userinfo read; any failure is the refusal. */
  const resultatDuRetour = async (request: FastifyRequest): Promise<Resultat> => {
    const brut = request.cookies[COOKIE]
    const lu = brut ? request.unsignCookie(brut) : undefined
    const attendu =
      lu?.valid && lu.value ? (JSON.parse(lu.value) as { state: string; nonce: string }) : undefined
    const config = await partenaire(request)
    try {
      if (!attendu) throw new Error('session expirée')
      const jetons = await client.authorizationCodeGrant(
        config,
        new URL(request.url, registre.origine(request)),
        { expectedState: attendu.state, expectedNonce: attendu.nonce, idTokenExpected: true },
      )
      const claims = jetons.claims()
      const info = await client.fetchUserInfo(config, jetons.access_token, claims?.sub ?? '')
      const demarche =
        typeof claims?.demarche === 'string' && estDemarche(claims.demarche) ? claims.demarche : undefined
      return {
        nom: `${String(info.given_name ?? '')} ${String(info.family_name ?? '')}`,
        demarche: demarche ? titreDemarche(demarche) : 'inconnue',
      }
    } catch (e) {
      const q = new URL(request.url, 'http://x').searchParams
      return { erreur: q.get('error') ?? (e as Error).message.slice(0, 100) }
    }
  }

  app.get('/demarche-partenaire', async (_request, reply) =>
    reply.page((ctx) => ({
      titre: 'Démarche partenaire de démonstration',
      contenu: <PresentationPartenaire csrf={ctx.csrf} />,
    })),
  )
  app.post('/demarche-partenaire/connexion', async (request, reply) => {
    const config = await partenaire(request)
    const state = client.randomState()
    const nonce = client.randomNonce()
    reply.setCookie(COOKIE, JSON.stringify({ state, nonce }), {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      path: '/demarche-partenaire',
      maxAge: 600,
    })
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: `${registre.origine(request)}/demarche-partenaire/retour`,
      scope: 'openid profile birth email',
      state,
      nonce,
      acr_values: 'eidas1',
      claims: JSON.stringify({
        id_token: { rep_scope: { essential: true, values: ['social', 'logement', 'papiers'] } },
      }),
    })
    return reply.redirect(url.toString(), 303)
  })
  app.get('/demarche-partenaire/retour', async (request, reply) => {
    reply.clearCookie(COOKIE, { path: '/demarche-partenaire' })
    const resultat = await resultatDuRetour(request)
    return reply.page({
      titre: 'Démarche partenaire de démonstration',
      contenu: (
        <>
          <h1>Démarche partenaire de démonstration</h1>
          <IssueConnexion resultat={resultat} />
          <p class="fr-mt-3w">
            <a href="/aidants/espace">Retour à l’espace aidant</a>
          </p>
        </>
      ),
    })
  })
}
