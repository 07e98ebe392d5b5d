/**
 * The service worker global scope, typed for what our workers use (the project's TypeScript
 * configuration has the DOM library, not the WebWorker one).
 */
interface EvenementAttente extends Event {
  waitUntil(p: Promise<unknown>): void
}
interface EvenementRequete extends EvenementAttente {
  request: Request
  respondWith(r: Promise<Response> | Response): void
}
interface EvenementMessage extends EvenementAttente {
  data: unknown
}
interface PorteeTravailleur {
  location: Location
  skipWaiting(): Promise<void>
  clients: { claim(): Promise<void> }
  addEventListener(type: 'install' | 'activate', f: (e: EvenementAttente) => void): void
  addEventListener(type: 'fetch', f: (e: EvenementRequete) => void): void
  addEventListener(type: 'message', f: (e: EvenementMessage) => void): void
}

export const sw = self as unknown as PorteeTravailleur
