/**
 * What the conseiller's pages show of the diagnostic's records: view models, so that a page never
 * depends on a table's columns (the repository's rows fit them as they are).
 */

export interface SessionVue {
  code: string
  libelle: string
  creeLe: Date
  expireLe: Date
}

export interface PassationVue {
  id: string
  mode: 'autonome' | 'accompagne'
  commenceLe: Date
  termineLe: Date | null
  fin: 'tout_positionne' | 'abandons' | null
  consentementLe: Date | null
}

export interface ReponseVue {
  item: string
  resultat: 'reussi' | 'echoue' | 'passe'
  source: 'personne' | 'conseiller'
  valeur: string | null
  dureeMs: number
  essais: number
  mesures: Record<string, number>
}

export interface BeneficiaireVue {
  id: string
  reference: string
  ficheSuiviId: string | null
}

/** A date and time as a conseiller reads it, in France's time zone whatever the server's. */
export const dateCourte = (d: Date) =>
  d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' })
