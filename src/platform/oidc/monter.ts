import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type Provider from 'oidc-provider'

/**
 * Mounts an oidc-provider (a Koa app) under `prefixe` in Fastify: a catch-all route that hands the raw
 * request to the provider. The body is left unread (the provider parses it); CSRF does not apply to
 * these machine endpoints (OAuth has its own state, PKCE and client authentication); rate limits do.
 */
export async function monterFournisseur(
  app: FastifyInstance,
  prefixe: string,
  obtenir: (request: FastifyRequest) => Promise<Provider>,
  limite: { max: number; timeWindow: string },
  /** Widens the pages' CSP where the provider's own forms lead to a partner (logout, login resumed). */
  avantReponse?: (request: FastifyRequest, reply: FastifyReply) => Promise<void>,
) {
  await app.register(async (sousApp) => {
    sousApp.removeAllContentTypeParsers()
    sousApp.addContentTypeParser('*', (_request, _payload, done) => done(null))
    const gerer = async (request: FastifyRequest, reply: FastifyReply) => {
      const provider = await obtenir(request)
      if (avantReponse) await avantReponse(request, reply)
      // Security headers set by the platform (CSP, nosniff…) still apply to what the provider writes.
      for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) reply.raw.setHeader(k, v)
      reply.hijack()
      const brut = request.raw as typeof request.raw & { originalUrl?: string }
      const url = brut.url ?? '/'
      brut.originalUrl = url
      // The provider's router wants a path: `/oidc?x=1` becomes `/?x=1`, not `?x=1` (which it crashes on).
      const reste = url.slice(prefixe.length)
      brut.url = reste.startsWith('/') ? reste : `/${reste}`
      provider.callback()(brut, reply.raw)
    }
    const options = { config: { csrf: false, rateLimit: limite } }
    sousApp.route({ method: ['GET', 'POST', 'OPTIONS'], url: prefixe, ...options, handler: gerer })
    sousApp.route({ method: ['GET', 'POST', 'OPTIONS'], url: `${prefixe}/*`, ...options, handler: gerer })
  })
}

/** Origin the providers answer for: the configured base URL, or in demo/test mode the request's own origin. */
export function origineDe(request: FastifyRequest, baseUrl: string, suivreLaRequete: boolean): string {
  if (!suivreLaRequete) return baseUrl
  return `${request.protocol}://${request.host}`
}

/**
 * One instance per origin (providers, clients), created at first use and shared by the requests that
 * follow; a failed creation is forgotten, so that the next request tries again.
 */
export function parOrigine<T>(creer: (origine: string) => Promise<T>): (origine: string) => Promise<T> {
  const instances = new Map<string, Promise<T>>()
  return (o) => {
    let p = instances.get(o)
    if (!p) {
      p = creer(o)
      instances.set(o, p)
      p.catch(() => instances.delete(o))
    }
    return p
  }
}
