import { and, desc, eq, gt, isNull, lte } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { consentementsSms } from './schema'

export type ConsentementRow = typeof consentementsSms.$inferSelect

export async function creerConsentement(
  db: Database,
  c: {
    brouillonId: string
    jetonHash: string
    aidantId: string
    organisationId: string
    envoyeLe: Date
    expireLe: Date
  },
): Promise<void> {
  await db.insert(consentementsSms).values(c)
}

/** The pending or answered request of a draft, most recent first. */
export async function dernierConsentement(
  db: Database,
  brouillonId: string,
): Promise<ConsentementRow | undefined> {
  const [c] = await db
    .select()
    .from(consentementsSms)
    .where(eq(consentementsSms.brouillonId, brouillonId))
    .orderBy(desc(consentementsSms.envoyeLe))
    .limit(1)
  return c
}

/** The request behind a link that is still open (answered or not). */
export async function consentementOuvert(
  db: Database,
  jetonHash: string,
  maintenant: Date,
): Promise<ConsentementRow | undefined> {
  const [c] = await db
    .select()
    .from(consentementsSms)
    .where(and(eq(consentementsSms.jetonHash, jetonHash), gt(consentementsSms.expireLe, maintenant)))
  return c
}

/** Records the one answer of an open, unanswered request in one statement; undefined when there is none. */
export async function repondreConsentement(
  db: Database,
  jetonHash: string,
  accepte: boolean,
  maintenant: Date,
): Promise<ConsentementRow | undefined> {
  const [c] = await db
    .update(consentementsSms)
    .set(accepte ? { accepteLe: maintenant } : { refuseLe: maintenant })
    .where(
      and(
        eq(consentementsSms.jetonHash, jetonHash),
        gt(consentementsSms.expireLe, maintenant),
        isNull(consentementsSms.accepteLe),
        isNull(consentementsSms.refuseLe),
      ),
    )
    .returning()
  return c
}

/** Requests whose link has expired (at `maintenant` included). */
export async function purgerConsentements(db: Database, maintenant: Date): Promise<void> {
  await db.delete(consentementsSms).where(lte(consentementsSms.expireLe, maintenant))
}
