import { and, asc, count, eq, gte, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { inscriptions, parcours, sessionsFormation } from './schema'

/**
 * Reads of the home blocks (`/espace`): a person's enrolments through
 * `inscriptions_compte_parcours_uq`, a provider's sessions through `sessions_organisme_idx` and their
 * enrolments through `inscriptions_session_idx`; the national counts group a table of a few thousand rows.
 */

export async function inscriptionsDuCompte(db: Database, compteId: string) {
  return db
    .select({
      parcours: parcours.libelle,
      statut: inscriptions.statut,
      debut: sessionsFormation.debut,
      fin: sessionsFormation.fin,
      lieu: sessionsFormation.lieu,
    })
    .from(inscriptions)
    .innerJoin(parcours, eq(parcours.id, inscriptions.parcoursId))
    .leftJoin(sessionsFormation, eq(sessionsFormation.id, inscriptions.sessionId))
    .where(eq(inscriptions.compteId, compteId))
    .orderBy(asc(parcours.libelle))
}

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
      inscrits: sql<number>`(select count(*) from formation_inscriptions i
        where i.session_id = ${sessionsFormation.id} and i.statut <> 'abandon')::int`,
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
