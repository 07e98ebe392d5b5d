/**
 * Dates typed in the forms (ISO `aaaa-mm-jj`: their lexical order is their chronological order).
 * Pure: "today" comes from the caller's clock.
 */

/** The same day `n` months later (the last day of the month when it is shorter: 31/08 + 6 → 28/02). */
export function ajouterMois(iso: string, n: number): string {
  const [a, m, j] = iso.slice(0, 10).split('-').map(Number) as [number, number, number]
  const cible = new Date(Date.UTC(a, m - 1 + n, 1))
  const dernier = new Date(Date.UTC(cible.getUTCFullYear(), cible.getUTCMonth() + 1, 0)).getUTCDate()
  cible.setUTCDate(Math.min(j, dernier))
  return cible.toISOString().slice(0, 10)
}

/** An availability or a start date further than this is a typing error, not a plan. */
export const HORIZON_MOIS = 24

export type ProblemeDate = 'passee' | 'trop_lointaine'

/**
 * A date that must lie between today and the horizon. A date already on file may stay as it is once
 * passed: a candidate who said "available from 1 March" and edits their phone number in April must
 * not be forced to retype a date (a past availability simply means "available now").
 */
export function problemeDateAVenir(
  date: string,
  aujourdhui: string,
  dejaEnregistree?: string | null,
): ProblemeDate | undefined {
  if (dejaEnregistree && date === dejaEnregistree) return undefined
  if (date < aujourdhui) return 'passee'
  if (date > ajouterMois(aujourdhui, HORIZON_MOIS)) return 'trop_lointaine'
  return undefined
}
