import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { exigerRole } from '../../../platform/auth/utilisateur'
import { trouverActivite } from '../db/activites-repository'
import { listerBeneficiaires } from '../db/beneficiaires-repository'
import { estModifiable } from '../domain/activite'
import { type ErreurActivites, messageErreur } from '../domain/erreurs'
import { uuidV7 } from '../domain/identifiant'
import { doitSuggererFranceServices, versFormulaire } from '../domain/saisie'
import {
  makeEnregistrerActivite,
  makeModifierActivite,
  makeSupprimerActivite,
} from '../use-cases/enregistrer-activite'
import { type ProprietesSaisie, SaisiePage, type ValeursSaisie } from '../views/saisie.page'
import { ARIANE, auteur, type ContexteRoutes, ID, paramsId } from './commun'
import { lireSaisieEtCommunes } from './saisie-communes'

/**
 * One activity: enter it (`/activites/nouvelle`, `POST /activites`), edit it within 30 days
 * (`/activites/:id/modifier`, `POST /activites/:id`), copy it as a new workshop, delete it.
 *
 * The body goes through `lireSaisie` (domain/saisie.ts), not through `pageFormulaire`: the same reader
 * serves the offline queue's JSON, keeps checkbox groups as lists to show them again, and must stay
 * cheap on the recording path (ADR 020); the page's lists (places, files, France Services) are only
 * read when the form is shown, never before a successful write.
 */

/** `?beneficiaire=<id>` pre-selects a follow-up file; anything else is ignored, as a plain link would be. */
const requeteNouvelle = z.object({ beneficiaire: z.string().regex(ID).optional().catch(undefined) })

const TITRE_NOUVELLE = 'Enregistrer une activité'
const BOUTON_NOUVELLE = 'Enregistrer l’activité'
const TITRE_MODIFIER = 'Modifier une activité'
const BOUTON_MODIFIER = 'Enregistrer les modifications'

/** The field a business refusal points at, for the error summary. */
const champDeLErreur = (e: ErreurActivites, parDefaut: string) =>
  e.code === 'LIEU_INCONNU' ? 'lieu_id' : e.code === 'BENEFICIAIRE_INCONNU' ? 'beneficiaire_id' : parDefaut

interface OptionsPage {
  titre: string
  action: string
  bouton: string
  valeurs: ValeursSaisie
  erreurs: Record<string, string>
  statut?: number
  horsLigne?: boolean
}

type PageSaisie = (request: FastifyRequest, reply: FastifyReply, o: OptionsPage) => Promise<unknown>

/** Shows the form with the author's lists (places, follow-up files, nearest France Services). */
function afficheurSaisie({ deps }: ContexteRoutes): PageSaisie {
  return async (request, reply, o) => {
    const par = auteur(request)
    const [lieux, beneficiaires, structure] = await Promise.all([
      deps.lieux.lieuxDeLaStructure(par.structureId),
      listerBeneficiaires(deps.db, par.compteId),
      deps.structures.territoireDeStructure(par.structureId),
    ])
    const franceServices = structure?.codeCommune
      ? await deps.lieux.franceServicesLaPlusProche(structure.codeCommune)
      : undefined
    const horsLigne = o.horsLigne ?? false
    return reply.page(
      (ctx) => ({
        titre: o.titre,
        espace: 'pro',
        enErreur: Object.keys(o.erreurs).length > 0,
        ariane: [ARIANE, { libelle: o.titre }],
        scripts: horsLigne ? ['activites-saisie'] : [],
        contenu: (
          <SaisiePage
            {...({
              csrf: ctx.csrf,
              action: o.action,
              titre: o.titre,
              bouton: o.bouton,
              valeurs: o.valeurs,
              erreurs: o.erreurs,
              lieux,
              beneficiaires: beneficiaires.map((b) => ({ id: b.id, prenom: b.prenom })),
              franceServices,
              horsLigne,
            } satisfies ProprietesSaisie)}
          />
        ),
      }),
      o.statut ?? 200,
    )
  }
}

/** The activity named by `:id`, only for its author (anyone else gets the same 404 as an unknown id). */
async function chargerPropre({ deps }: ContexteRoutes, request: FastifyRequest) {
  const par = auteur(request)
  const p = paramsId.safeParse(request.params)
  if (!p.success) return undefined
  const a = await trouverActivite(deps.db, p.data.id)
  return a && a.conseillerId === par.compteId ? a : undefined
}

const conseiller = { preHandler: exigerRole('conseiller') }

export function routesSaisie(app: FastifyInstance, contexte: ContexteRoutes) {
  const pageSaisie = afficheurSaisie(contexte)
  routesNouvelle(app, contexte, pageSaisie)
  routesModification(app, contexte, pageSaisie)
  routeSuppression(app, contexte)
}

