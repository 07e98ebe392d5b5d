import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import QRCode from 'qrcode'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { pageFormulaire, reussite } from '../../../platform/http/page-formulaire'
import { Bouton, GroupeChamps } from '../../../platform/layout/boutons'
import { Case } from '../../../platform/layout/champs'
import { Csrf, ResumeErreurs, Tableau } from '../../../platform/layout/components'
import { nombreDe } from '../../../platform/pluriel'
import { uriTotp } from '../../comptes'
import {
  aidantsDeLaStructure,
  aidantVue,
  autoriserDemarches,
  chiffresDesMandats,
  dispositifsEnService,
} from '../db/referent-lectures'
import { DEMARCHES } from '../domain/demarches'
import { messageErreurHabilitation } from '../domain/erreurs'
import type { ErreurHabilitation } from '../domain/habilitation'
import { STATUTS_AIDANT, type StatutAidant } from '../domain/habilitation'
import type { DepsAidants } from '../use-cases/deps'
import type { HabilitationAidantRow } from '../use-cases/referent'
import { makeReferent } from '../use-cases/referent'
import { AidantReferentPage, ApplicationPage } from '../views/referent.page'
import { carteForm, codeForm, demarchesAutoriseesForm, motifForm } from './aidants.form'
import type { ContexteRoutes } from './commun'
import { organisationDuReferent } from './organisation-courante'

/** Which field an expected failure belongs to, for the error summary. */
const CHAMP: Partial<Record<ErreurHabilitation['code'], string>> = {
  CARTE_INTROUVABLE: 'numero_serie',
  CODE_CARTE_INVALIDE: 'code',
}

/**
 * Référent space (`/aidants/referent…`): the organisation's figures and authorised démarches, then per
 * aidant the second-factor devices (card by serial number + code, or an authenticator application by
 * QR code), removal of a device or of the aidant with a reason. Every route is scoped to the
 * référent's organisation: another organisation's aidant or device is a 404.
 */
function outilsReferent(deps: DepsAidants) {
  const referent = makeReferent(deps)
  const pageAidant = async (
    reply: FastifyReply,
    h: HabilitationAidantRow,
    erreurs?: Record<string, string>,
    valeurs?: Record<string, string>,
  ) => {
    const liste = h.compteId ? await dispositifsEnService(deps.db, h.compteId, h.organisationId) : []
    return reply.page(
      (ctx) => ({
        titre: `${h.prenom} ${h.nom}`,
        espace: 'pro',
        enErreur: !!erreurs,
        ariane: [
          { libelle: 'Espace référent', href: '/aidants/referent' },
          { libelle: `${h.prenom} ${h.nom}` },
        ],
        contenu: AidantReferentPage({
          csrf: ctx.csrf,
          aidant: aidantVue(h),
          dispositifs: liste,
          ...(erreurs ? { erreurs } : {}),
          ...(valeurs ? { valeurs } : {}),
        }),
      }),
      erreurs ? 400 : 200,
    )
  }
  const aidantDuReferent = async (request: FastifyRequest, id: string) => {
    const o = await organisationDuReferent(deps, request)
    const h = await referent.aidantDe(o.id, id)
    return h ? { o, h } : undefined
  }

  const pageApplication = async (
    reply: FastifyReply,
    d: { id: string; secret: string },
    h: HabilitationAidantRow,
    erreur?: string,
  ) => {
    const safeQrSvg = await QRCode.toString(uriTotp(d.secret, h.email), {
      type: 'svg',
      margin: 1,
      width: 200,
    })
    return reply.page(
      (ctx) => ({
        titre: 'Configurer l’application de l’aidant',
        espace: 'pro',
        enErreur: !!erreur,
        contenu: ApplicationPage({
          csrf: ctx.csrf,
          action: `/aidants/referent/dispositifs/${d.id}/application`,
          safeQrSvg,
          secret: d.secret,
          ...(erreur ? { erreur } : {}),
        }),
      }),
      erreur ? 400 : 200,
    )
  }
  const applicationEnAttente = async (request: FastifyRequest, id: string) => {
    const o = await organisationDuReferent(deps, request)
    const d = await referent.dispositifDe(o.id, id)
    if (!d?.compteId || d.type !== 'application' || d.confirmeLe) return undefined
    const [h] = (await referent.aidantsDuCompte(o.id, d.compteId)) ?? []
    return h ? { o, d, h } : undefined
  }
  return { referent, pageAidant, aidantDuReferent, pageApplication, applicationEnAttente }
}

