/**
 * The latest answers, serialised, by ETag (index version, query, minute): public queries repeat (the
 * same commune, the same need), and a kept answer costs a lookup instead of a search and a serialisation.
 * An answer is kept only when its query comes a second time (the first time, only its ETag is noted):
 * queries asked once, the most common, never fill the memory, so they neither evict the repeated ones
 * nor load the garbage collector with ~10 KB strings that live just long enough to be promoted.
 * Least recently used first out.
 */
export function memoireDesReponses(max: number) {
  const reponses = new Map<string, string>()
  const vues = new Set<string>()
  return {
    lire(cle: string): string | undefined {
      const v = reponses.get(cle)
      if (v !== undefined) {
        reponses.delete(cle)
        reponses.set(cle, v)
      }
      return v
    },
    garder(cle: string, v: string) {
      if (!vues.delete(cle)) {
        vues.add(cle)
        if (vues.size > max * 4) vues.delete(vues.values().next().value as string)
        return
      }
      reponses.set(cle, v)
      if (reponses.size > max) reponses.delete(reponses.keys().next().value as string)
    },
  }
}
