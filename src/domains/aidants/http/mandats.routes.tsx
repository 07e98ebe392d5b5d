import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import QRCode from 'qrcode'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { usagerVue } from '../db/espace-lectures'
import { ajouterAuJournal } from '../db/journal-repository'
import { trouverMandat, trouverUsager } from '../db/mandats-repository'
import { type Demarche, type Duree, estDemarche, libelleDuree } from '../domain/demarches'
import { messageErreur } from '../domain/erreurs'
import { makeConsentementSms } from '../use-cases/consentement-sms'
import { makeCreerMandat, makeLireBrouillon, makePreparerBrouillon } from '../use-cases/creer-mandat'
import type { DepsAidants } from '../use-cases/deps'
import { makeRevoquer } from '../use-cases/revoquer-mandat'
import { makeNoterActivite } from '../use-cases/totp-aidant'
import { AttestationPage, NouveauMandatPage, RecapitulatifPage } from '../views/mandats.page'
import { nouveauMandatForm, recapitulatifForm, saisieNouveauMandat, telephoneForm } from './aidants.form'
import { makeAttestations } from './attestations'
import { type ContexteRoutes, makeExigerPresence } from './commun'
import { formulairesVers } from './formulaires-vers'
import { makeFranceConnect } from './franceconnect'
import { organisationCourante } from './organisation-courante'

/** `/aidants/mandats/nouveau` and the FranceConnect return: the usager identified, a draft prepared. */
export function routesNouveauMandat(app: FastifyInstance, ctx: ContexteRoutes) {
  const { deps } = ctx
  const preparerBrouillon = makePreparerBrouillon(deps)
  const { versFranceConnect, retourFranceConnect } = makeFranceConnect(ctx)
  const exigerAidant = exigerRole('aidant')
  const exigerPresence = makeExigerPresence(deps)
  // Pages whose form is answered by a redirect to FranceConnect (another origin in production).
  const aidantVersFc = [exigerAidant, formulairesVers(deps).versFranceConnect]
  app.get('/aidants/mandats/nouveau', { preHandler: aidantVersFc }, async (request, reply) => {
    if (!(await exigerPresence(request, reply))) return reply
    const organisation = await organisationCourante(deps, request)
    return reply.page((ctx) => ({
      titre: 'Créer un mandat',
      espace: 'pro',
      ariane: [{ libelle: 'Mes usagers', href: '/aidants/espace' }, { libelle: 'Créer un mandat' }],
      contenu: NouveauMandatPage({
        csrf: ctx.csrf,
        organisation: organisation.nom,
        autorisees: organisation.demarchesAutorisees.filter(estDemarche),
      }),
    }))
  })

  app.post('/aidants/mandats/nouveau', { preHandler: aidantVersFc }, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const organisation = await organisationCourante(deps, request)
    const autorisees = organisation.demarchesAutorisees.filter(estDemarche)
    const f = lireFormulaire(nouveauMandatForm, request.body)
    const horsPerimetre = f.ok && f.donnees.demarches.some((d) => !autorisees.includes(d as Demarche))
    if (!f.ok || horsPerimetre) {
      const valeurs = saisieNouveauMandat.parse(request.body)
      return reply.page(
        (ctx) => ({
          titre: 'Créer un mandat',
          espace: 'pro',
          enErreur: true,
          contenu: NouveauMandatPage({
            csrf: ctx.csrf,
            organisation: organisation.nom,
            autorisees,
            erreurs: f.ok
              ? { demarches: 'Démarches : une démarche n’est pas autorisée dans la structure.' }
              : f.erreurs,
            valeurs,
          }),
        }),
        400,
      )
    }
    return versFranceConnect(request, reply, 'mandat', {
      aidantId: u.compteId,
      organisationId: organisation.id,
      projet: { demarches: f.donnees.demarches, duree: f.donnees.duree },
    })
  })

  app.get('/aidants/franceconnect/retour', { preHandler: exigerAidant }, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const r = await retourFranceConnect(request, 'mandat')
    if (!r || r.connexion.aidantId !== u.compteId || !r.connexion.organisationId || !r.connexion.projet) {
      reply.flash(
        'error',
        'L’identification FranceConnect n’a pas abouti ou a expiré (5 minutes). Recommencez.',
      )
      return reply.redirect('/aidants/mandats/nouveau', 303)
    }
    const id = await preparerBrouillon({
      aidantId: u.compteId,
      organisationId: r.connexion.organisationId,
      usagerId: r.usager.id,
      demarches: r.connexion.projet.demarches.filter(estDemarche),
      duree: r.connexion.projet.duree as Duree,
    })
    return reply.redirect(`/aidants/mandats/recapitulatif/${id}`, 303)
  })
}

