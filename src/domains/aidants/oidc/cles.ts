import { exportJWK, generateKeyPair, type JWK } from 'jose'
import type { Database } from '../../../platform/db/database'
import { type FournisseurOidc, lireCleSignature, poserCleSignature } from '../db/oidc-lectures'

/**
 * RS256 signing key of a provider, generated at first start and kept in the database so that every
 * instance signs with the same key and restarts do not invalidate issued tokens.
 */
export async function cleDeSignature(db: Database, fournisseur: FournisseurOidc): Promise<JWK> {
  const existante = await lireCleSignature(db, fournisseur)
  if (existante) return existante as JWK
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 })
  const jwk = {
    ...(await exportJWK(privateKey)),
    alg: 'RS256',
    use: 'sig',
    kid: `${fournisseur}-${Date.now().toString(36)}`,
  }
  await poserCleSignature(db, fournisseur, jwk as Record<string, unknown>)
  return ((await lireCleSignature(db, fournisseur)) ?? jwk) as JWK
}
