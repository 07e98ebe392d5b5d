import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  aLeRole,
  exigerRole,
  porteesDe,
  type Utilisateur,
  utilisateurConnecte,
} from '../../../platform/auth/utilisateur'
import type { Valeurs } from '../../../platform/http/formulaire'
import {
  listerObjectifs,
  listerParcours,
  listerSessions,
  realisations,
  trouverInscription,
  trouverSession,
} from '../db/formation-repository'
import type { DepsFormation } from '../use-cases/formation'
import { AccueilFormationPage } from '../views/formation.page'

/** What every route file of the domain receives from `formationRoutes`. */
export interface ContexteRoutes {
  deps: DepsFormation
  nomOrganisme: (id: string) => Promise<string>
}

export const pro = { preHandler: exigerRole('formateur', 'admin') }
export const admin = { preHandler: exigerRole('admin') }

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

export const makeSessionAccessible = (deps: DepsFormation) => async (request: FastifyRequest) => {
  const u = utilisateurConnecte(request)
  const id = idDe(request)
  const s = id ? await trouverSession(deps.db, id) : undefined
  const orgs = organismes(u)
  if (!s || (orgs && !orgs.includes(s.organismeId))) return undefined
  return { u, s }
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

/** The training home page: sessions, and the yearly targets for the national team. */
export const makePageAccueil =
  (deps: DepsFormation) =>
  async (
    request: FastifyRequest,
    reply: FastifyReply,
    e: Record<string, string | undefined> = {},
    statut = 200,
    v: Valeurs = {},
  ) => {
    const u = utilisateurConnecte(request)
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
    return reply.page(
      (ctx) => ({
        titre: 'Formation',
        espace: 'pro',
        enErreur: statut !== 200,
        ariane: [{ libelle: 'Formation' }],
        contenu: (
          <AccueilFormationPage
            csrf={ctx.csrf}
            sessions={sessions}
            parcours={parcours}
            peutCreer={!orgs || orgs.length > 0}
            objectifs={objectifs}
            e={e}
            v={v}
          />
        ),
      }),
      statut,
    )
  }
