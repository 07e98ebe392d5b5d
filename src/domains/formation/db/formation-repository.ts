import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { PARCOURS_PAR_DEFAUT } from '../domain/formation'
import { inscriptions, objectifs, parcours, presences, sessionsFormation } from './schema'

export type ParcoursRow = typeof parcours.$inferSelect
export type SessionRow = typeof sessionsFormation.$inferSelect
export type InscriptionRow = typeof inscriptions.$inferSelect

/** The default paths as data, version 1, when the programme has none yet. */
export async function assurerParcoursParDefaut(db: Database) {
  await db
    .insert(parcours)
    .values(PARCOURS_PAR_DEFAUT.map((p) => ({ ...p, version: 1 })))
    .onConflictDoNothing()
}

/** The current version of a path (highest active version). */
export async function parcoursCourant(db: Database, code: string) {
  const [row] = await db
    .select()
    .from(parcours)
    .where(and(eq(parcours.code, code), eq(parcours.actif, 1)))
    .orderBy(desc(parcours.version))
    .limit(1)
  return row
}

export async function listerParcours(db: Database) {
  return db.select().from(parcours).orderBy(asc(parcours.code), asc(parcours.version))
}

export async function trouverParcours(db: Database, id: string, verrou = false) {
  const q = db.select().from(parcours).where(eq(parcours.id, id))
  const [row] = verrou ? await q.for('update') : await q
  return row
}

/** Inserts the next version of a path's code (1 for a new code), in one statement. */
export async function publierVersionParcours(
  db: Database,
  p: { code: string; libelle: string; dureeMinutes: number; certification: ParcoursRow['certification'] },
) {
  const r =
    await db.execute(sql`insert into formation_parcours (code, version, libelle, duree_minutes, certification)
    select ${p.code}, coalesce(max(version), 0) + 1, ${p.libelle}, ${p.dureeMinutes}, ${p.certification}
    from formation_parcours where code = ${p.code}
    returning id`)
  const id = (r as unknown as { rows: { id: string }[] }).rows[0]?.id
  const row = id ? await trouverParcours(db, id) : undefined
  if (!row) throw new Error('publication de parcours sans retour')
  return row
}

export async function compterVersionsActives(db: Database, code: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(parcours)
    .where(and(eq(parcours.code, code), eq(parcours.actif, 1)))
  return r?.n ?? 0
}

export async function retirerVersion(db: Database, id: string) {
  await db.update(parcours).set({ actif: 0 }).where(eq(parcours.id, id))
}

/** Enrolments per version: the admin sees that a new version leaves them where they are. */
export async function inscriptionsParParcours(db: Database) {
  const rows = await db
    .select({ parcoursId: inscriptions.parcoursId, n: sql<number>`count(*)::int` })
    .from(inscriptions)
    .groupBy(inscriptions.parcoursId)
  return new Map(rows.map((r) => [r.parcoursId, r.n]))
}

export async function inscriptionAPresences(db: Database, inscriptionId: string) {
  const [r] = await db
    .select({ x: presences.inscriptionId })
    .from(presences)
    .where(eq(presences.inscriptionId, inscriptionId))
    .limit(1)
  return !!r
}

export async function creerSession(db: Database, s: typeof sessionsFormation.$inferInsert) {
  const [row] = await db.insert(sessionsFormation).values(s).returning()
  if (!row) throw new Error('insertion de session sans retour')
  return row
}

export async function listerSessions(db: Database, organismeId?: string) {
  return db
    .select({ session: sessionsFormation, parcours })
    .from(sessionsFormation)
    .innerJoin(parcours, eq(parcours.id, sessionsFormation.parcoursId))
    .where(organismeId ? eq(sessionsFormation.organismeId, organismeId) : undefined)
    .orderBy(desc(sessionsFormation.debut))
}

export async function trouverSession(db: Database, id: string, verrou = false) {
  const q = db.select().from(sessionsFormation).where(eq(sessionsFormation.id, id))
  const [row] = verrou ? await q.for('update') : await q
  return row
}

export async function inscriptionsDeSession(db: Database, sessionId: string) {
  return db
    .select()
    .from(inscriptions)
    .where(eq(inscriptions.sessionId, sessionId))
    .orderBy(asc(inscriptions.nom))
}

