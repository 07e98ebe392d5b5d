import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { porteesDe, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { sha256 } from '../../../platform/crypto'
import { HORS_LIGNE_MAX_MINUTES } from '../domain/retention'
import type { DepsDiagnostic } from '../use-cases/deps'
import { makeLirePassationDuNavigateur, type PassationCourante } from '../use-cases/lire-passation'
import { InterrompuPage } from '../views/accueil.page'
import type { StructureConseiller } from '../views/sessions.page'

/** What the diagnostic's route files share: the cookie, the crumbs, the rate limits, the guards. */

export const COOKIE_DIAGNOSTIC = 'escale_diagnostic'
export const CSS = ['css/diagnostic.css']
export const ARIANE = [{ libelle: 'Faire le point', href: '/diagnostic' }]
export const ARIANE_CONSEILLER = [{ libelle: 'Diagnostics', href: '/diagnostic/sessions' }]
export const LIMITE = { rateLimit: { max: 30, timeWindow: '1 minute' } }
export const LIMITE_ENVOI = { rateLimit: { max: 5, timeWindow: '1 minute' } }

export interface ContexteRoutes {
  deps: DepsDiagnostic
}

/** Route params, read through zod: a malformed value answers 404 like an unknown one. */
export const paramsCode = z.object({ code: z.string().max(30) })
export const paramsId = z.object({ id: z.string().max(36) })
export const paramsJeton = z.object({ jeton: z.string() })

/** Names a diagnostic for the offline copy in the browser without giving out its id. */
export const clePassation = (id: string) => sha256(`diagnostic-hors-ligne:${id}`).slice(0, 16)

export const jetonDuNavigateur = (request: FastifyRequest) => request.cookies[COOKIE_DIAGNOSTIC]

/**
 * The cookie outlives a closed browser for as long as answers kept without network may still be
 * sent (R4: HORS_LIGNE_MAX_MINUTES after the last exchange with the server), and each exchange
 * extends it: reopening the browser resumes the sending (ADR 011). The server still stops a test
 * left for 30 minutes (R4), so a later visitor of a shared computer only meets the « stopped » page.
 */
export function poserCookie(app: FastifyInstance, reply: FastifyReply, jeton: string) {
  return reply.setCookie(COOKIE_DIAGNOSTIC, jeton, {
    ...app.optionsCookieSession,
    path: '/diagnostic',
    maxAge: HORS_LIGNE_MAX_MINUTES * 60,
  })
}
export const effacerCookie = (reply: FastifyReply) =>
  reply.clearCookie(COOKIE_DIAGNOSTIC, { path: '/diagnostic' })

/**
 * The only thing that ties a browser to its diagnostic is a random cookie (hash in the database),
 * scoped to /diagnostic, kept two hours after the last exchange (see `poserCookie`); the test itself
 * stops after 30 minutes of inactivity (rule R4).
 */
export function lecturesPassation(deps: DepsDiagnostic) {
  const lirePassation = makeLirePassationDuNavigateur(deps)
  const lire = (request: FastifyRequest) => lirePassation(jetonDuNavigateur(request))

  /** The diagnostic of this browser, or a reply already sent (start page, or "stopped" page). */
  const exigerPassation = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<PassationCourante | undefined> => {
    const l = await lire(request)
    if (!l) {
      reply.redirect('/diagnostic', 303)
      return undefined
    }
    if ('interrompue' in l) {
      effacerCookie(reply)
      reply.page({ titre: 'Test arrêté', ariane: ARIANE, contenu: <InterrompuPage /> }, 410)
      return undefined
    }
    // Each exchange extends the cookie (`poserCookie`).
    const jeton = jetonDuNavigateur(request)
    if (jeton) poserCookie(request.server, reply, jeton)
    return l.passation
  }
  return { lire, exigerPassation }
}

/** The structures on which the signed-in person is a conseiller: every query is scoped to them. */
export function structuresDe(request: FastifyRequest): StructureConseiller[] {
  return porteesDe(utilisateurConnecte(request), 'conseiller')
    .filter((p) => p.type === 'structure')
    .map((p) => ({ code: p.code, libelle: p.libelle || p.code }))
}

export const codesStructures = (request: FastifyRequest) => structuresDe(request).map((s) => s.code)
