import { and, eq } from 'drizzle-orm'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type Provider from 'oidc-provider'
import * as client from 'openid-client'
import { AccesInterditError, exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { Csrf } from '../../../platform/layout/components'
import { ajouterAuJournal } from '../db/journal-repository'
import {
  autorisationsActivesDe,
  trouverAutorisation,
  trouverOrganisation,
  trouverUsager,
  usagersDeLOrganisation,
} from '../db/mandats-repository'
import { clientsPartenaires } from '../db/schema'
import { subPartenaire } from '../domain/attestation'
import { type Demarche, estDemarche, titreDemarche } from '../domain/demarches'
import { creerFournisseurIdentite, creerSimulateurFranceConnect } from '../oidc/fournisseurs'
import { IDENTITES_FICTIVES } from '../oidc/identites-fictives'
import { monterFournisseur, origineDe } from '../oidc/monter'
import type { DepsAidants } from '../use-cases/deps'
import { makeNoterActivite, makeReauthentificationRequise } from '../use-cases/totp-aidant'
import { ChoixDemarchePage, ChoixIdentitePage, ChoixUsagerPage } from '../views/connexion-demarche.page'
import { formulairesVers } from './formulaires-vers'
import { organisationCourante } from './organisation-courante'

export const CLIENT_DEMO = 'demarche-partenaire-demo'
export const SECRET_CLIENT_DEMO = 'demo-uniquement-secret-demarche-partenaire'

/** Providers per origin: one in production (BASE_URL), or the request's own origin in demo/test mode. */
export function registreFournisseurs(deps: DepsAidants) {
  const idp = new Map<string, Promise<Provider>>()
  const simulateur = new Map<string, Promise<Provider>>()
  const origine = (request: FastifyRequest) => origineDe(request, deps.baseUrl, deps.simulateurs)
  // oidc-provider reads the client several times per request: a few seconds of cache per process spare
  // those round trips; a deactivated partner is refused at most CACHE_CLIENT_MS later.
  const CACHE_CLIENT_MS = 5_000
  const cacheClients = new Map<string, { valeur: Record<string, unknown> | undefined; jusqua: number }>()
  const lireClient = (o: string) => async (clientId: string) => {
    const cle = `${o} ${clientId}`
    const enCache = cacheClients.get(cle)
    // A copy each time: the provider may adjust the metadata it is given.
    if (enCache && enCache.jusqua > Date.now()) return enCache.valeur && structuredClone(enCache.valeur)
    const valeur = await lireClientSansCache(o, clientId)
    // Only registered partners are kept: an unknown `client_id` is whatever an anonymous caller typed,
    // and keeping those would let anyone fill the memory. What stays is bounded by the partners' table.
    if (!valeur) return undefined
    if (cacheClients.size > 1000) cacheClients.clear()
    cacheClients.set(cle, { valeur, jusqua: Date.now() + CACHE_CLIENT_MS })
    return valeur && structuredClone(valeur)
  }
  const lireClientSansCache = async (o: string, clientId: string) => {
    if (deps.simulateurs && clientId === CLIENT_DEMO)
      return {
        client_id: CLIENT_DEMO,
        client_secret: SECRET_CLIENT_DEMO,
        client_name: 'Démarche partenaire de démonstration',
        redirect_uris: [`${o}/demarche-partenaire/retour`],
        post_logout_redirect_uris: [`${o}/demarche-partenaire`],
      }
    const [c] = await deps.db
      .select()
      .from(clientsPartenaires)
      .where(and(eq(clientsPartenaires.clientId, clientId), eq(clientsPartenaires.actif, true)))
    if (!c) return undefined
    return {
      client_id: c.clientId,
      client_secret: c.secret,
      client_name: c.nom,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris,
    }
  }
  return {
    origine,
    idp(request: FastifyRequest): Promise<Provider> {
      const o = origine(request)
      let p = idp.get(o)
      if (!p) {
        p = creerFournisseurIdentite({
          db: deps.db,
          origine: o,
          secret: deps.secret,
          lireClient: lireClient(o),
          validerRepScope: (values) =>
            Array.isArray(values) && values.every((v) => typeof v === 'string' && estDemarche(v)),
          trouverCompte: async (accountId, usage) => {
            const trouve = await trouverAutorisation(deps.db, accountId)
            if (!trouve) return undefined
            const { autorisation, mandat } = trouve
            // Checked again at token and userinfo time: a revoked or expired authorisation gives nothing.
            if (autorisation.revoqueeLe || mandat.revoqueLe || mandat.expireLe <= deps.horloge())
              return undefined
            const usager = await trouverUsager(deps.db, mandat.usagerId)
            if (!usager || usager.pseudonymiseLe) return undefined
            if (usage.route === 'userinfo')
              await ajouterAuJournal(deps.db, deps.secret, {
                action: 'transmission_identite',
                le: deps.horloge(),
                organisationId: mandat.organisationId,
                usagerId: usager.id,
                mandatId: mandat.id,
                autorisationId: autorisation.id,
                demarche: autorisation.demarche,
                details: { client: usage.clientId ?? null },
              })
            return {
              sub: subPartenaire(deps.secret, usager.id),
              given_name: usager.prenoms,
              family_name: usager.nom,
              birthdate: usager.dateNaissance,
              gender: usager.genre,
              birthplace: usager.lieuNaissance,
              birthcountry: usager.paysNaissance,
              email: usager.email ?? undefined,
              demarche: autorisation.demarche,
              acr: 'eidas1',
            }
          },
        })
        idp.set(o, p)
        p.catch(() => idp.delete(o))
      }
      return p
    },
    simulateur(request: FastifyRequest): Promise<Provider> {
      const o = origine(request)
      let p = simulateur.get(o)
      if (!p) {
        p = creerSimulateurFranceConnect({
          db: deps.db,
          origine: o,
          secret: deps.secret,
          client: { clientId: deps.franceConnect.clientId, clientSecret: deps.franceConnect.clientSecret },
        })
        simulateur.set(o, p)
        p.catch(() => simulateur.delete(o))
      }
      return p
    },
  }
}
export type RegistreFournisseurs = ReturnType<typeof registreFournisseurs>

function lireRepScope(params: Record<string, unknown>): Demarche[] | undefined {
  if (typeof params.claims !== 'string') return undefined
  try {
    const claims = JSON.parse(params.claims) as { id_token?: { rep_scope?: { values?: unknown } } }
    const values = claims.id_token?.rep_scope?.values
    return Array.isArray(values)
      ? values.filter((v): v is Demarche => typeof v === 'string' && estDemarche(v))
      : undefined
  } catch {
    return undefined
  }
}

export async function oidcRoutes(
  app: FastifyInstance,
  { deps, registre }: { deps: DepsAidants; registre: RegistreFournisseurs },
) {
  const reauthRequise = makeReauthentificationRequise(deps)
  const noterActivite = makeNoterActivite(deps)

  const vers = formulairesVers(deps)
  await monterFournisseur(
    app,
    '/oidc',
    (r) => registre.idp(r),
    { max: 120, timeWindow: '1 minute' },
    vers.versPartenaires,
  )

  // ——— Interaction of our identity provider: the aidant picks the usager, then the démarche ———
  const exigerAidant = exigerRole('aidant')
  // The usager and démarche forms end, through /oidc/auth/:uid, on the partner's callback.
  const aidantVersPartenaire = [exigerAidant, vers.versPartenaires]
  app.get<{ Params: { uid: string } }>(
    '/aidants/connexion-demarche/:uid',
    { preHandler: aidantVersPartenaire },
    async (request, reply) => {
      const u = utilisateurConnecte(request)
      if (await reauthRequise(u.compteId, u.dernierFacteurLe))
        return reply.redirect(`/aidants/reauthentification?retour=${encodeURIComponent(request.url)}`, 303)
      const provider = await registre.idp(request)
      const details = await provider.interactionDetails(request.raw, reply.raw)
      if (details.uid !== request.params.uid) throw new AccesInterditError()
      const organisation = await organisationCourante(deps, request)
      const maintenant = deps.horloge()
      const usagers = (await usagersDeLOrganisation(deps.db, organisation.id, maintenant)).filter(
        (x) => x.actives > 0,
      )
      return reply.page((ctx) => ({
        titre: 'Se connecter au nom d’un usager',
        espace: 'pro',
        contenu: ChoixUsagerPage({
          csrf: ctx.csrf,
          uid: details.uid,
          client: String(details.params.client_id ?? ''),
          organisation: organisation.nom,
          usagers,
        }),
      }))
    },
  )

  app.post<{ Params: { uid: string }; Body: { usager?: unknown; demarche?: unknown } }>(
    '/aidants/connexion-demarche/:uid',
    { preHandler: aidantVersPartenaire, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const u = utilisateurConnecte(request)
      if (await reauthRequise(u.compteId, u.dernierFacteurLe))
        return reply.redirect(
          `/aidants/reauthentification?retour=${encodeURIComponent(`/aidants/connexion-demarche/${request.params.uid}`)}`,
          303,
        )
      const provider = await registre.idp(request)
      const details = await provider.interactionDetails(request.raw, reply.raw)
      if (details.uid !== request.params.uid) throw new AccesInterditError()
      const organisation = await organisationCourante(deps, request)
      const maintenant = deps.horloge()
      const usagerId = typeof request.body?.usager === 'string' ? request.body.usager : ''
      const demarche = typeof request.body?.demarche === 'string' ? request.body.demarche : undefined
      const refuser = async (description: string) => {
        reply.hijack()
        await provider.interactionFinished(
          request.raw,
          reply.raw,
          { error: 'access_denied', error_description: description },
          { mergeWithLastSubmission: false },
        )
      }
      const usager = await trouverUsager(deps.db, usagerId)
      const repScope = lireRepScope(details.params)
      const autorisees = organisation.demarchesAutorisees.filter(estDemarche)
      if (repScope?.some((d) => !autorisees.includes(d)))
        return refuser('rep_scope : démarche non autorisée dans cette structure')
      const actives = usager
        ? await autorisationsActivesDe(deps.db, organisation.id, usager.id, maintenant)
        : new Map()
      const possibles = autorisees.filter((d) => actives.has(d) && (!repScope || repScope.includes(d)))
      if (!usager || possibles.length === 0) return refuser('aucun mandat actif ne couvre cette demande')
      if (demarche === undefined)
        return reply.page((ctx) => ({
          titre: 'Choisir la démarche',
          espace: 'pro',
          contenu: ChoixDemarchePage({ csrf: ctx.csrf, uid: details.uid, usager, demarches: possibles }),
        }))
      if (!estDemarche(demarche) || !possibles.includes(demarche))
        return refuser('démarche non couverte par un mandat actif ou hors du périmètre demandé')
      const active = actives.get(demarche)
      if (!active) return refuser('aucun mandat actif ne couvre cette démarche')
      await ajouterAuJournal(deps.db, deps.secret, {
        action: 'utilisation_autorisation',
        le: maintenant,
        aidantId: u.compteId,
        organisationId: organisation.id,
        usagerId: usager.id,
        mandatId: active.mandat.id,
        autorisationId: active.autorisation.id,
        demarche,
        details: { client: String(details.params.client_id ?? '') },
      })
      await noterActivite(u.compteId)
      reply.hijack()
      await provider.interactionFinished(
        request.raw,
        reply.raw,
        // The ID token's `acr` comes from the login result, not from the account's claims: the aidant
        // proved two factors (e-mail or password, then TOTP), the level partners ask for.
        { login: { accountId: active.autorisation.id, acr: 'eidas1' } },
        { mergeWithLastSubmission: false },
      )
    },
  )

  app.post<{ Params: { uid: string } }>(
    '/aidants/connexion-demarche/:uid/abandonner',
    { preHandler: exigerAidant },
    async (request, reply) => {
      const provider = await registre.idp(request)
      // Asked before hijacking: without a pending interaction the provider throws, and the error handler
      // must still be able to answer.
      await provider.interactionDetails(request.raw, reply.raw)
      reply.hijack()
      await provider.interactionFinished(
        request.raw,
        reply.raw,
        { error: 'access_denied', error_description: 'connexion annulée par l’aidant' },
        { mergeWithLastSubmission: false },
      )
    },
  )

  app.get<{ Querystring: { source?: string; erreur?: string; description?: string } }>(
    '/aidants/erreur-connexion',
    async (request, reply) => {
      const erreur = (request.query.erreur ?? 'invalid_request').slice(0, 60)
      const description = (request.query.description ?? '').slice(0, 200)
      return reply.page(
        {
          titre: 'Connexion refusée',
          contenu: (
            <>
              <h1>Connexion refusée</h1>
              <div class="fr-alert fr-alert--error fr-mb-3w">
                <p>
                  La demande de connexion n’a pas pu aboutir (code : <code safe>{erreur}</code>).
                </p>
                {description ? <p safe>{description}</p> : ''}
              </div>
              <p>
                <a href="/">Retour à l’accueil</a>
              </p>
            </>
          ),
        },
        400,
      )
    },
  )

  // ——— FranceConnect simulator (demo and tests only) ———
  if (deps.simulateurs) {
    await monterFournisseur(app, '/simulateurs/franceconnect', (r) => registre.simulateur(r), {
      max: 120,
      timeWindow: '1 minute',
    })
    app.get<{ Params: { uid: string } }>(
      '/simulateurs/franceconnect/interaction/:uid',
      async (request, reply) => {
        const provider = await registre.simulateur(request)
        const details = await provider.interactionDetails(request.raw, reply.raw)
        return reply.page((ctx) => ({
          titre: 'FranceConnect (simulateur)',
          contenu: ChoixIdentitePage({ csrf: ctx.csrf, uid: details.uid, identites: IDENTITES_FICTIVES }),
        }))
      },
    )
    app.post<{ Params: { uid: string }; Body: { identite?: unknown } }>(
      '/simulateurs/franceconnect/interaction/:uid',
      async (request, reply) => {
        const provider = await registre.simulateur(request)
        const identite = IDENTITES_FICTIVES.find((i) => i.sub === request.body?.identite)
        // Without a pending interaction the provider throws: asked before the reply is hijacked, so that
        // the error handler still answers (after it, the request would hang).
        await provider.interactionDetails(request.raw, reply.raw)
        reply.hijack()
        await provider.interactionFinished(
          request.raw,
          reply.raw,
          identite
            ? { login: { accountId: identite.sub, acr: 'eidas1' } }
            : { error: 'access_denied', error_description: 'identité non choisie' },
          { mergeWithLastSubmission: false },
        )
      },
    )

    // ——— Démarche partenaire de démonstration: a small relying party of our identity provider ———
    const configPartenaire = new Map<string, Promise<client.Configuration>>()
    const partenaire = (request: FastifyRequest) => {
      const o = registre.origine(request)
      let c = configPartenaire.get(o)
      if (!c) {
        c = client.discovery(
          new URL(`${o}/oidc`),
          CLIENT_DEMO,
          { id_token_signed_response_alg: 'RS256' },
          client.ClientSecretPost(SECRET_CLIENT_DEMO),
          {
            execute: [client.allowInsecureRequests],
          },
        )
        configPartenaire.set(o, c)
        c.catch(() => configPartenaire.delete(o))
      }
      return c
    }
    const COOKIE = 'escale_partenaire_demo'
    app.get('/demarche-partenaire', async (_request, reply) =>
      reply.page((ctx) => ({
        titre: 'Démarche partenaire de démonstration',
        contenu: (
          <>
            <h1>Démarche partenaire de démonstration</h1>
            <p>
              Ce petit service en ligne fictif montre le parcours d’un aidant : il se connecte ici « avec
              Aidants Connect », choisit l’usager et la démarche, et le service reçoit l’identité de l’usager.
            </p>
            <form method="post" action="/demarche-partenaire/connexion">
              <Csrf jeton={ctx.csrf} />
              <button class="fr-btn" type="submit">
                Se connecter avec Aidants Connect
              </button>
            </form>
          </>
        ),
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
      const brut = request.cookies[COOKIE]
      const lu = brut ? request.unsignCookie(brut) : undefined
      const attendu =
        lu?.valid && lu.value ? (JSON.parse(lu.value) as { state: string; nonce: string }) : undefined
      reply.clearCookie(COOKIE, { path: '/demarche-partenaire' })
      const config = await partenaire(request)
      let resultat: { nom: string; demarche: string } | { erreur: string }
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
        resultat = {
          nom: `${String(info.given_name ?? '')} ${String(info.family_name ?? '')}`,
          demarche: demarche ? titreDemarche(demarche) : 'inconnue',
        }
      } catch (e) {
        const q = new URL(request.url, 'http://x').searchParams
        resultat = { erreur: q.get('error') ?? (e as Error).message.slice(0, 100) }
      }
      return reply.page({
        titre: 'Démarche partenaire de démonstration',
        contenu: (
          <>
            <h1>Démarche partenaire de démonstration</h1>
            {'erreur' in resultat ? (
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
            )}
            <p class="fr-mt-3w">
              <a href="/aidants/espace">Retour à l’espace aidant</a>
            </p>
          </>
        ),
      })
    })
  }
  void trouverOrganisation
}
