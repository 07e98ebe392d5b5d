import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { exigerRole } from '../../../platform/auth/utilisateur'
import { avecCommunes, champCommune } from '../../../platform/geo/champ-commune'
import { pageFormulaire, reussite } from '../../../platform/http/page-formulaire'
import { listerBeneficiaires } from '../db/beneficiaires-repository'
import {
  makeCreerBeneficiaire,
  makeEffacerBeneficiaire,
  makeExporterBeneficiaire,
} from '../use-cases/beneficiaires'
import {
  BeneficiairesPage,
  FicheBeneficiairePage,
  NouveauBeneficiairePage,
} from '../views/beneficiaires.page'
import { ARIANE, auteur, type ContexteRoutes, paramsId } from './commun'

/** Follow-up files (`/activites/beneficiaires…`): list, creation with consent, access and erasure. */

const ARIANE_PERSONNES = { libelle: 'Personnes suivies', href: '/activites/beneficiaires' }

const beneficiaireForm = avecCommunes(
  z.object({
    prenom: z
      .string({ error: 'Prénom ou surnom : saisissez-le.' })
      .trim()
      .min(1, 'Prénom ou surnom : saisissez-le.')
      .max(60, 'Prénom ou surnom : 60 caractères au plus.'),
    contact: z.string().trim().max(120, 'Contact : 120 caractères au plus.').optional(),
    tranche_age: z.enum(['moins_12', '12_17', '18_24', '25_39', '40_59', '60_69', '70_plus', 'nc'], {
      error: 'Tranche d’âge : choisissez dans la liste.',
    }),
    situation: z.enum(['scolarise', 'sans_emploi', 'en_emploi', 'retraite', 'nc'], {
      error: 'Situation : choisissez dans la liste.',
    }),
    code_commune: champCommune({ prefixe: 'Commune de résidence' }),
    consentement: z.literal('oui', {
      error: 'Accord de la personne : cochez la case, sans accord pas de fiche.',
    }),
  }),
)

export function routesBeneficiaires(app: FastifyInstance, { deps }: ContexteRoutes) {
  const creerBeneficiaire = makeCreerBeneficiaire(deps)
  const exporterBeneficiaire = makeExporterBeneficiaire(deps)
  const effacerBeneficiaire = makeEffacerBeneficiaire(deps)
  const garde = exigerRole('conseiller')
  const conseiller = { preHandler: garde }

  app.get('/activites/beneficiaires', conseiller, async (request, reply) => {
    const par = auteur(request)
    const liste = await listerBeneficiaires(deps.db, par.compteId)
    return reply.page({
      titre: 'Personnes suivies',
      espace: 'pro',
      ariane: [ARIANE, { libelle: 'Personnes suivies' }],
      contenu: (
        <BeneficiairesPage
          liste={liste.map((b) => ({
            id: b.id,
            prenom: b.prenom,
            trancheAge: b.trancheAge,
            situation: b.situation,
          }))}
        />
      ),
    })
  })

  pageFormulaire(app, {
    url: '/activites/beneficiaires/nouveau',
    garde,
    charger: () => ({}),
    page: (_modele, etat, ctx) => ({
      titre: 'Créer une fiche de suivi',
      espace: 'pro',
      ariane: [ARIANE, ARIANE_PERSONNES, { libelle: 'Créer une fiche' }],
      contenu: <NouveauBeneficiairePage csrf={ctx.csrf} valeurs={etat.valeurs} erreurs={etat.erreurs} />,
    }),
  }).action('/activites/beneficiaires', {
    schema: beneficiaireForm,
    executer: async ({ donnees, request }) => {
      const b = await creerBeneficiaire({
        par: auteur(request),
        saisie: {
          prenom: donnees.prenom,
          contact: donnees.contact || null,
          trancheAge: donnees.tranche_age,
          situation: donnees.situation,
          codeCommune: donnees.code_commune || null,
        },
      })
      return reussite(`/activites/beneficiaires/${b.id}`, 'Fiche de suivi créée.')
    },
  })

  app.get('/activites/beneficiaires/:id', conseiller, async (request, reply) => {
    const par = auteur(request)
    const p = paramsId.safeParse(request.params)
    if (!p.success) return reply.callNotFound()
    const { id } = p.data
    const r = await exporterBeneficiaire({ conseillerId: par.compteId, id })
    if (!r.ok) return reply.callNotFound()
    return reply.page((ctx) => ({
      titre: `Fiche de suivi : ${r.value.fiche.prenom}`,
      espace: 'pro',
      ariane: [ARIANE, ARIANE_PERSONNES, { libelle: r.value.fiche.prenom }],
      contenu: <FicheBeneficiairePage csrf={ctx.csrf} id={id} donnees={r.value} />,
    }))
  })

  app.get('/activites/beneficiaires/:id/export.json', conseiller, async (request, reply) => {
    const par = auteur(request)
    const p = paramsId.safeParse(request.params)
    if (!p.success) return reply.callNotFound()
    const { id } = p.data
    const r = await exporterBeneficiaire({ conseillerId: par.compteId, id })
    if (!r.ok) return reply.callNotFound()
    return reply
      .header('content-disposition', `attachment; filename="fiche-${id}.json"`)
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(r.value, null, 2))
  })

  app.post('/activites/beneficiaires/:id/effacer', conseiller, async (request, reply) => {
    const par = auteur(request)
    const p = paramsId.safeParse(request.params)
    if (!p.success) return reply.callNotFound()
    const r = await effacerBeneficiaire({ conseillerId: par.compteId, id: p.data.id })
    if (!r.ok) return reply.callNotFound()
    reply.flash('success', 'Fiche de suivi effacée. Les activités restent comptées, de façon anonyme.')
    return reply.redirect('/activites/beneficiaires', 303)
  })
}
