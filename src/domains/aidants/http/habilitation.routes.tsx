import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { REGIONS } from '../../../platform/geo/territoires'
import { lireFormulaire } from '../../../platform/http/formulaire'
import type { ErreursFormulaire } from '../../../platform/layout/components'
import { demandeVue, messageVue, vaguesDesRegions } from '../db/admin-lectures'
import { messageErreurHabilitation } from '../domain/erreurs'
import { ETAPES_HABILITATION, etapeDuChamp, NOMBRE_ETAPES_HABILITATION } from '../domain/habilitation'
import { type DemandeRow, makeHabilitation } from '../use-cases/habilitation'
import { controlerSiret, MESSAGE_VERIFICATION_PLUS_TARD } from '../use-cases/registre'
import { HabilitationPage } from '../views/demande-habilitation.page'
import { DemandeEnregistreePage, SuiviDemandePage } from '../views/habilitation.page'
import { champsDuFormulaire, habilitationForm, messageForm, reglesStructure } from './aidants.form'
import type { ContexteRoutes } from './commun'

const LIMITE_PUBLIQUE = { rateLimit: { max: 10, timeWindow: '1 minute' } }

/** `/aidants/habilitation`: the public request, five steps on one URL, nothing written before the end. */
export function routesDemandeHabilitation(app: FastifyInstance, { deps }: ContexteRoutes) {
  const habilitation = makeHabilitation(deps)
  const regionsPourFormulaire = async () => {
    const ouvertes = await vaguesDesRegions(deps.db)
    return REGIONS.map((r) => ({ code: r.code, nom: r.nom, ouverte: ouvertes.has(r.code) }))
  }
  const pageHabilitation = (
    reply: FastifyReply,
    o: {
      etape: number
      regions: Awaited<ReturnType<typeof regionsPourFormulaire>>
      valeurs?: Record<string, string>
      erreurs?: ErreursFormulaire
    },
  ) =>
    reply.page(
      (ctx) => ({
        titre: `Demander l’habilitation — étape ${o.etape} sur ${NOMBRE_ETAPES_HABILITATION}`,
        ariane: [{ libelle: 'Aidants Connect', href: '/aidants' }, { libelle: 'Habilitation' }],
        enErreur: !!o.erreurs,
        contenu: HabilitationPage({ csrf: ctx.csrf, ...o }),
      }),
      o.erreurs ? 400 : 200,
    )
  app.get('/aidants/habilitation', async (_request, reply) =>
    pageHabilitation(reply, { etape: 1, regions: await regionsPourFormulaire() }),
  )
  app.post(
    '/aidants/habilitation',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const corps = champsDuFormulaire.parse(request.body)
      // Only the form's own fields travel on (and come back as hidden fields).
      const connus = new Set<string>(ETAPES_HABILITATION.flatMap((e) => e.champs))
      const valeurs = Object.fromEntries(
        Object.entries(corps).filter(
          (e): e is [string, string] => connus.has(e[0]) && typeof e[1] === 'string' && e[1].length <= 20_000,
        ),
      )
      const entier = (x: unknown) => (typeof x === 'string' && /^[1-9]$/.test(x) ? Number(x) : undefined)
      // Without a step (an old form, a script), the post is the whole request at once.
      const etape = Math.min(entier(corps.etape) ?? NOMBRE_ETAPES_HABILITATION, NOMBRE_ETAPES_HABILITATION)
      const regions = await regionsPourFormulaire()
      const aller = entier(corps.aller)
      if (aller !== undefined && aller < etape)
        return pageHabilitation(reply, { etape: aller, regions, valeurs })

      const f = lireFormulaire(habilitationForm, request.body)
      const erreurs: ErreursFormulaire = { ...reglesStructure(corps), ...(f.ok ? {} : f.erreurs) }
      if (!erreurs.region && !regions.some((r) => r.code === corps.region))
        erreurs.region = 'Région : choisissez une région.'
      // The SIRET, once well-formed and its step reached, is asked to the company register (cached).
      const siret = typeof corps.siret === 'string' ? corps.siret.replace(/\s/g, '') : ''
      const registre =
        !erreurs.siret && siret && etape >= etapeDuChamp('siret')
          ? await controlerSiret(deps, siret)
          : undefined
      if (registre && !registre.ok) erreurs.siret = registre.message
      // Errors of the steps already passed or current; those of later steps wait for their step.
      const etapesEnCause = Object.keys(erreurs)
        .map((champ) => etapeDuChamp(champ) || NOMBRE_ETAPES_HABILITATION)
        .filter((n) => n <= etape)
      if (etapesEnCause.length > 0) {
        const n = Math.min(...etapesEnCause)
        // In the order of the fields on the page, for the error summary.
        const ordre: readonly string[] = ETAPES_HABILITATION[n - 1]?.champs ?? []
        const aMontrer = Object.fromEntries(
          Object.entries(erreurs)
            .filter(([champ]) => (etapeDuChamp(champ) || NOMBRE_ETAPES_HABILITATION) === n)
            .sort(([a], [b]) => ordre.indexOf(a) - ordre.indexOf(b)),
        )
        return pageHabilitation(reply, { etape: n, regions, valeurs, erreurs: aMontrer })
      }
      if (etape < NOMBRE_ETAPES_HABILITATION)
        return pageHabilitation(reply, { etape: etape + 1, regions, valeurs })
      if (!f.ok) return pageHabilitation(reply, { etape, regions, valeurs, erreurs: f.erreurs })
      // A draft until the requester confirms the address from the e-mailed link (habilitation.routes).
      await habilitation.deposer({ ...f.donnees, ...(registre?.ok ? { registre: registre.registre } : {}) })
      if (registre?.ok && registre.registre.verification === 'a_verifier')
        reply.flash('info', MESSAGE_VERIFICATION_PLUS_TARD)
      return reply.redirect('/aidants/habilitation/envoyee', 303)
    },
  )
}