/** The draft's summary page, shared by its GET and by the refusals of its two forms. */
function makePageRecap(deps: DepsAidants) {
  const lireBrouillon = makeLireBrouillon(deps)
  const consentement = makeConsentementSms(deps)
  return async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    erreurs?: Record<string, string>,
  ) => {
    const u = utilisateurConnecte(request)
    const projet = await lireBrouillon(id, u.compteId)
    const organisation = await organisationCourante(deps, request)
    if (!projet || projet.organisationId !== organisation.id) return reply.callNotFound()
    const usager = await trouverUsager(deps.db, projet.usagerId)
    if (!usager) return reply.callNotFound()
    const sms = await consentement.dernier(id)
    const maintenant = deps.horloge()
    return reply.page(
      (ctx) => ({
        titre: 'Récapitulatif du mandat',
        espace: 'pro',
        enErreur: !!erreurs,
        contenu: RecapitulatifPage({
          csrf: ctx.csrf,
          id,
          organisation: organisation.nom,
          usager: usagerVue(usager),
          demarches: projet.demarches,
          duree: libelleDuree(projet.duree),
          renouvellement: !!projet.renouvellementDe,
          consentementSms: !sms
            ? 'aucun'
            : sms.accepteLe
              ? 'accepte'
              : sms.refuseLe
                ? 'refuse'
                : sms.expireLe <= maintenant
                  ? 'expire'
                  : 'attente',
          ...(erreurs ? { erreurs } : {}),
        }),
      }),
      erreurs ? 400 : 200,
    )
  }
}

