import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { corpsMultipartLu, enregistrerMultipart, estMultipart } from '../../../platform/http/multipart'
import { TAILLE_MAX_CV } from '../domain/cv'
import type { FichierCv } from '../use-cases/candidatures'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads an uploaded file; a multipart body sent to any other route is refused unread. */
    televersement?: boolean
  }
}

/**
 * File uploads, in this plugin's scope only. Fields and the file are read into `request.body`
 * (`attachFieldsToBody: 'keyValues'`) during preValidation, so the form's hidden `_csrf` field is
 * there when the platform's CSRF check runs (preHandler): no token in the URL, where it would reach
 * logs and the Referer header. The file is cut at 2 MB + 1 byte and flagged, never rejected with an
 * exception, so that the form can say what is wrong with it (docs/adr/030).
 */
export async function enregistrerTeleversement(app: FastifyInstance) {
  // The multipart parser reads a body for every route of the scope during preValidation, before the
  // routes' own role checks (preHandler): a multipart body sent anonymously to a signed-in route was
  // read (2 MB and 40 fields) before the 401. Only routes marked `televersement` accept one, and those
  // that need a role check it in onRequest, before reading.
  app.addHook('onRequest', async (request) => {
    if (!estMultipart(request)) return
    if (request.routeOptions.config.televersement === true) return
    throw Object.assign(new Error('envoi de fichier non accepté sur cette route'), { statusCode: 415 })
  })
  await enregistrerMultipart(app, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: TAILLE_MAX_CV + 1, files: 1, fields: 40, fieldSize: 16 * 1024 },
    async onFile(part) {
      const morceaux: Buffer[] = []
      let taille = 0
      for await (const m of part.file) {
        taille += (m as Buffer).length
        if (taille <= TAILLE_MAX_CV) morceaux.push(m as Buffer)
      }
      const fichier: FichierCv = {
        nom: part.filename,
        octets: Buffer.concat(morceaux),
        tronque: part.file.truncated || taille > TAILLE_MAX_CV,
      }
      ;(part as unknown as { value: unknown }).value = fichier
    },
  })
  // Registered after the parser's own preValidation hook: the body has been read whole.
  app.addHook('preValidation', async (request) => corpsMultipartLu(request))
}

/** What `onFile` leaves in the body for the file field (checked, not cast: the body is the client's). */
const fichierLu = z.object({ nom: z.string(), octets: z.instanceof(Uint8Array), tronque: z.boolean() })

/**
 * The file parts of a CV form, for `pageFormulaire`'s `fichiers`: the CV when one was chosen, else
 * undefined (an empty file input sends a nameless empty part).
 */
export const fichiersCv = z.object({
  cv: fichierLu
    .optional()
    .transform((f): FichierCv | undefined => (!f || (!f.nom && f.octets.length === 0) ? undefined : f)),
})
