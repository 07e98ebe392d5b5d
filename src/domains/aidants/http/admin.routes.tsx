import type { FastifyInstance, FastifyReply } from 'fastify'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { REGIONS } from '../../../platform/geo/territoires'
import { lireFormulaire, valeursTexte } from '../../../platform/http/formulaire'
import { pageFormulaire, refus, reussite } from '../../../platform/http/page-formulaire'
import { nombreDe } from '../../../platform/pluriel'
import {
  aidantsDeLOrganisation,
  demandesDeposees,
  demandesEnAttenteParRegion,
  demandeVue,
  messageVue,
  vaguesDesRegions,
} from '../db/admin-lectures'
import { verifierJournal } from '../db/journal-repository'
import { messageErreurHabilitation } from '../domain/erreurs'
import type { DepsAidants } from '../use-cases/deps'
import { type DemandeRow, makeHabilitation } from '../use-cases/habilitation'
import { makeReferent } from '../use-cases/referent'
import { AdminDemandePage, AdminDemandesPage, AdminRegionsPage } from '../views/habilitation.page'
import { JournalPage } from '../views/journal.page'
import { decisionForm, messageForm, ouvertureRegionForm } from './aidants.form'
import type { ContexteRoutes } from './commun'

/** What the national team's pages of one request share: the request by id, and its page. */
function outilsAdmin(deps: DepsAidants) {
  const habilitation = makeHabilitation(deps)
  const pageAdmin = async (
    reply: FastifyReply,
    d: DemandeRow,
    erreurs?: Record<string, string>,
    valeurs?: Record<string, string>,
  ) => {
    const messages = await habilitation.messages(d.id)
    const aidants = d.organisationId ? await aidantsDeLOrganisation(deps.db, d.organisationId) : []
    return reply.page(
      (ctx) => ({
        titre: 'Demande d’habilitation',
        espace: 'pro',
        enErreur: !!erreurs,
        ariane: [
          { libelle: 'Demandes d’habilitation', href: '/aidants/admin/habilitations' },
          { libelle: String((d.donnees as { nom?: unknown }).nom ?? '') },
        ],
        contenu: AdminDemandePage({
          csrf: ctx.csrf,
          demande: demandeVue(d),
          messages: messages.map(messageVue),
          aidants,
          ...(erreurs ? { erreurs } : {}),
          ...(valeurs ? { valeurs } : {}),
        }),
      }),
      erreurs ? 400 : 200,
    )
  }
  const demandeAdmin = async (id: string) =>
    /^[0-9a-f-]{36}$/.test(id) ? habilitation.trouver(id) : undefined
  return { habilitation, pageAdmin, demandeAdmin }
}

