/** What a kept string costs at most: V8 stores a text with any character beyond Latin-1 (’, œ) on 2 bytes. */
const octets = (s: string) => 2 * s.length

/** 32-bit FNV-1a: a query seen once is noted by this number, whatever the length of its address. */
export function empreinte(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/**
 * The latest answers, serialised, by query (the caller empties the memory when the index version or the
 * minute changes, see `etagsParMinute` in api.routes.ts): public queries repeat (the
 * same commune, the same need), and a kept answer costs a lookup instead of a search and a serialisation.
 * An answer is kept only when its query comes a second time (the first time, only a hash is noted):
 * queries asked once, the most common, never fill the memory, so they neither evict the repeated ones
 * nor load the garbage collector with ~10 KB strings that live just long enough to be promoted.
 * Least recently used first out.
 *
 * Bounded by **bytes**, not by entries: anyone can ask `limit=100` (about 200 KB an answer), and 2 000
 * such answers held 400 MB per process. An answer larger than a sixteenth of the budget is never kept,
 * so that one query cannot empty the memory of every other. The queries seen once are noted by a 32-bit
 * hash, so their count bounds their bytes whatever the length of the addresses (two queries sharing a
 * hash only make one answer kept a request early).
 */
export function memoireDesReponses({ octetsMax, clesVuesMax }: { octetsMax: number; clesVuesMax: number }) {
  const reponses = new Map<string, string>()
  const vues = new Set<number>()
  let total = 0
  return {
    /** Bytes held by the kept answers and their keys (for tests and measures). */
    get octets() {
      return total
    },
    /** Forgets everything (the answers kept no longer hold: another index version, another minute). */
    vider() {
      reponses.clear()
      vues.clear()
      total = 0
    },
    lire(cle: string): string | undefined {
      const v = reponses.get(cle)
      if (v !== undefined) {
        reponses.delete(cle)
        reponses.set(cle, v)
      }
      return v
    },
    garder(cle: string, v: string) {
      const h = empreinte(cle)
      if (!vues.delete(h)) {
        vues.add(h)
        if (vues.size > clesVuesMax) vues.delete(vues.values().next().value as number)
        return
      }
      const taille = octets(cle) + octets(v)
      if (taille > octetsMax / 16 || reponses.has(cle)) return
      reponses.set(cle, v)
      total += taille
      for (const [ancienne, r] of reponses) {
        if (total <= octetsMax) break
        reponses.delete(ancienne)
        total -= octets(ancienne) + octets(r)
      }
    },
  }
}
