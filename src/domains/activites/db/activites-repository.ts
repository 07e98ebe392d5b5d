import { and, asc, count, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { colonnesDe, instructionPreparee } from '../../../platform/db/preparee'
import type { Activite } from '../domain/activite'
import { moisDe } from '../domain/activite'
import { cleTexte, delta, deltaPresence, fusionner, type LigneAgregat } from '../domain/agregats'
import type { Filtre } from '../domain/portee'
import type { LigneLue, Periode } from '../domain/statistiques'
import { activites, beneficiaires, statsConseiller, statsTerritoire } from './schema'

type Ligne = typeof activites.$inferSelect

export function versActivite(r: Ligne): Activite {
  return {
    ...r,
    type: r.type as Activite['type'],
    lieuType: r.lieuType as Activite['lieuType'],
    niveau: r.niveau as Activite['niveau'],
    materiels: r.materiels as Activite['materiels'],
    themes: r.themes as Activite['themes'],
    autonomie: r.autonomie as Activite['autonomie'],
    orientation: r.orientation as Activite['orientation'],
  }
}

export async function trouverActivite(db: Database, id: string): Promise<Activite | undefined> {
  const [r] = await db.select().from(activites).where(eq(activites.id, id))
  return r ? versActivite(r) : undefined
}

/** Row lock: edits of one activity (or the activities of one follow-up file) are serialised. */
export async function verrouillerActivite(tx: Database, id: string): Promise<Activite | undefined> {
  const [r] = await tx.select().from(activites).where(eq(activites.id, id)).for('update')
  return r ? versActivite(r) : undefined
}

const cleDePresence = (a: Activite) =>
  [a.beneficiaireId, moisDe(a.date), a.conseillerId, a.structureId, a.codeDepartement, a.codeRegion].join('|')

/**
 * Writes, edits (both given) or deletes (no `nouvelle`) one activity and moves the counters by the
 * difference, in the caller's transaction: the figures never disagree with the activities.
 */
export async function ecrireActivite(
  tx: Database,
  ancienne: Activite | undefined,
  nouvelle: Activite | undefined,
): Promise<void> {
  const suivis = [
    ...new Set([ancienne?.beneficiaireId, nouvelle?.beneficiaireId].filter((x): x is string => !!x)),
  ].sort()
  // Two concurrent writes for the same person must not both believe they are the first of the month.
  if (suivis.length > 0)
    await tx
      .select({ id: beneficiaires.id })
      .from(beneficiaires)
      .where(inArray(beneficiaires.id, suivis))
      .for('update')

  if (nouvelle && !ancienne) await tx.insert(activites).values(nouvelle)
  else if (nouvelle && ancienne) {
    const { id: _id, ...champs } = nouvelle
    await tx.update(activites).set(champs).where(eq(activites.id, ancienne.id))
  } else if (ancienne) await tx.delete(activites).where(eq(activites.id, ancienne.id))

  const lignes = fusionner(delta(ancienne, nouvelle), 1)
  const presences = new Map<string, Activite>()
  for (const a of [ancienne, nouvelle]) if (a?.beneficiaireId) presences.set(cleDePresence(a), a)
  for (const [cle, a] of presences) {
    const debut = moisDe(a.date)
    const [n] = await tx
      .select({ n: count() })
      .from(activites)
      .where(
        and(
          eq(activites.beneficiaireId, a.beneficiaireId as string),
          gte(activites.date, debut),
          lte(activites.date, sql`(${debut}::date + interval '1 month' - interval '1 day')::date`),
          eq(activites.conseillerId, a.conseillerId),
          eq(activites.structureId, a.structureId),
          eq(activites.codeDepartement, a.codeDepartement),
          eq(activites.codeRegion, a.codeRegion),
        ),
      )
    const apres = n?.n ?? 0
    const avant =
      apres -
      (nouvelle && cleDePresence(nouvelle) === cle ? 1 : 0) +
      (ancienne && cleDePresence(ancienne) === cle ? 1 : 0)
    const d = deltaPresence(avant, apres)
    if (d !== 0)
      fusionner(
        [
          {
            ...a,
            mois: debut,
            dimension: 'total',
            valeur: '',
            activites: 0,
            personnes: 0,
            minutes: 0,
            beneficiaires: d,
          },
        ],
        1,
        lignes,
      )
  }
  if (nouvelle?.beneficiaireId)
    await tx
      .update(beneficiaires)
      .set({ derniereActiviteLe: nouvelle.modifieLe })
      .where(eq(beneficiaires.id, nouvelle.beneficiaireId))
  await ajouterAuxCompteurs(tx, [...lignes.values()])
}

const COLONNES_ACTIVITE = colonnesDe(activites)
const nbColonnes = COLONNES_ACTIVITE.nombre
/** The counter columns, each sent as one array (unnest keeps their order, `with ordinality` numbers the rows). */
const compteurs = (debut: number) =>
  `unnest($${debut}::date[], $${debut + 1}::text[], $${debut + 2}::text[], $${debut + 3}::text[], $${debut + 4}::text[],
    $${debut + 5}::int[], $${debut + 6}::int[], $${debut + 7}::bigint[], $${debut + 8}::int[]) with ordinality
    as v(mois, code_departement, code_region, dimension, valeur, activites, personnes, minutes, beneficiaires, n)`
const enColonnes = (l: readonly LigneAgregat[]) => [
  l.map((x) => x.mois),
  l.map((x) => x.codeDepartement),
  l.map((x) => x.codeRegion),
  l.map((x) => x.dimension),
  l.map((x) => x.valeur),
  l.map((x) => x.activites),
  l.map((x) => x.personnes),
  l.map((x) => x.minutes),
  l.map((x) => x.beneficiaires),
]
const inserer = instructionPreparee<{ n: number }>(
  'activites_inserer_anonyme',
  `with ins as (
    insert into activites (${COLONNES_ACTIVITE.noms})
    values (${Array.from({ length: nbColonnes }, (_, i) => `$${i + 1}`).join(', ')})
    on conflict (id) do nothing returning id
  ),
  c as (
    insert into activites_stats_conseiller (mois, conseiller_id, structure_id, code_departement, code_region,
      dimension, valeur, activites, personnes, minutes, beneficiaires)
    select mois, $${nbColonnes + 1}::uuid, $${nbColonnes + 2}::text, code_departement, code_region, dimension, valeur,
      activites, personnes, minutes, beneficiaires
    from ${compteurs(nbColonnes + 3)}
    where exists (select 1 from ins)
    order by n
    on conflict (conseiller_id, mois, structure_id, code_departement, code_region, dimension, valeur) do update set
      activites = activites_stats_conseiller.activites + excluded.activites,
      personnes = activites_stats_conseiller.personnes + excluded.personnes,
      minutes = activites_stats_conseiller.minutes + excluded.minutes,
      beneficiaires = activites_stats_conseiller.beneficiaires + excluded.beneficiaires
  ),
  t as (
    insert into activites_stats_territoire (mois, code_departement, code_region, dimension, valeur,
      activites, personnes, minutes, beneficiaires)
    select mois, code_departement, code_region, dimension, valeur, activites, personnes, minutes, beneficiaires
    from ${compteurs(nbColonnes + 12)}
    where exists (select 1 from ins)
    order by n
    on conflict (code_departement, mois, code_region, dimension, valeur) do update set
      activites = activites_stats_territoire.activites + excluded.activites,
      personnes = activites_stats_territoire.personnes + excluded.personnes,
      minutes = activites_stats_territoire.minutes + excluded.minutes,
      beneficiaires = activites_stats_territoire.beneficiaires + excluded.beneficiaires
  )
  select (select count(*) from ins)::int as n`,
)

/**
 * The usual write (an anonymous activity, no follow-up file): the activity insert and both
 * counter upserts are data-modifying CTEs of a single autocommit statement (atomic without
 * BEGIN/COMMIT, one round trip), prepared once per connection. The counters move only when the
 * insert happened, so a report sent twice is written and counted once. Returns false when the id
 * already existed (nothing done). Follow-up files take `ecrireActivite` in a transaction: their
 * monthly presence needs a lock.
 */
export async function insererActiviteAnonyme(db: Database, a: Activite): Promise<boolean> {
  if (a.beneficiaireId) throw new Error('insererActiviteAnonyme : activité suivie, passer par ecrireActivite')
  const lignes = delta(undefined, a)
  const territoire = parTerritoire(lignes)
  const [r] = await inserer(db, [
    ...COLONNES_ACTIVITE.valeurs(a),
    a.conseillerId,
    a.structureId,
    ...enColonnes(lignes),
    ...enColonnes(territoire),
  ])
  return (r?.n ?? 0) > 0
}

/** Adds signed counters (upsert). Rows are sorted by key so concurrent writers lock in the same order. */
/**
 * Conseiller lines summed per territory (département, région, month, dimension, value), in key order:
 * concurrent writers then lock shared territory rows in the same order.
 */
function parTerritoire(lignes: readonly LigneAgregat[]): LigneAgregat[] {
  const parCle = new Map<string, LigneAgregat>()
  for (const l of lignes) fusionner([{ ...l, conseillerId: '', structureId: '' }], 1, parCle)
  return [...parCle.values()].sort((a, b) => (cleTexte(a) < cleTexte(b) ? -1 : 1))
}

export async function ajouterAuxCompteurs(tx: Database, lignes: readonly LigneAgregat[]): Promise<void> {
  const utiles = lignes
    .filter((l) => l.activites || l.personnes || l.minutes || l.beneficiaires)
    .sort((a, b) => (cleTexte(a) < cleTexte(b) ? -1 : 1))
  if (utiles.length === 0) return
  const ajout = {
    activites: sql`${statsConseiller.activites} + excluded.activites`,
    personnes: sql`${statsConseiller.personnes} + excluded.personnes`,
    minutes: sql`${statsConseiller.minutes} + excluded.minutes`,
    beneficiaires: sql`${statsConseiller.beneficiaires} + excluded.beneficiaires`,
  }
  await tx
    .insert(statsConseiller)
    .values(utiles)
    .onConflictDoUpdate({
      target: [
        statsConseiller.conseillerId,
        statsConseiller.mois,
        statsConseiller.structureId,
        statsConseiller.codeDepartement,
        statsConseiller.codeRegion,
        statsConseiller.dimension,
        statsConseiller.valeur,
      ],
      set: ajout,
    })
  const territoire = parTerritoire(utiles)
    .filter((l) => l.activites || l.personnes || l.minutes || l.beneficiaires)
    .map(({ conseillerId: _c, structureId: _s, ...l }) => l)
  if (territoire.length === 0) return
  await tx
    .insert(statsTerritoire)
    .values(territoire)
    .onConflictDoUpdate({
      target: [
        statsTerritoire.codeDepartement,
        statsTerritoire.mois,
        statsTerritoire.codeRegion,
        statsTerritoire.dimension,
        statsTerritoire.valeur,
      ],
      set: {
        activites: sql`${statsTerritoire.activites} + excluded.activites`,
        personnes: sql`${statsTerritoire.personnes} + excluded.personnes`,
        minutes: sql`${statsTerritoire.minutes} + excluded.minutes`,
        beneficiaires: sql`${statsTerritoire.beneficiaires} + excluded.beneficiaires`,
      },
    })
}

export interface FiltresListe {
  du?: string | undefined
  au?: string | undefined
  type?: string | undefined
  theme?: string | undefined
  beneficiaireId?: string | undefined
}

export async function listerActivites(
  db: Database,
  conseillerId: string,
  f: FiltresListe,
  page: number,
  parPage: number,
): Promise<{ activites: Activite[]; total: number }> {
  const conditions: SQL[] = [eq(activites.conseillerId, conseillerId)]
  if (f.du) conditions.push(gte(activites.date, f.du))
  if (f.au) conditions.push(lte(activites.date, f.au))
  if (f.type) conditions.push(eq(activites.type, f.type))
  if (f.theme) conditions.push(sql`${f.theme} = any(${activites.themes})`)
  if (f.beneficiaireId) conditions.push(eq(activites.beneficiaireId, f.beneficiaireId))
  const ou = and(...conditions)
  const [lignes, [total]] = await Promise.all([
    db
      .select()
      .from(activites)
      .where(ou)
      .orderBy(desc(activites.date), desc(activites.creeLe))
      .limit(parPage)
      .offset((page - 1) * parPage),
    db.select({ n: count() }).from(activites).where(ou),
  ])
  return { activites: lignes.map(versActivite), total: total?.n ?? 0 }
}

/** Every activity recorded with a follow-up file, for the person's right of access. */
export async function activitesDuBeneficiaire(db: Database, beneficiaireId: string): Promise<Activite[]> {
  const lignes = await db.select().from(activites).where(eq(activites.beneficiaireId, beneficiaireId))
  return lignes.map(versActivite)
}

/** The ids of a follow-up file's activities, to detach them one by one (each moves its counters). */
export async function idsDesActivitesDuBeneficiaire(tx: Database, beneficiaireId: string): Promise<string[]> {
  const lignes = await tx
    .select({ id: activites.id })
    .from(activites)
    .where(eq(activites.beneficiaireId, beneficiaireId))
  return lignes.map((l) => l.id)
}

export async function activitesDuMois(db: Database, conseillerId: string, mois: string): Promise<Activite[]> {
  const lignes = await db
    .select()
    .from(activites)
    .where(
      and(
        eq(activites.conseillerId, conseillerId),
        gte(activites.date, `${mois}-01`),
        lte(activites.date, sql`(${`${mois}-01`}::date + interval '1 month' - interval '1 day')::date`),
      ),
    )
    .orderBy(asc(activites.date), asc(activites.creeLe))
  return lignes.map(versActivite)
}

const somme = (c: { activites: unknown }) => sql<number>`coalesce(sum(${c.activites}), 0)::float8`

/**
 * Reads the counters of a scope over whole months: one row per (dimension, value), plus the
 * `total` row of each month for the time series. National, région and département scopes read
 * the territory table; structure and conseiller scopes the conseiller table (both indexed).
 */
export async function lireCompteurs(db: Database, f: Filtre, p: Periode): Promise<LigneLue[]> {
  const du = `${p.du}-01`
  const au = `${p.au}-01`
  const parConseiller = f.niveau === 'structure' || f.niveau === 'conseiller'
  const t = parConseiller ? statsConseiller : statsTerritoire
  const conditions: SQL[] = [gte(t.mois, du), lte(t.mois, au)]
  if (f.niveau === 'region') conditions.push(eq(statsTerritoire.codeRegion, f.code))
  if (f.niveau === 'departement') conditions.push(eq(statsTerritoire.codeDepartement, f.code))
  if (f.niveau === 'structure') conditions.push(eq(statsConseiller.structureId, f.code))
  if (f.niveau === 'conseiller') {
    conditions.push(eq(statsConseiller.conseillerId, f.conseillerId))
    if (f.structureId) conditions.push(eq(statsConseiller.structureId, f.structureId))
  }
  const mois = sql<string | null>`case when ${t.dimension} = 'total' then to_char(${t.mois}, 'YYYY-MM') end`
  const lignes = await db
    .select({
      dimension: t.dimension,
      valeur: t.valeur,
      mois,
      activites: somme({ activites: t.activites }),
      personnes: somme({ activites: t.personnes }),
      minutes: somme({ activites: t.minutes }),
      beneficiaires: somme({ activites: t.beneficiaires }),
    })
    .from(t)
    .where(and(...conditions))
    .groupBy(t.dimension, t.valeur, mois)
  return lignes.map((l) => ({
    ...l,
    activites: Number(l.activites),
    personnes: Number(l.personnes),
    minutes: Number(l.minutes),
    beneficiaires: Number(l.beneficiaires),
  }))
}

/** Among `parmi`, the structures a conseiller has counted activities for (a manager's scope check). */
export async function structuresDuConseiller(
  db: Database,
  conseillerId: string,
  parmi: readonly string[],
): Promise<string[]> {
  if (parmi.length === 0) return []
  const lignes = await db
    .selectDistinct({ structureId: statsConseiller.structureId })
    .from(statsConseiller)
    .where(
      and(eq(statsConseiller.conseillerId, conseillerId), inArray(statsConseiller.structureId, [...parmi])),
    )
  return lignes.map((l) => l.structureId)
}

/** Totals by département (the map), for the national and région scopes. */
export async function lireParDepartement(
  db: Database,
  f: Filtre,
  p: Periode,
): Promise<{ code: string; activites: number; personnes: number; minutes: number }[]> {
  const conditions: SQL[] = [
    gte(statsTerritoire.mois, `${p.du}-01`),
    lte(statsTerritoire.mois, `${p.au}-01`),
    eq(statsTerritoire.dimension, 'total'),
  ]
  if (f.niveau === 'region') conditions.push(eq(statsTerritoire.codeRegion, f.code))
  else if (f.niveau !== 'national') return []
  const lignes = await db
    .select({
      code: statsTerritoire.codeDepartement,
      activites: somme({ activites: statsTerritoire.activites }),
      personnes: somme({ activites: statsTerritoire.personnes }),
      minutes: somme({ activites: statsTerritoire.minutes }),
    })
    .from(statsTerritoire)
    .where(and(...conditions))
    .groupBy(statsTerritoire.codeDepartement)
    .orderBy(asc(statsTerritoire.codeDepartement))
  return lignes.map((l) => ({
    code: l.code,
    activites: Number(l.activites),
    personnes: Number(l.personnes),
    minutes: Number(l.minutes),
  }))
}

/**
 * The counters recomputed from the activities in one set-based statement: what the incremental
 * counters must always equal (tested), and how the benchmark builds them after a bulk load.
 */
const ctesRecompte = (source: string) => `
a as (
  -- Identical activities of a conseiller's month first collapse into one row weighing n.
  select date_trunc('month', date)::date as mois, conseiller_id, structure_id, code_departement, code_region,
         type, lieu_type, orientation, duree, participants, themes, materiels, niveau, autonomie, ages, situations,
         beneficiaire_id, count(*)::int as n
  from ${source}
  group by 1, conseiller_id, structure_id, code_departement, code_region, type, lieu_type, orientation, duree,
           participants, themes, materiels, niveau, autonomie, ages, situations, beneficiaire_id
), c as (
  select mois, conseiller_id, structure_id, code_departement, code_region, 'total' as dimension, '' as valeur,
         n as activites, n * participants as personnes, n * duree as minutes,
         case when beneficiaire_id is null then n * participants else 0 end as beneficiaires from a
  union all select mois, conseiller_id, structure_id, code_departement, code_region, 'type', type, n, n * participants, n * duree, 0 from a
  union all select mois, conseiller_id, structure_id, code_departement, code_region, 'lieu', lieu_type, n, n * participants, n * duree, 0 from a
  union all select mois, conseiller_id, structure_id, code_departement, code_region, 'orientation', orientation, n, n * participants, n * duree, 0 from a
  union all select mois, conseiller_id, structure_id, code_departement, code_region, 'duree',
         case when duree < 30 then 'moins_30' when duree < 60 then '30_60' when duree < 120 then '60_120' else 'plus_120' end,
         n, n * participants, n * duree, 0 from a
  union all select mois, conseiller_id, structure_id, code_departement, code_region, 'theme', t, n, n * participants, n * duree, 0
         from a, lateral (select distinct unnest(a.themes) as t) x
  union all select mois, conseiller_id, structure_id, code_departement, code_region, 'materiel', m, n, n * participants, n * duree, 0
         from a, lateral (select distinct unnest(a.materiels) as m) x
  union all select mois, conseiller_id, structure_id, code_departement, code_region, 'niveau', niveau, n, n * participants, n * duree, 0 from a where niveau is not null
  union all select mois, conseiller_id, structure_id, code_departement, code_region, 'autonomie', autonomie, n, n * participants, n * duree, 0 from a where autonomie is not null
  union all select mois, conseiller_id, structure_id, code_departement, code_region, 'age', e.key, n, n * e.value::int, 0, 0
         from a, jsonb_each_text(a.ages) e where e.value::int > 0
  union all select mois, conseiller_id, structure_id, code_departement, code_region, 'situation', e.key, n, n * e.value::int, 0, 0
         from a, jsonb_each_text(a.situations) e where e.value::int > 0
  union all select mois, conseiller_id, structure_id, code_departement, code_region, 'total', '', 0, 0, 0, 1
         from a where beneficiaire_id is not null
         group by mois, conseiller_id, structure_id, code_departement, code_region, beneficiaire_id
)`

const SELECT_RECOMPTE = `
select mois, conseiller_id, structure_id, code_departement, code_region, dimension, valeur,
       sum(activites)::int as activites, sum(personnes)::int as personnes, sum(minutes)::bigint as minutes,
       sum(beneficiaires)::int as beneficiaires
from c group by mois, conseiller_id, structure_id, code_departement, code_region, dimension, valeur`

export const SQL_RECOMPTE_CONSEILLER = `with ${ctesRecompte('activites')} ${SELECT_RECOMPTE}`

/**
 * Bulk load (benchmark): inserts activities with `insertion` (an INSERT … SELECT without RETURNING)
 * and adds their counters with the same recount, in one statement. Exact only when each call
 * brings whole months of every conseiller (the recount groups by month).
 */
export const sqlInsererEtCompter = (insertion: string) =>
  `with ins as (${insertion} returning *), ${ctesRecompte('ins')}\ninsert into activites_stats_conseiller\n  (mois, conseiller_id, structure_id, code_departement, code_region, dimension, valeur, activites, personnes, minutes, beneficiaires)\n${SELECT_RECOMPTE}`

/** Rebuilds both counter tables from the activities (after a bulk load; never on the request path). */
export async function reconstruireCompteurs(db: Database): Promise<void> {
  await db.execute(sql.raw('delete from activites_stats_territoire'))
  await db.execute(sql.raw('delete from activites_stats_conseiller'))
  await db.execute(
    sql.raw(`insert into activites_stats_conseiller
      (mois, conseiller_id, structure_id, code_departement, code_region, dimension, valeur, activites, personnes, minutes, beneficiaires)
      ${SQL_RECOMPTE_CONSEILLER}`),
  )
  await db.execute(sql.raw(SQL_TERRITOIRE_DEPUIS_CONSEILLER))
}

/** The territory counters are the conseiller counters summed by département. */
export const SQL_TERRITOIRE_DEPUIS_CONSEILLER = `insert into activites_stats_territoire
  (mois, code_departement, code_region, dimension, valeur, activites, personnes, minutes, beneficiaires)
  select mois, code_departement, code_region, dimension, valeur, sum(activites), sum(personnes), sum(minutes), sum(beneficiaires)
  from activites_stats_conseiller group by mois, code_departement, code_region, dimension, valeur`

export const lignesDe = <T>(r: unknown): T[] => (r as { rows: T[] }).rows