const LIMITE = { rateLimit: { max: 20, timeWindow: '1 minute' } }

export function routesReferentAccueil(app: FastifyInstance, { deps }: ContexteRoutes) {
  pageFormulaire(app, {
    url: '/aidants/referent',
    garde: exigerRole('referent'),
    charger: async ({ request }) => {
      const o = await organisationDuReferent(deps, request)
      const aidants = await aidantsDeLaStructure(deps.db, o.id)
      return { o, aidants, chiffres: await chiffresDesMandats(deps.db, o.id, deps.horloge()) }
    },
    page: ({ o, aidants, chiffres }, etat, ctx) => ({
      titre: 'Espace référent',
      espace: 'pro',
      contenu: (
        <>
          <h1 safe>{`Espace référent — ${o.nom}`}</h1>
          <ul>
            <li
              safe
            >{`${nombreDe(aidants.filter((a) => a.statut === 'active').length, 'aidant')} en activité sur ${aidants.length}`}</li>
            <li safe>{`${nombreDe(chiffres.actifs, 'mandat')} en cours`}</li>
            <li safe>{`${nombreDe(chiffres.mandats, 'mandat créé', 'mandats créés')} en tout`}</li>
            <li safe>{nombreDe(chiffres.usagers, 'usager accompagné', 'usagers accompagnés')}</li>
          </ul>
          <h2>Aidants</h2>
          <Tableau
            legende="Aidants de la structure"
            entetes={['Nom', 'E-mail', 'Statut']}
            lignes={aidants.map((a) => [
              <a href={`/aidants/referent/aidants/${a.id}`} safe>{`${a.prenom} ${a.nom}`}</a>,
              <span safe>{a.email}</span>,
              <span safe>{STATUTS_AIDANT[a.statut as StatutAidant] ?? a.statut}</span>,
            ])}
          />
          <h2>Démarches autorisées dans la structure</h2>
          <ResumeErreurs erreurs={etat.erreurs} />
          <form method="post" action="/aidants/referent/demarches">
            <Csrf jeton={ctx.csrf} />
            <GroupeChamps
              id="demarches"
              legende="Démarches que les aidants peuvent inclure dans un mandat"
              erreur={etat.erreurs.demarches}
            >
              {DEMARCHES.map((d) => (
                <Case
                  nom="demarches"
                  id={`autorisee-${d.cle}`}
                  valeur={d.cle}
                  libelle={d.titre}
                  coche={o.demarchesAutorisees.includes(d.cle)}
                />
              ))}
            </GroupeChamps>
            <Bouton>Enregistrer</Bouton>
          </form>
        </>
      ),
    }),
  }).action('/aidants/referent/demarches', {
    schema: demarchesAutoriseesForm,
    executer: async ({ donnees, modele }) => {
      await autoriserDemarches(deps.db, modele.o.id, donnees.demarches)
      return reussite('/aidants/referent', 'Démarches autorisées enregistrées.')
    },
  })
}

