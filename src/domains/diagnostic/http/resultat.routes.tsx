import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { messageErreur } from '../domain/erreurs'
import type { DepsDiagnostic } from '../use-cases/deps'
import { makeConsentir, makeEffacerPassation } from '../use-cases/effacer-passation'
import { makeEnvoyerResultat } from '../use-cases/envoyer-resultat'
import { makeLirePassationDuLien, type PassationCourante } from '../use-cases/lire-passation'
import { type LieuxProposes, makeLieuxPourOrientations, makeLireResultat } from '../use-cases/lire-resultat'
import { LienExpirePage } from '../views/accueil.page'
import { ResultatPage } from '../views/resultat.page'
import {
  ARIANE,
  type ContexteRoutes,
  CSS,
  effacerCookie,
  LIMITE_ENVOI,
  lecturesPassation,
  paramsJeton,
} from './commun'
import { communeForm, envoiForm } from './diagnostic.form'

const PAGE_AIDANTS_CONNECT_NATIONALE = 'https://aidantsconnect.beta.gouv.fr/'

type EnvoiRefuse = { canal?: string; destinataire?: string; erreur?: string }

/** The places for a result page, from `?commune=` (a postal code); a bad or unknown one is a field error. */
async function lieuxDeLaRequete(
  request: FastifyRequest,
  chercher: ReturnType<typeof makeLieuxPourOrientations>,
  orientations: Parameters<ReturnType<typeof makeLieuxPourOrientations>>[1],
): Promise<{ commune?: string | undefined; erreur?: string | undefined; lieux?: LieuxProposes | undefined }> {
  const q = lireFormulaire(communeForm, request.query)
  if (!q.ok) return { commune: q.valeurs.commune, erreur: q.erreurs.commune }
  if (!q.donnees.commune) return {}
  const r = await chercher(q.donnees.commune, orientations)
  return r.ok
    ? { commune: q.donnees.commune, lieux: r.value }
    : { commune: q.donnees.commune, erreur: messageErreur(r.error) }
}

/** The result page, for the person's browser (with its actions) or for a link (read-only). */
function pagesResultat(deps: DepsDiagnostic) {
  const lireResultat = makeLireResultat(deps)
  const lieuxPour = makeLieuxPourOrientations(deps)
  const pageAidantsConnect = deps.pageAidantsConnect ?? PAGE_AIDANTS_CONNECT_NATIONALE

  return async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: {
      passationId: string
      action: string
      actions?: Parameters<typeof ResultatPage>[0]['actions']
    },
  ) => {
    const { resultat } = await lireResultat(o.passationId)
    const l = await lieuxDeLaRequete(request, lieuxPour, resultat.orientation.orientations)
    const enErreur = !!l.erreur || !!o.actions?.envoi?.erreur
    return reply.page(
      (ctx) => ({
        titre: 'Votre résultat',
        enErreur,
        ariane: [...ARIANE, { libelle: 'Votre résultat' }],
        contenu: (
          <ResultatPage
            resultat={resultat}
            csrf={ctx.csrf}
            action={o.action}
            commune={l.commune}
            erreurCommune={l.erreur}
            lieux={l.lieux}
            pageAidantsConnect={pageAidantsConnect}
            actions={o.actions}
          />
        ),
        scripts: ['diagnostic-confort'],
        feuillesDeStyle: CSS,
      }),
      enErreur ? 400 : 200,
    )
  }
}

/** The result: `/diagnostic/resultat…`, `/diagnostic/effacer`, and the link sent, `/diagnostic/lien/:jeton`. */
export async function resultatRoutes(app: FastifyInstance, { deps }: ContexteRoutes) {
  const envoyer = makeEnvoyerResultat(deps)
  const effacer = makeEffacerPassation(deps)
  const consentir = makeConsentir(deps)
  const lirePassationDuLien = makeLirePassationDuLien(deps)
  const { lire, exigerPassation } = lecturesPassation(deps)
  const pageResultat = pagesResultat(deps)

  const pageDeLaPersonne = (
    request: FastifyRequest,
    reply: FastifyReply,
    passation: PassationCourante,
    envoi?: EnvoiRefuse,
  ) =>
    pageResultat(request, reply, {
      passationId: passation.id,
      action: '/diagnostic/resultat',
      actions: { avecConseiller: !!passation.sessionId, consentement: !!passation.consentementLe, envoi },
    })

  app.get('/diagnostic/resultat', async (request, reply) => {
    const passation = await exigerPassation(request, reply)
    if (!passation) return reply
    if (!passation.termineLe) return reply.redirect('/diagnostic/etape', 303)
    return pageDeLaPersonne(request, reply, passation)
  })

  app.post('/diagnostic/resultat/consentement', async (request, reply) => {
    const passation = await exigerPassation(request, reply)
    if (!passation) return reply
    const r = await consentir(passation.id)
    reply.flash(
      r.ok ? 'success' : 'error',
      r.ok ? 'Merci : votre conseiller peut garder votre résultat.' : messageErreur(r.error),
    )
    return reply.redirect('/diagnostic/resultat', 303)
  })

  app.post('/diagnostic/resultat/envoyer', { config: LIMITE_ENVOI }, async (request, reply) => {
    const passation = await exigerPassation(request, reply)
    if (!passation) return reply
    if (!passation.termineLe) return reply.redirect('/diagnostic/etape', 303)
    const form = lireFormulaire(envoiForm, request.body)
    if (!form.ok)
      return pageDeLaPersonne(request, reply, passation, {
        ...form.valeurs,
        erreur: form.erreurs.destinataire ?? form.erreurs.canal ?? 'Vérifiez ce que vous avez écrit.',
      })
    await envoyer({ passationId: passation.id, ...form.donnees })
    reply.flash(
      'success',
      form.donnees.canal === 'email'
        ? 'C’est envoyé : regardez vos e-mails.'
        : 'C’est envoyé : regardez vos SMS.',
    )
    return reply.redirect('/diagnostic/resultat', 303)
  })

  app.post('/diagnostic/effacer', async (request, reply) => {
    const l = await lire(request)
    if (l && 'passation' in l) await effacer(l.passation.id)
    effacerCookie(reply)
    reply.flash('success', 'Vos réponses sont effacées. Personne ne pourra les voir.')
    return reply.redirect('/diagnostic', 303)
  })

  /** The result again, from the link sent by e-mail or SMS: read-only, and only while R1 keeps it. */
  // Under /lien/ so that app.ts's log serializer masks the token, as for the other one-time links.
  app.get('/diagnostic/lien/:jeton', async (request, reply) => {
    const params = paramsJeton.safeParse(request.params)
    if (!params.success) return reply.callNotFound()
    const { jeton } = params.data
    const p = await lirePassationDuLien(jeton)
    if (!p) return reply.page({ titre: 'Lien expiré', ariane: ARIANE, contenu: <LienExpirePage /> }, 410)
    return pageResultat(request, reply, { passationId: p.id, action: `/diagnostic/lien/${jeton}` })
  })
}