/**
 * The requester's follow-up page (reached by the e-mailed link, which confirms the address) and the
 * thread with the national team.
 */
export function routesSuiviDemande(app: FastifyInstance, { deps }: ContexteRoutes) {
  const habilitation = makeHabilitation(deps)
  app.get('/aidants/habilitation/envoyee', async (_request, reply) =>
    reply.page({
      titre: 'Confirmez votre adresse e-mail',
      ariane: [{ libelle: 'Aidants Connect', href: '/aidants' }, { libelle: 'Habilitation' }],
      contenu: DemandeEnregistreePage({ demo: deps.simulateurs }),
    }),
  )

  // ——— Requester: the link is the access ———
  const demandeDuLien = async (request: FastifyRequest<{ Params: { jeton: string } }>) =>
    habilitation.lire(request.params.jeton)

  const pageSuivi = async (
    reply: FastifyReply,
    jeton: string,
    d: DemandeRow,
    erreurs?: Record<string, string>,
    valeurs?: Record<string, string>,
  ) => {
    const messages = await habilitation.messages(d.id)
    return reply.page(
      (ctx) => ({
        titre: 'Ma demande d’habilitation',
        enErreur: !!erreurs,
        ariane: [{ libelle: 'Aidants Connect', href: '/aidants' }, { libelle: 'Ma demande' }],
        contenu: SuiviDemandePage({
          csrf: ctx.csrf,
          base: `/aidants/habilitation/lien/${encodeURIComponent(jeton)}`,
          demande: demandeVue(d),
          messages: messages.map(messageVue),
          ...(erreurs ? { erreurs } : {}),
          ...(valeurs ? { valeurs } : {}),
        }),
      }),
      erreurs ? 400 : 200,
    )
  }

  app.get<{ Params: { jeton: string } }>('/aidants/habilitation/lien/:jeton', async (request, reply) => {
    const d = await demandeDuLien(request)
    if (!d) return reply.callNotFound()
    return pageSuivi(reply, request.params.jeton, d)
  })

  app.post<{ Params: { jeton: string } }>(
    '/aidants/habilitation/lien/:jeton/confirmer',
    { config: LIMITE_PUBLIQUE },
    async (request, reply) => {
      const d = await demandeDuLien(request)
      if (!d) return reply.callNotFound()
      const r = await habilitation.confirmerEmail(d)
      if (!r.ok)
        return pageSuivi(reply, request.params.jeton, d, { formulaire: messageErreurHabilitation(r.error) })
      reply.flash(
        'success',
        r.value === 'liste_attente'
          ? 'Adresse confirmée. Votre région n’est pas encore ouverte : la demande est sur liste d’attente, vous serez prévenu par e-mail.'
          : 'Adresse confirmée. La demande est transmise à l’équipe nationale.',
      )
      return reply.redirect(`/aidants/habilitation/lien/${encodeURIComponent(request.params.jeton)}`, 303)
    },
  )

  app.post<{ Params: { jeton: string } }>(
    '/aidants/habilitation/lien/:jeton/messages',
    { config: LIMITE_PUBLIQUE },
    async (request, reply) => {
      const d = await demandeDuLien(request)
      if (!d) return reply.callNotFound()
      const f = lireFormulaire(messageForm, request.body)
      if (!f.ok)
        return pageSuivi(reply, request.params.jeton, d, f.erreurs as Record<string, string>, f.valeurs)
      const r = await habilitation.ecrire(d, 'demandeur', f.donnees.texte)
      if (!r.ok)
        return pageSuivi(reply, request.params.jeton, d, { texte: messageErreurHabilitation(r.error) })
      reply.flash('success', 'Message envoyé à l’équipe Aidants Connect.')
      return reply.redirect(`/aidants/habilitation/lien/${encodeURIComponent(request.params.jeton)}`, 303)
    },
  )

  app.post<{ Params: { jeton: string } }>(
    '/aidants/habilitation/lien/:jeton/renvoyer',
    { config: LIMITE_PUBLIQUE },
    async (request, reply) => {
      const d = await demandeDuLien(request)
      if (!d) return reply.callNotFound()
      const r = await habilitation.renvoyer(d)
      if (!r.ok)
        return pageSuivi(reply, request.params.jeton, d, { formulaire: messageErreurHabilitation(r.error) })
      reply.flash('success', 'Demande renvoyée à l’équipe nationale.')
      return reply.redirect(`/aidants/habilitation/lien/${encodeURIComponent(request.params.jeton)}`, 303)
    },
  )
}
