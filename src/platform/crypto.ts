import { createHash, randomBytes } from 'node:crypto'

/** 256 bits of randomness, URL-safe: session cookies, magic links, invitations. */
export function jetonAleatoire(): string {
  return randomBytes(32).toString('base64url')
}

export function sha256(valeur: string): string {
  return createHash('sha256').update(valeur).digest('hex')
}

export type Horloge = () => Date
export const horlogeSysteme: Horloge = () => new Date()
