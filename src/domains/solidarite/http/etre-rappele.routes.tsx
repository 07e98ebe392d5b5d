import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { aLeRole } from '../../../platform/auth/utilisateur'
import { pageFormulaire, refus, reussite } from '../../../platform/http/page-formulaire'
import { creneauxProposes, HORAIRES_NATIONAUX, momentLocal } from '../domain/creneaux'
import { echeancePremierAppel } from '../domain/delais'
import { estReference } from '../domain/demande'
import { fuseauDe, TERRITOIRES, type Territoire } from '../domain/telephone'
import { CRENEAU_DES_QUE_POSSIBLE, type DepsSolidarite, makeAnnuler, makeDeposer } from '../use-cases/deposer'
import { EtreRappelePage, type ModeleSuivi, SuiviDemandePage } from '../views/etre-rappele.page'
import { demandeForm } from './demande.form'

/** Per address: a person may correct and send again; a robot may not flood the médiateurs' queue. */
const LIMITE_DEPOT = { rateLimit: { max: 6, timeWindow: '10 minutes' } }
const LIMITE_SUIVI = { rateLimit: { max: 30, timeWindow: '1 minute' } }

/** Professionals who may file a request for someone they are helping. */
const ROLES_POUR_AUTRUI = ['conseiller', 'aidant', 'gestionnaire', 'mediateur', 'referent'] as const

const territoireDe = (q: unknown): Territoire => {
  const t = (q as { territoire?: unknown } | undefined)?.territoire
  return typeof t === 'string' && (TERRITOIRES as string[]).includes(t) ? (t as Territoire) : 'metropole'
}

const lienSuivi = (reference: string, jeton: string) => `/etre-rappele/demande/${reference}/${jeton}`

/** `GET/POST /etre-rappele`, and the follow-up page the confirmation and the SMS link lead to. */
export function routesEtreRappele(app: FastifyInstance, deps: DepsSolidarite) {
  routesFormulaire(app, deps)
  routesSuivi(app, deps)
}

function routesFormulaire(app: FastifyInstance, deps: DepsSolidarite) {
  const service = deps.service ?? HORAIRES_NATIONAUX
  const deposer = makeDeposer(deps)

  const formulaire = pageFormulaire(app, {
    url: '/etre-rappele',
    charger: ({ request }) => {
      const maintenant = deps.horloge()
      // The territory the form was posted for, on a refusal; the query's on a first visit.
      const territoire = territoireDe(request.method === 'POST' ? request.body : request.query)
      const fuseau = fuseauDe(territoire)
      return {
        territoire,
        creneaux: creneauxProposes(maintenant, fuseau, service),
        desQuePossible: `au plus tard ${momentLocal(echeancePremierAppel(maintenant, undefined, service), fuseau)}`,
        pourAutrui: aLeRole(request.utilisateur, ...ROLES_POUR_AUTRUI),
      }
    },
    page: (m, etat, ctx) => ({
      titre: 'Être rappelé par un médiateur',
      espace: 'public',
      ariane: [{ libelle: 'Être rappelé' }],
      contenu: <EtreRappelePage m={m} csrf={ctx.csrf} e={etat.erreurs} v={etat.valeurs} />,
    }),
  })

  formulaire.action('/etre-rappele', {
    schema: demandeForm,
    config: LIMITE_DEPOT,
    executer: async ({ donnees: d, modele, request }) => {
      // A robot filled the hidden field: it is told nothing was wrong, and nothing is written.
      if (d.site_web) return reussite('/etre-rappele', 'Votre demande est enregistrée.')
      const issue = await deposer({
        telephone: d.telephone,
        prenom: d.prenom,
        besoin: d.besoin,
        domaineDemarche: d.domaine_demarche,
        dateLimiteDemarche: d.date_limite,
        arnaqueEnCours: d.arnaque_en_cours,
        isolement: d.isolement,
        reponseParSms: d.reponse_sms,
        langue: d.langue,
        territoire: modele.territoire,
        creneau: d.creneau,
        deposeePar: modele.pourAutrui ? request.utilisateur?.compteId : undefined,
      })
      if (!issue.ok)
        return issue.erreur === 'creneau-passe'
          ? refus({
              creneau: 'Ce créneau n’est plus proposé : choisissez-en un autre, ou « dès que possible ».',
            })
          : refus(
              {
                telephone:
                  'Vous avez déjà demandé plusieurs fois à être rappelé à ce numéro : votre demande est bien enregistrée, un médiateur vous appellera.',
              },
              409,
            )
      return reussite(`${lienSuivi(issue.reference, issue.jeton)}?nouvelle=1`)
    },
  })
}

function routesSuivi(app: FastifyInstance, deps: DepsSolidarite) {
  const annulation = makeAnnuler(deps)
  const params = z.object({
    reference: z.string().refine(estReference),
    jeton: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  })

  const suivi = pageFormulaire(app, {
    url: '/etre-rappele/demande/:reference/:jeton',
    params,
    config: LIMITE_SUIVI,
    charger: async ({ params: p, request }): Promise<(ModeleSuivi & { nouvelle: boolean }) | undefined> => {
      const d = await annulation.verifier(p.reference, p.jeton)
      if (!d) return undefined
      const creneauDebut = d.creneauDebut
      return {
        reference: d.reference,
        statut: d.statut,
        issue: d.issue,
        quand:
          d.creneauId && creneauDebut && d.creneauFin
            ? `${momentLocal(creneauDebut, d.fuseau)}, avant ${momentLocal(d.creneauFin, d.fuseau).replace(/^.* à /, '')}`
            : `au plus tard ${momentLocal(d.echeance, d.fuseau)}`,
        lienAnnulation: `${lienSuivi(d.reference, p.jeton)}/annuler`,
        nouvelle: (request.query as { nouvelle?: string }).nouvelle === '1',
      }
    },
    page: (m, _etat, ctx) => ({
      titre: m.nouvelle ? 'Demande enregistrée' : `Demande ${m.reference}`,
      espace: 'public',
      ariane: [{ libelle: 'Être rappelé', href: '/etre-rappele' }, { libelle: `Demande ${m.reference}` }],
      contenu: <SuiviDemandePage m={m} csrf={ctx.csrf} nouvelle={m.nouvelle} />,
    }),
  })

  suivi.action('/etre-rappele/demande/:reference/:jeton/annuler', {
    schema: z.object({}),
    config: LIMITE_SUIVI,
    executer: async ({ params: p }) => {
      const r = await annulation.annuler(p.reference, p.jeton)
      if (r === 'introuvable') return refus({}, 404)
      return reussite(
        lienSuivi(p.reference, p.jeton),
        r === 'annulee'
          ? 'Votre demande est annulée. Vous allez recevoir un SMS.'
          : 'Cette demande était déjà terminée.',
      )
    },
  })
}

export { CRENEAU_DES_QUE_POSSIBLE }
