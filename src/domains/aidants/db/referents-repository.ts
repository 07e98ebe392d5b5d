import { and, eq, isNull } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { dispositifs, habilitationsAidant } from './schema'

export type HabilitationAidantRow = typeof habilitationsAidant.$inferSelect
export type DispositifRow = typeof dispositifs.$inferSelect

/** An aidant of this organisation, not removed: the référent's scope. */
export async function habilitationDe(
  db: Database,
  organisationId: string,
  habilitationId: string,
): Promise<HabilitationAidantRow | undefined> {
  const [h] = await db
    .select()
    .from(habilitationsAidant)
    .where(
      and(
        eq(habilitationsAidant.id, habilitationId),
        eq(habilitationsAidant.organisationId, organisationId),
        isNull(habilitationsAidant.retireLe),
      ),
    )
  return h
}

/** The habilitations of one account in one organisation, not removed. */
export function habilitationsDuCompte(
  db: Database,
  organisationId: string,
  compteId: string,
): Promise<HabilitationAidantRow[]> {
  return db
    .select()
    .from(habilitationsAidant)
    .where(
      and(
        eq(habilitationsAidant.organisationId, organisationId),
        eq(habilitationsAidant.compteId, compteId),
        isNull(habilitationsAidant.retireLe),
      ),
    )
}

/** The training is done: the habilitation is active, bound to its account. */
export async function activerHabilitation(
  db: Database,
  id: string,
  compteId: string,
  formationEnregistreeLe: Date,
): Promise<void> {
  await db
    .update(habilitationsAidant)
    .set({ statut: 'active', compteId, formationEnregistreeLe })
    .where(eq(habilitationsAidant.id, id))
}

/** Removed, with a reason (by the référent, or for inactivity). */
export async function retirerHabilitation(db: Database, id: string, le: Date, motif: string): Promise<void> {
  await db
    .update(habilitationsAidant)
    .set({ statut: 'annulee', retireLe: le, motifRetrait: motif })
    .where(eq(habilitationsAidant.id, id))
}

/** A device of this organisation, not removed. */
export async function dispositifDe(
  db: Database,
  organisationId: string,
  id: string,
): Promise<DispositifRow | undefined> {
  const [d] = await db
    .select()
    .from(dispositifs)
    .where(
      and(
        eq(dispositifs.id, id),
        eq(dispositifs.organisationId, organisationId),
        isNull(dispositifs.retireLe),
      ),
    )
  return d
}

/** A card in stock by its serial number (any organisation's or none: the caller checks). */
export async function carteLibre(db: Database, numeroSerie: string): Promise<DispositifRow | undefined> {
  const [carte] = await db
    .select()
    .from(dispositifs)
    .where(
      and(
        eq(dispositifs.numeroSerie, numeroSerie),
        eq(dispositifs.type, 'carte'),
        isNull(dispositifs.compteId),
        isNull(dispositifs.retireLe),
      ),
    )
  return carte
}

export async function creerDispositif(
  db: Database,
  d: typeof dispositifs.$inferInsert,
): Promise<DispositifRow> {
  const [row] = await db.insert(dispositifs).values(d).returning()
  if (!row) throw new Error('insertion de dispositif sans retour')
  return row
}

/**
 * Binds a device to the account: the previous confirmed device stops working (the account has one
 * secret), then this one is confirmed.
 */
export async function confirmerDispositif(
  db: Database,
  dispositifId: string,
  compteId: string,
  organisationId: string,
  le: Date,
): Promise<void> {
  await db
    .update(dispositifs)
    .set({ retireLe: le, motifRetrait: 'Remplacé par un nouveau dispositif' })
    .where(and(eq(dispositifs.compteId, compteId), isNull(dispositifs.retireLe)))
  await db
    .update(dispositifs)
    .set({ compteId, organisationId, confirmeLe: le, retireLe: null, motifRetrait: null })
    .where(eq(dispositifs.id, dispositifId))
}

export async function retirerDispositif(db: Database, id: string, le: Date, motif: string): Promise<void> {
  await db.update(dispositifs).set({ retireLe: le, motifRetrait: motif }).where(eq(dispositifs.id, id))
}
