import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { cspAvecFormulairesVers } from '../../../platform/http/securite'
import { aleaOidc } from '../../../platform/oidc/client'
import { monterFournisseur, origineDe, parOrigine } from '../../../platform/oidc/monter'
import { messageErreur } from '../domain/erreurs'
import { type ClientProConnect, creerClientProConnect } from '../proconnect/client'
import {
  AGENTS_FICTIFS,
  amrDe,
  CHEMIN_SIMULATEUR_PROCONNECT,
  creerSimulateurProConnect,
} from '../proconnect/simulateur'
import { makeConnecterParProConnect } from '../use-cases/connecter-par-proconnect'
import type { DepsComptes } from '../use-cases/deps'
import { ChoixAgentPage, ProConnectSansComptePage } from '../views/proconnect.page'
import { LIMITE_CONNEXION, ouvreurDeSession, retourSur } from './commun'

export interface OptionsProConnect {
  deps: DepsComptes
  issuer: string | undefined
  clientId: string
  clientSecret: string
  /** Demo: other origins whose Escale may log in at this server's simulator. */
  originesSimulateur: readonly string[]
  secureCookies: boolean
  /** Keys the simulator's cookies (demo only). */
  secret: string
}

/** The pending login (state, nonce, PKCE verifier, page asked for), ten minutes, on the return path only. */
const COOKIE_DEMANDE = 'escale_proconnect'
/** The id_token of a ProConnect login, for the logout at ProConnect that must follow ours. */
export const COOKIE_PROCONNECT_ID = 'escale_proconnect_id'

const demande = z.object({ state: z.string(), nonce: z.string(), verifier: z.string(), retour: z.string() })
const queryRetour = z.object({
  state: z.string().max(200).optional(),
  error: z.string().max(100).optional(),
})

/** What the routes share: the client for the request's origin, the origin itself, the cookies' options. */
interface Contexte {
  o: OptionsProConnect
  origine: (request: FastifyRequest) => string
  clientDe: (request: FastifyRequest) => Promise<ClientProConnect>
  cookie: (path: string, maxAge: number) => Record<string, unknown>
}

/**
 * « S’identifier avec ProConnect »: the redirect to ProConnect, its return, and ProConnect's logout after
 * ours. In demo and tests, `issuer` is undefined and ProConnect is our own simulator, on the request's
 * origin (tests listen on a random port).
 */
export function proConnect(o: OptionsProConnect) {
  const simule = o.issuer === undefined
  const client = parOrigine((origine) =>
    creerClientProConnect({
      issuer: o.issuer ?? `${origine}${CHEMIN_SIMULATEUR_PROCONNECT}`,
      clientId: o.clientId,
      clientSecret: o.clientSecret,
      // HTTP only for a simulator on this machine (ours, or another instance's in the browser tests).
      http: simule || estBoucleLocale(o.issuer ?? ''),
    }),
  )
  const origine = (request: FastifyRequest) => origineDe(request, o.deps.baseUrl, simule)
  const c: Contexte = {
    o,
    origine,
    clientDe: (request) => client(origine(request)),
    cookie: (path, maxAge) => ({
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      secure: o.secureCookies,
      path,
      maxAge,
    }),
  }
  return {
    routes: async (app: FastifyInstance) => {
      routeDepart(app, c)
      routeRetour(app, c)
      app.get('/connexion/proconnect/deconnecte', async (_request, reply) => {
        reply.flash('success', 'Vous êtes déconnecté d’Escale et de ProConnect.')
        return reply.redirect('/', 303)
      })
      if (simule) await routesSimulateur(app, o)
    },
    /**
     * After our own logout: where ProConnect's logout is, when this browser logged in with ProConnect
     * (otherwise the ProConnect session would log the next person in without asking).
     */
    urlDeFin: async (request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> => {
      const lu = request.unsignCookie(request.cookies[COOKIE_PROCONNECT_ID] ?? '')
      if (!lu.valid || !lu.value) return undefined
      reply.clearCookie(COOKIE_PROCONNECT_ID, { path: '/' })
      return (await c.clientDe(request)).urlDeconnexion({
        idToken: lu.value,
        retour: `${origine(request)}/connexion/proconnect/deconnecte`,
        state: aleaOidc.aleatoire(),
      })
    },
  }
}

/** `GET /connexion/proconnect`: a new state, nonce and PKCE verifier, kept in a signed cookie; off to ProConnect. */
function routeDepart(app: FastifyInstance, c: Contexte) {
  const query = z.object({ retour: z.string().max(2000).optional().catch(undefined) })
  app.get('/connexion/proconnect', { config: LIMITE_CONNEXION }, async (request, reply) => {
    const { retour } = query.parse(request.query ?? {})
    const verifier = aleaOidc.verifier()
    const d = {
      state: aleaOidc.aleatoire(),
      nonce: aleaOidc.aleatoire(),
      verifier,
      retour: retourSur(retour),
    }
    const url = (await c.clientDe(request)).urlAutorisation({
      redirectUri: `${c.origine(request)}/connexion/proconnect/retour`,
      state: d.state,
      nonce: d.nonce,
      codeChallenge: await aleaOidc.challenge(verifier),
    })
    reply.setCookie(COOKIE_DEMANDE, JSON.stringify(d), c.cookie('/connexion/proconnect', 600))
    return reply.redirect(url, 303)
  })
}

/** `GET /connexion/proconnect/retour`: the code exchanged once, the account found or the way to ask for one. */
function routeRetour(app: FastifyInstance, c: Contexte) {
  const connecter = makeConnecterParProConnect(c.o.deps)
  const ouvrir = ouvreurDeSession(app, c.o.deps)
  app.get('/connexion/proconnect/retour', { config: LIMITE_CONNEXION }, async (request, reply) => {
    const lu = request.unsignCookie(request.cookies[COOKIE_DEMANDE] ?? '')
    reply.clearCookie(COOKIE_DEMANDE, { path: '/connexion/proconnect' })
    const d = lu.valid && lu.value ? demande.safeParse(JSON.parse(lu.value)) : undefined
    const q = queryRetour.safeParse(request.query ?? {})
    if (q.success && q.data.error) {
      reply.flash('info', 'La connexion avec ProConnect a été annulée. Vous pouvez vous connecter autrement.')
      return reply.redirect('/connexion', 303)
    }
    if (!d?.success) return expiree(reply)
    let resultat: Awaited<ReturnType<ClientProConnect['echanger']>>
    try {
      resultat = await (await c.clientDe(request)).echanger({
        urlRetour: new URL(request.url, c.origine(request)),
        state: d.data.state,
        nonce: d.data.nonce,
        verifier: d.data.verifier,
      })
    } catch (e) {
      // A wrong state, a replayed code, a bad signature: the login stops here, nothing is opened.
      request.log.warn({ erreur: (e as Error).name }, 'retour ProConnect refusé')
      return expiree(reply)
    }
    const { identite, idToken } = resultat
    const compte = await connecter(identite)
    if (!compte.ok)
      return reply.page(
        {
          titre: 'Pas encore de compte Escale',
          ariane: [{ libelle: 'Connexion', href: '/connexion' }, { libelle: 'ProConnect' }],
          contenu: (
            <ProConnectSansComptePage
              message={messageErreur(compte.error)}
              sansCompte={compte.error.code === 'PROCONNECT_SANS_COMPTE'}
            />
          ),
        },
        403,
      )
    reply.setCookie(COOKIE_PROCONNECT_ID, idToken, c.cookie('/', 12 * 3600))
    return ouvrir(request, reply, compte.value, d.data.retour, { secondFacteurProuve: identite.mfa })
  })
}

const estBoucleLocale = (url: string) => /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url)

