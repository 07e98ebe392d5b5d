import zlib from 'node:zlib'
import compress from '@fastify/compress'
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import formbody from '@fastify/formbody'
import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config'
import { AccesInterditError, NonConnecteError } from '../auth/utilisateur'
import { erreurPourJournal } from '../db/erreurs'
import { origineDesTuiles, type TuilesCarte } from '../geo/tuiles'
import type { TypeAlerte } from '../layout/components'
import { type ContextePage, type DescriptionPage, type Flash, Layout } from '../layout/layout'
import type { Navigation } from '../layout/navigation'
import { nettoyerCorps, urlAvecCaractereInterdit } from './caracteres'
import { PageErreur } from './pages-erreur'
import { entetesDeSecurite } from './securite'
import './zod-francais'

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page in the DSFR layout with the user's menu, CSRF token and pending flash message. */
    page(page: DescriptionPage | ((ctx: ContextePage) => DescriptionPage), statut?: number): FastifyReply
    /** A one-time message shown on the next page (after a POST → redirect → GET). */
    flash(type: TypeAlerte, message: string): FastifyReply
  }
  interface FastifyInstance {
    navigation: Navigation
    /** Security headers of every response, also set by hand on the router's own error replies. */
    entetesDeSecurite: Record<string, string>
    /** Street background of the maps (config CARTE_TUILES); undefined: the outlines only. */
    tuilesCarte: TuilesCarte | undefined
    /** Renders a page on a reply that went through no route (see erreurDuRouteur). */
    pageHorsRoute(reply: FastifyReply, page: DescriptionPage, statut: number): FastifyReply
  }
}

const COOKIE_FLASH = 'escale_flash'

export interface WebOptions {
  config: Config
  navigation: Navigation
  cssUrl: (espace: 'public' | 'pro') => string
  asset: (nomLogique: string) => string
  /** Where the rate-limit counters live (platform/partage): Redis shared by the instances, or memory. */
  limitesDeDebit?: RateLimitPluginOptions
  /** Other origins any page's forms may lead to (see entetesDeSecurite). */
  formulairesVers?: readonly string[]
}

/**
 * The web platform: body parsing, security headers, CSRF on every state-changing request, rate limits,
 * compression, the page renderer and the single error handler.
 */
export const webPlugin = fp(async (app: FastifyInstance, options: WebOptions) => {
  app.decorate('navigation', options.navigation)
  app.decorate('tuilesCarte', options.config.tuilesCarte)
  await enregistrerProtections(app, options)
  enregistrerRendu(app, options)
  app.setNotFoundHandler(pageIntrouvable)
  app.setErrorHandler(gererErreur)
})

/** Body parsing, security headers, compression, rate limits, CSRF and the control-character guard. */
async function enregistrerProtections(
  app: FastifyInstance,
  { config, limitesDeDebit, formulairesVers }: WebOptions,
) {
  await app.register(formbody, { bodyLimit: 256 * 1024 })
  await app.register(cookie, { secret: config.sessionSecret })
  const securite = entetesDeSecurite({
    https: config.secureCookies,
    formulairesVers: formulairesVers ?? [],
    imagesDe: [origineDesTuiles(config.tuilesCarte)].filter((o) => o !== undefined),
  })
  app.decorate('entetesDeSecurite', securite)
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securite)
    done()
  })
  await app.register(compress, { threshold: 1024 })
  await app.register(rateLimit, { ...limitesDeDebit, global: false })
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: config.secureCookies },
  })

  // Every state-changing request carries the form's CSRF token, except machine-to-machine endpoints
  // that opt out explicitly with `config: { csrf: false }` (public API, OpenID Connect endpoints).
  app.addHook('preHandler', (request, reply, done) => {
    const methode = request.method
    const routeConfig = request.routeOptions.config as { csrf?: boolean } | undefined
    if (methode === 'GET' || methode === 'HEAD' || methode === 'OPTIONS' || routeConfig?.csrf === false)
      return done()
    app.csrfProtection(request, reply, done)
  })

  // Control characters never reach a handler (see caracteres.ts): refused in the URL, removed from the
  // body. The body is cleaned at preHandler, once the upload plugin (preValidation) has filled it.
  // Params and query are both decoded from the URL: one test of the raw URL covers them (keys
  // included) without walking the parsed objects, which matters on the public API's hot path.
  app.addHook('preValidation', (request, _reply, done) => {
    if (urlAvecCaractereInterdit(request.url)) return done(new CaractereInterditError())
    done()
  })
  app.addHook('preHandler', (request, _reply, done) => {
    nettoyerCorps(request.body)
    done()
  })
}

