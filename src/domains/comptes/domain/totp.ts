import { authenticator } from 'otplib'

/**
 * TOTP (RFC 6238, 30-second steps, 6 digits, SHA-1 for compatibility with physical cards).
 * Drift policy: the current step and one step either side are accepted (±30 s), no more, and a
 * code is accepted at most once (the last accepted step is stored), so a shoulder-surfed code
 * cannot be replayed.
 */
const PAS_SECONDES = 30
const FENETRE = 1

export function nouveauSecretTotp(): string {
  return authenticator.generateSecret(20)
}

export function uriTotp(secret: string, email: string): string {
  return authenticator.keyuri(email, 'Escale', secret)
}

export function codeTotp(secret: string, maintenant: Date): string {
  const a = authenticator.clone({ epoch: maintenant.getTime() })
  return a.generate(secret)
}

/** Returns the accepted time step, or undefined if the code is wrong or already used. */
export function verifierTotp(
  secret: string,
  code: string,
  maintenant: Date,
  dernierPas: number | null,
): number | undefined {
  const propre = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(propre)) return undefined
  const pasActuel = Math.floor(maintenant.getTime() / 1000 / PAS_SECONDES)
  for (let decalage = -FENETRE; decalage <= FENETRE; decalage++) {
    const pas = pasActuel + decalage
    const a = authenticator.clone({ epoch: pas * PAS_SECONDES * 1000, window: 0 })
    if (a.check(propre, secret)) {
      if (dernierPas !== null && pas <= dernierPas) return undefined
      return pas
    }
  }
  return undefined
}

/** Recovery codes: 10 codes of 10 characters without ambiguous letters, shown once. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
export function nouveauxCodesSecours(aleatoire: (n: number) => Uint8Array): string[] {
  return Array.from({ length: 10 }, () => {
    const octets = aleatoire(10)
    const brut = Array.from(octets, (o) => ALPHABET[o % ALPHABET.length]).join('')
    return `${brut.slice(0, 5)}-${brut.slice(5)}`
  })
}

export function normaliserCodeSecours(code: string): string {
  const c = code.toLowerCase().replace(/[^a-z0-9]/g, '')
  return `${c.slice(0, 5)}-${c.slice(5)}`
}
