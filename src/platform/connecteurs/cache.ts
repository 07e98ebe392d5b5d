import type { Horloge } from '../crypto'

/**
 * A small cache of connector answers, bounded in bytes (the length of each value's JSON, plus its key)
 * rather than in entries: one answer may weigh a hundred bytes or a hundred kilobytes. Entries expire
 * after `dureeMs`; when full, the least recently used go first. Per process, in memory (ADR 050).
 */

export interface CacheConnecteur<T> {
  lire(cle: string): T | undefined
  ecrire(cle: string, valeur: T): void
  /** Entries and bytes held now (for tests and `/sante`-like reports). */
  taille(): { entrees: number; octets: number }
  vider(): void
}

export function creerCache<T>(o: {
  maxOctets: number
  dureeMs: number
  horloge?: Horloge
}): CacheConnecteur<T> {
  const horloge = o.horloge ?? (() => new Date())
  // Map keeps insertion order: re-inserting on read makes the first key the least recently used.
  const entrees = new Map<string, { valeur: T; expire: number; octets: number }>()
  let octets = 0

  const retirer = (cle: string) => {
    const e = entrees.get(cle)
    if (!e) return
    octets -= e.octets
    entrees.delete(cle)
  }

  return {
    lire(cle) {
      const e = entrees.get(cle)
      if (!e) return undefined
      if (e.expire <= horloge().getTime()) {
        retirer(cle)
        return undefined
      }
      entrees.delete(cle)
      entrees.set(cle, e)
      return e.valeur
    },
    ecrire(cle, valeur) {
      retirer(cle)
      const poids = cle.length + (JSON.stringify(valeur)?.length ?? 0)
      // Larger than the whole cache: not kept, rather than emptying everything for it.
      if (poids > o.maxOctets) return
      while (octets + poids > o.maxOctets) {
        const plusAncienne = entrees.keys().next().value
        if (plusAncienne === undefined) break
        retirer(plusAncienne)
      }
      entrees.set(cle, { valeur, expire: horloge().getTime() + o.dureeMs, octets: poids })
      octets += poids
    },
    taille: () => ({ entrees: entrees.size, octets }),
    vider() {
      entrees.clear()
      octets = 0
    },
  }
}