/** The page renderer (`reply.page`, `app.pageHorsRoute`) and the one-time flash message. */
function enregistrerRendu(app: FastifyInstance, { config, navigation, cssUrl, asset }: WebOptions) {
  app.decorateReply('flash', function (this: FastifyReply, type: TypeAlerte, message: string) {
    this.setCookie(COOKIE_FLASH, JSON.stringify({ type, message }), {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: config.secureCookies,
      maxAge: 60,
    })
    return this
  })

  const rendre = (
    reply: FastifyReply,
    page: DescriptionPage | ((ctx: ContextePage) => DescriptionPage),
    statut: number,
    csrf: string,
    flash: Flash | undefined,
  ) => {
    const request = reply.request
    const ctx: ContextePage = {
      utilisateur: request.utilisateur,
      csrf,
      flash,
      chemin: request.url.split('?')[0] ?? '/',
      cssUrl: '',
      asset,
      navigation,
      demo: config.simulateurs,
    }
    const description = typeof page === 'function' ? page(ctx) : page
    ctx.cssUrl = cssUrl(description.espace ?? 'public')
    const html = Layout({ page: description, ctx }) as string
    // Pages are personal (menu, CSRF token): never stored by shared caches.
    reply.status(statut).header('cache-control', 'no-store').type('text/html; charset=utf-8')
    // @fastify/compress hooks into routes only: the not-found handler compresses its page itself.
    // (`reply.compress` is typed as always there, but stays null outside routes, and undefined on
    // the router's bare replies.)
    const routeCompressee = !!(reply as unknown as { compress: unknown }).compress
    const encodage = routeCompressee ? undefined : encodageAccepte(request.headers['accept-encoding'])
    if (!encodage) return reply.send(html)
    return reply
      .header('vary', 'accept-encoding')
      .header('content-encoding', encodage)
      .send(
        encodage === 'br'
          ? zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })
          : zlib.gzipSync(html),
      )
  }
  app.decorateReply(
    'page',
    function (
      this: FastifyReply,
      page: DescriptionPage | ((ctx: ContextePage) => DescriptionPage),
      statut = 200,
    ) {
      return rendre(this, page, statut, this.generateCsrf(), lireFlash(this.request, this))
    },
  )
  // The router's bare replies (see erreurDuRouteur) have none of the reply decorations: no CSRF token
  // nor flash message there, the error page has no form.
  app.decorate('pageHorsRoute', (reply: FastifyReply, page: DescriptionPage, statut: number) =>
    rendre(reply, page, statut, '', undefined),
  )
}

function pageIntrouvable(request: FastifyRequest, reply: FastifyReply) {
  if (request.url.startsWith('/api/')) return reply.status(404).send({ erreur: 'Ressource introuvable.' })
  return reply.page(
    {
      titre: 'Page introuvable',
      contenu: PageErreur({
        code: 404,
        titre: 'Page introuvable',
        texte:
          'La page que vous cherchez n’existe pas ou a été déplacée. Vérifiez l’adresse, ou repartez de l’accueil.',
      }),
    },
    404,
  )
}

/** The single error handler: every error a person can meet gets a French page (or JSON on the API). */
function gererErreur(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof NonConnecteError) {
    if (request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.redirect(`/connexion?retour=${encodeURIComponent(request.url)}`, 303)
    return pageErreur(request, reply, 401, 'Connexion nécessaire', 'Connectez-vous pour continuer.')
  }
  if (error instanceof AccesInterditError)
    return pageErreur(
      request,
      reply,
      403,
      'Accès refusé',
      'Votre compte ne permet pas d’accéder à cette page.',
    )
  const e = error as { code?: string; statusCode?: number; validation?: unknown }
  const traduite = erreurTraduite(e)
  if (traduite) return pageErreur(request, reply, traduite.code, traduite.titre, traduite.texte)
  if (e.code?.startsWith('FST_CSRF'))
    return pageErreur(
      request,
      reply,
      403,
      'Formulaire expiré',
      'Le formulaire a expiré ou n’a pas été envoyé depuis Escale. Revenez en arrière, rechargez la page et recommencez.',
    )
  if (e.statusCode === 429)
    return pageErreur(
      request,
      reply,
      429,
      'Trop de demandes',
      'Vous avez fait trop de demandes en peu de temps. Attendez une minute et réessayez.',
    )
  if (e.statusCode === 413)
    return pageErreur(
      request,
      reply,
      413,
      'Envoi trop volumineux',
      'Les informations envoyées sont trop volumineuses.',
    )
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return pageErreur(
      request,
      reply,
      e.statusCode,
      'Demande invalide',
      'La demande n’a pas pu être comprise. Vérifiez les informations saisies.',
    )
  // Unexpected: logged without request body or headers (they may hold personal data), nor the values
  // a failed statement was given (erreurPourJournal); detail never shown.
  request.log.error({ err: erreurPourJournal(error) }, 'erreur inattendue')
  return pageErreur(
    request,
    reply,
    500,
    'Erreur du service',
    'Une erreur inattendue s’est produite. L’équipe en est informée. Réessayez dans quelques instants.',
  )
}

