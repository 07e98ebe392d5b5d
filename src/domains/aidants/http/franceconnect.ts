import type { FastifyReply, FastifyRequest } from 'fastify'
import { aleaOidc } from '../../../platform/oidc/client'
import { parOrigine } from '../../../platform/oidc/monter'
import {
  consommerConnexionFranceConnect,
  enregistrerUsagerFranceConnect,
  noterConnexionFranceConnect,
} from '../db/franceconnect-lectures'
import { ajouterAuJournal } from '../db/journal-repository'
import { hashSub } from '../domain/attestation'
import { creerClientFranceConnect } from '../oidc/client-franceconnect'
import type { ContexteRoutes } from './commun'

const DUREE_FC_MS = 5 * 60_000

/**
 * The two FranceConnect logins (an aidant creating a mandate, an usager opening their space): one
 * client per origin, PKCE + state + nonce kept in base for 5 minutes, usager upserted on return.
 */
export function makeFranceConnect({ deps, registre }: ContexteRoutes) {
  // FranceConnect client per origin (one in production; the simulator of the request's origin in demo).
  const clientsFc = parOrigine((o) =>
    creerClientFranceConnect({
      issuer: deps.franceConnect.issuer ?? `${o}/simulateurs/franceconnect`,
      clientId: deps.franceConnect.clientId,
      clientSecret: deps.franceConnect.clientSecret,
      http: deps.simulateurs,
    }),
  )
  const franceConnect = (request: FastifyRequest) => clientsFc(registre.origine(request))

  const versFranceConnect = async (
    request: FastifyRequest,
    reply: FastifyReply,
    usage: 'mandat' | 'espace_usager',
    extra: { aidantId?: string; organisationId?: string; projet?: { demarches: string[]; duree: string } },
  ) => {
    const fc = await franceConnect(request)
    const state = aleaOidc.aleatoire()
    const nonce = aleaOidc.aleatoire()
    const verifier = aleaOidc.verifier()
    await noterConnexionFranceConnect(deps.db, {
      state,
      nonce,
      verifier,
      usage,
      aidantId: extra.aidantId ?? null,
      organisationId: extra.organisationId ?? null,
      projet: extra.projet ?? null,
      expireLe: new Date(deps.horloge().getTime() + DUREE_FC_MS),
    })
    const retour = usage === 'mandat' ? '/aidants/franceconnect/retour' : '/mes-mandats/retour'
    return reply.redirect(
      fc.urlAutorisation({
        redirectUri: `${registre.origine(request)}${retour}`,
        state,
        nonce,
        codeChallenge: await aleaOidc.challenge(verifier),
      }),
      303,
    )
  }

  /** Completes a FranceConnect login: state looked up (single use, 5 min), tokens verified, usager upserted. */
  const retourFranceConnect = async (request: FastifyRequest, usage: 'mandat' | 'espace_usager') => {
    const url = new URL(request.url, registre.origine(request))
    const state = url.searchParams.get('state') ?? ''
    const connexion = await consommerConnexionFranceConnect(deps.db, state, usage)
    if (!connexion || connexion.expireLe <= deps.horloge()) return undefined
    if (url.searchParams.get('error')) return undefined
    const fc = await franceConnect(request)
    const { identite } = await fc.echanger({
      urlRetour: url,
      state,
      nonce: connexion.nonce,
      verifier: connexion.verifier,
    })
    const subHash = hashSub(deps.secret, identite.sub)
    const usager = await enregistrerUsagerFranceConnect(deps.db, subHash, {
      prenoms: identite.given_name,
      nom: identite.family_name,
      dateNaissance: identite.birthdate,
      genre: identite.gender,
      lieuNaissance: identite.birthplace,
      paysNaissance: identite.birthcountry,
      email: identite.email,
    })
    if (!usager) return undefined
    await ajouterAuJournal(deps.db, deps.secret, {
      action: 'franceconnect_usager',
      le: deps.horloge(),
      aidantId: connexion.aidantId,
      organisationId: connexion.organisationId,
      usagerId: usager.id,
      details: { usage },
    })
    return { connexion, usager }
  }
  return { versFranceConnect, retourFranceConnect }
}
