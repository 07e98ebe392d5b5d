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

/**
 * The deployment this worker belongs to. The page registers it as `sw.js?v=<version>`, the version
 * being a digest of the hashed files the page uses (`versionDesFichiers`): a deployment that changes
 * one of them changes the worker's address, so the browser installs a new worker, whose activation
 * deletes the caches of the previous versions. Old hashed files never pile up.
 */
export function versionDuTravailleur(): string {
  return new URL(sw.location.href).searchParams.get('v') || 'initiale'
}

/** Deletes this worker's caches (by name prefix) except those it uses now. */
export async function effacerAutresVersions(prefixe: string, gardes: readonly string[]): Promise<void> {
  const noms = await caches.keys()
  await Promise.all(
    noms.filter((n) => n.startsWith(prefixe) && !gardes.includes(n)).map((n) => caches.delete(n)),
  )
}
