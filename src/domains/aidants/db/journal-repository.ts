import { asc, desc, gt, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import {
  type ContenuEntree,
  type EntreeChainee,
  HASH_ORIGINE,
  hacherEntree,
  type ResultatVerification,
  signerPoint,
  verifierChaine,
} from '../domain/journal'
import { journal, pointsJournal } from './schema'

export type EntreeAEcrire = Omit<
  ContenuEntree,
  'aidantId' | 'organisationId' | 'usagerId' | 'mandatId' | 'autorisationId' | 'demarche' | 'details'
> &
  Partial<
    Pick<
      ContenuEntree,
      'aidantId' | 'organisationId' | 'usagerId' | 'mandatId' | 'autorisationId' | 'demarche' | 'details'
    >
  >

/**
 * Appends an entry in the caller's transaction. The table is locked in SHARE ROW EXCLUSIVE mode so that two
 * concurrent writers cannot both chain onto the same previous entry (the lock ends with the transaction).
 */
export async function ajouterAuJournal(db: Database, e: EntreeAEcrire): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table aidants_journal in share row exclusive mode`)
    const [dernier] = await tx.select({ hash: journal.hash }).from(journal).orderBy(desc(journal.id)).limit(1)
    const contenu: ContenuEntree = {
      action: e.action,
      // Millisecond precision: what PostgreSQL stores is exactly what was hashed.
      le: new Date(Math.floor(e.le.getTime())),
      aidantId: e.aidantId ?? null,
      organisationId: e.organisationId ?? null,
      usagerId: e.usagerId ?? null,
      mandatId: e.mandatId ?? null,
      autorisationId: e.autorisationId ?? null,
      demarche: e.demarche ?? null,
      details: e.details ?? {},
    }
    const precedent = dernier?.hash ?? HASH_ORIGINE
    await tx
      .insert(journal)
      .values({ ...contenu, hashPrecedent: precedent, hash: hacherEntree(contenu, precedent) })
  })
}

function versEntree(r: typeof journal.$inferSelect): EntreeChainee {
  return {
    id: r.id,
    action: r.action as ContenuEntree['action'],
    le: r.le,
    aidantId: r.aidantId,
    organisationId: r.organisationId,
    usagerId: r.usagerId,
    mandatId: r.mandatId,
    autorisationId: r.autorisationId,
    demarche: r.demarche,
    details: r.details,
    hashPrecedent: r.hashPrecedent,
    hash: r.hash,
  }
}

/**
 * Reads the whole chain by pages of 5 000 (keyset) so that memory stays flat on a national journal, then,
 * with the server secret, checks the signed checkpoints: each must be genuine and its entry still there
 * with the same hash — which the chain alone cannot say when its last entries were deleted.
 */
export async function verifierJournal(db: Database, secret?: string): Promise<ResultatVerification> {
  let apres = 0
  let precedent = HASH_ORIGINE
  let total = 0
  const hashes = new Map<number, string>()
  const points = secret ? await db.select().from(pointsJournal).orderBy(asc(pointsJournal.entreeId)) : []
  const pointes = new Set(points.map((p) => p.entreeId))
  for (;;) {
    const lot = await db
      .select()
      .from(journal)
      .where(gt(journal.id, apres))
      .orderBy(asc(journal.id))
      .limit(5000)
    if (lot.length === 0) break
    const r = verifierChaine(lot.map(versEntree), precedent)
    if (!r.ok) return { ...r, entrees: total + r.entrees }
    for (const e of lot) if (pointes.has(e.id)) hashes.set(e.id, e.hash)
    total += lot.length
    const dernier = lot[lot.length - 1]
    if (!dernier) break
    apres = dernier.id
    precedent = dernier.hash
  }
  for (const p of points) {
    if (!secret || signerPoint(secret, p) !== p.signature)
      return { ok: false, entrees: total, premierMaillonCasse: p.entreeId, raison: 'point_falsifie' }
    if (hashes.get(p.entreeId) !== p.hash)
      return { ok: false, entrees: total, premierMaillonCasse: p.entreeId, raison: 'entree_pointee_absente' }
  }
  return { ok: true, entrees: total }
}

/** Lays a signed checkpoint on the last entry (nothing if it already has one). Idempotent. */
export async function poserPointDeControle(db: Database, secret: string, le: Date): Promise<boolean> {
  const [dernier] = await db
    .select({ id: journal.id, hash: journal.hash })
    .from(journal)
    .orderBy(desc(journal.id))
    .limit(1)
  if (!dernier) return false
  const ajoutes = await db
    .insert(pointsJournal)
    .values({
      entreeId: dernier.id,
      hash: dernier.hash,
      le,
      signature: signerPoint(secret, { entreeId: dernier.id, hash: dernier.hash }),
    })
    .onConflictDoNothing()
    .returning()
  return ajoutes.length > 0
}
