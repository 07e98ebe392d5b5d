import type { Habilitation, PorteeType, Role } from '../../../platform/auth/roles'

export type { Habilitation, Portee, PorteeType, Role } from '../../../platform/auth/roles'
export { estRole, LIBELLES_ROLES, ROLES } from '../../../platform/auth/roles'

/** The scope type a role must be held on. */
export const PORTEE_DU_ROLE: Record<Role, PorteeType> = {
  candidat: 'personnel',
  conseiller: 'structure',
  gestionnaire: 'structure',
  aidant: 'organisation',
  referent: 'organisation',
  prefecture: 'departement',
  coordinateur: 'region',
  admin: 'national',
  formateur: 'structure',
  mediateur: 'national',
}

/** Roles that act for other people or on the whole platform: a second factor is mandatory. */
export const ROLES_AVEC_TOTP_OBLIGATOIRE: readonly Role[] = ['aidant', 'referent', 'admin']

export function totpObligatoire(habilitations: readonly Habilitation[]): boolean {
  return habilitations.some((h) => ROLES_AVEC_TOTP_OBLIGATOIRE.includes(h.role))
}

/**
 * Who may invite whom: the national admin invites anyone; a structure manager invites conseillers and
 * managers of their own structure; a référent invites aidants and référents of their own organisation.
 */
export function peutInviter(par: readonly Habilitation[], cible: Habilitation): boolean {
  return par.some((h) => {
    if (h.role === 'admin') return true
    const memePortee = h.portee.type === cible.portee.type && h.portee.code === cible.portee.code
    if (h.role === 'gestionnaire')
      return memePortee && (cible.role === 'conseiller' || cible.role === 'gestionnaire')
    if (h.role === 'referent') return memePortee && (cible.role === 'aidant' || cible.role === 'referent')
    return false
  })
}

/** Minutes of inactivity after which a session ends: the strictest of the account's roles wins. */
export function inactiviteMinutes(
  habilitations: readonly Habilitation[],
  parRole: Readonly<Record<string, number>>,
): number {
  const defaut = parRole.defaut ?? 120
  if (habilitations.length === 0) return defaut
  return Math.min(...habilitations.map((h) => parRole[h.role] ?? defaut))
}
