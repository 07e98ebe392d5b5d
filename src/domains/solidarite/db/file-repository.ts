/**
 * The médiateurs' queue in SQL: the same rules as `domain/file-attente.ts`, which the queue's test
 * compares on both engines.
 */
import { and, asc, count, desc, eq, inArray, isNull, lte, min, ne, or, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import {
  AVANCE_SUR_CRENEAU,
  ECHEANCE_PROCHE,
  FIN_DE_CRENEAU_PROCHE,
  type Mediateur,
} from '../domain/file-attente'
import type { LigneDemande } from './demandes-repository'
import { demandes, tentatives } from './schema'

const secondes = (ms: number) => sql.raw(`interval '${ms / 1000} seconds'`)

/** The priority class, computed now (a procedure's deadline gets closer while the request waits). */
export const classeSql = (maintenant: Date) => sql<number>`case
  when ${demandes.arnaqueEnCours} then 0
  when ${demandes.dateLimiteDemarche} is not null
    and (${demandes.dateLimiteDemarche} + time '23:59') at time zone 'UTC' - ${maintenant.toISOString()}::timestamptz <= ${secondes(ECHEANCE_PROCHE)} then 1
  when ${demandes.isolement} then 2
  else 3 end`

/** The request this médiateur holds now, if any: one at a time. */
export async function demandeTenue(db: Database, mediateurId: string): Promise<LigneDemande | undefined> {
  const [d] = await db
    .select()
    .from(demandes)
    .where(and(eq(demandes.statut, 'prise'), eq(demandes.mediateurId, mediateurId)))
    .limit(1)
  return d
}

/**
 * « Prendre la suivante »: the best request this médiateur may call now, taken in the same
 * statement's transaction. Two médiateurs at the same instant never get the same one: the row is
 * locked, and a locked row is skipped rather than waited for.
 */
export async function prendreSuivante(
  db: Database,
  m: Mediateur,
  maintenant: Date,
): Promise<LigneDemande | undefined> {
  const t = maintenant.toISOString()
  return db.transaction(async (tx) => {
    const [choisie] = await tx
      .select({ id: demandes.id })
      .from(demandes)
      .where(
        and(
          eq(demandes.statut, 'en-attente'),
          or(isNull(demandes.pasAvant), lte(demandes.pasAvant, maintenant)),
          or(
            isNull(demandes.creneauDebut),
            sql`${demandes.creneauDebut} - ${secondes(AVANCE_SUR_CRENEAU)} <= ${t}::timestamptz`,
          ),
          m.regions.length > 0 ? inArray(demandes.region, [...m.regions]) : undefined,
          inArray(demandes.langue, [...m.langues]),
        ),
      )
      .orderBy(
        desc(
          sql`(${demandes.creneauFin} is not null and ${demandes.creneauFin} - ${t}::timestamptz <= ${secondes(FIN_DE_CRENEAU_PROCHE)})`,
        ),
        asc(classeSql(maintenant)),
        desc(sql`(${demandes.mediateurPrecedent} is not distinct from ${m.id})`),
        asc(demandes.echeance),
        asc(demandes.deposeeLe),
        asc(sql`${demandes.id}::text`),
      )
      .limit(1)
      .for('update', { skipLocked: true })
    if (!choisie) return undefined
    const [prise] = await tx
      .update(demandes)
      .set({ statut: 'prise', mediateurId: m.id, mediateurPrecedent: m.id })
      .where(eq(demandes.id, choisie.id))
      .returning()
    return prise
  })
}

/** An attempt by the médiateur who holds the request; false when they do not (anymore). */
export async function ajouterTentative(
  db: Database,
  demandeId: string,
  mediateurId: string,
  issue: string,
  le: Date,
): Promise<LigneDemande | undefined> {
  const [d] = await db
    .update(demandes)
    .set({
      tentatives: sql`${demandes.tentatives} + 1`,
      premierAppelLe: sql`coalesce(${demandes.premierAppelLe}, ${le.toISOString()}::timestamptz)`,
    })
    .where(
      and(eq(demandes.id, demandeId), eq(demandes.statut, 'prise'), eq(demandes.mediateurId, mediateurId)),
    )
    .returning()
  if (!d) return undefined
  await db.insert(tentatives).values({ demandeId, mediateurId, issue, faiteLe: le })
  return d
}

/** Back in the queue, not before `pasAvant` (a retry, or a call-back the person asked for). */
export async function remettreEnFile(db: Database, id: string, pasAvant: Date): Promise<void> {
  await db
    .update(demandes)
    .set({ statut: 'en-attente', mediateurId: null, pasAvant })
    .where(eq(demandes.id, id))
}

export async function tentativesDe(db: Database, demandeId: string) {
  return db
    .select({ issue: tentatives.issue, faiteLe: tentatives.faiteLe })
    .from(tentatives)
    .where(eq(tentatives.demandeId, demandeId))
    .orderBy(asc(tentatives.faiteLe))
}

/** What the médiateur sees above the button: how many wait, since when, how many are late. */
export async function etatDeLaFile(db: Database, maintenant: Date) {
  const [r] = await db
    .select({
      enAttente: count(),
      plusAncienne: min(demandes.deposeeLe),
      horsDelai: sql<number>`count(*) filter (where ${demandes.tentatives} = 0 and ${demandes.echeance} < ${maintenant.toISOString()}::timestamptz)`,
    })
    .from(demandes)
    .where(ne(demandes.statut, 'close'))
  return {
    enAttente: Number(r?.enAttente ?? 0),
    plusAncienne: r?.plusAncienne ?? undefined,
    horsDelai: Number(r?.horsDelai ?? 0),
  }
}
