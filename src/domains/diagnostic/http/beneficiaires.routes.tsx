import type { FastifyInstance } from 'fastify'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { pageFormulaire, refus, reussite } from '../../../platform/http/page-formulaire'
import { messageErreur } from '../domain/erreurs'
import { makeCreerSession } from '../use-cases/creer-session'
import { makeLierFicheSuivi } from '../use-cases/fiche-suivi'
import { makeLireBeneficiaires, makeSuivreBeneficiaire } from '../use-cases/suivre-session'
import { BeneficiairePage, BeneficiairesPage } from '../views/beneficiaires.page'
import { ARIANE_CONSEILLER, type ContexteRoutes, CSS, codesStructures, paramsId } from './commun'
import { ficheForm } from './diagnostic.form'

/** The pseudonymous records: `/diagnostic/beneficiaires…` (progress, re-test, follow-up file). */
export async function beneficiairesRoutes(app: FastifyInstance, { deps }: ContexteRoutes) {
  const creerSession = makeCreerSession(deps)
  const lireBeneficiaires = makeLireBeneficiaires(deps)
  const suivreBeneficiaire = makeSuivreBeneficiaire(deps)
  const lierFiche = makeLierFicheSuivi(deps)
  const garde = exigerRole('conseiller')

  app.get('/diagnostic/beneficiaires', { preHandler: garde }, async (request, reply) => {
    const beneficiaires = await lireBeneficiaires(codesStructures(request))
    return reply.page({
      titre: 'Dossiers bénéficiaires',
      espace: 'pro',
      ariane: [...ARIANE_CONSEILLER, { libelle: 'Dossiers' }],
      contenu: <BeneficiairesPage beneficiaires={beneficiaires} />,
      feuillesDeStyle: CSS,
    })
  })

  const dossier = pageFormulaire(app, {
    url: '/diagnostic/beneficiaires/:id',
    garde,
    params: paramsId,
    charger: ({ request, params }) => suivreBeneficiaire(codesStructures(request), params.id),
    page: (suivi, etat, ctx) => ({
      titre: `Dossier ${suivi.beneficiaire.reference}`,
      espace: 'pro',
      ariane: [
        ...ARIANE_CONSEILLER,
        { libelle: 'Dossiers', href: '/diagnostic/beneficiaires' },
        { libelle: suivi.beneficiaire.reference },
      ],
      contenu: (
        <BeneficiairePage
          csrf={ctx.csrf}
          beneficiaire={suivi.beneficiaire}
          historique={suivi.historique}
          erreurFiche={
            etat.erreurs.fiche ??
            (Object.keys(etat.erreurs).length ? 'Vérifiez l’adresse de la fiche de suivi.' : undefined)
          }
          valeurFiche={etat.valeurs.fiche?.slice(0, 300)}
        />
      ),
      feuillesDeStyle: CSS,
    }),
  })

  /** Attach the record to a follow-up file of « Mes activités », whose page then lists these results. */
  dossier.action('/diagnostic/beneficiaires/:id/fiche', {
    schema: ficheForm,
    executer: async ({ donnees, modele, request }) => {
      const id = modele.beneficiaire.id
      const r = await lierFiche({
        structures: codesStructures(request),
        beneficiaireId: id,
        fiche: donnees.fiche,
      })
      // A file outside the conseiller's structures answers as an unknown one: nothing is linked.
      if (!r.ok)
        return refus({ fiche: messageErreur(r.error) }, r.error.code === 'FICHE_SUIVI_INCONNUE' ? 404 : 400)
      if (!r.value) return refus({ fiche: 'Ce dossier est introuvable.' }, 404)
      return reussite(
        `/diagnostic/beneficiaires/${id}`,
        r.value.ficheSuiviId
          ? 'Le dossier est rattaché à la fiche de suivi : ses diagnostics y apparaissent.'
          : 'Le dossier n’est plus rattaché à une fiche de suivi.',
      )
    },
  })

  app.post('/diagnostic/beneficiaires/:id/retest', { preHandler: garde }, async (request, reply) => {
    const params = paramsId.safeParse(request.params)
    const suivi = params.success
      ? await suivreBeneficiaire(codesStructures(request), params.data.id)
      : undefined
    if (!suivi) return reply.callNotFound()
    const session = await creerSession({
      structureCode: suivi.beneficiaire.structureCode,
      creePar: utilisateurConnecte(request).compteId,
      libelle: `Nouveau diagnostic ${suivi.beneficiaire.reference}`,
      beneficiaireId: suivi.beneficiaire.id,
    })
    if (!session) return reply.callNotFound()
    return reply.redirect(`/diagnostic/sessions/${session.code}`, 303)
  })
}
