import type { Adapter, AdapterPayload } from 'oidc-provider'
import { sha256 } from '../../../platform/crypto'
import type { Database } from '../../../platform/db/database'
import {
  type CleOidc,
  consommerObjetOidc,
  ecrireObjetOidc,
  type FournisseurOidc,
  type LigneOidc,
  lireObjetOidc,
  lireObjetOidcPar,
  supprimerObjetOidc,
  supprimerObjetsOidcDuGrant,
} from '../db/oidc-lectures'

export { purgerOidc } from '../db/oidc-lectures'

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

/** A row still valid, as the provider reads it back (lookups by uid or user code). */
const enCours = (r: LigneOidc | undefined, horloge: () => Date): AdapterPayload | undefined =>
  r && (!r.expireLe || r.expireLe > horloge()) ? { ...r.payload } : undefined

export function fabriqueAdaptateur(
  db: Database,
  fournisseur: FournisseurOidc,
  horloge: () => Date,
  lireClient?: (id: string) => Promise<AdapterPayload | undefined>,
) {
  return class AdaptateurPostgres implements Adapter {
    constructor(private readonly modele: string) {}

    private cle(id: string): CleOidc {
      return { fournisseur, modele: this.modele, idHash: sha256(id) }
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const { jti: _jti, ...sansJti } = payload
      await ecrireObjetOidc(db, this.cle(id), {
        payload: JETONS.has(this.modele) ? sansJti : payload,
        grantId: payload.grantId ?? null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expireLe: expiresIn ? new Date(horloge().getTime() + expiresIn * 1000) : null,
      })
    }

    private versPayload(id: string, r: LigneOidc | undefined): AdapterPayload | undefined {
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
      return this.versPayload(id, await lireObjetOidc(db, this.cle(id)))
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return enCours(await lireObjetOidcPar(db, fournisseur, this.modele, { uid }), horloge)
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return enCours(await lireObjetOidcPar(db, fournisseur, this.modele, { userCode }), horloge)
    }

    async consume(id: string): Promise<void> {
      await consommerObjetOidc(db, this.cle(id), horloge())
    }

    async destroy(id: string): Promise<void> {
      await supprimerObjetOidc(db, this.cle(id))
    }

    /**
     * The provider calls this on each token model's adapter in turn: only this model's rows go. Other
     * models also carry a grant id (the pending Interaction, the Session) and must survive, or a second
     * login in the same browser loses its interaction ("interaction session not found").
     */
    async revokeByGrantId(grantId: string): Promise<void> {
      await supprimerObjetsOidcDuGrant(db, fournisseur, this.modele, grantId)
    }
  }
}
