import { and, asc, count, gte, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { inscriptions, sessionsFormation } from './schema'

/**
 * Reads of the home blocks (`/espace`): a provider's sessions through `sessions_organisme_idx` and their
 * enrolments through `inscriptions_session_idx`; the national counts group a table of a few thousand
 * rows. (A person's own enrolments are `inscriptionsDuCompte` of formation-repository.)
 */

/** A provider's sessions that have not ended, soonest first, with their enrolments. */
export async function sessionsAVenir(
  db: Database,
  organismeIds: readonly string[],
  aujourdhui: string,
  limite: number,
) {
  if (organismeIds.length === 0) return []
  return db
    .select({
      id: sessionsFormation.id,
      libelle: sessionsFormation.libelle,
      debut: sessionsFormation.debut,
      capacite: sessionsFormation.capacite,
      // Spelled out: in a one-table select Drizzle leaves a column unqualified, which the subquery
      // would read as its own.
      inscrits: sql<number>`(select count(*) from formation_inscriptions i
        where i.session_id = formation_sessions.id and i.statut <> 'abandon')::int`,
    })
    .from(sessionsFormation)
    .where(
      and(inArray(sessionsFormation.organismeId, [...organismeIds]), gte(sessionsFormation.fin, aujourdhui)),
    )
    .orderBy(asc(sessionsFormation.debut))
    .limit(limite)
}

/** National enrolments: waiting for a session, in training, completed. */
export async function inscriptionsNationales(db: Database) {
  const [r] = await db
    .select({
      sansSession: sql<number>`count(*) filter (where ${inscriptions.statut} = 'inscrit' and ${inscriptions.sessionId} is null)::int`,
      enFormation: sql<number>`count(*) filter (where ${inscriptions.statut} = 'inscrit' and ${inscriptions.sessionId} is not null)::int`,
      terminees: sql<number>`count(*) filter (where ${inscriptions.statut} = 'termine')::int`,
      total: count(),
    })
    .from(inscriptions)
  return {
    sansSession: Number(r?.sansSession ?? 0),
    enFormation: Number(r?.enFormation ?? 0),
    terminees: Number(r?.terminees ?? 0),
  }
}
