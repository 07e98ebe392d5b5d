import { and, eq, gt, inArray, isNull, lt, lte, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import type { HabilitationAidantRow } from './referents-repository'
import {
  brouillonsMandat,
  connexionsFranceConnect,
  consentementsSms,
  habilitationsAidant,
  mandats,
  organisations,
  sessionsUsager,
  usagers,
} from './schema'

/** Every active habilitation, of every organisation (inactivity rule). */
export function habilitationsActives(db: Database): Promise<HabilitationAidantRow[]> {
  return db
    .select()
    .from(habilitationsAidant)
    .where(and(eq(habilitationsAidant.statut, 'active'), isNull(habilitationsAidant.retireLe)))
}

/** The active aidants of these organisations (expiry reminders go to all of them). */
export function aidantsActifsDes(db: Database, organisationIds: string[]): Promise<HabilitationAidantRow[]> {
  return db
    .select()
    .from(habilitationsAidant)
    .where(
      and(
        inArray(habilitationsAidant.organisationId, organisationIds),
        eq(habilitationsAidant.statut, 'active'),
        isNull(habilitationsAidant.retireLe),
      ),
    )
}

/** Mandates running and expiring by `limite`, not reminded yet, with their organisation's name. */
export function mandatsARappeler(db: Database, maintenant: Date, limite: Date) {
  return db
    .select({
      id: mandats.id,
      organisationId: mandats.organisationId,
      usagerId: mandats.usagerId,
      expireLe: mandats.expireLe,
      nom: organisations.nom,
    })
    .from(mandats)
    .innerJoin(organisations, eq(organisations.id, mandats.organisationId))
    .where(
      and(
        isNull(mandats.revoqueLe),
        isNull(mandats.rappelExpirationLe),
        gt(mandats.expireLe, maintenant),
        lte(mandats.expireLe, limite),
      ),
    )
}

export async function noterRappelExpiration(db: Database, mandatId: string, le: Date): Promise<void> {
  await db.update(mandats).set({ rappelExpirationLe: le }).where(eq(mandats.id, mandatId))
}

/**
 * Up to `lot` usagers not pseudonymised whose last mandate ended (expiry, or revocation when earlier) —
 * or who were created, without a mandate — by `limite`, with that end date.
 */
export async function candidatsPseudonymisation(db: Database, limite: Date, lot: number) {
  const finDernierMandat = sql<Date | null>`(select max(least(coalesce(${mandats.revoqueLe}, ${mandats.expireLe}), ${mandats.expireLe})) from ${mandats} where ${mandats.usagerId} = ${usagers.id})`
  return db
    .select({ id: usagers.id, creeLe: usagers.creeLe, fin: finDernierMandat })
    .from(usagers)
    .where(
      and(isNull(usagers.pseudonymiseLe), sql`coalesce(${finDernierMandat}, ${usagers.creeLe}) <= ${limite}`),
    )
    .limit(lot)
}

/** Blanks the usager's identity (the salted hash of the `sub` stays as the pseudonym) and ends their sessions. */
export async function pseudonymiserUsager(db: Database, usagerId: string, le: Date): Promise<void> {
  await db
    .update(usagers)
    .set({
      prenoms: '',
      nom: '',
      dateNaissance: '',
      genre: '',
      lieuNaissance: '',
      paysNaissance: '',
      email: null,
      telephone: null,
      pseudonymiseLe: le,
    })
    .where(eq(usagers.id, usagerId))
  await db.delete(sessionsUsager).where(eq(sessionsUsager.usagerId, usagerId))
}

/** Technical state past its lifetime: FranceConnect logins, SMS consents, drafts, usager sessions. */
export async function purgerEtatsExpires(db: Database, maintenant: Date): Promise<void> {
  await db.delete(connexionsFranceConnect).where(lt(connexionsFranceConnect.expireLe, maintenant))
  await db.delete(consentementsSms).where(lt(consentementsSms.expireLe, maintenant))
  await db.delete(brouillonsMandat).where(lt(brouillonsMandat.expireLe, maintenant))
  await db.delete(sessionsUsager).where(lt(sessionsUsager.expireLe, maintenant))
}