/** `/aidants/admin/habilitations`: the list of requests, one request and its decision. */
export function routesAdminDemandes(app: FastifyInstance, { deps }: ContexteRoutes) {
  const { habilitation, pageAdmin, demandeAdmin } = outilsAdmin(deps)
  const exigerAdmin = exigerRole('admin')
  app.get('/aidants/admin/habilitations', { preHandler: exigerAdmin }, async (_request, reply) => {
    const demandes = await demandesDeposees(deps.db)
    return reply.page({
      titre: 'Demandes d’habilitation',
      espace: 'pro',
      ariane: [{ libelle: 'Demandes d’habilitation' }],
      contenu: AdminDemandesPage({ demandes }),
    })
  })

  app.get<{ Params: { id: string } }>(
    '/aidants/admin/habilitations/:id',
    { preHandler: exigerAdmin },
    async (request, reply) => {
      const d = await demandeAdmin(request.params.id)
      if (!d || d.statut === 'brouillon') return reply.callNotFound()
      return pageAdmin(reply, d)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/aidants/admin/habilitations/:id/decision',
    { preHandler: exigerAdmin },
    async (request, reply) => {
      const d = await demandeAdmin(request.params.id)
      if (!d || d.statut === 'brouillon') return reply.callNotFound()
      const f = lireFormulaire(decisionForm, request.body)
      if (!f.ok) return pageAdmin(reply, d, f.erreurs as Record<string, string>, valeursTexte(request.body))
      const r = await habilitation.decider({
        demandeId: d.id,
        adminId: utilisateurConnecte(request).compteId,
        decision: f.donnees.decision,
        message: f.donnees.message,
      })
      if (!r.ok)
        return pageAdmin(
          reply,
          d,
          { decision: messageErreurHabilitation(r.error) },
          valeursTexte(request.body),
        )
      reply.flash('success', 'Décision enregistrée ; le demandeur est prévenu par e-mail.')
      return reply.redirect(`/aidants/admin/habilitations/${d.id}`, 303)
    },
  )
}

/** Messages to the requester, activation of the aidants of an accepted request. */
export function routesAdminEchanges(app: FastifyInstance, { deps }: ContexteRoutes) {
  const { habilitation, pageAdmin, demandeAdmin } = outilsAdmin(deps)
  const referent = makeReferent(deps)
  const exigerAdmin = exigerRole('admin')
  app.post<{ Params: { id: string } }>(
    '/aidants/admin/habilitations/:id/messages',
    { preHandler: exigerAdmin },
    async (request, reply) => {
      const d = await demandeAdmin(request.params.id)
      if (!d || d.statut === 'brouillon') return reply.callNotFound()
      const f = lireFormulaire(messageForm, request.body)
      if (!f.ok) return pageAdmin(reply, d, f.erreurs as Record<string, string>, f.valeurs)
      const r = await habilitation.ecrire(d, 'equipe', f.donnees.texte)
      if (!r.ok) return pageAdmin(reply, d, { texte: messageErreurHabilitation(r.error) })
      reply.flash('success', 'Message envoyé au demandeur.')
      return reply.redirect(`/aidants/admin/habilitations/${d.id}`, 303)
    },
  )

  app.post<{ Params: { id: string; habilitation: string } }>(
    '/aidants/admin/habilitations/:id/aidants/:habilitation/activer',
    { preHandler: exigerAdmin },
    async (request, reply) => {
      const d = await demandeAdmin(request.params.id)
      if (!d?.organisationId) return reply.callNotFound()
      const r = await referent.activerAidant({
        organisationId: d.organisationId,
        habilitationId: request.params.habilitation,
        acteurId: utilisateurConnecte(request).compteId,
      })
      if (!r.ok) return reply.callNotFound()
      reply.flash('success', 'Aidant activé : son référent peut lui associer une carte ou une application.')
      return reply.redirect(`/aidants/admin/habilitations/${d.id}`, 303)
    },
  )
}

/** `/aidants/admin/regions`: opening a region releases its waiting list. */
export function routesAdminRegions(app: FastifyInstance, { deps }: ContexteRoutes) {
  const habilitation = makeHabilitation(deps)
  pageFormulaire(app, {
    url: '/aidants/admin/regions',
    garde: exigerRole('admin'),
    charger: async () => {
      const vagues = await vaguesDesRegions(deps.db)
      const enAttente = await demandesEnAttenteParRegion(deps.db)
      return REGIONS.map((r) => ({
        code: r.code,
        nom: r.nom,
        vague: vagues.get(r.code) ?? null,
        enAttente: enAttente.get(r.code) ?? 0,
      }))
    },
    page: (regions, etat, ctx) => ({
      titre: 'Déploiement par vagues',
      espace: 'pro',
      ariane: [
        { libelle: 'Demandes d’habilitation', href: '/aidants/admin/habilitations' },
        { libelle: 'Régions' },
      ],
      contenu: AdminRegionsPage({ csrf: ctx.csrf, regions, erreurs: etat.erreurs }),
    }),
  }).action('/aidants/admin/regions', {
    schema: ouvertureRegionForm,
    executer: async ({ donnees }) => {
      if (!REGIONS.some((r) => r.code === donnees.region))
        return refus({ region: 'Région : choisissez une région.' }, 400)
      const r = await habilitation.ouvrirRegion({ codeRegion: donnees.region, vague: donnees.vague })
      if (!r.ok) return refus({ region: messageErreurHabilitation(r.error) }, 400)
      return reussite(
        '/aidants/admin/regions',
        `Région ouverte : ${nombreDe(r.value, 'demande sortie', 'demandes sorties')} de la liste d’attente, demandeurs prévenus.`,
      )
    },
  })
}

/** `/aidants/admin/journal`: the chain and its signed checkpoint, verified on each visit. */
export function routesAdminJournal(app: FastifyInstance, { deps }: ContexteRoutes) {
  app.get('/aidants/admin/journal', { preHandler: exigerRole('admin') }, async (_request, reply) => {
    const r = await verifierJournal(deps.db, deps.secret)
    return reply.page({ titre: 'Journal Aidants Connect', espace: 'pro', contenu: <JournalPage r={r} /> })
  })
}
