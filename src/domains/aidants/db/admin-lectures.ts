import { asc, count, desc, eq, ne } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { type AidantVue, COLONNES_AIDANT } from './referent-lectures'
import { demandesHabilitation, habilitationsAidant, type messagesDemande, regionsOuvertes } from './schema'

/** A habilitation request as its pages show it (never its link's hash). */
export type DemandeVue = Pick<
  typeof demandesHabilitation.$inferSelect,
  'id' | 'statut' | 'nomDemandeur' | 'emailDemandeur' | 'donnees' | 'creeLe' | 'deposeeLe' | 'codeRegion'
>

export const demandeVue = (d: DemandeVue): DemandeVue => ({
  id: d.id,
  statut: d.statut,
  nomDemandeur: d.nomDemandeur,
  emailDemandeur: d.emailDemandeur,
  donnees: d.donnees,
  creeLe: d.creeLe,
  deposeeLe: d.deposeeLe,
  codeRegion: d.codeRegion,
})

/** A message of the thread between the requester and the national team, as the pages show it. */
export type MessageVue = Pick<typeof messagesDemande.$inferSelect, 'auteur' | 'texte' | 'le'>

export const messageVue = (m: MessageVue): MessageVue => ({ auteur: m.auteur, texte: m.texte, le: m.le })

/** The requests sent to the national team (drafts are not), the latest first. */
export async function demandesDeposees(db: Database): Promise<DemandeVue[]> {
  return db
    .select({
      id: demandesHabilitation.id,
      statut: demandesHabilitation.statut,
      nomDemandeur: demandesHabilitation.nomDemandeur,
      emailDemandeur: demandesHabilitation.emailDemandeur,
      donnees: demandesHabilitation.donnees,
      creeLe: demandesHabilitation.creeLe,
      deposeeLe: demandesHabilitation.deposeeLe,
      codeRegion: demandesHabilitation.codeRegion,
    })
    .from(demandesHabilitation)
    .where(ne(demandesHabilitation.statut, 'brouillon'))
    .orderBy(desc(demandesHabilitation.deposeeLe))
    .limit(500)
}

/** Every aidant of a request's organisation (removed ones included), by name. */
export async function aidantsDeLOrganisation(db: Database, organisationId: string): Promise<AidantVue[]> {
  return db
    .select(COLONNES_AIDANT)
    .from(habilitationsAidant)
    .where(eq(habilitationsAidant.organisationId, organisationId))
    .orderBy(asc(habilitationsAidant.nom))
}

/** The regions opened so far, each with the wave that opened it. */
export async function vaguesDesRegions(db: Database): Promise<Map<string, string>> {
  const ouvertes = await db.select().from(regionsOuvertes)
  return new Map(ouvertes.map((o) => [o.codeRegion, o.vague]))
}

/** Per region, the requests on its waiting list. */
export async function demandesEnAttenteParRegion(db: Database): Promise<Map<string | null, number>> {
  const attente = await db
    .select({ region: demandesHabilitation.codeRegion, n: count() })
    .from(demandesHabilitation)
    .where(eq(demandesHabilitation.statut, 'liste_attente'))
    .groupBy(demandesHabilitation.codeRegion)
  return new Map(attente.map((a) => [a.region, a.n]))
}
