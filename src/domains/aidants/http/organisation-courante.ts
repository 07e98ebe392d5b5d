import type { FastifyRequest } from 'fastify'
import { AccesInterditError, porteesDe, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { organisationChoisie } from '../db/espace-lectures'
import { type OrganisationRow, trouverOrganisation } from '../db/mandats-repository'
import type { DepsAidants } from '../use-cases/deps'

/** Organisations where the signed-in person is an aidant (several are possible). */
export function organisationsDeLAidant(request: FastifyRequest): string[] {
  return porteesDe(utilisateurConnecte(request), 'aidant')
    .filter((p) => p.type === 'organisation')
    .map((p) => p.code)
}

/**
 * The organisation the aidant acts for right now: the one chosen (and still held), else the first.
 * Every aidant query is scoped by it, so an aidant never sees another organisation's usagers.
 */
export async function organisationCourante(
  deps: DepsAidants,
  request: FastifyRequest,
): Promise<OrganisationRow> {
  const u = utilisateurConnecte(request)
  const ids = organisationsDeLAidant(request)
  if (ids.length === 0) throw new AccesInterditError()
  const derniere = await organisationChoisie(deps.db, u.compteId)
  const choisie = derniere && ids.includes(derniere) ? derniere : ids[0]
  const o = choisie ? await trouverOrganisation(deps.db, choisie) : undefined
  if (!o?.active) throw new AccesInterditError()
  return o
}

/** The organisation a référent manages (their first organisation scope); 403 for anyone else. */
export async function organisationDuReferent(
  deps: DepsAidants,
  request: FastifyRequest,
): Promise<OrganisationRow> {
  const ids = porteesDe(utilisateurConnecte(request), 'referent')
    .filter((p) => p.type === 'organisation')
    .map((p) => p.code)
  const o = ids[0] ? await trouverOrganisation(deps.db, ids[0]) : undefined
  if (!o) throw new AccesInterditError()
  return o
}