/** `/aidants/mandats/recapitulatif/:id`: the draft read to the usager, signed by TOTP, or agreed by SMS. */
export function routesRecapitulatif(app: FastifyInstance, { deps }: ContexteRoutes) {
  const creerMandat = makeCreerMandat(deps)
  const lireBrouillon = makeLireBrouillon(deps)
  const consentement = makeConsentementSms(deps)
  const pageRecap = makePageRecap(deps)
  const exigerAidant = exigerRole('aidant')
  app.get<{ Params: { id: string } }>(
    '/aidants/mandats/recapitulatif/:id',
    { preHandler: exigerAidant },
    (request, reply) => pageRecap(request, reply, request.params.id),
  )
  app.post<{ Params: { id: string } }>(
    '/aidants/mandats/recapitulatif/:id',
    { preHandler: exigerAidant, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const u = utilisateurConnecte(request)
      const f = lireFormulaire(recapitulatifForm, request.body)
      if (!f.ok) return pageRecap(request, reply, request.params.id, f.erreurs as Record<string, string>)
      const projet = await lireBrouillon(request.params.id, u.compteId)
      const organisation = await organisationCourante(deps, request)
      if (!projet || projet.organisationId !== organisation.id) return reply.callNotFound()
      const sms = await consentement.dernier(request.params.id)
      const r = await creerMandat({
        brouillonId: request.params.id,
        projet,
        codeTotp: f.donnees.code,
        consentement: true,
        modeConsentement: sms?.accepteLe ? 'sms' : 'sur_place',
      })
      if (!r.ok) {
        const champ =
          r.error.code === 'CODE_TOTP_INVALIDE'
            ? 'code'
            : r.error.code === 'CONSENTEMENT_MANQUANT'
              ? 'consentement'
              : 'formulaire'
        return pageRecap(request, reply, request.params.id, { [champ]: messageErreur(r.error) })
      }
      reply.flash('success', 'Mandat signé. Imprimez l’attestation et faites-la signer par l’usager.')
      return reply.redirect(`/aidants/mandats/${r.value.mandatId}/attestation`, 303)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/aidants/mandats/recapitulatif/:id/sms',
    { preHandler: exigerAidant, config: { rateLimit: { max: 5, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const u = utilisateurConnecte(request)
      const projet = await lireBrouillon(request.params.id, u.compteId)
      const organisation = await organisationCourante(deps, request)
      if (!projet || projet.organisationId !== organisation.id) return reply.callNotFound()
      const f = lireFormulaire(telephoneForm, request.body)
      if (!f.ok) return pageRecap(request, reply, request.params.id, f.erreurs as Record<string, string>)
      await consentement.demander({
        brouillonId: request.params.id,
        aidantId: u.compteId,
        organisationId: organisation.id,
        organisationNom: organisation.nom,
        telephone: f.donnees.telephone,
      })
      reply.flash('info', 'SMS envoyé. Quand l’usager aura répondu, actualisez cette page.')
      return reply.redirect(`/aidants/mandats/recapitulatif/${request.params.id}`, 303)
    },
  )
}

/** The mandate of the aidant's current organisation, else undefined (a 404 for the caller). */
function makeMandatDeLAidant(deps: DepsAidants) {
  return async (request: FastifyRequest, id: string) => {
    const organisation = await organisationCourante(deps, request)
    const m = await trouverMandat(deps.db, id)
    return m && m.organisationId === organisation.id ? { m, organisation } : undefined
  }
}

/** `/aidants/mandats/:id/attestation` (page and PDF). */
export function routesAttestations(app: FastifyInstance, ctx: ContexteRoutes) {
  const { attestation, envoyerPdf } = makeAttestations(ctx)
  const mandatDeLAidant = makeMandatDeLAidant(ctx.deps)
  const exigerAidant = exigerRole('aidant')
  app.get<{ Params: { id: string }; Querystring: { revocation?: string } }>(
    '/aidants/mandats/:id/attestation',
    { preHandler: exigerAidant },
    async (request, reply) => {
      const t = await mandatDeLAidant(request, request.params.id)
      if (!t) return reply.callNotFound()
      const a = await attestation(request, t.m, t.organisation, request.query.revocation === '1')
      const qrSvg = await QRCode.toDataURL(a.urlVerification, { margin: 1, width: 160 })
      return reply.page({
        titre: a.nature === 'revocation' ? 'Attestation de révocation' : 'Attestation de mandat',
        espace: 'pro',
        ariane: [
          { libelle: 'Mes usagers', href: '/aidants/espace' },
          { libelle: a.usager, href: `/aidants/usagers/${t.m.usagerId}` },
          { libelle: a.nature === 'revocation' ? 'Attestation de révocation' : 'Attestation de mandat' },
        ],
        contenu: AttestationPage({
          ...a,
          qrSvg,
          urlPdf: `/aidants/mandats/${t.m.id}/attestation.pdf${a.nature === 'revocation' ? '?revocation=1' : ''}`,
        }),
      })
    },
  )

  app.get<{ Params: { id: string }; Querystring: { revocation?: string } }>(
    '/aidants/mandats/:id/attestation.pdf',
    { preHandler: exigerAidant },
    async (request, reply) => {
      const t = await mandatDeLAidant(request, request.params.id)
      if (!t) return reply.callNotFound()
      return envoyerPdf(
        reply,
        await attestation(request, t.m, t.organisation, request.query.revocation === '1'),
      )
    },
  )
}

/** Revoking a mandate (or one of its démarches) and renewing it. */
export function routesActesMandat(app: FastifyInstance, { deps }: ContexteRoutes) {
  const preparerBrouillon = makePreparerBrouillon(deps)
  const revoquer = makeRevoquer(deps)
  const noterActivite = makeNoterActivite(deps)
  const mandatDeLAidant = makeMandatDeLAidant(deps)
  const exigerAidant = exigerRole('aidant')
  const exigerPresence = makeExigerPresence(deps)
  app.post<{ Params: { id: string }; Body: { autorisation?: unknown } }>(
    '/aidants/mandats/:id/revoquer',
    { preHandler: exigerAidant },
    async (request, reply) => {
      if (!(await exigerPresence(request, reply))) return reply
      const u = utilisateurConnecte(request)
      const organisation = await organisationCourante(deps, request)
      const autorisationId =
        typeof request.body?.autorisation === 'string' ? request.body.autorisation : undefined
      const r = await revoquer({
        mandatId: request.params.id,
        ...(autorisationId ? { autorisationId } : {}),
        par: { type: 'aidant', compteId: u.compteId, organisationId: organisation.id },
      })
      if (!r.ok) {
        if (r.error.code === 'MANDAT_INTROUVABLE') return reply.callNotFound()
        reply.flash('error', messageErreur(r.error))
        return reply.redirect('/aidants/espace', 303)
      }
      await noterActivite(u.compteId)
      reply.flash(
        'success',
        autorisationId ? 'Démarche révoquée.' : 'Mandat révoqué. L’attestation de révocation est disponible.',
      )
      return reply.redirect(
        r.value.hashRevocation
          ? `/aidants/mandats/${request.params.id}/attestation?revocation=1`
          : '/aidants/espace',
        303,
      )
    },
  )

  app.post<{ Params: { id: string } }>(
    '/aidants/mandats/:id/renouveler',
    { preHandler: exigerAidant },
    async (request, reply) => {
      if (!(await exigerPresence(request, reply))) return reply
      const u = utilisateurConnecte(request)
      const t = await mandatDeLAidant(request, request.params.id)
      if (!t) return reply.callNotFound()
      const { demarchesARenouveler } = await import('../domain/mandat')
      const demarches = demarchesARenouveler(t.m, deps.horloge()).filter((d) =>
        t.organisation.demarchesAutorisees.includes(d),
      )
      if (demarches.length === 0) {
        reply.flash('error', messageErreur({ code: 'NON_RENOUVELABLE' }))
        return reply.redirect('/aidants/espace', 303)
      }
      // Renewal without a new FranceConnect login: the usager is already identified by the mandate.
      const id = await preparerBrouillon({
        aidantId: u.compteId,
        organisationId: t.organisation.id,
        usagerId: t.m.usagerId,
        demarches,
        duree: t.m.duree,
        renouvellementDe: t.m.id,
      })
      await ajouterAuJournal(deps.db, deps.secret, {
        action: 'debut_renouvellement',
        le: deps.horloge(),
        aidantId: u.compteId,
        organisationId: t.organisation.id,
        usagerId: t.m.usagerId,
        mandatId: t.m.id,
      })
      return reply.redirect(`/aidants/mandats/recapitulatif/${id}`, 303)
    },
  )
}
