import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { sha256 } from '../../../platform/crypto'
import { mettreAJourSession, trouverSessionParJeton } from '../db/comptes-repository'
import type { DepsComptes } from '../use-cases/deps'

export const COOKIE_SESSION = 'escale_session'

export interface SessionPartielle {
  sessionId: string
  compteId: string
}

declare module 'fastify' {
  interface FastifyRequest {
    /** A session that passed the first factor and waits for the TOTP code (or its enrolment). */
    sessionPartielle: SessionPartielle | undefined
  }
}

// Writing `vu_le` on every request would make each page view a database write; a minute of
// imprecision on the idle timeout is harmless.
const RAFRAICHIR_APRES_MS = 60_000

/** Reads the server-side session on every request (static assets aside) and fills `request.utilisateur`. */
export const sessionPlugin = fp(
  async (app: FastifyInstance, { deps, secureCookies }: { deps: DepsComptes; secureCookies: boolean }) => {
    app.decorateRequest('utilisateur', undefined)
    app.decorateRequest('sessionPartielle', undefined)
    app.addHook('onRequest', async (request) => {
      if (request.url.startsWith('/assets/')) return
      const jeton = request.cookies[COOKIE_SESSION]
      if (!jeton) return
      const trouve = await trouverSessionParJeton(deps.db, sha256(jeton))
      if (!trouve) return
      const { session, compte, habilitations } = trouve
      const maintenant = deps.horloge()
      if (
        !compte.actif ||
        session.vuLe.getTime() + session.inactiviteMinutes * 60_000 <= maintenant.getTime()
      )
        return
      if (maintenant.getTime() - session.vuLe.getTime() > RAFRAICHIR_APRES_MS)
        await mettreAJourSession(deps.db, session.id, { vuLe: maintenant })
      if (session.niveau === 'premier_facteur') {
        request.sessionPartielle = { sessionId: session.id, compteId: compte.id }
        return
      }
      request.utilisateur = {
        compteId: compte.id,
        sessionId: session.id,
        email: compte.email,
        prenom: compte.prenom,
        nom: compte.nom,
        habilitations,
        dernierFacteurLe: session.dernierFacteurLe,
      }
    })
    app.decorate('optionsCookieSession', {
      httpOnly: true,
      sameSite: 'lax' as const,
      path: '/',
      secure: secureCookies,
    })
  },
)

declare module 'fastify' {
  interface FastifyInstance {
    optionsCookieSession: { httpOnly: boolean; sameSite: 'lax'; path: string; secure: boolean }
  }
}

/** Sets the cookie of a new session, and with it a new CSRF secret (see renouvelerCsrf). */
export function poserCookieSession(app: FastifyInstance, reply: FastifyReply, jeton: string) {
  reply.setCookie(COOKIE_SESSION, jeton, app.optionsCookieSession)
  renouvelerCsrf(app, reply)
}

/** The cookie of @fastify/csrf-protection's secret: its default name, signed (platform/http/web.ts). */
const COOKIE_CSRF = '_csrf'

/**
 * Draws a new CSRF secret whenever a session is created or reaches the complete level: a token or a
 * secret cookie obtained before login (or planted by someone else) is worthless after it. The request's
 * copy is replaced too, so that forms rendered in this same response already use the new secret.
 */
export function renouvelerCsrf(app: FastifyInstance, reply: FastifyReply) {
  const secret = randomBytes(18).toString('base64url')
  reply.setCookie(COOKIE_CSRF, secret, { ...app.optionsCookieSession, signed: true })
  reply.request.cookies[COOKIE_CSRF] = app.signCookie(secret)
}

export function effacerCookieSession(reply: FastifyReply) {
  reply.clearCookie(COOKIE_SESSION, { path: '/' })
}

export function navigateurDe(request: FastifyRequest): string {
  return String(request.headers['user-agent'] ?? '').slice(0, 300)
}
