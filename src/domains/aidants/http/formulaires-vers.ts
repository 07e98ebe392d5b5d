import type { FastifyReply } from 'fastify'
import { cspAvecFormulairesVers } from '../../../platform/http/securite'
import { adressesDesPartenairesActifs } from '../db/oidc-lectures'
import type { DepsAidants } from '../use-cases/deps'

/** A partner added or deactivated reaches the pages' CSP at most this much later (per process). */
const CACHE_MS = 5_000

/**
 * Origins our forms may lead to through redirects, for the pages where that is the point: the
 * registered partners' return addresses (the aidant ends on the partner's callback, or on its page
 * after logout) and FranceConnect (creating a mandate, the usager's own space). Every other page keeps
 * `form-action 'self'`. In demo and tests, FranceConnect is the simulator on our own origin: nothing
 * to add.
 */
export function formulairesVers(deps: DepsAidants) {
  let cache: { origines: string[]; jusqua: number } | undefined
  const partenaires = async (): Promise<string[]> => {
    if (cache && cache.jusqua > Date.now()) return cache.origines
    const origines = await adressesDesPartenairesActifs(deps.db)
    cache = { origines, jusqua: Date.now() + CACHE_MS }
    return origines
  }
  const franceConnect = deps.franceConnect.issuer ? [deps.franceConnect.issuer] : []
  const elargir = (reply: FastifyReply, urls: string[]) => {
    const csp = reply.getHeader('content-security-policy')
    if (typeof csp === 'string') reply.header('content-security-policy', cspAvecFormulairesVers(csp, urls))
  }
  return {
    partenaires,
    /** preHandler of the identity provider's interaction pages. */
    versPartenaires: async (_request: unknown, reply: FastifyReply) => elargir(reply, await partenaires()),
    /** preHandler of the pages whose form goes to FranceConnect. */
    versFranceConnect: async (_request: unknown, reply: FastifyReply) => elargir(reply, franceConnect),
  }
}
export type FormulairesVers = ReturnType<typeof formulairesVers>
