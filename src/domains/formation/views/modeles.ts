/**
 * View models of the training pages: only the fields the views read, so that the views do not
 * depend on the tables' rows (the http layer passes rows, which are structurally wider).
 */

/** A training path, in one of its versions. */
export interface VueParcours {
  id: string
  code: string
  version: number
  libelle: string
  dureeMinutes: number
  certification: 'aucune' | 'pix' | 'titre' | 'pix_ou_titre'
  actif: number
}

/** A training session. */
export interface VueSession {
  id: string
  libelle: string
  debut: string
  fin: string
  lieu: string
  organismeNom: string
  capacite: number
}

/** A trainee's enrolment on a path. */
export interface VueInscription {
  id: string
  prenom: string
  nom: string
  statut: 'inscrit' | 'termine' | 'abandon'
  termineLe: string | null
  certification: string | null
  certifieLe: string | null
}
