import { eq, inArray } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { etatsAidant, organisations, type usagers } from './schema'

/** An organisation as the pages name it (the aidant's choice of organisation, the usager's mandates). */
export interface OrganisationResumee {
  id: string
  nom: string
}

export async function organisationsResumees(
  db: Database,
  ids: readonly string[],
): Promise<OrganisationResumee[]> {
  return db
    .select({ id: organisations.id, nom: organisations.nom })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]))
}

/** The organisation the aidant chose to act for (the caller checks that they still hold it). */
export async function organisationChoisie(db: Database, compteId: string): Promise<string | null> {
  const [etat] = await db
    .select({ organisationCourante: etatsAidant.organisationCourante })
    .from(etatsAidant)
    .where(eq(etatsAidant.compteId, compteId))
  return etat?.organisationCourante ?? null
}

export async function choisirOrganisation(db: Database, compteId: string, organisationId: string) {
  await db
    .insert(etatsAidant)
    .values({ compteId, organisationCourante: organisationId })
    .onConflictDoUpdate({ target: etatsAidant.compteId, set: { organisationCourante: organisationId } })
}

/** An usager as the aidant's pages name them (never their FranceConnect subject or contact details). */
export type UsagerVue = Pick<typeof usagers.$inferSelect, 'id' | 'prenoms' | 'nom' | 'dateNaissance'>

export const usagerVue = (u: UsagerVue): UsagerVue => ({
  id: u.id,
  prenoms: u.prenoms,
  nom: u.nom,
  dateNaissance: u.dateNaissance,
})
