import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AccesInterditError, exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { monterFournisseur } from '../../../platform/oidc/monter'
import { usagerVue } from '../db/espace-lectures'
import { ajouterAuJournal } from '../db/journal-repository'
import { autorisationsActivesDe, trouverUsager, usagersDeLOrganisation } from '../db/mandats-repository'
import { type Demarche, estDemarche } from '../domain/demarches'
import { IDENTITES_FICTIVES } from '../oidc/identites-fictives'
import type { RegistreFournisseurs } from '../oidc/registre'
import type { DepsAidants } from '../use-cases/deps'
import { makeNoterActivite, makeReauthentificationRequise } from '../use-cases/totp-aidant'
import { ChoixDemarchePage, ChoixIdentitePage, ChoixUsagerPage } from '../views/connexion-demarche.page'
import { routesDemarchePartenaire } from './demarche-partenaire.routes'
import { type FormulairesVers, formulairesVers } from './formulaires-vers'
import { organisationCourante } from './organisation-courante'

export {
  CLIENT_DEMO,
  type RegistreFournisseurs,
  registreFournisseurs,
  SECRET_CLIENT_DEMO,
} from '../oidc/registre'

interface ContexteOidc {
  deps: DepsAidants
  registre: RegistreFournisseurs
}

type RequeteInteraction = FastifyRequest<{ Params: { uid: string } }>

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

/** The identity provider under `/oidc`, its pages, and in demo the simulator and the demo partner. */
export async function oidcRoutes(app: FastifyInstance, { deps, registre }: ContexteOidc) {
  const vers = formulairesVers(deps)
  await monterFournisseur(
    app,
    '/oidc',
    (r) => registre.idp(r),
    { max: 120, timeWindow: '1 minute' },
    vers.versPartenaires,
  )
  routesConnexionDemarche(app, { deps, registre }, vers)
  routeErreurConnexion(app)
  // ——— FranceConnect simulator and démarche partenaire (demo and tests only) ———
  if (deps.simulateurs) {
    await routesSimulateurFranceConnect(app, registre)
    routesDemarchePartenaire(app, registre)
  }
}

/**
 * The pending interaction of our identity provider, for the aidant who may answer it: present (a code
 * again after 15 minutes, then back to `retour`), the interaction's own uid, an organisation to act for.
 */
function makeInteractionDeLAidant({ deps, registre }: ContexteOidc) {
  const reauthRequise = makeReauthentificationRequise(deps)
  return async (request: RequeteInteraction, reply: FastifyReply, retour: string) => {
    const u = utilisateurConnecte(request)
    if (await reauthRequise(u.compteId, u.dernierFacteurLe)) {
      reply.redirect(`/aidants/reauthentification?retour=${encodeURIComponent(retour)}`, 303)
      return undefined
    }
    const provider = await registre.idp(request)
    const details = await provider.interactionDetails(request.raw, reply.raw)
    if (details.uid !== request.params.uid) throw new AccesInterditError()
    const organisation = await organisationCourante(deps, request)
    return { u, provider, details, organisation }
  }
}

/** `/aidants/connexion-demarche/:uid`: the aidant picks the usager, then the démarche, or gives up. */
function routesConnexionDemarche(app: FastifyInstance, contexte: ContexteOidc, vers: FormulairesVers) {
  const exigerAidant = exigerRole('aidant')
  // The usager and démarche forms end, through /oidc/auth/:uid, on the partner's callback.
  const aidantVersPartenaire = [exigerAidant, vers.versPartenaires]
  app.get<{ Params: { uid: string } }>(
    '/aidants/connexion-demarche/:uid',
    { preHandler: aidantVersPartenaire },
    makeChoixUsager(contexte),
  )
  app.post<{ Params: { uid: string }; Body: { usager?: unknown; demarche?: unknown } }>(
    '/aidants/connexion-demarche/:uid',
    { preHandler: aidantVersPartenaire, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    makeChoixDemarche(contexte),
  )
  app.post<{ Params: { uid: string } }>(
    '/aidants/connexion-demarche/:uid/abandonner',
    { preHandler: exigerAidant },
    async (request, reply) => {
      const provider = await contexte.registre.idp(request)
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
}

/** GET: the usagers of the organisation with at least one active authorisation. */
function makeChoixUsager(contexte: ContexteOidc) {
  const { deps } = contexte
  const interactionDeLAidant = makeInteractionDeLAidant(contexte)
  return async (request: RequeteInteraction, reply: FastifyReply) => {
    const i = await interactionDeLAidant(request, reply, request.url)
    if (!i) return reply
    const { details, organisation } = i
    const usagers = (await usagersDeLOrganisation(deps.db, organisation.id, deps.horloge())).filter(
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
  }
}

/**
 * POST: the usager chosen (then the démarche, on a second page). The login goes back to the partner
 * only for a démarche of an active mandate, allowed in the organisation and within the partner's
 * `rep_scope`; anything else ends the interaction with `access_denied`.
 */
function makeChoixDemarche(contexte: ContexteOidc) {
  const { deps } = contexte
  const interactionDeLAidant = makeInteractionDeLAidant(contexte)
  const noterActivite = makeNoterActivite(deps)
  return async (
    request: FastifyRequest<{ Params: { uid: string }; Body: { usager?: unknown; demarche?: unknown } }>,
    reply: FastifyReply,
  ) => {
    const i = await interactionDeLAidant(request, reply, `/aidants/connexion-demarche/${request.params.uid}`)
    if (!i) return reply
    const { u, provider, details, organisation } = i
    const maintenant = deps.horloge()
    const usagerId = typeof request.body?.usager === 'string' ? request.body.usager : ''
    const demarche = typeof request.body?.demarche === 'string' ? request.body.demarche : undefined
    const terminer = async (resultat: Record<string, unknown>) => {
      reply.hijack()
      await provider.interactionFinished(request.raw, reply.raw, resultat, { mergeWithLastSubmission: false })
    }
    const refuser = (description: string) =>
      terminer({ error: 'access_denied', error_description: description })
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
        contenu: ChoixDemarchePage({
          csrf: ctx.csrf,
          uid: details.uid,
          usager: usagerVue(usager),
          demarches: possibles,
        }),
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
    // The ID token's `acr` comes from the login result, not from the account's claims: the aidant
    // proved two factors (e-mail or password, then TOTP), the level partners ask for.
    return terminer({ login: { accountId: active.autorisation.id, acr: 'eidas1' } })
  }
}

/** Protocol errors that cannot go back to the partner, shown on our own page (oidc/fournisseurs.ts). */
function routeErreurConnexion(app: FastifyInstance) {
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
}

/** FranceConnect simulator (demo and tests only): its provider and the choice of a fictional identity. */
async function routesSimulateurFranceConnect(app: FastifyInstance, registre: RegistreFournisseurs) {
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
}
