/**
 * Where the diagnostic keeps its offline copy in the browser (ADR 010), shared by the islands and
 * the service worker. Not an island itself: esbuild bundles only the files directly in src/client/.
 */

/** localStorage key of the copy (answers waiting to be sent: never what was typed). */
export const CLE_COPIE = 'escale.diagnostic.hors-ligne'
/** The step page kept for a reload without network: personal (token, answers), erased with the copy. */
export const CACHE_PAGES = 'escale-diagnostic-pages-v1'
/**
 * Hashed files, pictograms and the static "horaires" page of the link exercise: nothing personal.
 * One cache per deployment, named after the worker's version (`escale-diagnostic-fichiers-<v>`).
 */
export const PREFIXE_CACHE_FICHIERS = 'escale-diagnostic-fichiers-'

/**
 * R4 (`INACTIVITE_MINUTES`, 30 minutes): a kept step page older than that is dropped. Written out
 * here because the worker must not pull the views in; `copie-locale.test.ts` checks both agree.
 */
export const DUREE_PAGE_GARDEE_MS = 30 * 60_000

export function lireStockage(): unknown {
  try {
    const brut = localStorage.getItem(CLE_COPIE)
    return brut === null ? undefined : JSON.parse(brut)
  } catch {
    return undefined
  }
}

export function copieLocalePresente(): boolean {
  try {
    return localStorage.getItem(CLE_COPIE) !== null
  } catch {
    return false
  }
}

export function ecrireStockage(valeur: unknown): void {
  try {
    localStorage.setItem(CLE_COPIE, JSON.stringify(valeur))
  } catch {
    // Storage refused (private browsing, full): the answers then live in this page only.
  }
}

/** The copy and the cached step page go together: after this, nothing of the test stays here. */
export function effacerCopieLocale(): Promise<unknown> {
  try {
    localStorage.removeItem(CLE_COPIE)
  } catch {
    // Nothing could be stored either.
  }
  return 'caches' in window ? caches.delete(CACHE_PAGES).catch(() => false) : Promise.resolve(false)
}
