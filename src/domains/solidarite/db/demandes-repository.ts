import { and, eq, ne, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { demandes } from './schema'

export type LigneDemande = typeof demandes.$inferSelect
export type NouvelleDemande = typeof demandes.$inferInsert

/** The open request for a number (there is at most one), locked until the transaction ends. */
export async function demandeOuverteDuNumero(
  db: Database,
  empreinte: string,
): Promise<LigneDemande | undefined> {
  const [d] = await db
    .select()
    .from(demandes)
    .where(and(eq(demandes.telephoneEmpreinte, empreinte), ne(demandes.statut, 'close')))
    .for('update')
  return d
}

export async function insererDemande(db: Database, d: NouvelleDemande): Promise<void> {
  await db.insert(demandes).values(d)
}

/** A second form for the same number: what the person says now replaces the request's details. */
export async function fusionnerDemande(
  db: Database,
  id: string,
  champs: Partial<
    Pick<
      NouvelleDemande,
      | 'telephoneChiffre'
      | 'prenom'
      | 'besoin'
      | 'domaineDemarche'
      | 'dateLimiteDemarche'
      | 'arnaqueEnCours'
      | 'isolement'
      | 'reponseParSms'
      | 'langue'
      | 'region'
      | 'departement'
      | 'creneauId'
      | 'creneauDebut'
      | 'creneauFin'
      | 'echeance'
      | 'classe'
      | 'territoire'
      | 'fuseau'
      | 'jetonAnnulation'
    >
  >,
): Promise<void> {
  await db
    .update(demandes)
    .set({ ...champs, depots: sql`${demandes.depots} + 1` })
    .where(eq(demandes.id, id))
}

export async function demandeParReference(
  db: Database,
  reference: string,
): Promise<LigneDemande | undefined> {
  const [d] = await db.select().from(demandes).where(eq(demandes.reference, reference))
  return d
}

/** Closes a request still open; false when it was already closed (a second click, a médiateur). */
export async function fermerDemande(db: Database, id: string, issue: string, le: Date): Promise<boolean> {
  const r = await db
    .update(demandes)
    .set({ statut: 'close', issue, closeLe: le, mediateurId: null })
    .where(and(eq(demandes.id, id), ne(demandes.statut, 'close')))
    .returning({ id: demandes.id })
  return r.length === 1
}
