import type { FastifyInstance, FastifyReply } from 'fastify'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { messageErreur } from '../domain/erreurs'
import type { PassationCourante } from '../use-cases/lire-passation'
import { makeAfficherEtape, makeNoterLienVisite, makeRepondre } from '../use-cases/repondre'
import { EtapePage, titreEtape } from '../views/etape.page'
import { HorairesPage } from '../views/exercices'
import { ARIANE, type ContexteRoutes, CSS, clePassation, lecturesPassation } from './commun'
import { reponseForm } from './diagnostic.form'

interface EtatEtape {
  statut?: number
  erreur?: string
  correction?: Parameters<typeof EtapePage>[0]['correction']
  essaisRestants?: number
  valeurs?: Record<string, string | undefined>
  choisis?: readonly string[]
}

type PageEtape = (reply: FastifyReply, passation: PassationCourante, extra?: EtatEtape) => Promise<unknown>

/** Shows the engine's current step, or sends to the result once the test is over. */
function afficheurEtape({ deps }: ContexteRoutes): PageEtape {
  const afficherEtape = makeAfficherEtape(deps)
  return async (reply: FastifyReply, passation: PassationCourante, extra: EtatEtape = {}) => {
    const vue = await afficherEtape(passation.id)
    if (!vue || vue.etape.type === 'fin') return reply.redirect('/diagnostic/resultat', 303)
    const etape = vue.etape
    return reply.page(
      (ctx) => ({
        titre: titreEtape(etape, vue.progression.faites),
        enErreur: !!extra.erreur,
        ariane: [...ARIANE, { libelle: 'Le test' }],
        contenu: (
          <EtapePage
            etape={etape}
            faites={vue.progression.faites}
            restantesMax={vue.progression.restantesMax}
            csrf={ctx.csrf}
            erreur={extra.erreur}
            correction={extra.correction}
            essaisRestants={extra.essaisRestants}
            valeurs={extra.valeurs ?? {}}
            choisis={extra.choisis ?? []}
            suiviParConseiller={!!passation.sessionId}
            horsLigne={{
              passation: clePassation(passation.id),
              reponses: vue.reponses,
              module: ctx.asset('js/diagnostic-hors-ligne.js'),
            }}
          />
        ),
        scripts: ['diagnostic-confort', 'diagnostic-exercice'],
        feuillesDeStyle: CSS,
      }),
      extra.statut ?? 200,
    )
  }
}

/** The test, step by step: `/diagnostic/etape`, `/diagnostic/exercice/…`, `/diagnostic/etat`. */
export async function etapeRoutes(app: FastifyInstance, contexte: ContexteRoutes) {
  routesEtape(app, contexte)
  routesAutour(app, contexte)
}

/** The current step, and the answer to it. */
function routesEtape(app: FastifyInstance, contexte: ContexteRoutes) {
  const repondre = makeRepondre(contexte.deps)
  const { exigerPassation } = lecturesPassation(contexte.deps)
  const pageEtape = afficheurEtape(contexte)

  app.get('/diagnostic/etape', async (request, reply) => {
    const passation = await exigerPassation(request, reply)
    if (!passation) return reply
    if (passation.termineLe) return reply.redirect('/diagnostic/resultat', 303)
    return pageEtape(reply, passation)
  })

  // Not `pageFormulaire`: an answer is not a form kept as typed. The page is the engine's current
  // step (it changes with each answer), a wrong exercise answer is a 200 with a correction and the
  // tries left, and the step's error is one message for the whole step.
  app.post('/diagnostic/etape', async (request, reply) => {
    const passation = await exigerPassation(request, reply)
    if (!passation) return reply
    const form = lireFormulaire(reponseForm, request.body)
    if (!form.ok) return pageEtape(reply, passation, { statut: 400, erreur: Object.values(form.erreurs)[0] })
    const { etape, passer, choix, mesures, ...saisie } = form.donnees
    const valeurs: Record<string, string | undefined> = saisie
    const r = await repondre({
      passationId: passation.id,
      etape,
      source: 'personne',
      passer: passer === 'oui',
      choix,
      valeurs,
      mesures,
    })
    if (!r.ok)
      return pageEtape(reply, passation, { statut: 400, erreur: messageErreur(r.error), choisis: choix })
    if (r.value.statut === 'a_corriger')
      return pageEtape(reply, passation, {
        correction: r.value.correction,
        essaisRestants: r.value.essaisRestants,
        valeurs,
      })
    return reply.redirect(
      r.value.statut === 'enregistre' && r.value.suivante.type === 'fin'
        ? '/diagnostic/resultat'
        : '/diagnostic/etape',
      303,
    )
  })
}

/** Around the steps: the page an exercise opens, and the state a followed person's page polls. */
function routesAutour(app: FastifyInstance, { deps }: ContexteRoutes) {
  const noterLien = makeNoterLienVisite(deps)
  const { lire, exigerPassation } = lecturesPassation(deps)

  // The "open a link and come back" exercise: a real page, really opened.
  app.get('/diagnostic/exercice/horaires', async (request, reply) => {
    const passation = await exigerPassation(request, reply)
    if (!passation) return reply
    await noterLien(passation.id)
    return reply.page({
      titre: 'Horaires d’ouverture de la mairie',
      ariane: [...ARIANE, { libelle: 'Le test', href: '/diagnostic/etape' }, { libelle: 'Horaires' }],
      contenu: <HorairesPage />,
      feuillesDeStyle: CSS,
    })
  })

  /** Polled by the exercise page when a conseiller follows: the conseiller may mark the item for the person. */
  app.get('/diagnostic/etat', async (request, reply) => {
    const l = await lire(request)
    const etape = l && 'passation' in l ? (l.passation.termineLe ? 'fin' : l.passation.itemCourant) : 'fin'
    return reply.header('cache-control', 'no-store').send({ etape })
  })
}
