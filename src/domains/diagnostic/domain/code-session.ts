/**
 * Session codes a conseiller hands out: 6 letters then 3 digits (ABCDEF234). Letters and digits
 * that people confuse when reading aloud or copying (I/L/1, O/0, and Q next to O) are never
 * used, which leaves 22 letters and 8 digits: 22⁶ × 8³ ≈ 58 billion codes.
 */
export const LETTRES_CODE = 'ABCDEFGHJKMNPRSTUVWXYZ'
export const CHIFFRES_CODE = '23456789'

/** `aleatoire(n)` returns an integer in [0, n): crypto.randomInt in production, a seed in tests. */
export function genererCode(aleatoire: (n: number) => number): string {
  let code = ''
  for (let i = 0; i < 6; i++) code += LETTRES_CODE[aleatoire(LETTRES_CODE.length)]
  for (let i = 0; i < 3; i++) code += CHIFFRES_CODE[aleatoire(CHIFFRES_CODE.length)]
  return code
}

const FORME = new RegExp(`^[${LETTRES_CODE}]{6}[${CHIFFRES_CODE}]{3}$`)

/** What people type: lower case, spaces or dashes between groups ("abc def 234") are fine. */
export function lireCode(saisie: string): string | undefined {
  const code = saisie.toUpperCase().replace(/[\s-]/g, '')
  return FORME.test(code) ? code : undefined
}

/** Read in two groups, the way a conseiller says it aloud. */
export function afficherCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3, 6)} ${code.slice(6)}`
}
