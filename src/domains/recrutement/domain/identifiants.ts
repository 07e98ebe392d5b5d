/** Identifiers of host structures: SIRET (INSEE) with its check digit, or RNA (associations register). */

/** Luhn over the 14 digits. */
function luhn(chiffres: string): boolean {
  let somme = 0
  for (let i = 0; i < chiffres.length; i++) {
    let n = chiffres.charCodeAt(chiffres.length - 1 - i) - 48
    if (i % 2 === 1) {
      n *= 2
      if (n > 9) n -= 9
    }
    somme += n
  }
  return somme % 10 === 0
}

/** La Poste's SIREN: its thousands of establishments outgrew Luhn, so INSEE checks them by sum of digits mod 5. */
const SIREN_LA_POSTE = '356000000'

export function siretValide(siret: string): boolean {
  const s = siret.replace(/\s/g, '')
  if (!/^\d{14}$/.test(s)) return false
  if (s.startsWith(SIREN_LA_POSTE)) {
    // The head office (356 000 000 00048) passes Luhn; the others use the sum rule.
    if (luhn(s)) return true
    let somme = 0
    for (const c of s) somme += c.charCodeAt(0) - 48
    return somme % 5 === 0
  }
  return luhn(s)
}

export function sirenValide(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhn(siren)
}

/** RNA numbers (W + 9 characters) carry no check digit: only the shape can be checked. */
export function rnaValide(rna: string): boolean {
  return /^W\d{9}$/.test(rna.trim().toUpperCase())
}

export const normaliserSiret = (s: string) => s.replace(/\s/g, '')
