import type { FastifyInstance } from 'fastify'
import QRCode from 'qrcode'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { pageFormulaire, refus, reussite } from '../../../platform/http/page-formulaire'
import { lireCode } from '../domain/code-session'
import { makeCommencerAccompagne } from '../use-cases/commencer-passation'
import { makeCreerSession } from '../use-cases/creer-session'
import { makeListerSessions, makeSuivreSession } from '../use-cases/suivre-session'
import { SessionPage, SessionsPage, TableauSuivi } from '../views/sessions.page'
import {
  ARIANE_CONSEILLER,
  type ContexteRoutes,
  CSS,
  codesStructures,
  paramsCode,
  structuresDe,
} from './commun'
import { sessionForm } from './diagnostic.form'

/** The conseiller's session codes: `/diagnostic/sessions`, one session live, assisted mode. */
export async function sessionsRoutes(app: FastifyInstance, { deps }: ContexteRoutes) {
  const creerSession = makeCreerSession(deps)
  const listerSessions = makeListerSessions(deps)
  const suivreSession = makeSuivreSession(deps)
  const commencerAccompagne = makeCommencerAccompagne(deps)
  const garde = exigerRole('conseiller')
  const conseiller = { preHandler: garde }

  pageFormulaire(app, {
    url: '/diagnostic/sessions',
    garde,
    charger: async ({ request }) => {
      const structures = structuresDe(request)
      return { structures, sessions: await listerSessions(structures.map((s) => s.code)) }
    },
    page: (m, etat, ctx) => ({
      titre: 'Diagnostics',
      espace: 'pro',
      ariane: [{ libelle: 'Diagnostics' }],
      contenu: (
        <SessionsPage
          csrf={ctx.csrf}
          structures={m.structures}
          sessions={m.sessions}
          erreurs={etat.erreurs}
          maintenant={deps.horloge()}
        />
      ),
      feuillesDeStyle: CSS,
    }),
  }).action('/diagnostic/sessions', {
    schema: sessionForm,
    executer: async ({ donnees, modele, request }) => {
      const structure = donnees.structure
        ? modele.structures.find((s) => s.code === donnees.structure)
        : modele.structures[0]
      if (!structure) return refus({ structure: 'Choisissez une de vos structures.' }, 400)
      const session = await creerSession({
        structureCode: structure.code,
        creePar: utilisateurConnecte(request).compteId,
        libelle: donnees.libelle,
      })
      return reussite(`/diagnostic/sessions/${session!.code}`)
    },
  })

  app.get('/diagnostic/sessions/:code', conseiller, async (request, reply) => {
    const params = paramsCode.safeParse(request.params)
    const suivi = params.success ? await suivreSession(codesStructures(request), params.data.code) : undefined
    if (!suivi) return reply.callNotFound()
    const lienCode = `${deps.baseUrl}/diagnostic/code?code=${suivi.session.code}`
    const safeQrSvg = await QRCode.toString(lienCode, { type: 'svg', margin: 1, width: 180 })
    return reply.page((ctx) => ({
      titre: `Session ${suivi.session.code}`,
      espace: 'pro',
      ariane: [...ARIANE_CONSEILLER, { libelle: 'Session' }],
      contenu: (
        <SessionPage
          csrf={ctx.csrf}
          session={suivi.session}
          lignes={suivi.lignes}
          safeQrSvg={safeQrSvg}
          lienCode={lienCode}
          expiree={suivi.session.expireLe <= deps.horloge()}
        />
      ),
      scripts: ['diagnostic-suivi'],
      feuillesDeStyle: CSS,
    }))
  })

  /** Polled by the live page: state comes from the database, so any app instance can answer. */
  app.get('/diagnostic/sessions/:code/suivi', conseiller, async (request, reply) => {
    const params = paramsCode.safeParse(request.params)
    const suivi = params.success ? await suivreSession(codesStructures(request), params.data.code) : undefined
    if (!suivi) return reply.status(404).send({ erreur: 'Session introuvable.' })
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(<TableauSuivi lignes={suivi.lignes} />)
  })

  app.post('/diagnostic/sessions/:code/accompagne', conseiller, async (request, reply) => {
    const params = paramsCode.safeParse(request.params)
    const code = params.success ? lireCode(params.data.code) : undefined
    const suivi = code ? await suivreSession(codesStructures(request), code) : undefined
    if (!suivi) return reply.callNotFound()
    if (suivi.session.expireLe <= deps.horloge()) {
      reply.flash('error', 'Ce code a expiré : créez une nouvelle session.')
      return reply.redirect(`/diagnostic/sessions/${suivi.session.code}`, 303)
    }
    const { passationId } = await commencerAccompagne(suivi.session)
    return reply.redirect(`/diagnostic/passations/${passationId}`, 303)
  })
}
