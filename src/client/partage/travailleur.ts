/**
 * Page side of the service workers (activity form, diagnostic): which hashed files the page uses,
 * and the worker's registration under the version those files make (see `versionDuTravailleur`).
 * Not an island itself: esbuild bundles only the files directly in src/client/.
 */

/** The page's stylesheets and scripts: hashed names, whose content never changes. */
export function fichiersDeLaPage(): string[] {
  return [
    ...Array.from(document.querySelectorAll('link[rel="stylesheet"]')).map((l) => l.getAttribute('href')),
    ...Array.from(document.querySelectorAll('script[src]')).map((s) => s.getAttribute('src')),
  ].filter((u): u is string => !!u)
}

/** A short digest of a list of hashed names (djb2): it changes as soon as one file changes. */
export function versionDesFichiers(urls: readonly string[]): string {
  let h = 5381
  for (const c of [...urls].sort().join('\n')) h = (Math.imul(h, 33) ^ c.charCodeAt(0)) >>> 0
  return h.toString(36)
}

/** Registers the worker for this deployment's files and resolves with the active one. */
export async function enregistrerTravailleur(
  chemin: string,
  portee: string,
  fichiers: readonly string[],
): Promise<ServiceWorker | null> {
  await navigator.serviceWorker.register(`${chemin}?v=${versionDesFichiers(fichiers)}`, { scope: portee })
  return (await navigator.serviceWorker.ready).active
}
