import { and, eq, sql } from 'drizzle-orm'
import type { Adapter, AdapterPayload } from 'oidc-provider'
import { sha256 } from '../../../platform/crypto'
import type { Database } from '../../../platform/db/database'
import { oidcStockage } from '../db/schema'

/**
 * oidc-provider storage in PostgreSQL, so that several app instances share codes, tokens, sessions and
 * interactions. Ids are stored as their SHA-256 (for codes and access tokens the id is the secret:
 * a database dump gives no usable token) and `jti` is stripped from the stored payload.
 */
const JETONS = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'ClientCredentials',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
])

export function fabriqueAdaptateur(
  db: Database,
  fournisseur: 'idp' | 'simulateur',
  horloge: () => Date,
  lireClient?: (id: string) => Promise<AdapterPayload | undefined>,
) {
  return class AdaptateurPostgres implements Adapter {
    constructor(private readonly modele: string) {}

    private cle(id: string) {
      return and(
        eq(oidcStockage.fournisseur, fournisseur),
        eq(oidcStockage.modele, this.modele),
        eq(oidcStockage.idHash, sha256(id)),
      )
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const { jti: _jti, ...sansJti } = payload
      const reste = JETONS.has(this.modele) ? sansJti : payload
      const valeurs = {
        payload: reste,
        grantId: payload.grantId ?? null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expireLe: expiresIn ? new Date(horloge().getTime() + expiresIn * 1000) : null,
      }
      await db
        .insert(oidcStockage)
        .values({ fournisseur, modele: this.modele, idHash: sha256(id), ...valeurs })
        .onConflictDoUpdate({
          target: [oidcStockage.fournisseur, oidcStockage.modele, oidcStockage.idHash],
          set: valeurs,
        })
    }

    private versPayload(
      id: string,
      r: typeof oidcStockage.$inferSelect | undefined,
    ): AdapterPayload | undefined {
      if (!r) return undefined
      if (r.expireLe && r.expireLe <= horloge()) return undefined
      return {
        ...r.payload,
        ...(JETONS.has(this.modele) ? { jti: id } : {}),
        ...(r.consommeLe ? { consumed: Math.floor(r.consommeLe.getTime() / 1000) } : {}),
      }
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.modele === 'Client' && lireClient) return lireClient(id)
      const [r] = await db.select().from(oidcStockage).where(this.cle(id))
      return this.versPayload(id, r)
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const [r] = await db
        .select()
        .from(oidcStockage)
        .where(
          and(
            eq(oidcStockage.fournisseur, fournisseur),
            eq(oidcStockage.modele, this.modele),
            eq(oidcStockage.uid, uid),
          ),
        )
      return r && (!r.expireLe || r.expireLe > horloge()) ? { ...r.payload } : undefined
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const [r] = await db
        .select()
        .from(oidcStockage)
        .where(
          and(
            eq(oidcStockage.fournisseur, fournisseur),
            eq(oidcStockage.modele, this.modele),
            eq(oidcStockage.userCode, userCode),
          ),
        )
      return r && (!r.expireLe || r.expireLe > horloge()) ? { ...r.payload } : undefined
    }

    async consume(id: string): Promise<void> {
      await db.update(oidcStockage).set({ consommeLe: horloge() }).where(this.cle(id))
    }

    async destroy(id: string): Promise<void> {
      await db.delete(oidcStockage).where(this.cle(id))
    }

    /**
     * The provider calls this on each token model's adapter in turn: only this model's rows go. Other
     * models also carry a grant id (the pending Interaction, the Session) and must survive, or a second
     * login in the same browser loses its interaction ("interaction session not found").
     */
    async revokeByGrantId(grantId: string): Promise<void> {
      await db
        .delete(oidcStockage)
        .where(
          and(
            eq(oidcStockage.fournisseur, fournisseur),
            eq(oidcStockage.modele, this.modele),
            eq(oidcStockage.grantId, grantId),
          ),
        )
    }
  }
}

/** Expired rows are deleted by the scheduled purge. */
export async function purgerOidc(db: Database, maintenant: Date): Promise<void> {
  await db.delete(oidcStockage).where(sql`${oidcStockage.expireLe} < ${maintenant}`)
}
