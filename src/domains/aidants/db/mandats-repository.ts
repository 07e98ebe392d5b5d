import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import type { Demarche, Duree } from '../domain/demarches'
import type { Mandat } from '../domain/mandat'
import { autorisations, brouillonsMandat, mandats, organisations, usagers } from './schema'

export type UsagerRow = typeof usagers.$inferSelect
export type OrganisationRow = typeof organisations.$inferSelect
export type BrouillonRow = typeof brouillonsMandat.$inferSelect

export async function trouverOrganisation(db: Database, id: string): Promise<OrganisationRow | undefined> {
  if (!estUuid(id)) return undefined
  const [o] = await db.select().from(organisations).where(eq(organisations.id, id))
  return o
}

export async function trouverUsager(db: Database, id: string): Promise<UsagerRow | undefined> {
  if (!estUuid(id)) return undefined
  const [u] = await db.select().from(usagers).where(eq(usagers.id, id))
  return u
}

export async function trouverUsagerParSub(db: Database, subHash: string): Promise<UsagerRow | undefined> {
  const [u] = await db.select().from(usagers).where(eq(usagers.subHash, subHash))
  return u
}

export function estUuid(v: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)
}

function assembler(
  m: typeof mandats.$inferSelect,
  as: (typeof autorisations.$inferSelect)[],
): Mandat & {
  hashAttestation: string
  hashRevocation: string | null
  versionTexte: string
  creeParId: string
  consentement: 'sur_place' | 'sms'
} {
  return {
    id: m.id,
    organisationId: m.organisationId,
    usagerId: m.usagerId,
    creeLe: m.creeLe,
    expireLe: m.expireLe,
    duree: m.duree as Duree,
    revoqueLe: m.revoqueLe,
    hashAttestation: m.hashAttestation,
    hashRevocation: m.hashRevocation,
    versionTexte: m.versionTexte,
    creeParId: m.creeParId,
    consentement: m.consentement,
    autorisations: as
      .filter((a) => a.mandatId === m.id)
      .map((a) => ({
        id: a.id,
        mandatId: a.mandatId,
        demarche: a.demarche as Demarche,
        revoqueeLe: a.revoqueeLe,
      })),
  }
}
export type MandatComplet = ReturnType<typeof assembler>

async function completer(db: Database, lignes: (typeof mandats.$inferSelect)[]): Promise<MandatComplet[]> {
  if (lignes.length === 0) return []
  const as = await db
    .select()
    .from(autorisations)
    .where(
      inArray(
        autorisations.mandatId,
        lignes.map((l) => l.id),
      ),
    )
    .orderBy(asc(autorisations.demarche))
  return lignes.map((l) => assembler(l, as))
}

export async function trouverMandat(db: Database, id: string): Promise<MandatComplet | undefined> {
  if (!estUuid(id)) return undefined
  const lignes = await db.select().from(mandats).where(eq(mandats.id, id))
  return (await completer(db, lignes))[0]
}

export async function trouverMandatParHash(db: Database, hash: string) {
  const lignes = await db
    .select()
    .from(mandats)
    .where(sql`${mandats.hashAttestation} = ${hash} or ${mandats.hashRevocation} = ${hash}`)
  return (await completer(db, lignes))[0]
}

/** Mandates of one organisation (optionally one usager): the only way aidants read mandates. */
export async function mandatsDeLOrganisation(
  db: Database,
  organisationId: string,
  usagerId?: string,
): Promise<MandatComplet[]> {
  const lignes = await db
    .select()
    .from(mandats)
    .where(
      and(eq(mandats.organisationId, organisationId), usagerId ? eq(mandats.usagerId, usagerId) : undefined),
    )
    .orderBy(desc(mandats.creeLe))
  return completer(db, lignes)
}

export async function mandatsDeLUsager(db: Database, usagerId: string): Promise<MandatComplet[]> {
  const lignes = await db
    .select()
    .from(mandats)
    .where(eq(mandats.usagerId, usagerId))
    .orderBy(desc(mandats.creeLe))
  return completer(db, lignes)
}

/** Usagers that have (or had) a mandate with this organisation, with the number of active authorisations. */
export async function usagersDeLOrganisation(db: Database, organisationId: string, maintenant: Date) {
  return db
    .select({
      id: usagers.id,
      prenoms: usagers.prenoms,
      nom: usagers.nom,
      dateNaissance: usagers.dateNaissance,
      actives:
        sql<number>`count(${autorisations.id}) filter (where ${autorisations.revoqueeLe} is null and ${mandats.revoqueLe} is null and ${mandats.expireLe} > ${maintenant})`.mapWith(
          Number,
        ),
    })
    .from(usagers)
    .innerJoin(mandats, eq(mandats.usagerId, usagers.id))
    .innerJoin(autorisations, eq(autorisations.mandatId, mandats.id))
    .where(and(eq(mandats.organisationId, organisationId), isNull(usagers.pseudonymiseLe)))
    .groupBy(usagers.id)
    .orderBy(asc(usagers.nom), asc(usagers.prenoms))
}

