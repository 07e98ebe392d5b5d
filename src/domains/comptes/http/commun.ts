import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { NonConnecteError } from '../../../platform/auth/utilisateur'
import { fermerSession } from '../db/comptes-repository'
import type { DepsComptes } from '../use-cases/deps'
import { type EtapeSuivante, makeOuvrirSession } from '../use-cases/ouvrir-session'
import { COOKIE_SESSION, navigateurDe, poserCookieSession } from './session-plugin'

/** What every page of the login journey shares: rate limits, route params, opening the session. */

export const LIMITE_CONNEXION = { rateLimit: { max: 10, timeWindow: '1 minute' } }
export const LIMITE_EMAIL = { rateLimit: { max: 5, timeWindow: '1 minute' } }

/** A one-time token of a link; its shape only, the hash is looked up by the use case. */
export const paramsJeton = z.object({ jeton: z.string().min(1).max(300) })
export const paramsId = z.object({ id: z.uuid() })

/** Only local paths: `retour=https://ailleurs` must not turn the login page into an open redirect. */
export function retourSur(retour: string | undefined): string {
  return retour && /^\/(?!\/)[^\s\\]*$/.test(retour) ? retour : '/espace'
}

/** The second factor pages need a session opened with the password (or link) and not yet complete. */
export function exigerSessionPartielle(request: FastifyRequest) {
  if (!request.sessionPartielle) throw new NonConnecteError()
  return request.sessionPartielle
}

/** The session of this browser, complete or waiting for its second factor. */
export const sessionDuNavigateur = (request: FastifyRequest) =>
  request.utilisateur?.sessionId ?? request.sessionPartielle?.sessionId

/**
 * Opens a session for an account whose first factor was just proven, then sends the browser to the
 * next step: the TOTP code, its activation, or the page it came for.
 */
export function ouvreurDeSession(app: FastifyInstance, deps: DepsComptes) {
  const ouvrirSession = makeOuvrirSession(deps)
  const versEtape = (etape: EtapeSuivante, retour: string) =>
    etape === 'totp' ? '/connexion/totp' : etape === 'activer_totp' ? '/connexion/totp/activer' : retour

  return async (
    request: FastifyRequest,
    reply: FastifyReply,
    compte: { id: string; totpActifDepuis: Date | null },
    retour = '/espace',
    options: { secondFacteurProuve?: boolean } = {},
  ) => {
    // Any previous session in this browser ends: one cookie, one session.
    const precedente = request.cookies[COOKIE_SESSION] ? sessionDuNavigateur(request) : undefined
    if (precedente) await fermerSession(deps.db, precedente, deps.horloge())
    const { jeton, etape } = await ouvrirSession(compte, navigateurDe(request), options)
    poserCookieSession(app, reply, jeton)
    return reply.redirect(versEtape(etape, retour), 303)
  }
}
