import { and, eq } from 'drizzle-orm'
import { exportJWK, generateKeyPair, type JWK } from 'jose'
import type { Database } from '../../../platform/db/database'
import { oidcStockage } from '../db/schema'

/**
 * RS256 signing key of a provider, generated at first start and kept in the database so that every
 * instance signs with the same key and restarts do not invalidate issued tokens.
 */
export async function cleDeSignature(db: Database, fournisseur: 'idp' | 'simulateur'): Promise<JWK> {
  const cle = and(
    eq(oidcStockage.fournisseur, fournisseur),
    eq(oidcStockage.modele, 'CleSignature'),
    eq(oidcStockage.idHash, 'rs256'),
  )
  const [existante] = await db.select().from(oidcStockage).where(cle)
  if (existante) return existante.payload as JWK
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 })
  const jwk = {
    ...(await exportJWK(privateKey)),
    alg: 'RS256',
    use: 'sig',
    kid: `${fournisseur}-${Date.now().toString(36)}`,
  }
  await db
    .insert(oidcStockage)
    .values({ fournisseur, modele: 'CleSignature', idHash: 'rs256', payload: jwk as Record<string, unknown> })
    .onConflictDoNothing()
  const [retenue] = await db.select().from(oidcStockage).where(cle)
  return (retenue?.payload ?? jwk) as JWK
}
