import type { FastifyRequest } from 'fastify'
import type Provider from 'oidc-provider'
import { origineDe, parOrigine } from '../../../platform/oidc/monter'
import { ajouterAuJournal } from '../db/journal-repository'
import { trouverAutorisation, trouverUsager } from '../db/mandats-repository'
import { clientPartenaireActif } from '../db/oidc-lectures'
import { subPartenaire } from '../domain/attestation'
import { estDemarche } from '../domain/demarches'
import type { DepsAidants } from '../use-cases/deps'
import {
  creerFournisseurIdentite,
  creerSimulateurFranceConnect,
  type OptionsFournisseurIdentite,
} from './fournisseurs'

export const CLIENT_DEMO = 'demarche-partenaire-demo'
export const SECRET_CLIENT_DEMO = 'demo-uniquement-secret-demarche-partenaire'

// oidc-provider reads the client several times per request: a few seconds of cache per process spare
// those round trips; a deactivated partner is refused at most CACHE_CLIENT_MS later.
const CACHE_CLIENT_MS = 5_000

/** The partner clients of our identity provider, per origin, as oidc-provider reads them. */
function lecteurClients(deps: DepsAidants) {
  const cacheClients = new Map<string, { valeur: Record<string, unknown> | undefined; jusqua: number }>()
  const lireClientSansCache = async (o: string, clientId: string) => {
    if (deps.simulateurs && clientId === CLIENT_DEMO)
      return {
        client_id: CLIENT_DEMO,
        client_secret: SECRET_CLIENT_DEMO,
        client_name: 'Démarche partenaire de démonstration',
        redirect_uris: [`${o}/demarche-partenaire/retour`],
        post_logout_redirect_uris: [`${o}/demarche-partenaire`],
      }
    const c = await clientPartenaireActif(deps.db, clientId)
    if (!c) return undefined
    return {
      client_id: c.clientId,
      client_secret: c.secret,
      client_name: c.nom,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris,
    }
  }
  return (o: string) => async (clientId: string) => {
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
}

/**
 * The account of our identity provider is an authorisation: the usager's claims for its démarche, or
 * nothing once it no longer holds. A transmission to a partner (userinfo) is journaled.
 */
function makeTrouverCompte(deps: DepsAidants): OptionsFournisseurIdentite['trouverCompte'] {
  return async (accountId, usage) => {
    const trouve = await trouverAutorisation(deps.db, accountId)
    if (!trouve) return undefined
    const { autorisation, mandat } = trouve
    // Checked again at token and userinfo time: a revoked or expired authorisation gives nothing.
    if (autorisation.revoqueeLe || mandat.revoqueLe || mandat.expireLe <= deps.horloge()) return undefined
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
  }
}

/** Providers per origin: one in production (BASE_URL), or the request's own origin in demo/test mode. */
export function registreFournisseurs(deps: DepsAidants) {
  const origine = (request: FastifyRequest) => origineDe(request, deps.baseUrl, deps.simulateurs)
  const lireClient = lecteurClients(deps)
  const trouverCompte = makeTrouverCompte(deps)
  const idp = parOrigine((o) =>
    creerFournisseurIdentite({
      db: deps.db,
      origine: o,
      secret: deps.secret,
      lireClient: lireClient(o),
      validerRepScope: (values) =>
        Array.isArray(values) && values.every((v) => typeof v === 'string' && estDemarche(v)),
      trouverCompte,
    }),
  )
  const simulateur = parOrigine((o) =>
    creerSimulateurFranceConnect({
      db: deps.db,
      origine: o,
      secret: deps.secret,
      client: { clientId: deps.franceConnect.clientId, clientSecret: deps.franceConnect.clientSecret },
    }),
  )
  return {
    origine,
    idp: (request: FastifyRequest): Promise<Provider> => idp(origine(request)),
    simulateur: (request: FastifyRequest): Promise<Provider> => simulateur(origine(request)),
  }
}
export type RegistreFournisseurs = ReturnType<typeof registreFournisseurs>
