import { and, eq } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { journal, sessionsUsager } from './schema'

/** The usager's space session: the cookie holds the token, only its hash is stored. */
export async function ouvrirSessionUsager(
  db: Database,
  s: { jetonHash: string; usagerId: string; expireLe: Date },
): Promise<void> {
  await db.insert(sessionsUsager).values(s)
}

/** The usager of a session still running, else undefined. */
export async function usagerDeLaSession(
  db: Database,
  jetonHash: string,
  maintenant: Date,
): Promise<string | undefined> {
  const [s] = await db.select().from(sessionsUsager).where(eq(sessionsUsager.jetonHash, jetonHash))
  return s && s.expireLe > maintenant ? s.usagerId : undefined
}

export async function fermerSessionUsager(db: Database, jetonHash: string): Promise<void> {
  await db.delete(sessionsUsager).where(eq(sessionsUsager.jetonHash, jetonHash))
}

/** One use of an authorisation by an aidant for the usager, as the journal recorded it. */
export interface UtilisationJournalisee {
  le: Date
  mandatId: string | null
  aidantId: string | null
  demarche: string | null
}

export async function utilisationsPourLUsager(
  db: Database,
  usagerId: string,
): Promise<UtilisationJournalisee[]> {
  return db
    .select({
      le: journal.le,
      mandatId: journal.mandatId,
      aidantId: journal.aidantId,
      demarche: journal.demarche,
    })
    .from(journal)
    .where(and(eq(journal.usagerId, usagerId), eq(journal.action, 'utilisation_autorisation')))
}