function expiree(reply: FastifyReply) {
  reply.flash(
    'error',
    'La connexion avec ProConnect a expiré ou n’a pas pu être vérifiée. Recommencez depuis cette page.',
  )
  return reply.redirect('/connexion', 303)
}

/** The simulator (demo and tests): its provider and the page where one picks a fictional agent. */
async function routesSimulateur(app: FastifyInstance, o: OptionsProConnect) {
  const simulateur = parOrigine((origine) =>
    creerSimulateurProConnect({
      origine,
      autresOrigines: o.originesSimulateur,
      secret: o.secret,
      client: { clientId: o.clientId, clientSecret: o.clientSecret },
    }),
  )
  const fournisseur = (request: FastifyRequest) => simulateur(origineDe(request, o.deps.baseUrl, true))
  // The simulator's forms (the agent's choice, the logout) lead by redirects to the Escale that asked,
  // another origin in the browser tests: its CSP lets them through to the registered origins only.
  const versLesClients = async (_request: FastifyRequest, reply: FastifyReply) => {
    const csp = reply.getHeader('content-security-policy')
    if (typeof csp === 'string' && o.originesSimulateur.length)
      reply.header('content-security-policy', cspAvecFormulairesVers(csp, o.originesSimulateur))
  }
  await monterFournisseur(
    app,
    CHEMIN_SIMULATEUR_PROCONNECT,
    fournisseur,
    { max: 120, timeWindow: '1 minute' },
    versLesClients,
  )
  app.get(`${CHEMIN_SIMULATEUR_PROCONNECT}/interaction/:uid`, async (request, reply) => {
    // The provider reads the interaction from its own cookie; the uid of the address is only its copy.
    const details = await (await fournisseur(request)).interactionDetails(request.raw, reply.raw)
    await versLesClients(request, reply)
    return reply.page((ctx) => ({
      titre: 'ProConnect (simulateur)',
      contenu: <ChoixAgentPage csrf={ctx.csrf} uid={details.uid} agents={AGENTS_FICTIFS} />,
    }))
  })
  app.post(`${CHEMIN_SIMULATEUR_PROCONNECT}/interaction/:uid`, async (request, reply) => {
    const choix = z.object({ agent: z.string().max(100).optional() }).safeParse(request.body ?? {})
    const agent = AGENTS_FICTIFS.find((a) => choix.success && a.sub === choix.data.agent)
    const provider = await fournisseur(request)
    // Without a pending interaction the provider throws: asked before the reply is hijacked, so that
    // the error handler still answers.
    await provider.interactionDetails(request.raw, reply.raw)
    await versLesClients(request, reply)
    for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) reply.raw.setHeader(k, v)
    reply.hijack()
    await provider.interactionFinished(
      request.raw,
      reply.raw,
      agent
        ? { login: { accountId: agent.sub, acr: 'eidas1', amr: amrDe(agent) } }
        : { error: 'access_denied', error_description: 'aucun agent choisi' },
      { mergeWithLastSubmission: false },
    )
  })
}