/** A new activity: blank, or copied from an earlier workshop; recorded by `POST /activites`. */
function routesNouvelle(app: FastifyInstance, contexte: ContexteRoutes, pageSaisie: PageSaisie) {
  const { deps, aujourdhui } = contexte
  const enregistrer = makeEnregistrerActivite(deps)

  app.get('/activites/nouvelle', conseiller, async (request, reply) => {
    const q = requeteNouvelle.parse(request.query ?? {})
    return pageSaisie(request, reply, {
      titre: TITRE_NOUVELLE,
      action: '/activites',
      bouton: BOUTON_NOUVELLE,
      valeurs: {
        id: uuidV7(),
        type: 'individuel',
        date: aujourdhui(),
        duree: '60',
        lieu_type: 'lieu_activite',
        orientation: 'aucune',
        ...(q.beneficiaire ? { beneficiaire_id: q.beneficiaire } : {}),
      },
      erreurs: {},
      horsLigne: true,
    })
  })

  app.post('/activites', conseiller, async (request, reply) => {
    const par = auteur(request)
    const lu = lireSaisieEtCommunes(request.body, aujourdhui(), uuidV7)
    let erreurs = lu.ok ? {} : lu.erreurs
    if (lu.ok) {
      const r = await enregistrer({ par, saisie: lu.saisie })
      if (r.ok) {
        const conseil = doitSuggererFranceServices(lu.saisie)
          ? ' Pensez à orienter la personne vers une France Services pour sa démarche.'
          : ''
        reply.flash(
          'success',
          `${r.value.deja ? 'Cette activité était déjà enregistrée.' : 'Activité enregistrée.'}${conseil}`,
        )
        return reply.redirect('/activites', 303)
      }
      erreurs = { [champDeLErreur(r.error, 'id')]: messageErreur(r.error) }
    }
    return pageSaisie(request, reply, {
      titre: TITRE_NOUVELLE,
      action: '/activites',
      bouton: BOUTON_NOUVELLE,
      valeurs: valeursDeCorps(request.body),
      erreurs,
      statut: 400,
      horsLigne: true,
    })
  })

  app.get('/activites/:id/dupliquer', conseiller, async (request, reply) => {
    const a = await chargerPropre(contexte, request)
    if (!a) return reply.callNotFound()
    // Same workshop, new occurrence: new id, today's date, same everything else.
    return pageSaisie(request, reply, {
      titre: TITRE_NOUVELLE,
      action: '/activites',
      bouton: BOUTON_NOUVELLE,
      valeurs: { ...versFormulaire(a), id: uuidV7(), date: aujourdhui() },
      erreurs: {},
      horsLigne: true,
    })
  })
}

/** Editing one's own activity, within the 30 days of `estModifiable`. */
function routesModification(app: FastifyInstance, contexte: ContexteRoutes, pageSaisie: PageSaisie) {
  const { deps, aujourdhui } = contexte
  const modifier = makeModifierActivite(deps)

  app.get('/activites/:id/modifier', conseiller, async (request, reply) => {
    const a = await chargerPropre(contexte, request)
    if (!a) return reply.callNotFound()
    if (!estModifiable(a, deps.horloge())) {
      reply.flash('error', messageErreur({ code: 'DELAI_DEPASSE' }))
      return reply.redirect('/activites', 303)
    }
    return pageSaisie(request, reply, {
      titre: TITRE_MODIFIER,
      action: `/activites/${a.id}`,
      bouton: BOUTON_MODIFIER,
      valeurs: versFormulaire(a),
      erreurs: {},
    })
  })

  app.post('/activites/:id', conseiller, async (request, reply) => {
    const par = auteur(request)
    const p = paramsId.safeParse(request.params)
    if (!p.success) return reply.callNotFound()
    const { id } = p.data
    // The id of the URL wins over any `id` field of the body: the form edits the activity it names.
    const lu = lireSaisieEtCommunes({ ...objetOuVide(request.body), id }, aujourdhui(), uuidV7)
    let erreurs = lu.ok ? {} : lu.erreurs
    if (lu.ok) {
      const r = await modifier({ par, id, saisie: lu.saisie })
      if (r.ok) {
        reply.flash('success', 'Activité modifiée.')
        return reply.redirect('/activites', 303)
      }
      if (r.error.code === 'ACTIVITE_INTROUVABLE') return reply.callNotFound()
      if (r.error.code === 'DELAI_DEPASSE')
        return reply.status(422).page(
          {
            titre: 'Modification impossible',
            espace: 'pro',
            contenu: <p safe>{messageErreur(r.error)}</p>,
          },
          422,
        )
      erreurs = { [champDeLErreur(r.error, 'date')]: messageErreur(r.error) }
    }
    return pageSaisie(request, reply, {
      titre: TITRE_MODIFIER,
      action: `/activites/${id}`,
      bouton: BOUTON_MODIFIER,
      valeurs: { ...valeursDeCorps(request.body), id },
      erreurs,
      statut: 400,
    })
  })
}

function routeSuppression(app: FastifyInstance, { deps }: ContexteRoutes) {
  const supprimer = makeSupprimerActivite(deps)
  app.post('/activites/:id/supprimer', conseiller, async (request, reply) => {
    const par = auteur(request)
    const p = paramsId.safeParse(request.params)
    if (!p.success) return reply.callNotFound()
    const r = await supprimer({ par, id: p.data.id })
    if (!r.ok && r.error.code === 'ACTIVITE_INTROUVABLE') return reply.callNotFound()
    reply.flash(r.ok ? 'success' : 'error', r.ok ? 'Activité supprimée.' : messageErreur(r.error))
    return reply.redirect('/activites', 303)
  })
}

const objetOuVide = (body: unknown): object => (body && typeof body === 'object' ? body : {})

/** Submitted values kept as typed (checkbox groups as lists), to show the form again. */
function valeursDeCorps(body: unknown): ValeursSaisie {
  const v: ValeursSaisie = {}
  for (const [k, x] of Object.entries(objetOuVide(body))) {
    if (k === '_csrf') continue
    if (typeof x === 'string') v[k] = x
    else if (Array.isArray(x)) v[k] = x.filter((y): y is string => typeof y === 'string')
  }
  return v
}
