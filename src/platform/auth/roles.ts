/** Roles of professional accounts and the kinds of scope they are held on (shared vocabulary). */
export const ROLES = [
  'candidat',
  'conseiller',
  'gestionnaire',
  'aidant',
  'referent',
  'prefecture',
  'coordinateur',
  'admin',
  'formateur',
  'mediateur',
] as const
export type Role = (typeof ROLES)[number]

export const PORTEES = [
  'national',
  'region',
  'departement',
  'structure',
  'organisation',
  'personnel',
] as const
export type PorteeType = (typeof PORTEES)[number]

export interface Portee {
  type: PorteeType
  /** INSEE code for a région or département, id for a structure or organisation, '' otherwise. */
  code: string
  libelle: string
}

export interface Habilitation {
  role: Role
  portee: Portee
}

export const LIBELLES_ROLES: Record<Role, string> = {
  candidat: 'Candidat conseiller numérique',
  conseiller: 'Conseiller numérique',
  gestionnaire: 'Gestionnaire de structure',
  aidant: 'Aidant Connect',
  referent: 'Référent Aidants Connect',
  prefecture: 'Préfecture',
  coordinateur: 'Coordinateur régional',
  admin: 'Administrateur national',
  formateur: 'Organisme de formation',
  mediateur: 'Médiateur Solidarité Numérique',
}

export function estRole(valeur: string): valeur is Role {
  return (ROLES as readonly string[]).includes(valeur)
}
