/**
 * Small counts are not published: a figure between 1 and SEUIL − 1 about a small territory could
 * point at a person (« 2 personnes de plus de 70 ans sans emploi à X »). The threshold of 5 is the
 * rule of many French public statistics on people (CNIL, Drees open data); 0 is published (it
 * reveals nobody). In a breakdown whose total is published, when exactly one cell is hidden it
 * could be recomputed by subtraction: the smallest other non-zero cell is hidden too (secondary
 * suppression).
 */
export const SEUIL_K_ANONYMAT = 5

export const estSecret = (n: number) => n > 0 && n < SEUIL_K_ANONYMAT

/** null = hidden (« secret statistique »). */
export function masquer(n: number): number | null {
  return estSecret(n) ? null : n
}

export function masquerRepartition<T extends { valeur: string; n: number }>(
  cellules: readonly T[],
): (T & { publie: number | null })[] {
  const sortie = cellules.map((c) => ({ ...c, publie: masquer(c.n) }))
  const caches = sortie.filter((c) => c.publie === null).length
  if (caches === 1) {
    const candidate = sortie.filter((c) => c.publie !== null && c.n > 0).sort((a, b) => a.n - b.n)[0]
    if (candidate) candidate.publie = null
  }
  return sortie
}
