import type { FastifyInstance, FastifyReply } from 'fastify'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { trouverOrganisation } from '../db/mandats-repository'
import type { Duree } from '../domain/demarches'
import { estDemarche, libelleDuree } from '../domain/demarches'
import { messageErreurHabilitation } from '../domain/erreurs'
import { makeConsentementSms } from '../use-cases/consentement-sms'
import type { DepsAidants } from '../use-cases/deps'
import { ConsentementPage } from '../views/consentement.page'
import { MessageSimple } from '../views/referent.page'
import { reponseConsentementForm } from './aidants.form'

const LIMITE = { rateLimit: { max: 10, timeWindow: '1 minute' } }

/** The usager's side of remote consent: the page behind the SMS link (no account, the link is the access). */
export async function consentementRoutes(app: FastifyInstance, { deps }: { deps: DepsAidants }) {
  const consentement = makeConsentementSms(deps)

  const introuvable = (reply: FastifyReply) =>
    reply.page(
      {
        titre: 'Lien expiré',
        contenu: MessageSimple({
          titre: 'Ce lien ne fonctionne plus',
          texte: messageErreurHabilitation({ code: 'CONSENTEMENT_INTROUVABLE' }),
        }),
      },
      404,
    )

  const page = async (reply: FastifyReply, jeton: string, erreurs?: Record<string, string>) => {
    const t = await consentement.lire(jeton)
    if (!t || t.c.accepteLe || t.c.refuseLe) return introuvable(reply)
    const o = await trouverOrganisation(deps.db, t.b.organisationId)
    return reply.page(
      (ctx) => ({
        titre: 'Votre accord pour un mandat',
        enErreur: !!erreurs,
        contenu: ConsentementPage({
          csrf: ctx.csrf,
          action: `/consentement/lien/${encodeURIComponent(jeton)}`,
          organisation: o?.nom ?? '',
          demarches: t.b.demarches.filter(estDemarche),
          duree: libelleDuree(t.b.duree as Duree),
          ...(erreurs ? { erreurs } : {}),
        }),
      }),
      erreurs ? 400 : 200,
    )
  }

  app.get<{ Params: { jeton: string } }>('/consentement/lien/:jeton', (request, reply) =>
    page(reply, request.params.jeton),
  )

  app.post<{ Params: { jeton: string } }>(
    '/consentement/lien/:jeton',
    { config: LIMITE },
    async (request, reply) => {
      const f = lireFormulaire(reponseConsentementForm, request.body)
      if (!f.ok) return page(reply, request.params.jeton, f.erreurs as Record<string, string>)
      const r = await consentement.repondre(request.params.jeton, f.donnees.reponse === 'oui')
      if (!r.ok) return introuvable(reply)
      return reply.page({
        titre: 'Réponse enregistrée',
        contenu: MessageSimple({
          titre: 'Merci, votre réponse est enregistrée',
          texte:
            f.donnees.reponse === 'oui'
              ? 'L’aidant peut maintenant signer le mandat. Vous recevrez l’attestation de la structure.'
              : 'Aucun mandat ne sera créé.',
        }),
      })
    },
  )
}