/** Thrown at the edge when a URL carries a control character (see caracteres.ts). */
export class CaractereInterditError extends Error {
  readonly statusCode = 400
  readonly code = 'ESCALE_CARACTERE_INTERDIT'
  constructor() {
    super('caractère de contrôle dans l’adresse')
  }
}

interface ErreurTraduite {
  code: number
  titre: string
  texte: string
}

/**
 * Framework and edge errors that a person can meet, said in French (their own messages are English
 * and technical). Those not listed fall back on the generic 4xx message of the error handler.
 */
function erreurTraduite(e: { code?: string; statusCode?: number }): ErreurTraduite | undefined {
  switch (e.code) {
    case 'ESCALE_CARACTERE_INTERDIT':
      return {
        code: 400,
        titre: 'Adresse invalide',
        texte:
          'L’adresse de la page contient un caractère invisible non autorisé. Vérifiez le lien, ou repartez de l’accueil.',
      }
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        code: 414,
        titre: 'Adresse trop longue',
        texte:
          'L’adresse de la page est trop longue pour être comprise. Vérifiez le lien, ou repartez de l’accueil.',
      }
    case 'FST_ERR_BAD_URL':
      return {
        code: 400,
        titre: 'Adresse invalide',
        texte: 'L’adresse de la page est mal formée. Vérifiez le lien, ou repartez de l’accueil.',
      }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        code: 415,
        titre: 'Format non pris en charge',
        texte: 'Les informations envoyées ne sont pas dans un format que ce service accepte.',
      }
    case 'ESCALE_CORPS_ILLISIBLE':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        code: 400,
        titre: 'Demande invalide',
        texte: 'Les informations envoyées sont illisibles ou incomplètes. Réessayez depuis le formulaire.',
      }
    default:
      return undefined
  }
}

/**
 * The router's own errors (URL too long for a parameter, malformed percent-encoding), handed over by
 * Fastify's `frameworkErrors` option before any route or hook ran: the same French page or JSON as the
 * error handler, with the security headers the onRequest hook had no chance to set.
 */
export function erreurDuRouteur(error: Error, request: FastifyRequest, reply: FastifyReply) {
  const e = error as { code?: string; statusCode?: number }
  reply.headers(request.server.entetesDeSecurite)
  const t = erreurTraduite(e) ?? {
    code: 400,
    titre: 'Demande invalide',
    texte: 'La demande n’a pas pu être comprise. Vérifiez l’adresse, ou repartez de l’accueil.',
  }
  if (request.url.startsWith('/api/')) return reply.status(t.code).send({ erreur: t.texte })
  return request.server.pageHorsRoute(
    reply,
    { titre: t.titre, contenu: PageErreur({ code: t.code, titre: t.titre, texte: t.texte }) },
    t.code,
  )
}

function pageErreur(
  request: FastifyRequest,
  reply: FastifyReply,
  code: number,
  titre: string,
  texte: string,
) {
  if (request.url.startsWith('/api/')) return reply.status(code).send({ erreur: texte })
  return reply.page({ titre, contenu: PageErreur({ code, titre, texte }) }, code)
}

function lireFlash(request: FastifyRequest, reply: FastifyReply): Flash | undefined {
  const brut = request.cookies[COOKIE_FLASH]
  if (!brut) return undefined
  reply.clearCookie(COOKIE_FLASH, { path: '/' })
  const signe = request.unsignCookie(brut)
  if (!signe.valid || !signe.value) return undefined
  try {
    const f = JSON.parse(signe.value) as Flash
    return typeof f.message === 'string' ? f : undefined
  } catch {
    return undefined
  }
}

/** `br` or `gzip` when the client accepts it (quality values other than 0 count as accepted). */
function encodageAccepte(entete: string | string[] | undefined): 'br' | 'gzip' | undefined {
  const acceptes = String(entete ?? '')
    .split(',')
    .map((x) => x.trim().split(';'))
    .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([e]) => e?.toLowerCase())
  if (acceptes.includes('br')) return 'br'
  if (acceptes.includes('gzip')) return 'gzip'
  return undefined
}
