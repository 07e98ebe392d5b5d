import multipart, {
  type FastifyMultipartAttachFieldsToBodyOptions,
  type FastifyMultipartOptions,
} from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AccesInterditError, NonConnecteError } from '../auth/utilisateur'

const enLecture = Symbol('corps multipart en cours de lecture')
type RequeteMarquee = FastifyRequest & { [enLecture]?: boolean }

/** A body that no parser can read (no boundary, a part header cut short): the sender's fault. */
export class CorpsIllisibleError extends Error {
  readonly statusCode = 400
  readonly code = 'ESCALE_CORPS_ILLISIBLE'
  constructor(cause: unknown) {
    super('corps de requête illisible', { cause })
  }
}

/**
 * The multipart parser, for the calling plugin's scope only. A malformed body makes the parser fail
 * with a bare Error, which the platform's handler would take for a fault of ours (500): any error
 * without a status raised while a multipart body is still being read goes up as a 400 instead. The
 * scope says when the body has been read whole with `corpsMultipartLu`.
 */
export async function enregistrerMultipart(
  app: FastifyInstance,
  options: FastifyMultipartOptions | FastifyMultipartAttachFieldsToBodyOptions,
) {
  // Marked when reading starts (preValidation, before the parser's own hook), not on arrival: the
  // role checks of onRequest must keep their 401/403, and they run before a byte of the body is read.
  app.addHook('preValidation', async (request) => {
    if (estMultipart(request)) (request as RequeteMarquee)[enLecture] = true
  })
  await app.register(multipart, options)
  app.setErrorHandler((error, request) => {
    const connue = error instanceof NonConnecteError || error instanceof AccesInterditError
    if ((request as RequeteMarquee)[enLecture] && !connue && !(error as { statusCode?: number }).statusCode)
      throw new CorpsIllisibleError(error)
    throw error
  })
}

/** From here on, an error is no longer the body's: it keeps its own status (500 if it has none). */
export function corpsMultipartLu(request: FastifyRequest) {
  ;(request as RequeteMarquee)[enLecture] = false
}

/** The request announces a multipart body (its parser is only registered where uploads are read). */
export function estMultipart(request: FastifyRequest) {
  return String(request.headers['content-type'] ?? '')
    .toLowerCase()
    .startsWith('multipart/')
}
