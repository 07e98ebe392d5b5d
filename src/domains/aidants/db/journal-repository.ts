import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm'
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
 * The same transaction moves the signed checkpoint onto the new entry (see `signerLaFin`): the end of the
 * journal is signed from its first entry on, and deleting it shows at once, not at the next daily task.
 */
export async function ajouterAuJournal(db: Database, secret: string, e: EntreeAEcrire): Promise<void> {
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
    const signable = !dernier || (await pointIntact(tx, secret))
    const [ecrite] = await tx
      .insert(journal)
      .values({ ...contenu, hashPrecedent: precedent, hash: hacherEntree(contenu, precedent) })
      .returning({ id: journal.id, hash: journal.hash })
    // After a deletion the end stays unsigned, and verification keeps saying so.
    if (ecrite && signable) await signerLaFin(tx, secret, ecrite, contenu.le)
  })
}

/**
 * A genuine checkpoint whose entry is still there, unchanged. The chain links that entry to the end, so
 * signing the end then vouches for nothing that was not already vouched for. Without it (the signed end
 * was deleted, with or without its checkpoint), signing would launder the deletion.
 */
async function pointIntact(db: Database, secret: string): Promise<boolean> {
  const points = await db
    .select({
      entreeId: pointsJournal.entreeId,
      hash: pointsJournal.hash,
      signature: pointsJournal.signature,
    })
    .from(pointsJournal)
    .innerJoin(journal, and(eq(journal.id, pointsJournal.entreeId), eq(journal.hash, pointsJournal.hash)))
  return points.some((p) => signerPoint(secret, p) === p.signature)
}

/**
 * One signed checkpoint, on the last entry: older ones are removed in the same transaction. Verification
 * then demands that the last entry carry a genuine checkpoint, so that deleting the end of the journal
 * shows whether or not the checkpoint is deleted with it — nobody without the secret can sign the new
 * end. (Keeping the older checkpoints would let such a deletion stop on one of them unseen.)
 */
async function signerLaFin(db: Database, secret: string, fin: { id: number; hash: string }, le: Date) {
  await db.delete(pointsJournal).where(lt(pointsJournal.entreeId, fin.id))
  await db
    .insert(pointsJournal)
    .values({
      entreeId: fin.id,
      hash: fin.hash,
      le,
      signature: signerPoint(secret, { entreeId: fin.id, hash: fin.hash }),
    })
    .onConflictDoNothing()
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
  // Every write signs the new end: an end without a genuine checkpoint had entries after it deleted,
  // together with their checkpoint.
  if (secret && apres > 0 && !pointes.has(apres))
    return { ok: false, entrees: total, premierMaillonCasse: apres, raison: 'fin_non_signee' }
  return { ok: true, entrees: total }
}

/**
 * Signs the last entry when it has no checkpoint yet (daily task), only while an intact checkpoint vouches
 * for the chain before it — for journals whose end was last signed by the former daily checkpoint.
 * Idempotent: false when there was nothing to do, or nothing it may vouch for.
 */
export async function poserPointDeControle(db: Database, secret: string, le: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    // The same lock as the writers: no entry slips in between reading the end and signing it.
    await tx.execute(sql`lock table aidants_journal in share row exclusive mode`)
    const [dernier] = await tx
      .select({ id: journal.id, hash: journal.hash })
      .from(journal)
      .orderBy(desc(journal.id))
      .limit(1)
    if (!dernier) return false
    const [deja] = await tx
      .select({ id: pointsJournal.entreeId })
      .from(pointsJournal)
      .where(eq(pointsJournal.entreeId, dernier.id))
    if (deja || !(await pointIntact(tx, secret))) return false
    await signerLaFin(tx, secret, dernier, le)
    return true
  })
}
