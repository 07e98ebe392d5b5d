import type { FastifyInstance, FastifyRequest } from 'fastify'
import { jetonAleatoire, sha256 } from '../../../platform/crypto'
import { organisationsResumees } from '../db/espace-lectures'
import { mandatsDeLUsager, trouverMandat, trouverOrganisation, trouverUsager } from '../db/mandats-repository'
import {
  fermerSessionUsager,
  ouvrirSessionUsager,
  usagerDeLaSession,
  utilisationsPourLUsager,
} from '../db/mes-mandats-lectures'
import { messageErreur } from '../domain/erreurs'
import { statutMandat } from '../domain/mandat'
import type { DepsAidants } from '../use-cases/deps'
import { makeRevoquer } from '../use-cases/revoquer-mandat'
import { ListeMandats } from '../views/mandats.page'
import { EspaceUsagerPage } from '../views/mes-mandats.page'
import { makeAttestations } from './attestations'
import type { ContexteRoutes } from './commun'
import { formulairesVers } from './formulaires-vers'
import { makeFranceConnect } from './franceconnect'

const COOKIE_USAGER = 'escale_usager'

/** The usager's own space (`/mes-mandats`), opened by FranceConnect: mandates, uses, revocation. */
function makeUsagerConnecte(deps: DepsAidants) {
  return async (request: FastifyRequest) => {
    const brut = request.cookies[COOKIE_USAGER]
    const lu = brut ? request.unsignCookie(brut) : undefined
    if (!lu?.valid || !lu.value) return undefined
    const usagerId = await usagerDeLaSession(deps.db, sha256(lu.value), deps.horloge())
    return usagerId ? trouverUsager(deps.db, usagerId) : undefined
  }
}

export function routesMesMandats(app: FastifyInstance, ctx: ContexteRoutes) {
  const { deps } = ctx
  const usagerConnecte = makeUsagerConnecte(deps)
  const versFc = formulairesVers(deps).versFranceConnect
  app.get('/mes-mandats', { preHandler: versFc }, async (request, reply) => {
    const usager = await usagerConnecte(request)
    if (!usager)
      return reply.page((ctx) => ({
        titre: 'Mes mandats',
        contenu: EspaceUsagerPage({ connecte: false, csrf: ctx.csrf }),
      }))
    const liste = await mandatsDeLUsager(deps.db, usager.id)
    const maintenant = deps.horloge()
    const orgs = liste.length
      ? await organisationsResumees(deps.db, [...new Set(liste.map((m) => m.organisationId))])
      : []
    const usages = await utilisationsPourLUsager(deps.db, usager.id)
    const utilisations = new Map<string, { le: Date; demarche: string | null; aidant: string }[]>()
    for (const e of usages) {
      if (!e.mandatId) continue
      const compte = e.aidantId ? await deps.comptes.trouver(e.aidantId) : undefined
      const l = utilisations.get(e.mandatId) ?? []
      l.push({ le: e.le, demarche: e.demarche, aidant: compte ? `${compte.prenom} ${compte.nom}` : 'Aidant' })
      utilisations.set(e.mandatId, l)
    }
    return reply.page((ctx) => ({
      titre: 'Mes mandats',
      contenu: EspaceUsagerPage({
        connecte: true,
        csrf: ctx.csrf,
        nom: `${usager.prenoms} ${usager.nom}`,
        children: (
          <>
            {orgs.map((o) => (
              <section>
                <h2 safe>{o.nom}</h2>
                <ListeMandats
                  csrf={ctx.csrf}
                  mandats={liste.filter((m) => m.organisationId === o.id)}
                  statut={(m) => statutMandat(m, maintenant)}
                  actions="usager"
                  utilisations={utilisations}
                />
              </section>
            ))}
            {orgs.length === 0 ? <p>Vous n’avez donné aucun mandat.</p> : ''}
          </>
        ),
      }),
    }))
  })
}

export function routesSessionUsager(app: FastifyInstance, ctx: ContexteRoutes) {
  const { deps } = ctx
  const usagerConnecte = makeUsagerConnecte(deps)
  const revoquer = makeRevoquer(deps)
  const { versFranceConnect, retourFranceConnect } = makeFranceConnect(ctx)
  const { attestation, envoyerPdf } = makeAttestations(ctx)
  app.post(
    '/mes-mandats/connexion',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    (request, reply) => versFranceConnect(request, reply, 'espace_usager', {}),
  )
  app.get('/mes-mandats/retour', async (request, reply) => {
    const r = await retourFranceConnect(request, 'espace_usager')
    if (!r) {
      reply.flash('error', 'L’identification FranceConnect n’a pas abouti. Recommencez.')
      return reply.redirect('/mes-mandats', 303)
    }
    const jeton = jetonAleatoire()
    await ouvrirSessionUsager(deps.db, {
      jetonHash: sha256(jeton),
      usagerId: r.usager.id,
      expireLe: new Date(deps.horloge().getTime() + 30 * 60_000),
    })
    reply.setCookie(COOKIE_USAGER, jeton, {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      path: '/mes-mandats',
      maxAge: 1800,
    })
    return reply.redirect('/mes-mandats', 303)
  })
  app.post<{ Params: { id: string }; Body: { autorisation?: unknown } }>(
    '/mes-mandats/:id/revoquer',
    async (request, reply) => {
      const usager = await usagerConnecte(request)
      if (!usager) return reply.redirect('/mes-mandats', 303)
      const autorisationId =
        typeof request.body?.autorisation === 'string' ? request.body.autorisation : undefined
      const r = await revoquer({
        mandatId: request.params.id,
        ...(autorisationId ? { autorisationId } : {}),
        par: { type: 'usager', usagerId: usager.id },
      })
      if (!r.ok && r.error.code === 'MANDAT_INTROUVABLE') return reply.callNotFound()
      reply.flash(r.ok ? 'success' : 'error', r.ok ? 'Votre mandat est révoqué.' : messageErreur(r.error))
      return reply.redirect('/mes-mandats', 303)
    },
  )
  app.get<{ Params: { id: string }; Querystring: { revocation?: string } }>(
    '/mes-mandats/:id/attestation.pdf',
    async (request, reply) => {
      const usager = await usagerConnecte(request)
      if (!usager) return reply.redirect('/mes-mandats', 303)
      const m = await trouverMandat(deps.db, request.params.id)
      // Scope: only the usager's own mandates.
      if (!m || m.usagerId !== usager.id) return reply.callNotFound()
      const o = await trouverOrganisation(deps.db, m.organisationId)
      return envoyerPdf(
        reply,
        await attestation(request, m, { nom: o?.nom ?? '' }, request.query.revocation === '1'),
      )
    },
  )
  app.post('/mes-mandats/deconnexion', async (request, reply) => {
    const brut = request.cookies[COOKIE_USAGER]
    const lu = brut ? request.unsignCookie(brut) : undefined
    if (lu?.valid && lu.value) await fermerSessionUsager(deps.db, sha256(lu.value))
    reply.clearCookie(COOKIE_USAGER, { path: '/mes-mandats' })
    return reply.redirect('/mes-mandats', 303)
  })
}