export async function inscriptionsSansSession(db: Database, parcoursId: string) {
  return db
    .select()
    .from(inscriptions)
    .where(
      and(
        eq(inscriptions.parcoursId, parcoursId),
        sql`${inscriptions.sessionId} is null`,
        eq(inscriptions.statut, 'inscrit'),
      ),
    )
    .orderBy(asc(inscriptions.nom))
}

export async function trouverInscription(db: Database, id: string) {
  const [row] = await db.select().from(inscriptions).where(eq(inscriptions.id, id))
  return row
}

export async function inscriptionsDuCompte(db: Database, compteId: string) {
  return db
    .select({ inscription: inscriptions, parcours, session: sessionsFormation })
    .from(inscriptions)
    .innerJoin(parcours, eq(parcours.id, inscriptions.parcoursId))
    .leftJoin(sessionsFormation, eq(sessionsFormation.id, inscriptions.sessionId))
    .where(eq(inscriptions.compteId, compteId))
}

export async function creerInscription(db: Database, i: typeof inscriptions.$inferInsert) {
  const [row] = await db.insert(inscriptions).values(i).onConflictDoNothing().returning()
  return row
}

export async function majInscription(
  db: Database,
  id: string,
  champs: Partial<typeof inscriptions.$inferInsert>,
) {
  await db.update(inscriptions).set(champs).where(eq(inscriptions.id, id))
}

export async function compterInscrits(db: Database, sessionId: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inscriptions)
    .where(eq(inscriptions.sessionId, sessionId))
  return r?.n ?? 0
}

export async function presencesDeSession(db: Database, sessionId: string) {
  return db
    .select({ p: presences })
    .from(presences)
    .innerJoin(inscriptions, eq(inscriptions.id, presences.inscriptionId))
    .where(eq(inscriptions.sessionId, sessionId))
}

export async function minutesFaites(db: Database, inscriptionId: string) {
  const [r] = await db
    .select({ n: sql<number>`coalesce(sum(${presences.minutes}), 0)::int` })
    .from(presences)
    .where(eq(presences.inscriptionId, inscriptionId))
  return r?.n ?? 0
}

export async function definirPresence(
  db: Database,
  p: {
    inscriptionId: string
    jour: string
    demiJournee: 'matin' | 'apres_midi'
    minutes: number
    present: boolean
  },
) {
  if (p.present)
    await db
      .insert(presences)
      .values({
        inscriptionId: p.inscriptionId,
        jour: p.jour,
        demiJournee: p.demiJournee,
        minutes: p.minutes,
      })
      .onConflictDoNothing()
  else
    await db
      .delete(presences)
      .where(
        and(
          eq(presences.inscriptionId, p.inscriptionId),
          eq(presences.jour, p.jour),
          eq(presences.demiJournee, p.demiJournee),
        ),
      )
}

export async function listerObjectifs(db: Database) {
  return db.select().from(objectifs).orderBy(desc(objectifs.annee), asc(objectifs.codeParcours))
}

export async function definirObjectif(db: Database, o: typeof objectifs.$inferInsert) {
  await db
    .insert(objectifs)
    .values(o)
    .onConflictDoUpdate({ target: [objectifs.codeParcours, objectifs.annee], set: { cible: o.cible } })
}

/** Completions per path and year (by completion date). */
export async function realisations(db: Database) {
  const r =
    await db.execute(sql`select p.code as code, extract(year from i.termine_le)::int as annee, count(*)::int as n
    from formation_inscriptions i join formation_parcours p on p.id = i.parcours_id
    where i.statut = 'termine' group by 1, 2`)
  return (r as unknown as { rows: { code: string; annee: number; n: number }[] }).rows
}

export async function aTermine(db: Database, compteId: string, code: string) {
  const [r] = await db
    .select({ id: inscriptions.id })
    .from(inscriptions)
    .innerJoin(parcours, eq(parcours.id, inscriptions.parcoursId))
    .where(
      and(eq(inscriptions.compteId, compteId), eq(parcours.code, code), eq(inscriptions.statut, 'termine')),
    )
    .limit(1)
  return !!r
}
