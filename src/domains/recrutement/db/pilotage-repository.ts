import { sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'

export interface LigneDepartement {
  codeDepartement: string
  structures: number
  structuresValidees: number
  postesValides: number
  postesPourvus: number
  montantEngage: number
  montantPaye: number
  candidats: number
}

const lignes = <T>(r: unknown) => (r as { rows: T[] }).rows

/**
 * Figures by département, in one pass per table (grouped in SQL, never row by row). `departements`
 * undefined = national.
 */
export async function chiffresParDepartement(
  db: Database,
  departements: readonly string[] | undefined,
): Promise<LigneDepartement[]> {
  const filtre = (col: string) =>
    departements
      ? sql`where ${sql.raw(col)} in (${sql.join(
          departements.map((d) => sql`${d}`),
          sql`, `,
        )})`
      : sql``
  if (departements && departements.length === 0) return []
  const r = await db.execute(sql`
    with s as (
      select code_departement, count(*)::int as structures,
        count(*) filter (where statut in ('validee', 'conventionnee'))::int as structures_validees,
        coalesce(sum(postes_valides), 0)::int as postes_valides
      from structures ${filtre('code_departement')} group by code_departement
    ), p as (
      select st.code_departement, count(*)::int as pourvus
      from recrutement_mises_en_relation m join structures st on st.id = m.structure_id
      where m.statut = 'recrutee' group by st.code_departement
    ), c as (
      select st.code_departement, coalesce(sum(c.montant_euros), 0)::bigint as engage,
        coalesce(sum((select coalesce(sum(v.montant_euros), 0) from recrutement_versements v
          where v.convention_id = c.id and v.paye_le is not null)), 0)::bigint as paye
      from recrutement_conventions c join structures st on st.id = c.structure_id group by st.code_departement
    ), k as (
      select code_departement, count(*)::int as candidats from recrutement_candidatures
      where statut <> 'email_a_confirmer' group by code_departement
    )
    select coalesce(s.code_departement, k.code_departement) as code_departement,
      coalesce(s.structures, 0) as structures, coalesce(s.structures_validees, 0) as structures_validees,
      coalesce(s.postes_valides, 0) as postes_valides, coalesce(p.pourvus, 0) as postes_pourvus,
      coalesce(c.engage, 0)::float8 as montant_engage, coalesce(c.paye, 0)::float8 as montant_paye,
      coalesce(k.candidats, 0) as candidats
    from s full join k on k.code_departement = s.code_departement
    left join p on p.code_departement = coalesce(s.code_departement, k.code_departement)
    left join c on c.code_departement = coalesce(s.code_departement, k.code_departement)
    ${
      departements
        ? sql`where coalesce(s.code_departement, k.code_departement) in (${sql.join(
            departements.map((d) => sql`${d}`),
            sql`, `,
          )})`
        : sql``
    }
    order by 1`)
  return lignes<Record<string, number | string>>(r).map((l) => ({
    codeDepartement: String(l.code_departement),
    structures: Number(l.structures),
    structuresValidees: Number(l.structures_validees),
    postesValides: Number(l.postes_valides),
    postesPourvus: Number(l.postes_pourvus),
    montantEngage: Number(l.montant_engage),
    montantPaye: Number(l.montant_paye),
    candidats: Number(l.candidats),
  }))
}

export async function statutsStructures(db: Database, departements: readonly string[] | undefined) {
  if (departements && departements.length === 0) return []
  const r = await db.execute(sql`select statut, count(*)::int as n from structures
    ${
      departements
        ? sql`where code_departement in (${sql.join(
            departements.map((d) => sql`${d}`),
            sql`, `,
          )})`
        : sql``
    }
    group by statut order by statut`)
  return lignes<{ statut: string; n: number }>(r)
}

export async function statutsCandidatures(db: Database, departements: readonly string[] | undefined) {
  if (departements && departements.length === 0) return []
  const r = await db.execute(sql`select statut, count(*)::int as n from recrutement_candidatures
    ${
      departements
        ? sql`where code_departement in (${sql.join(
            departements.map((d) => sql`${d}`),
            sql`, `,
          )})`
        : sql``
    }
    group by statut order by statut`)
  return lignes<{ statut: string; n: number }>(r)
}
