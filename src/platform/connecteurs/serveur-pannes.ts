import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * For tests only: a loopback HTTP server that misbehaves on demand, the way outside services do —
 * slow, 500, 429 with `Retry-After`, broken JSON, a closed socket. Each request takes the next planned
 * behaviour; when the plan is empty it answers `{"ok":true}`. Contract tests of every connector use it.
 */

export type Panne =
  | { type: 'ok'; corps?: unknown; statut?: number }
  | { type: 'lent'; ms: number }
  | { type: 'corps-lent'; ms: number }
  | { type: 'statut'; statut: number; entetes?: Record<string, string> }
  | { type: 'json-casse' }
  | { type: 'coupe' }

export interface ServeurPannes {
  url: string
  /** Paths and query strings received, in order. */
  requetes: string[]
  programmer(...pannes: Panne[]): void
  fermer(): Promise<void>
}

export async function demarrerServeurPannes(): Promise<ServeurPannes> {
  const plan: Panne[] = []
  const requetes: string[] = []
  const minuteries = new Set<NodeJS.Timeout>()
  const plus_tard = (ms: number, f: () => void) => {
    const t = setTimeout(() => {
      minuteries.delete(t)
      f()
    }, ms)
    minuteries.add(t)
  }
  const json = (res: ServerResponse, statut: number, corps: unknown) => {
    res.writeHead(statut, { 'content-type': 'application/json' })
    res.end(JSON.stringify(corps))
  }
  const serveur = createServer((req: IncomingMessage, res: ServerResponse) => {
    requetes.push(req.url ?? '')
    req.resume()
    const panne = plan.shift() ?? { type: 'ok' }
    switch (panne.type) {
      case 'ok':
        return json(res, panne.statut ?? 200, panne.corps ?? { ok: true })
      case 'lent':
        return plus_tard(panne.ms, () => json(res, 200, { ok: true }))
      case 'corps-lent':
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"ok":')
        return plus_tard(panne.ms, () => res.end('true}'))
      case 'statut':
        res.writeHead(panne.statut, { 'content-type': 'application/json', ...panne.entetes })
        return res.end('{"erreur":"simulée"}')
      case 'json-casse':
        res.writeHead(200, { 'content-type': 'application/json' })
        return res.end('<html>maintenance</html>')
      case 'coupe':
        return req.socket.destroy()
    }
  })
  await new Promise<void>((r) => serveur.listen(0, '127.0.0.1', r))
  const { port } = serveur.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requetes,
    programmer: (...pannes) => plan.push(...pannes),
    fermer: async () => {
      for (const t of minuteries) clearTimeout(t)
      serveur.closeAllConnections()
      await new Promise<void>((r) => serveur.close(() => r()))
    },
  }
}
