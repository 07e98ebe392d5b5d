import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { departement } from '../../../platform/geo/territoires'
import { type ErreurRecrutement, messageErreur } from '../domain/erreurs'
import type { DepsRecrutement } from '../use-cases/deps'
import { uuid } from './recrutement.form'

/** What every route file of the domain receives from `recrutementRoutes`. */
export interface ContexteRoutes {
  deps: DepsRecrutement
}

export const LIMITE_FORMULAIRE_PUBLIC = { rateLimit: { max: 10, timeWindow: '1 minute' } }

type AvecChamp = ErreurRecrutement & { champ?: string }

/** A business refusal tied to a field goes under that field; otherwise to the form's summary. */
export const erreursDe = (e: AvecChamp) => ({ [e.champ ?? 'formulaire']: messageErreur(e) })

const parametreId = z.object({ id: uuid })

/** The `:id` of the URL when it is a UUID; anything else is treated as absent (404). */
export const idParam = (request: FastifyRequest) => {
  const r = parametreId.safeParse(request.params)
  return r.success ? r.data.id : undefined
}

const requeteStructure = z.object({ structure: z.string().optional() })
const requeteDepartement = z.object({ departement: z.string().optional() })

/**
 * A text value of the query string: `undefined` when absent, `null` when it is not a single text
 * (a repeated parameter), which the caller refuses like any value outside its scope.
 */
export const structureDemandee = (request: FastifyRequest) => {
  const r = requeteStructure.safeParse(request.query)
  return r.success ? r.data.structure : null
}
export const departementDemande = (request: FastifyRequest) => {
  const r = requeteDepartement.safeParse(request.query)
  return r.success ? r.data.departement : null
}

export const nomDepartement = (code: string) => departement(code)?.nom ?? code

/** Sends a generated or stored PDF, never cached (it holds personal or contractual data). */
export const envoyerPdf = (reply: FastifyReply, contenu: Buffer | Uint8Array, disposition: string) =>
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', disposition)
    .header('cache-control', 'no-store')
    .send(contenu)
