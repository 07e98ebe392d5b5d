import { and, count, countDistinct, eq, isNull, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { dispositifs, habilitationsAidant, mandats, organisations } from './schema'

/** An aidant of the organisation, as the référent's and the national team's pages show them. */
export type AidantVue = Pick<
  typeof habilitationsAidant.$inferSelect,
  'id' | 'prenom' | 'nom' | 'email' | 'statut' | 'compteId'
>

export const COLONNES_AIDANT = {
  id: habilitationsAidant.id,
  prenom: habilitationsAidant.prenom,
  nom: habilitationsAidant.nom,
  email: habilitationsAidant.email,
  statut: habilitationsAidant.statut,
  compteId: habilitationsAidant.compteId,
}

export const aidantVue = (h: AidantVue): AidantVue => ({
  id: h.id,
  prenom: h.prenom,
  nom: h.nom,
  email: h.email,
  statut: h.statut,
  compteId: h.compteId,
})

/** The organisation's aidants, except those removed from it. */
export async function aidantsDeLaStructure(db: Database, organisationId: string): Promise<AidantVue[]> {
  return db
    .select(COLONNES_AIDANT)
    .from(habilitationsAidant)
    .where(and(eq(habilitationsAidant.organisationId, organisationId), isNull(habilitationsAidant.retireLe)))
}

/** A second-factor device as the référent sees it: never its secret. */
export type DispositifVue = Pick<
  typeof dispositifs.$inferSelect,
  'id' | 'type' | 'numeroSerie' | 'confirmeLe'
>

/** The aidant's devices in this organisation that are not removed (confirmed or waiting). */
export async function dispositifsEnService(
  db: Database,
  compteId: string,
  organisationId: string,
): Promise<DispositifVue[]> {
  return db
    .select({
      id: dispositifs.id,
      type: dispositifs.type,
      numeroSerie: dispositifs.numeroSerie,
      confirmeLe: dispositifs.confirmeLe,
    })
    .from(dispositifs)
    .where(
      and(
        eq(dispositifs.compteId, compteId),
        eq(dispositifs.organisationId, organisationId),
        isNull(dispositifs.retireLe),
      ),
    )
}

/** Mandates of the organisation: created, usagers helped, running now. */
export async function chiffresDesMandats(db: Database, organisationId: string, maintenant: Date) {
  const [chiffres] = await db
    .select({
      mandats: count(mandats.id),
      usagers: countDistinct(mandats.usagerId),
      actifs: sql<number>`count(*) filter (where ${mandats.revoqueLe} is null and ${mandats.expireLe} > ${maintenant})`,
    })
    .from(mandats)
    .where(eq(mandats.organisationId, organisationId))
  return {
    mandats: chiffres?.mandats ?? 0,
    usagers: chiffres?.usagers ?? 0,
    actifs: Number(chiffres?.actifs ?? 0),
  }
}

/** The démarches the référent allows in the organisation. */
export async function autoriserDemarches(
  db: Database,
  organisationId: string,
  demarches: string[],
): Promise<void> {
  await db
    .update(organisations)
    .set({ demarchesAutorisees: demarches })
    .where(eq(organisations.id, organisationId))
}
