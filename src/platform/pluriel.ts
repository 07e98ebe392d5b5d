/**
 * Counted words in French, instead of « poste(s) » or « 1 aidants » : 0 and 1 take the singular,
 * 2 and more the plural; numbers are written the French way (« 1 200 »).
 */

/** The word (or group of words) agreed with `n`: `accord(3, 'validé')` gives « validés ». */
export function accord(n: number, singulier: string, pluriel = `${singulier}s`): string {
  return Math.abs(n) >= 2 ? pluriel : singulier
}

/** The number and its word: `nombreDe(1, 'aidant habilité')` gives « 1 aidant habilité ». */
export function nombreDe(n: number, singulier: string, pluriel = `${singulier}s`): string {
  return `${n.toLocaleString('fr-FR')} ${accord(n, singulier, pluriel)}`
}
