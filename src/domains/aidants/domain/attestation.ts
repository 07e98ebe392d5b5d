import { createHash, createHmac } from 'node:crypto'
import type { Demarche } from './demarches'

/**
 * Attestation hash: what the QR code of the printed attestation carries. It is an HMAC (keyed by a
 * server secret) of the mandate's facts, so it cannot be forged from the paper, reveals nothing about
 * the usager, and lets the public verification page confirm the attestation is genuine.
 * Unlike Aidants Connect (whose QR code ended up empty), the hash is computed once and stored.
 */
export function hashAttestation(
  secret: string,
  m: {
    mandatId: string
    organisationId: string
    usagerId: string
    demarches: readonly Demarche[]
    creeLe: Date
    expireLe: Date
    versionTexte: string
    nature: 'mandat' | 'revocation'
  },
): string {
  return createHmac('sha256', secret)
    .update(
      JSON.stringify([
        m.nature,
        m.mandatId,
        m.organisationId,
        m.usagerId,
        [...m.demarches].sort(),
        m.creeLe.toISOString(),
        m.expireLe.toISOString(),
        m.versionTexte,
      ]),
    )
    .digest('hex')
}

/** The usager is keyed by a salted hash of the FranceConnect `sub`: the raw `sub` is never stored. */
export function hashSub(sel: string, sub: string): string {
  return createHash('sha256').update(sub).update(sel).digest('hex')
}

/** `sub` we give partners: stable per usager, unrelated to the FranceConnect one. */
export function subPartenaire(sel: string, usagerId: string): string {
  return createHash('sha256').update('partenaire:').update(usagerId).update(sel).digest('hex')
}
