import type { FastifyReply, FastifyRequest } from 'fastify'
import { utilisateurConnecte } from '../../../platform/auth/utilisateur'
import type { RegistreFournisseurs } from '../oidc/registre'
import type { DepsAidants } from '../use-cases/deps'
import { makeReauthentificationRequise } from '../use-cases/totp-aidant'

/** What every route file of the domain receives from `aidantsRoutes`. */
export interface ContexteRoutes {
  deps: DepsAidants
  registre: RegistreFournisseurs
}

/** Only local paths after re-authentication. */
export const retourLocal = (r: string | undefined, defaut: string) =>
  r && /^\/(?!\/)[^\s\\]*$/.test(r) ? r : defaut

/**
 * After 15 minutes without a sensitive act, the aidant types a code again before going on: a GET
 * comes back to the same page afterwards, a POST to the aidant's space (its body is not kept).
 */
export function makeExigerPresence(deps: DepsAidants) {
  const reauthRequise = makeReauthentificationRequise(deps)
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const u = utilisateurConnecte(request)
    if (await reauthRequise(u.compteId, u.dernierFacteurLe)) {
      const retour = request.method === 'GET' ? request.url : '/aidants/espace'
      reply.redirect(`/aidants/reauthentification?retour=${encodeURIComponent(retour)}`, 303)
      return false
    }
    return true
  }
}
