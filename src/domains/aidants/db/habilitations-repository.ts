import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { demandesHabilitation, habilitationsAidant, messagesDemande, regionsOuvertes } from './schema'

export type DemandeRow = typeof demandesHabilitation.$inferSelect
export type MessageDemandeRow = typeof messagesDemande.$inferSelect

export async function creerDemande(db: Database, d: typeof demandesHabilitation.$inferInsert): Promise<void> {
  await db.insert(demandesHabilitation).values(d)
}

export async function demandeParJetonHash(db: Database, jetonHash: string): Promise<DemandeRow | undefined> {
  const [d] = await db
    .select()
    .from(demandesHabilitation)
    .where(eq(demandesHabilitation.jetonHash, jetonHash))
  return d
}

export async function trouverDemande(db: Database, id: string): Promise<DemandeRow | undefined> {
  const [d] = await db.select().from(demandesHabilitation).where(eq(demandesHabilitation.id, id))
  return d
}

/** The status and whatever else changes with it (dates, the organisation created on validation). */
export async function changerStatutDemande(
  db: Database,
  id: string,
  statut: string,
  extra: Partial<Pick<DemandeRow, 'emailVerifieLe' | 'deposeeLe' | 'organisationId'>> = {},
): Promise<void> {
  await db
    .update(demandesHabilitation)
    .set({ statut, ...extra })
    .where(eq(demandesHabilitation.id, id))
}

/** The thread between the requester and the national team, oldest first. */
export function messagesDeLaDemande(db: Database, demandeId: string): Promise<MessageDemandeRow[]> {
  return db
    .select()
    .from(messagesDemande)
    .where(eq(messagesDemande.demandeId, demandeId))
    .orderBy(asc(messagesDemande.le))
}

export async function ajouterMessage(
  db: Database,
  m: { demandeId: string; auteur: 'equipe' | 'demandeur'; texte: string; le: Date },
): Promise<void> {
  await db.insert(messagesDemande).values(m)
}

export async function codesRegionsOuvertes(db: Database): Promise<string[]> {
  return (await db.select().from(regionsOuvertes)).map((r) => r.codeRegion)
}

/** Opens a region once: false when it was already open. */
export async function ouvrirRegion(
  db: Database,
  r: { codeRegion: string; vague: string; ouverteLe: Date },
): Promise<boolean> {
  const [ouverte] = await db.insert(regionsOuvertes).values(r).onConflictDoNothing().returning()
  return ouverte !== undefined
}

/** The region's waiting list goes to the team's queue; returns the requests moved. */
export function sortirDeListeAttente(db: Database, codeRegion: string): Promise<DemandeRow[]> {
  return db
    .update(demandesHabilitation)
    .set({ statut: 'en_attente' })
    .where(
      and(eq(demandesHabilitation.codeRegion, codeRegion), eq(demandesHabilitation.statut, 'liste_attente')),
    )
    .returning()
}

/** The aidants named in a validated request, still to be trained. */
export async function creerHabilitationsAidant(
  db: Database,
  habilitations: (typeof habilitationsAidant.$inferInsert)[],
): Promise<void> {
  if (habilitations.length) await db.insert(habilitationsAidant).values(habilitations)
}
