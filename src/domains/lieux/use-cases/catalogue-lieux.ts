import type { Database } from '../../../platform/db/database'
import { tousLesLieux, versionLieux } from '../db/lieux-repository'
import { creerIndex, type IndexLieux } from '../domain/recherche'

export interface CatalogueLieux {
  /** The current index; reloaded from the database when places changed (checked at most every `verifierToutesLesMs`). */
  index(): Promise<IndexLieux>
  /** After a change made by this process: the next call reloads. */
  invalider(): void
}

/**
 * The in-memory index is a cache of the `lieux` table. Each instance checks a cheap version (count
 * and latest change) at most every second and rebuilds in the background, serving the previous
 * index meanwhile: several stateless instances stay consistent within about a second, and a change
 * made by this instance is visible at once.
 */
export function creerCatalogueLieux(db: Database, verifierToutesLesMs = 1000): CatalogueLieux {
  let courant: IndexLieux | undefined
  let verifieLe = 0
  let enCours: Promise<IndexLieux> | undefined
  let attendre = false

  const recharger = async (force: boolean): Promise<IndexLieux> => {
    const version = await versionLieux(db)
    verifieLe = Date.now()
    if (!force && courant && courant.version === version) return courant
    courant = creerIndex(await tousLesLieux(db), version)
    return courant
  }
  const lancer = (force = false) => {
    if (!enCours)
      enCours = recharger(force).finally(() => {
        enCours = undefined
      })
    return enCours
  }

  return {
    async index() {
      if (!courant || attendre) {
        const force = attendre
        attendre = false
        // A reload already running may have read the table before this change: wait for it, then reload.
        if (force && enCours) await enCours
        return lancer(force)
      }
      if (Date.now() - verifieLe > verifierToutesLesMs) lancer().catch(() => {})
      return courant
    },
    invalider() {
      attendre = true
    },
  }
}
