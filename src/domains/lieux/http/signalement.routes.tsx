import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { pageFormulaire, reussite } from '../../../platform/http/page-formulaire'
import { trouverLieu } from '../db/lieux-repository'
import { type DepsSignalement, makeSignalerErreur } from '../use-cases/signaler-erreur'
import { SignalementPage } from '../views/signalement.page'
import { paramsId } from './lieu.form'
import { CHAMP_PIEGE, signalementForm } from './signalement.form'

const MERCI = 'Merci : votre signalement a été envoyé aux personnes qui tiennent à jour cette fiche.'

/** `GET/POST /lieux/:id/signaler`: anyone reports an error on a place; 5 reports a minute per address. */
export async function signalementRoutes(app: FastifyInstance, { deps }: { deps: DepsSignalement }) {
  const signaler = makeSignalerErreur(deps)
  const limite = app.rateLimit({ max: 5, timeWindow: '1 minute' })
  // The page is read freely; only the sending counts against the limit.
  const garde = async function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
    if (request.method === 'POST') await limite.call(this, request, reply)
  }
  pageFormulaire(app, {
    url: '/lieux/:id/signaler',
    params: paramsId,
    garde,
    charger: async ({ params }) => {
      const l = (await deps.catalogue.index()).parId(params.id) ?? (await trouverLieu(deps.db, params.id))
      return l && { id: l.id, nom: l.nom, commune: l.commune, structureId: l.structureId }
    },
    page: (lieu, etat, ctx) => ({
      titre: `Signaler une erreur — ${lieu.nom}`,
      ariane: [
        { libelle: 'Trouver de l’aide', href: '/lieux' },
        { libelle: lieu.nom, href: `/lieux/${lieu.id}` },
        { libelle: 'Signaler une erreur' },
      ],
      contenu: <SignalementPage lieu={lieu} etat={etat} csrf={ctx.csrf} />,
    }),
  }).action('/lieux/:id/signaler', {
    schema: signalementForm,
    executer: async ({ donnees, modele }) => {
      // A robot filled the hidden field: thanked like anyone, and nothing is sent.
      if (donnees[CHAMP_PIEGE]) return reussite(`/lieux/${modele.id}`, MERCI)
      await signaler(modele, donnees)
      return reussite(`/lieux/${modele.id}`, MERCI)
    },
  })
}
