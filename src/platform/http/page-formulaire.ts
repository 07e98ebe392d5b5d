import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify'
import type { z } from 'zod'
import type { ErreursFormulaire } from '../layout/components'
import type { ContextePage, DescriptionPage } from '../layout/layout'
import { lireFormulaire, type Valeurs, valeursTexte } from './formulaire'

/**
 * One way to serve a page that holds forms (docs/ARCHITECTURE.md, « Une route se lit comme une phrase »):
 *
 *   const page = pageFormulaire(app, { url, garde, params, charger, page })
 *   page.action(urlDuPost, { schema, executer })
 *
 * - GET `url`: the guard runs, the params are parsed (a mismatch is a 404, never a cast), `charger`
 *   builds the view model (undefined → 404), `page` renders it with an empty form state.
 * - POST of an action: the same guard, params and view model, then the body goes through the action's
 *   zod schema. A refusal re-renders the same page with status 400, one French message per field and
 *   the values typed; a business refusal from `executer` re-renders with 422 (or the status given). On
 *   success, the optional flash message is set and the browser is redirected (303).
 *
 * The route never sees `request.body` untyped: the use case receives the schema's output.
 */

export interface EtatFormulaire {
  /** One message per field (the first one), keyed by the field's name. */
  erreurs: ErreursFormulaire
  /** What was typed, as strings, to show it again (passwords and one-time codes are never kept). */
  valeurs: Valeurs
  /** The action whose form is in error, when a page holds several forms. */
  action?: string
}

export const ETAT_VIDE: EtatFormulaire = Object.freeze({ erreurs: {}, valeurs: {} }) as EtatFormulaire

export type IssueAction =
  | { ok: true; redirection: string; message?: string }
  | { ok: false; erreurs: ErreursFormulaire; statut?: 400 | 403 | 404 | 409 | 422 }

export const reussite = (redirection: string, message?: string): IssueAction =>
  message === undefined ? { ok: true, redirection } : { ok: true, redirection, message }
export const refus = (
  erreurs: ErreursFormulaire,
  statut: 400 | 403 | 404 | 409 | 422 = 422,
): IssueAction => ({
  ok: false,
  erreurs,
  statut,
})

interface OptionsPage<P extends z.ZodType, D> {
  url: string
  /** Who may see the page and post its forms (e.g. `exigerRole('admin')`). */
  garde?: preHandlerHookHandler
  /** Route params, parsed once for the page and its actions; a mismatch answers 404. */
  params?: P
  /** The view model; `undefined` answers 404 (unknown id, or outside the caller's scope). */
  charger: (entree: { request: FastifyRequest; params: z.infer<P> }) => Promise<D | undefined> | D | undefined
  page: (d: D, etat: EtatFormulaire, ctx: ContextePage) => DescriptionPage
}

interface OptionsAction<S extends z.ZodType, P extends z.ZodType, D> {
  schema: S
  executer: (entree: {
    donnees: z.infer<S>
    modele: D
    params: z.infer<P>
    request: FastifyRequest
    reply: FastifyReply
  }) => Promise<IssueAction> | IssueAction
}

export interface PageFormulaire<P extends z.ZodType, D> {
  /** Adds a POST route whose form lives on this page. */
  action<S extends z.ZodType>(url: string, options: OptionsAction<S, P, D>): PageFormulaire<P, D>
}

export function pageFormulaire<P extends z.ZodType, D>(
  app: FastifyInstance,
  o: OptionsPage<P, D>,
): PageFormulaire<P, D> {
  const gardes = o.garde ? { preHandler: o.garde } : {}

  const preparer = async (request: FastifyRequest) => {
    let params = {} as z.infer<P>
    if (o.params) {
      const lu = o.params.safeParse(request.params)
      if (!lu.success) return undefined
      params = lu.data
    }
    const modele = await o.charger({ request, params })
    return modele === undefined ? undefined : { params, modele }
  }

  const rendre = (reply: FastifyReply, modele: D, etat: EtatFormulaire, statut: number) =>
    reply.page((ctx) => {
      const description = o.page(modele, etat, ctx)
      return statut >= 400 ? { ...description, enErreur: true } : description
    }, statut)

  app.get(o.url, gardes, async (request, reply) => {
    const p = await preparer(request)
    if (!p) return reply.callNotFound()
    return rendre(reply, p.modele, ETAT_VIDE, 200)
  })

  const page: PageFormulaire<P, D> = {
    action(url, a) {
      app.post(url, gardes, async (request, reply) => {
        const p = await preparer(request)
        if (!p) return reply.callNotFound()
        const f = lireFormulaire(a.schema, request.body)
        if (!f.ok)
          return rendre(reply, p.modele, { erreurs: f.erreurs, valeurs: f.valeurs, action: url }, 400)
        const issue = await a.executer({
          donnees: f.donnees,
          modele: p.modele,
          params: p.params,
          request,
          reply,
        })
        if (reply.sent) return reply
        if (!issue.ok) {
          const etat = { erreurs: issue.erreurs, valeurs: valeursTexte(request.body), action: url }
          return rendre(reply, p.modele, etat, issue.statut ?? 422)
        }
        if (issue.message) reply.flash('success', issue.message)
        return reply.redirect(issue.redirection, 303)
      })
      return page
    },
  }
  return page
}