export function routesReferentAidants(app: FastifyInstance, { deps }: ContexteRoutes) {
  const { referent, pageAidant, aidantDuReferent } = outilsReferent(deps)
  const exigerReferent = exigerRole('referent')
  const opts = { preHandler: exigerReferent, config: LIMITE }
  app.get<{ Params: { id: string } }>(
    '/aidants/referent/aidants/:id',
    { preHandler: exigerReferent },
    async (request, reply) => {
      const t = await aidantDuReferent(request, request.params.id)
      if (!t) return reply.callNotFound()
      return pageAidant(reply, t.h)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/aidants/referent/aidants/:id/carte',
    opts,
    async (request, reply) => {
      const t = await aidantDuReferent(request, request.params.id)
      if (!t) return reply.callNotFound()
      const f = lireFormulaire(carteForm, request.body)
      if (!f.ok) return pageAidant(reply, t.h, f.erreurs as Record<string, string>, f.valeurs)
      const r = await referent.associerCarte({
        organisationId: t.o.id,
        habilitationId: t.h.id,
        numeroSerie: f.donnees.numero_serie,
        code: f.donnees.code,
        acteurId: utilisateurConnecte(request).compteId,
      })
      if (!r.ok && r.error.code === 'CARTE_HORS_ORGANISATION') return reply.callNotFound()
      if (!r.ok)
        return pageAidant(
          reply,
          t.h,
          { [CHAMP[r.error.code] ?? 'formulaire']: messageErreurHabilitation(r.error) },
          { numero_serie: f.donnees.numero_serie },
        )
      reply.flash('success', 'Carte associée : l’aidant peut se connecter avec son code.')
      return reply.redirect(`/aidants/referent/aidants/${t.h.id}`, 303)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/aidants/referent/aidants/:id/application',
    opts,
    async (request, reply) => {
      const t = await aidantDuReferent(request, request.params.id)
      if (!t) return reply.callNotFound()
      const r = await referent.preparerApplication({ organisationId: t.o.id, habilitationId: t.h.id })
      if (!r.ok) return pageAidant(reply, t.h, { formulaire: messageErreurHabilitation(r.error) })
      return reply.redirect(`/aidants/referent/dispositifs/${r.value.id}/application`, 303)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/aidants/referent/aidants/:id/retirer',
    opts,
    async (request, reply) => {
      const t = await aidantDuReferent(request, request.params.id)
      if (!t) return reply.callNotFound()
      const f = lireFormulaire(motifForm, request.body)
      if (!f.ok) return pageAidant(reply, t.h, f.erreurs as Record<string, string>)
      await referent.retirerAidant({
        organisationId: t.o.id,
        habilitationId: t.h.id,
        motif: f.donnees.motif,
        acteurId: utilisateurConnecte(request).compteId,
      })
      reply.flash('success', 'Aidant retiré de la structure.')
      return reply.redirect('/aidants/referent', 303)
    },
  )
}

export function routesReferentDispositifs(app: FastifyInstance, { deps }: ContexteRoutes) {
  const { referent, pageAidant, pageApplication, applicationEnAttente } = outilsReferent(deps)
  const exigerReferent = exigerRole('referent')
  const opts = { preHandler: exigerReferent, config: LIMITE }
  app.get<{ Params: { id: string } }>(
    '/aidants/referent/dispositifs/:id/application',
    { preHandler: exigerReferent },
    async (request, reply) => {
      const t = await applicationEnAttente(request, request.params.id)
      if (!t) return reply.callNotFound()
      return pageApplication(reply, t.d, t.h)
    },
  )
  app.post<{ Params: { id: string } }>(
    '/aidants/referent/dispositifs/:id/application',
    opts,
    async (request, reply) => {
      const t = await applicationEnAttente(request, request.params.id)
      if (!t) return reply.callNotFound()
      const f = lireFormulaire(codeForm, request.body)
      if (!f.ok) return pageApplication(reply, t.d, t.h, f.erreurs.code)
      const r = await referent.confirmerApplication({
        organisationId: t.o.id,
        dispositifId: t.d.id,
        code: f.donnees.code,
        acteurId: utilisateurConnecte(request).compteId,
      })
      if (!r.ok) return pageApplication(reply, t.d, t.h, messageErreurHabilitation(r.error))
      reply.flash('success', 'Application associée : l’aidant peut se connecter avec son code.')
      return reply.redirect(`/aidants/referent/aidants/${t.h.id}`, 303)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/aidants/referent/dispositifs/:id/retirer',
    opts,
    async (request, reply) => {
      const o = await organisationDuReferent(deps, request)
      const d = await referent.dispositifDe(o.id, request.params.id)
      const [h] = d?.compteId ? await referent.aidantsDuCompte(o.id, d.compteId) : []
      if (!d || !h) return reply.callNotFound()
      const f = lireFormulaire(motifForm, request.body)
      if (!f.ok) return pageAidant(reply, h, f.erreurs as Record<string, string>)
      await referent.retirerDispositif({
        organisationId: o.id,
        dispositifId: d.id,
        motif: f.donnees.motif,
        acteurId: utilisateurConnecte(request).compteId,
      })
      reply.flash('success', 'Dispositif retiré. Ses sessions sont fermées.')
      return reply.redirect(`/aidants/referent/aidants/${h.id}`, 303)
    },
  )
}