/** The active authorisation of (organisation, usager, démarche), if any. */
export async function autorisationActiveDe(
  db: Database,
  organisationId: string,
  usagerId: string,
  demarche: string,
  maintenant: Date,
) {
  const [a] = await db
    .select({ autorisation: autorisations, mandat: mandats })
    .from(autorisations)
    .innerJoin(mandats, eq(mandats.id, autorisations.mandatId))
    .where(
      and(
        eq(mandats.organisationId, organisationId),
        eq(mandats.usagerId, usagerId),
        eq(autorisations.demarche, demarche),
        isNull(autorisations.revoqueeLe),
        isNull(mandats.revoqueLe),
        gt(mandats.expireLe, maintenant),
      ),
    )
    .limit(1)
  return a
}

/** Every active authorisation of a usager with an organisation, by démarche (one query for the whole choice). */
export async function autorisationsActivesDe(
  db: Database,
  organisationId: string,
  usagerId: string,
  maintenant: Date,
) {
  if (!estUuid(usagerId)) return new Map<string, Awaited<ReturnType<typeof autorisationActiveDe>>>()
  const lignes = await db
    .select({ autorisation: autorisations, mandat: mandats })
    .from(autorisations)
    .innerJoin(mandats, eq(mandats.id, autorisations.mandatId))
    .where(
      and(
        eq(mandats.organisationId, organisationId),
        eq(mandats.usagerId, usagerId),
        isNull(autorisations.revoqueeLe),
        isNull(mandats.revoqueLe),
        gt(mandats.expireLe, maintenant),
      ),
    )
  return new Map(lignes.map((l) => [l.autorisation.demarche, l]))
}

export async function trouverAutorisation(db: Database, id: string) {
  if (!estUuid(id)) return undefined
  const [a] = await db
    .select({ autorisation: autorisations, mandat: mandats })
    .from(autorisations)
    .innerJoin(mandats, eq(mandats.id, autorisations.mandatId))
    .where(eq(autorisations.id, id))
  return a
}

/** Keeps the mandate being prepared between FranceConnect and the recap. */
export async function creerBrouillon(db: Database, b: typeof brouillonsMandat.$inferInsert): Promise<string> {
  const [row] = await db.insert(brouillonsMandat).values(b).returning({ id: brouillonsMandat.id })
  if (!row) throw new Error('brouillon sans retour')
  return row.id
}

export async function trouverBrouillon(db: Database, id: string): Promise<BrouillonRow | undefined> {
  const [b] = await db.select().from(brouillonsMandat).where(eq(brouillonsMandat.id, id))
  return b
}

/** The draft of this aidant only (expired or not: the caller decides). */
export async function brouillonDeLAidant(
  db: Database,
  id: string,
  aidantId: string,
): Promise<BrouillonRow | undefined> {
  const [b] = await db
    .select()
    .from(brouillonsMandat)
    .where(and(eq(brouillonsMandat.id, id), eq(brouillonsMandat.aidantId, aidantId)))
  return b
}

export async function supprimerBrouillon(db: Database, id: string): Promise<void> {
  await db.delete(brouillonsMandat).where(eq(brouillonsMandat.id, id))
}

export async function creerMandat(db: Database, m: typeof mandats.$inferInsert): Promise<void> {
  await db.insert(mandats).values(m)
}

/** One authorisation per démarche of a new mandate. */
export async function creerAutorisations(db: Database, mandatId: string, demarches: readonly string[]) {
  return db
    .insert(autorisations)
    .values(demarches.map((demarche) => ({ mandatId, demarche })))
    .returning()
}

/** Revokes the given authorisations that are still active (the others keep their revocation date). */
export async function revoquerAutorisationsActives(db: Database, ids: string[], le: Date): Promise<void> {
  await db
    .update(autorisations)
    .set({ revoqueeLe: le })
    .where(and(inArray(autorisations.id, ids), isNull(autorisations.revoqueeLe)))
}

export async function revoquerAutorisation(db: Database, id: string, le: Date): Promise<void> {
  await db.update(autorisations).set({ revoqueeLe: le }).where(eq(autorisations.id, id))
}

/** The whole mandate: its active authorisations, then the mandate with its revocation attestation's hash. */
export async function revoquerMandat(
  db: Database,
  mandatId: string,
  le: Date,
  hashRevocation: string,
): Promise<void> {
  await db
    .update(autorisations)
    .set({ revoqueeLe: le })
    .where(and(eq(autorisations.mandatId, mandatId), isNull(autorisations.revoqueeLe)))
  await db.update(mandats).set({ revoqueLe: le, hashRevocation }).where(eq(mandats.id, mandatId))
}
