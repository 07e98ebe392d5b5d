import { and, desc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { activites, statsConseiller, statsTerritoire } from './schema'

/**
 * Reads of the home blocks (`/espace`). None scans activities: month figures come from the counters
 * (ADR 020), through their primary key (conseiller, month), `activites_stats_conseiller_structure_idx`
 * (structure, month) or `activites_stats_territoire_mois_idx`; a conseiller's latest activities and
 * last date through `activites_conseiller_date_idx`.
 */

export interface ChiffresMois {
  activites: number
  personnes: number
  minutes: number
}

const sommes = (t: typeof statsConseiller | typeof statsTerritoire) => ({
  activites: sql<number>`coalesce(sum(${t.activites}), 0)::int`,
  personnes: sql<number>`coalesce(sum(${t.personnes}), 0)::int`,
  minutes: sql<number>`coalesce(sum(${t.minutes}), 0)::float8`,
})

const nombres = (r: ChiffresMois | undefined): ChiffresMois => ({
  activites: Number(r?.activites ?? 0),
  personnes: Number(r?.personnes ?? 0),
  minutes: Number(r?.minutes ?? 0),
})

/** A conseiller's or a structure's month (`YYYY-MM`), summed over the other keys of the counters. */
export async function chiffresDuMois(
  db: Database,
  qui: { conseillerId: string } | { structureId: string },
  mois: string,
) {
  const [r] = await db
    .select(sommes(statsConseiller))
    .from(statsConseiller)
    .where(
      and(
        'conseillerId' in qui
          ? eq(statsConseiller.conseillerId, qui.conseillerId)
          : eq(statsConseiller.structureId, qui.structureId),
        eq(statsConseiller.mois, `${mois}-01`),
        eq(statsConseiller.dimension, 'total'),
      ),
    )
  return nombres(r)
}

export async function chiffresNationaux(db: Database, mois: string) {
  const [r] = await db
    .select(sommes(statsTerritoire))
    .from(statsTerritoire)
    .where(and(eq(statsTerritoire.mois, `${mois}-01`), eq(statsTerritoire.dimension, 'total')))
  return nombres(r)
}

export interface ActiviteRecente {
  id: string
  date: string
  type: string
  duree: number
  titre: string | null
  lieuNom: string | null
  participants: number
}

export async function dernieresActivites(
  db: Database,
  conseillerId: string,
  nombre: number,
): Promise<ActiviteRecente[]> {
  return db
    .select({
      id: activites.id,
      date: activites.date,
      type: activites.type,
      duree: activites.duree,
      titre: activites.titre,
      lieuNom: activites.lieuNom,
      participants: activites.participants,
    })
    .from(activites)
    .where(eq(activites.conseillerId, conseillerId))
    .orderBy(desc(activites.date), desc(activites.creeLe))
    .limit(nombre)
}

export interface ActiviteDuConseiller {
  conseillerId: string
  activitesDuMois: number
  /** `YYYY-MM-DD`, null when nothing was ever recorded. */
  derniere: string | null
}

/**
 * For each conseiller: the activities of the month (their counters) and the date of their latest
 * activity (the top of their (conseiller, date) index: one index read each).
 */
export async function activiteDesConseillers(
  db: Database,
  conseillerIds: readonly string[],
  mois: string,
): Promise<ActiviteDuConseiller[]> {
  if (conseillerIds.length === 0) return []
  const ids = sql.join(
    conseillerIds.map((id) => sql`(${id}::uuid)`),
    sql`, `,
  )
  const r = await db.execute(sql`
    select c.id as "conseillerId",
      coalesce((select sum(s.activites) from activites_stats_conseiller s
        where s.conseiller_id = c.id and s.mois = ${`${mois}-01`}::date and s.dimension = 'total'), 0)::int
        as "activitesDuMois",
      (select a.date from activites a where a.conseiller_id = c.id order by a.date desc limit 1)::text
        as "derniere"
    from (values ${ids}) as c(id)`)
  return (r as unknown as { rows: ActiviteDuConseiller[] }).rows.map((l) => ({
    conseillerId: l.conseillerId,
    activitesDuMois: Number(l.activitesDuMois),
    derniere: l.derniere,
  }))
}
