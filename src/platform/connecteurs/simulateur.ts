import type { FastifyInstance, FastifyPluginAsync } from 'fastify'

/**
 * Simulators of outside services (ADR 050): Fastify plugins serving recorded answers in the real API's
 * shape under `/simulateurs/<nom>/…`, mounted only when the configuration says simulated (demo, tests).
 */

export const cheminSimulateur = (nom: string) => `/simulateurs/${nom}`

export async function monterSimulateur(app: FastifyInstance, nom: string, routes: FastifyPluginAsync) {
  await app.register(routes, { prefix: cheminSimulateur(nom) })
}

/**
 * A `fetch` that reaches this very server through `app.inject`: the simulated adapter speaks real HTTP
 * (method, path, query, headers, status, body) to the simulator without a socket, so it works in tests
 * that never listen and in a demo whose public address is not reachable from inside.
 */
export function fetchParInjection(app: FastifyInstance): typeof globalThis.fetch {
  return async (entree, init) => {
    const url = new URL(entree instanceof Request ? entree.url : String(entree))
    if (init?.signal?.aborted) throw new DOMException('requête interrompue', 'AbortError')
    const entetes: Record<string, string> = {}
    new Headers(init?.headers).forEach((valeur, cle) => {
      entetes[cle] = valeur
    })
    const reponse = await app.inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      url: url.pathname + url.search,
      headers: entetes,
      ...(typeof init?.body === 'string' ? { payload: init.body } : {}),
    })
    const sansCorps = reponse.statusCode === 204 || reponse.statusCode === 304
    return new Response(sansCorps ? null : new Uint8Array(reponse.rawPayload), {
      status: reponse.statusCode,
      headers: Object.entries(reponse.headers).flatMap(([cle, valeur]) =>
        valeur === undefined
          ? []
          : (Array.isArray(valeur) ? valeur : [String(valeur)]).map((v) => [cle, v] as [string, string]),
      ),
    })
  }
}
