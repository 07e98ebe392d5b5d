import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Habilitation, Portee, Role } from './roles'

/**
 * The signed-in professional, as every domain sees it. Filled by the accounts domain from the
 * server-side session; other domains only read it and never touch sessions themselves.
 */
export type RoleUtilisateur = Role
export type PorteeUtilisateur = Portee

export interface Utilisateur {
  compteId: string
  sessionId: string
  email: string
  prenom: string
  nom: string
  habilitations: readonly Habilitation[]
  /** Time of the last password, link or TOTP proof: sensitive acts may ask for a fresh one. */
  dernierFacteurLe: Date
}

declare module 'fastify' {
  interface FastifyRequest {
    utilisateur: Utilisateur | undefined
  }
}

export class NonConnecteError extends Error {
  override name = 'NonConnecteError'
}
export class AccesInterditError extends Error {
  override name = 'AccesInterditError'
}

/** Route guard: the caller holds one of these roles, else 401 (redirect to login for pages) or 403. */
export function exigerRole(...roles: RoleUtilisateur[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const u = request.utilisateur
    if (!u) throw new NonConnecteError()
    if (roles.length > 0 && !u.habilitations.some((h) => roles.includes(h.role)))
      throw new AccesInterditError()
  }
}

export function utilisateurConnecte(request: FastifyRequest): Utilisateur {
  if (!request.utilisateur) throw new NonConnecteError()
  return request.utilisateur
}

/** Scopes on which the user holds one of the given roles (for scoping queries). */
export function porteesDe(u: Utilisateur, ...roles: RoleUtilisateur[]): PorteeUtilisateur[] {
  return u.habilitations.filter((h) => roles.includes(h.role)).map((h) => h.portee)
}

export function aLeRole(u: Utilisateur | undefined, ...roles: RoleUtilisateur[]): boolean {
  return !!u && u.habilitations.some((h) => roles.includes(h.role))
}
