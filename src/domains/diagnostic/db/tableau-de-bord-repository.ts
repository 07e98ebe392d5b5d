import { and, desc, gt, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { diagnosticSessions } from './schema'

export interface SessionOuverte {
  code: string
  libelle: string
  creeLe: Date
  expireLe: Date
  enCours: number
  termines: number
}

/**
 * The session codes of these structures still open, latest first, each with its diagnostics in progress
 * and finished: sessions through `diagnostic_sessions_structure_idx`, their passations through
 * `diagnostic_passations_session_idx`.
 */
export async function sessionsOuvertes(
  db: Database,
  structures: readonly string[],
  maintenant: Date,
  limite: number,
): Promise<SessionOuverte[]> {
  if (structures.length === 0) return []
  const lignes = await db
    .select({
      code: diagnosticSessions.code,
      libelle: diagnosticSessions.libelle,
      creeLe: diagnosticSessions.creeLe,
      expireLe: diagnosticSessions.expireLe,
      // Spelled out: in a one-table select Drizzle leaves a column unqualified, which the subquery
      // would read as its own.
      enCours: sql<number>`(select count(*) from diagnostic_passations p
        where p.session_id = diagnostic_sessions.id and p.termine_le is null)::int`,
      termines: sql<number>`(select count(*) from diagnostic_passations p
        where p.session_id = diagnostic_sessions.id and p.termine_le is not null)::int`,
    })
    .from(diagnosticSessions)
    .where(
      and(
        inArray(diagnosticSessions.structureCode, [...structures]),
        gt(diagnosticSessions.expireLe, maintenant),
      ),
    )
    .orderBy(desc(diagnosticSessions.creeLe))
    .limit(limite)
  return lignes.map((l) => ({ ...l, enCours: Number(l.enCours), termines: Number(l.termines) }))
}
