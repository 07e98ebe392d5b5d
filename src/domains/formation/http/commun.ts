import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  aLeRole,
  exigerRole,
  porteesDe,
  type Utilisateur,
  utilisateurConnecte,
} from '../../../platform/auth/utilisateur'
import {
  listerObjectifs,
  listerParcours,
  listerSessions,
  realisations,
  trouverInscription,
  trouverSession,
} from '../db/formation-repository'
import type { DepsFormation } from '../use-cases/formation'

/** What every route file of the domain receives from `formationRoutes`. */
export interface ContexteRoutes {
  deps: DepsFormation
  nomOrganisme: (id: string) => Promise<string>
}

export const gardePro = exigerRole('formateur', 'admin')
export const gardeAdmin = exigerRole('admin')
export const pro = { preHandler: gardePro }
export const admin = { preHandler: gardeAdmin }

/** Training providers act on their own sessions; the national team on all of them. */
export function organismes(u: Utilisateur): string[] | undefined {
  if (aLeRole(u, 'admin')) return undefined
  return porteesDe(u, 'formateur').map((p) => p.code)
}

const parametreId = z.object({ id: z.uuid() })

/** The `:id` of the URL when it is a UUID; anything else is treated as absent (404). */
export const idDe = (request: FastifyRequest) => {
  const r = parametreId.safeParse(request.params)
  return r.success ? r.data.id : undefined
}

/** A trainee reads their own enrolment; a provider acts on those of its sessions; the national team on all. */
export const makeInscriptionAccessible = (deps: DepsFormation) => async (request: FastifyRequest) => {
  const u = utilisateurConnecte(request)
  const id = idDe(request)
  const i = id ? await trouverInscription(deps.db, id) : undefined
  if (!i) return undefined
  if (i.compteId === u.compteId) return { u, i, lecture: true }
  const orgs = organismes(u)
  if (!orgs) return { u, i, lecture: false }
  const s = i.sessionId ? await trouverSession(deps.db, i.sessionId) : undefined
  if (s && orgs.includes(s.organismeId)) return { u, i, lecture: false }
  return undefined
}

/** The training home page's model: sessions, and the yearly targets for the national team. */
export async function chargerAccueil(deps: DepsFormation, u: Utilisateur) {
  const orgs = organismes(u)
  const sessions = orgs
    ? (await Promise.all(orgs.map((o) => listerSessions(deps.db, o)))).flat()
    : await listerSessions(deps.db)
  let objectifs: { codeParcours: string; annee: number; cible: number; realise: number }[] | undefined
  if (!orgs) {
    const faits = await realisations(deps.db)
    objectifs = (await listerObjectifs(deps.db)).map((o) => ({
      ...o,
      realise: faits.find((f) => f.code === o.codeParcours && f.annee === o.annee)?.n ?? 0,
    }))
  }
  const parcours = await listerParcours(deps.db)
  return { sessions, parcours, objectifs, peutCreer: !orgs || orgs.length > 0 }
}
