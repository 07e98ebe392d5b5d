/**
 * Personal data kept encrypted at rest (a phone number, for instance), and found again through a keyed
 * fingerprint rather than by decrypting every row.
 *
 * One secret from the configuration gives two keys (HKDF-SHA256): one for AES-256-GCM, one for the
 * HMAC-SHA256 fingerprint. A ciphertext reads `v1.<iv>.<tag>.<data>` (base64url): the version leaves
 * room to change keys later. A fingerprint cannot be reversed without the secret, and two equal values
 * have the same fingerprint (what merging two requests for the same number needs).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

export interface Coffre {
  chiffrer(clair: string): string
  /** `undefined` for a ciphertext that was altered or made with another key. */
  dechiffrer(chiffre: string): string | undefined
  empreinte(valeur: string): string
}

const cle = (secret: string, usage: string) =>
  Buffer.from(hkdfSync('sha256', secret, 'escale-coffre', usage, 32))

export function creerCoffre(secret: string, usage: string): Coffre {
  if (secret.length < 32) throw new Error('Le secret du coffre doit avoir au moins 32 caractères')
  const cleChiffrement = cle(secret, `${usage}:chiffrement`)
  const cleEmpreinte = cle(secret, `${usage}:empreinte`)
  return {
    chiffrer(clair) {
      const iv = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', cleChiffrement, iv)
      const donnees = Buffer.concat([c.update(clair, 'utf8'), c.final()])
      return ['v1', iv, c.getAuthTag(), donnees]
        .map((x) => (typeof x === 'string' ? x : x.toString('base64url')))
        .join('.')
    },
    dechiffrer(chiffre) {
      const [version, iv, tag, donnees] = chiffre.split('.')
      if (version !== 'v1' || iv === undefined || tag === undefined || donnees === undefined) return undefined
      try {
        const d = createDecipheriv('aes-256-gcm', cleChiffrement, Buffer.from(iv, 'base64url'))
        d.setAuthTag(Buffer.from(tag, 'base64url'))
        return Buffer.concat([d.update(Buffer.from(donnees, 'base64url')), d.final()]).toString('utf8')
      } catch {
        return undefined
      }
    },
    empreinte: (valeur) => createHmac('sha256', cleEmpreinte).update(valeur).digest('base64url'),
  }
}
