import { and, asc, count, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { estUuid } from './mandats-repository'
import { demandesHabilitation, dispositifs, habilitationsAidant, mandats, usagers } from './schema'

/**
 * Reads of the home blocks (`/espace`): mandates by organisation and expiry through
 * `aidants_mandats_org_idx`, an organisation's aidants and their devices, requests by status through
 * `aidants_demandes_statut_idx`. Each list is bounded.
 */

export interface MandatAExpirer {
  id: string
  usagerId: string
  usager: string
  expireLe: Date
}

/** Running mandates of these organisations that end before `jusquA`, soonest first. */
export async function mandatsAExpirer(
  db: Database,
  organisationsDemandees: readonly string[],
  maintenant: Date,
  jusquA: Date,
  limite: number,
): Promise<{ total: number; premiers: MandatAExpirer[]; actifs: number }> {
  // A scope code that is no organisation id (a hand-made role) matches nothing rather than failing.
  const organisationIds = organisationsDemandees.filter((id) => estUuid(id))
  if (organisationIds.length === 0) return { total: 0, premiers: [], actifs: 0 }
  const enCours = and(
    inArray(mandats.organisationId, [...organisationIds]),
    isNull(mandats.revoqueLe),
    gt(mandats.expireLe, maintenant),
  )
  const bientot = and(enCours, lte(mandats.expireLe, jusquA))
  const [premiers, [chiffres]] = await Promise.all([
    db
      .select({
        id: mandats.id,
        usagerId: mandats.usagerId,
        usager: sql<string>`${usagers.prenoms} || ' ' || ${usagers.nom}`,
        expireLe: mandats.expireLe,
      })
      .from(mandats)
      .innerJoin(usagers, eq(usagers.id, mandats.usagerId))
      .where(bientot)
      .orderBy(asc(mandats.expireLe))
      .limit(limite),
    db
      .select({
        actifs: count(),
        bientot: sql<number>`count(*) filter (where ${mandats.expireLe} <= ${jusquA})`,
      })
      .from(mandats)
      .where(enCours),
  ])
  return { total: Number(chiffres?.bientot ?? 0), actifs: Number(chiffres?.actifs ?? 0), premiers }
}

export interface AidantEtCartes {
  prenom: string
  nom: string
  statut: string
  /** Serial numbers of the confirmed physical cards; `application` for an authenticator app. */
  dispositifs: { type: 'carte' | 'application'; numeroSerie: string | null; confirme: boolean }[]
}

/** The organisation's aidants (not removed), by name, each with their devices in service. */
export async function aidantsEtCartes(db: Database, organisationId: string, limite: number) {
  if (!estUuid(organisationId)) return []
  const aidants = await db
    .select({
      prenom: habilitationsAidant.prenom,
      nom: habilitationsAidant.nom,
      statut: habilitationsAidant.statut,
      compteId: habilitationsAidant.compteId,
    })
    .from(habilitationsAidant)
    .where(and(eq(habilitationsAidant.organisationId, organisationId), isNull(habilitationsAidant.retireLe)))
    .orderBy(asc(habilitationsAidant.nom), asc(habilitationsAidant.prenom))
    .limit(limite)
  const comptes = aidants.map((a) => a.compteId).filter((id): id is string => !!id)
  const disp = comptes.length
    ? await db
        .select({
          compteId: dispositifs.compteId,
          type: dispositifs.type,
          numeroSerie: dispositifs.numeroSerie,
          confirmeLe: dispositifs.confirmeLe,
        })
        .from(dispositifs)
        .where(
          and(
            eq(dispositifs.organisationId, organisationId),
            inArray(dispositifs.compteId, comptes),
            isNull(dispositifs.retireLe),
          ),
        )
    : []
  return aidants.map(
    (a): AidantEtCartes => ({
      prenom: a.prenom,
      nom: a.nom,
      statut: a.statut,
      dispositifs: disp
        .filter((d) => a.compteId && d.compteId === a.compteId)
        .map((d) => ({ type: d.type, numeroSerie: d.numeroSerie, confirme: !!d.confirmeLe })),
    }),
  )
}

/** Habilitation requests by status (the national team's pipeline). */
export async function demandesParStatut(db: Database): Promise<Record<string, number>> {
  const lignes = await db
    .select({ statut: demandesHabilitation.statut, n: count() })
    .from(demandesHabilitation)
    .groupBy(demandesHabilitation.statut)
  return Object.fromEntries(lignes.map((l) => [l.statut, Number(l.n)]))
}

/** Aidants by habilitation status, nationally (not removed). */
export async function aidantsParStatut(db: Database): Promise<Record<string, number>> {
  const lignes = await db
    .select({ statut: habilitationsAidant.statut, n: count() })
    .from(habilitationsAidant)
    .where(isNull(habilitationsAidant.retireLe))
    .groupBy(habilitationsAidant.statut)
  return Object.fromEntries(lignes.map((l) => [l.statut, Number(l.n)]))
}
