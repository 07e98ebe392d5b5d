import type { FastifyInstance } from 'fastify'
import { exigerRole } from '../../../platform/auth/utilisateur'
import { formatCsvDemande } from '../../../platform/csv'
import { pageFormulaire, refus, reussite } from '../../../platform/http/page-formulaire'
import { messageErreur } from '../domain/erreurs'
import { makeExporterCsv } from '../use-cases/exporter-csv'
import { makeGarderDansDossier } from '../use-cases/garder-dans-dossier'
import { makeLirePassationConseiller } from '../use-cases/lire-passation'
import { makeRepondre } from '../use-cases/repondre'
import { PassationPage } from '../views/passation.page'
import { ARIANE_CONSEILLER, type ContexteRoutes, CSS, codesStructures, paramsId } from './commun'
import { dossierForm, observationForm } from './diagnostic.form'

/** One diagnostic seen by its conseiller: `/diagnostic/passations/:id…`, and `/diagnostic/export.csv`. */
export async function passationsRoutes(app: FastifyInstance, { deps }: ContexteRoutes) {
  const lirePassation = makeLirePassationConseiller(deps)
  const repondre = makeRepondre(deps)
  const garder = makeGarderDansDossier(deps)
  const exporter = makeExporterCsv(deps)
  const garde = exigerRole('conseiller')

  pageFormulaire(app, {
    url: '/diagnostic/passations/:id',
    garde,
    params: paramsId,
    charger: ({ request, params }) => lirePassation(codesStructures(request), params.id),
    page: (m, etat, ctx) => ({
      titre: 'Diagnostic',
      espace: 'pro',
      ariane: [
        ...ARIANE_CONSEILLER,
        ...(m.session ? [{ libelle: 'Session', href: `/diagnostic/sessions/${m.session.code}` }] : []),
        { libelle: 'Diagnostic' },
      ],
      contenu: (
        <PassationPage
          csrf={ctx.csrf}
          {...m}
          erreurs={etat.erreurs}
          reference={etat.valeurs.reference ?? ''}
        />
      ),
      scripts: ['diagnostic-suivi'],
      feuillesDeStyle: CSS,
    }),
  })
    /** Assisted mode: the conseiller answers a question for the person, or marks an item observed. */
    .action('/diagnostic/passations/:id/etape', {
      schema: observationForm,
      executer: async ({ donnees, modele, reply }) => {
        const { observe } = donnees
        const r = await repondre({
          passationId: modele.passation.id,
          etape: donnees.etape,
          source: 'conseiller',
          passer: donnees.passer === 'oui' || observe === 'passe',
          choix: donnees.choix,
          valeurs: {},
          mesures: {},
          observe: observe === 'reussi' || observe === 'echoue' ? observe : undefined,
        })
        if (!r.ok) return refus({ choix: messageErreur(r.error) }, 400)
        if (r.value.statut === 'perime')
          reply.flash('info', 'Cette étape était déjà faite : voici la suivante.')
        return reussite(`/diagnostic/passations/${modele.passation.id}`)
      },
    })
    .action('/diagnostic/passations/:id/dossier', {
      schema: dossierForm,
      executer: async ({ donnees, modele, request }) => {
        const r = await garder({
          structures: codesStructures(request),
          passationId: modele.passation.id,
          reference: donnees.reference,
          accordOral: donnees.accord === 'oui',
        })
        if (!r.ok) {
          const champ = r.error.code === 'CONSENTEMENT_MANQUANT' ? 'accord' : 'reference'
          return refus({ [champ]: messageErreur(r.error) }, 422)
        }
        // Out of the conseiller's structures since the page was read: as unknown.
        if (!r.value) return refus({ reference: 'Ce diagnostic est introuvable.' }, 404)
        return reussite(
          `/diagnostic/beneficiaires/${r.value.beneficiaireId}`,
          'Le résultat est gardé dans le dossier.',
        )
      },
    })

  app.get('/diagnostic/export.csv', { preHandler: garde }, async (request, reply) => {
    const csv = await exporter(codesStructures(request), formatCsvDemande(request.query))
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="diagnostics.csv"')
      .type('text/csv; charset=utf-8')
      .send(csv)
  })
}
