import type { FastifyInstance } from 'fastify'
import { AccesInterditError, exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { choisirOrganisation, organisationsResumees } from '../db/espace-lectures'
import { ajouterAuJournal } from '../db/journal-repository'
import { mandatsDeLOrganisation, trouverUsager, usagersDeLOrganisation } from '../db/mandats-repository'
import { statutMandat } from '../domain/mandat'
import { makeVerifierTotpAidant } from '../use-cases/totp-aidant'
import { dateFr } from '../views/commun'
import { CodePage, EspaceAidantPage } from '../views/espace.page'
import { ListeMandats } from '../views/mandats.page'
import { codeForm } from './aidants.form'
import { type ContexteRoutes, makeExigerPresence, retourLocal } from './commun'
import { organisationCourante, organisationsDeLAidant } from './organisation-courante'

/** The aidant's space: their usagers, the organisation they act for, one usager's mandates. */
export function routesEspace(app: FastifyInstance, { deps }: ContexteRoutes) {
  const exigerAidant = exigerRole('aidant')
  const exigerPresence = makeExigerPresence(deps)
  app.get('/aidants/espace', { preHandler: exigerAidant }, async (request, reply) => {
    const organisation = await organisationCourante(deps, request)
    const orgs = await organisationsResumees(deps.db, organisationsDeLAidant(request))
    const liste = await usagersDeLOrganisation(deps.db, organisation.id, deps.horloge())
    return reply.page((ctx) => ({
      titre: 'Mes usagers',
      espace: 'pro',
      ariane: [{ libelle: 'Mes usagers' }],
      contenu: EspaceAidantPage({
        csrf: ctx.csrf,
        organisation: { id: organisation.id, nom: organisation.nom },
        organisations: orgs,
        usagers: liste,
      }),
    }))
  })

  app.post<{ Body: { organisation?: unknown } }>(
    '/aidants/organisation-courante',
    { preHandler: exigerAidant },
    async (request, reply) => {
      const u = utilisateurConnecte(request)
      const choisie = typeof request.body?.organisation === 'string' ? request.body.organisation : ''
      if (!organisationsDeLAidant(request).includes(choisie)) throw new AccesInterditError()
      await choisirOrganisation(deps.db, u.compteId, choisie)
      await ajouterAuJournal(deps.db, deps.secret, {
        action: 'changement_organisation',
        le: deps.horloge(),
        aidantId: u.compteId,
        organisationId: choisie,
      })
      return reply.redirect('/aidants/espace', 303)
    },
  )

  app.get<{ Params: { id: string } }>(
    '/aidants/usagers/:id',
    { preHandler: exigerAidant },
    async (request, reply) => {
      if (!(await exigerPresence(request, reply))) return reply
      const organisation = await organisationCourante(deps, request)
      const usager = await trouverUsager(deps.db, request.params.id)
      const liste = usager ? await mandatsDeLOrganisation(deps.db, organisation.id, usager.id) : []
      // Scope: a usager without a mandate in the aidant's organisation does not exist for this aidant.
      if (!usager || liste.length === 0 || usager.pseudonymiseLe) return reply.callNotFound()
      const maintenant = deps.horloge()
      return reply.page((ctx) => ({
        titre: `${usager.prenoms} ${usager.nom}`,
        espace: 'pro',
        ariane: [
          { libelle: 'Mes usagers', href: '/aidants/espace' },
          { libelle: `${usager.prenoms} ${usager.nom}` },
        ],
        contenu: (
          <>
            <h1 safe>{`${usager.prenoms} ${usager.nom}`}</h1>
            <p safe>{`Né·e le ${dateFr(usager.dateNaissance)}`}</p>
            <h2>Mandats avec la structure</h2>
            <ListeMandats
              csrf={ctx.csrf}
              mandats={liste}
              statut={(m) => statutMandat(m, maintenant)}
              actions="aidant"
            />
          </>
        ),
      }))
    },
  )
}

/** `/aidants/reauthentification`: a TOTP code again after 15 minutes without a sensitive act. */
export function routesReauthentification(app: FastifyInstance, { deps }: ContexteRoutes) {
  const exigerAidant = exigerRole('aidant')
  const verifierTotp = makeVerifierTotpAidant(deps)
  app.get<{ Querystring: { retour?: string } }>(
    '/aidants/reauthentification',
    { preHandler: exigerAidant },
    async (request, reply) =>
      reply.page((ctx) => ({
        titre: 'Confirmer votre présence',
        espace: 'pro',
        contenu: CodePage({
          csrf: ctx.csrf,
          action: `/aidants/reauthentification?retour=${encodeURIComponent(retourLocal(request.query.retour, '/aidants/espace'))}`,
          titre: 'Confirmer votre présence',
          texte: 'Vous n’avez rien fait depuis plus de 15 minutes. Saisissez votre code pour continuer.',
        }),
      })),
  )
  app.post<{ Querystring: { retour?: string } }>(
    '/aidants/reauthentification',
    { preHandler: exigerAidant, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const u = utilisateurConnecte(request)
      const retour = retourLocal(request.query.retour, '/aidants/espace')
      const f = lireFormulaire(codeForm, request.body)
      if (!f.ok || !(await verifierTotp(u.compteId, f.donnees.code)))
        return reply.page(
          (ctx) => ({
            titre: 'Confirmer votre présence',
            espace: 'pro',
            enErreur: true,
            contenu: CodePage({
              csrf: ctx.csrf,
              action: `/aidants/reauthentification?retour=${encodeURIComponent(retour)}`,
              titre: 'Confirmer votre présence',
              texte: 'Saisissez le code à 6 chiffres de votre carte ou application.',
              erreur: 'Code : code incorrect ou déjà utilisé.',
            }),
          }),
          400,
        )
      await ajouterAuJournal(deps.db, deps.secret, {
        action: 'reauthentification_aidant',
        le: deps.horloge(),
        aidantId: u.compteId,
      })
      return reply.redirect(retour, 303)
    },
  )
}
