import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  preHandlerHookHandler,
  RouteShorthandOptions,
} from 'fastify'
import type { z } from 'zod'
import type { ErreursFormulaire } from '../layout/components'
import type { ContextePage, DescriptionPage } from '../layout/layout'
import { champsTexte, erreursDeZod, lireFormulaire, type Valeurs, valeursTexte } from './formulaire'

/**
 * One way to serve a page that holds forms (docs/ARCHITECTURE.md, « Une route se lit comme une phrase »):
 *
 *   const page = pageFormulaire(app, { url, garde, params, charger, page })
 *   page.action(urlDuPost, { schema, executer })
 *
 * - GET `url`: the guard runs, the params are parsed (a mismatch is a 404, never a cast), `charger`
 *   builds the view model (undefined → 404; `redirection(url)` → 303 elsewhere, for the GET and the
 *   POSTs alike), `page` renders it with an empty form state.
 * - `config` (of the page for its GET, of an action for its POST) is the Fastify route config: the
 *   rate limit of a public form, a domain's own route flags.
 * - An action with `fichiers` reads a multipart body (the scope registers the parser, see
 *   `multipart.ts`): its text parts go through `schema`, its file parts through `fichiers`, and the
 *   guard runs as the request arrives, before a byte of the body is read.
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

/** What `charger` returns to send the browser elsewhere (303), with an optional flash message. */
export class Redirection {
  constructor(
    readonly url: string,
    readonly flash?: { type: 'success' | 'error' | 'info'; message: string },
  ) {}
}
export const redirection = (url: string, flash?: Redirection['flash']) => new Redirection(url, flash)

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

type Charge<D> = D | Redirection | undefined

interface OptionsPage<P extends z.ZodType, D> {
  url: string
  /** Who may see the page and post its forms (e.g. `exigerRole('admin')`). */
  garde?: preHandlerHookHandler
  /** Route params, parsed once for the page and its actions; a mismatch answers 404. */
  params?: P
  /** The GET route's config (its rate limit, a domain's route flags). */
  config?: FastifyContextConfig
  /** The view model; `undefined` answers 404 (unknown id, or outside the caller's scope). */
  charger: (entree: { request: FastifyRequest; params: z.infer<P> }) => Promise<Charge<D>> | Charge<D>
  page: (d: D, etat: EtatFormulaire, ctx: ContextePage) => DescriptionPage
}

interface OptionsAction<S extends z.ZodType, P extends z.ZodType, D, F extends z.ZodType> {
  schema: S
  /** The POST route's config: the rate limit of a public form, a domain's route flags. */
  config?: FastifyContextConfig
  /** Multipart body: the schema of its file parts (what the scope's parser left in the body). */
  fichiers?: F
  /** Fields the server sets, over what was posted (the account's e-mail, not typed again). */
  imposer?: (entree: { modele: D; request: FastifyRequest }) => Valeurs
  executer: (entree: {
    donnees: z.infer<S>
    fichiers: z.infer<F>
    modele: D
    params: z.infer<P>
    request: FastifyRequest
    reply: FastifyReply
  }) => Promise<IssueAction> | IssueAction
}

export interface PageFormulaire<P extends z.ZodType, D> {
  /** Adds a POST route whose form lives on this page. */
  action<S extends z.ZodType, F extends z.ZodType = z.ZodUndefined>(
    url: string,
    options: OptionsAction<S, P, D, F>,
  ): PageFormulaire<P, D>
}

export function pageFormulaire<P extends z.ZodType, D>(
  app: FastifyInstance,
  o: OptionsPage<P, D>,
): PageFormulaire<P, D> {
  const options = (garde: Record<string, preHandlerHookHandler>, c?: FastifyContextConfig) =>
    (c ? { ...garde, config: c } : garde) as RouteShorthandOptions

  /** The params and the view model, or null when the answer is given (404, redirection). */
  const preparer = async (request: FastifyRequest, reply: FastifyReply) => {
    let params = {} as z.infer<P>
    if (o.params) {
      const lu = o.params.safeParse(request.params)
      if (!lu.success) return reply.callNotFound() ?? null
      params = lu.data
    }
    const modele = await o.charger({ request, params })
    if (modele === undefined) return reply.callNotFound() ?? null
    if (modele instanceof Redirection) {
      if (modele.flash) reply.flash(modele.flash.type, modele.flash.message)
      reply.redirect(modele.url, 303)
      return null
    }
    return { params, modele }
  }

  const rendre = (reply: FastifyReply, modele: D, etat: EtatFormulaire, statut: number) =>
    reply.page((ctx) => {
      const description = o.page(modele, etat, ctx)
      return statut >= 400 ? { ...description, enErreur: true } : description
    }, statut)

  app.get(o.url, options(o.garde ? { preHandler: o.garde } : {}, o.config), async (request, reply) => {
    const p = await preparer(request, reply)
    return p ? rendre(reply, p.modele, ETAT_VIDE, 200) : reply
  })

  const page: PageFormulaire<P, D> = {
    action(url, a) {
      // A multipart body is read before preHandler: the guard runs first, as the request arrives.
      const garde = o.garde ? { [a.fichiers ? 'onRequest' : 'preHandler']: o.garde } : {}
      app.post(url, options(garde, a.config), async (request, reply) => {
        const p = await preparer(request, reply)
        if (!p) return reply
        const enErreur = (erreurs: ErreursFormulaire, valeurs: Valeurs, statut: number) =>
          rendre(reply, p.modele, { erreurs, valeurs, action: url }, statut)
        const lu = lireEnvoi(a, request, p.modele)
        if (!lu.ok) return enErreur(lu.erreurs, lu.valeurs, 400)
        const issue = await a.executer({ ...lu, modele: p.modele, params: p.params, request, reply })
        if (reply.sent) return reply
        if (!issue.ok) return enErreur(issue.erreurs, valeursTexte(request.body), issue.statut ?? 422)
        if (issue.message) reply.flash('success', issue.message)
        return reply.redirect(issue.redirection, 303)
      })
      return page
    },
  }
  return page
}

/** The posted body through the action's schemas: text parts (with the server's own fields), then files. */
function lireEnvoi<S extends z.ZodType, F extends z.ZodType, D>(
  a: OptionsAction<S, z.ZodType, D, F>,
  request: FastifyRequest,
  modele: D,
):
  | { ok: true; donnees: z.infer<S>; fichiers: z.infer<F> }
  | { ok: false; erreurs: ErreursFormulaire; valeurs: Valeurs } {
  const texte = a.fichiers ? champsTexte(request.body) : request.body
  const corps = a.imposer ? { ...champsTexte(texte), ...a.imposer({ modele, request }) } : texte
  const f = lireFormulaire(a.schema, corps)
  const fichiers = a.fichiers?.safeParse(request.body ?? {})
  const erreursFichiers = fichiers && !fichiers.success ? erreursDeZod(fichiers.error) : {}
  if (!f.ok || Object.keys(erreursFichiers).length > 0)
    return {
      ok: false,
      erreurs: { ...(f.ok ? {} : f.erreurs), ...erreursFichiers },
      valeurs: f.ok ? valeursTexte(corps) : f.valeurs,
    }
  return { ok: true, donnees: f.donnees, fichiers: fichiers?.data as z.infer<F> }
}
