import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import QRCode from 'qrcode'
import { exigerRole, porteesDe, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { pourMoteur, reponsesDe, trouverBeneficiaire, trouverSession } from '../db/diagnostic-repository'
import { lireCode } from '../domain/code-session'
import { messageErreur } from '../domain/erreurs'
import { prochaineEtape } from '../domain/moteur'
import { resultat } from '../domain/resultat'
import { makeCommencerAccompagne } from '../use-cases/commencer-passation'
import { makeCreerSession } from '../use-cases/creer-session'
import type { DepsDiagnostic } from '../use-cases/deps'
import { makeExporterCsv } from '../use-cases/exporter-csv'
import { makeLierFicheSuivi } from '../use-cases/fiche-suivi'
import { makeGarderDansDossier } from '../use-cases/garder-dans-dossier'
import { makeRepondre } from '../use-cases/repondre'
import {
  makeLireBeneficiaires,
  makeListerSessions,
  makeSuivreBeneficiaire,
  makeSuivreSession,
  passationDansPerimetre,
} from '../use-cases/suivre-session'
import {
  BeneficiairePage,
  BeneficiairesPage,
  PassationPage,
  SessionPage,
  SessionsPage,
  type StructureConseiller,
  TableauSuivi,
} from '../views/conseiller.page'
import { dossierForm, ficheForm, observationForm, sessionForm } from './diagnostic.form'

const ARIANE = [{ libelle: 'Diagnostics', href: '/diagnostic/sessions' }]
const CSS = ['css/diagnostic.css']

/** The structures on which the signed-in person is a conseiller: every query below is scoped to them. */
function structuresDe(request: FastifyRequest): StructureConseiller[] {
  return porteesDe(utilisateurConnecte(request), 'conseiller')
    .filter((p) => p.type === 'structure')
    .map((p) => ({ code: p.code, libelle: p.libelle || p.code }))
}

const introuvable = (reply: FastifyReply) => reply.callNotFound()

export async function conseillerRoutes(app: FastifyInstance, { deps }: { deps: DepsDiagnostic }) {
  const creerSession = makeCreerSession(deps)
  const listerSessions = makeListerSessions(deps)
  const suivreSession = makeSuivreSession(deps)
  const commencerAccompagne = makeCommencerAccompagne(deps)
  const repondre = makeRepondre(deps)
  const garder = makeGarderDansDossier(deps)
  const lireBeneficiaires = makeLireBeneficiaires(deps)
  const suivreBeneficiaire = makeSuivreBeneficiaire(deps)
  const exporter = makeExporterCsv(deps)
  const lierFiche = makeLierFicheSuivi(deps)
  const conseiller = { preHandler: exigerRole('conseiller') }
  const codes = (request: FastifyRequest) => structuresDe(request).map((s) => s.code)

  const pageSessions = async (
    request: FastifyRequest,
    reply: FastifyReply,
    erreurs?: Record<string, string | undefined>,
  ) => {
    const structures = structuresDe(request)
    const sessions = await listerSessions(structures.map((s) => s.code))
    return reply.page(
      (ctx) => ({
        titre: 'Diagnostics',
        espace: 'pro',
        enErreur: !!erreurs,
        ariane: [{ libelle: 'Diagnostics' }],
        contenu: (
          <SessionsPage
            csrf={ctx.csrf}
            structures={structures}
            sessions={sessions}
            erreurs={erreurs}
            maintenant={deps.horloge()}
          />
        ),
        feuillesDeStyle: CSS,
      }),
      erreurs ? 400 : 200,
    )
  }

  app.get('/diagnostic/sessions', conseiller, async (request, reply) => pageSessions(request, reply))

  app.post('/diagnostic/sessions', conseiller, async (request, reply) => {
    const structures = structuresDe(request)
    const form = lireFormulaire(sessionForm, request.body)
    if (!form.ok) return pageSessions(request, reply, form.erreurs)
    const structure = form.donnees.structure
      ? structures.find((s) => s.code === form.donnees.structure)
      : structures[0]
    if (!structure) return pageSessions(request, reply, { structure: 'Choisissez une de vos structures.' })
    const session = await creerSession({
      structureCode: structure.code,
      creePar: utilisateurConnecte(request).compteId,
      libelle: form.donnees.libelle,
    })
    return reply.redirect(`/diagnostic/sessions/${session!.code}`, 303)
  })

  app.get('/diagnostic/sessions/:code', conseiller, async (request, reply) => {
    const suivi = await suivreSession(codes(request), (request.params as { code: string }).code)
    if (!suivi) return introuvable(reply)
    const lienCode = `${deps.baseUrl}/diagnostic/code?code=${suivi.session.code}`
    const safeQrSvg = await QRCode.toString(lienCode, { type: 'svg', margin: 1, width: 180 })
    return reply.page((ctx) => ({
      titre: `Session ${suivi.session.code}`,
      espace: 'pro',
      ariane: [...ARIANE, { libelle: 'Session' }],
      contenu: (
        <SessionPage
          csrf={ctx.csrf}
          session={suivi.session}
          lignes={suivi.lignes}
          safeQrSvg={safeQrSvg}
          lienCode={lienCode}
          expiree={suivi.session.expireLe <= deps.horloge()}
        />
      ),
      scripts: ['diagnostic-suivi'],
      feuillesDeStyle: CSS,
    }))
  })

  /** Polled by the live page: state comes from the database, so any app instance can answer. */
  app.get('/diagnostic/sessions/:code/suivi', conseiller, async (request, reply) => {
    const suivi = await suivreSession(codes(request), (request.params as { code: string }).code)
    if (!suivi) return reply.status(404).send({ erreur: 'Session introuvable.' })
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(<TableauSuivi lignes={suivi.lignes} />)
  })

  app.post('/diagnostic/sessions/:code/accompagne', conseiller, async (request, reply) => {
    const code = lireCode((request.params as { code: string }).code)
    const suivi = code ? await suivreSession(codes(request), code) : undefined
    if (!suivi) return introuvable(reply)
    if (suivi.session.expireLe <= deps.horloge()) {
      reply.flash('error', 'Ce code a expiré : créez une nouvelle session.')
      return reply.redirect(`/diagnostic/sessions/${suivi.session.code}`, 303)
    }
    const { passationId } = await commencerAccompagne(suivi.session)
    return reply.redirect(`/diagnostic/passations/${passationId}`, 303)
  })

  const pagePassation = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { statut?: number; erreurs?: Record<string, string | undefined>; reference?: string } = {},
  ) => {
    const p = await passationDansPerimetre(deps, codes(request), id)
    if (!p) return introuvable(reply)
    const reponses = await reponsesDe(deps.db, p.id)
    const pourM = pourMoteur(reponses)
    const session = p.sessionId ? await trouverSession(deps.db, p.sessionId) : undefined
    const beneficiaire = p.beneficiaireId ? await trouverBeneficiaire(deps.db, p.beneficiaireId) : undefined
    return reply.page(
      (ctx) => ({
        titre: 'Diagnostic',
        espace: 'pro',
        enErreur: !!extra.erreurs,
        ariane: [
          ...ARIANE,
          ...(session ? [{ libelle: 'Session', href: `/diagnostic/sessions/${session.code}` }] : []),
          { libelle: 'Diagnostic' },
        ],
        contenu: (
          <PassationPage
            csrf={ctx.csrf}
            passation={p}
            session={session}
            reponses={reponses}
            etape={prochaineEtape(pourM)}
            resultat={resultat(pourM)}
            beneficiaire={beneficiaire}
            erreurs={extra.erreurs}
            reference={extra.reference ?? ''}
          />
        ),
        scripts: ['diagnostic-suivi'],
        feuillesDeStyle: CSS,
      }),
      extra.statut ?? 200,
    )
  }

  app.get('/diagnostic/passations/:id', conseiller, async (request, reply) =>
    pagePassation(request, reply, (request.params as { id: string }).id),
  )

  /** Assisted mode: the conseiller answers a question for the person, or marks an item observed. */
  app.post('/diagnostic/passations/:id/etape', conseiller, async (request, reply) => {
    const id = (request.params as { id: string }).id
    const p = await passationDansPerimetre(deps, codes(request), id)
    if (!p) return introuvable(reply)
    const form = lireFormulaire(observationForm, request.body)
    if (!form.ok) return pagePassation(request, reply, id, { statut: 400, erreurs: form.erreurs })
    const observe = form.donnees.observe
    const r = await repondre({
      passationId: p.id,
      etape: form.donnees.etape,
      source: 'conseiller',
      passer: form.donnees.passer === 'oui' || observe === 'passe',
      choix: form.donnees.choix,
      valeurs: {},
      mesures: {},
      observe: observe === 'reussi' || observe === 'echoue' ? observe : undefined,
    })
    if (!r.ok)
      return pagePassation(request, reply, id, { statut: 400, erreurs: { choix: messageErreur(r.error) } })
    if (r.value.statut === 'perime') reply.flash('info', 'Cette étape était déjà faite : voici la suivante.')
    return reply.redirect(`/diagnostic/passations/${p.id}`, 303)
  })

  app.post('/diagnostic/passations/:id/dossier', conseiller, async (request, reply) => {
    const id = (request.params as { id: string }).id
    const form = lireFormulaire(dossierForm, request.body)
    if (!form.ok)
      return pagePassation(request, reply, id, {
        statut: 400,
        erreurs: form.erreurs,
        reference: form.valeurs.reference ?? '',
      })
    const r = await garder({
      structures: codes(request),
      passationId: id,
      reference: form.donnees.reference,
      accordOral: form.donnees.accord === 'oui',
    })
    if (r.ok && !r.value) return introuvable(reply)
    if (!r.ok) {
      const champ = r.error.code === 'CONSENTEMENT_MANQUANT' ? 'accord' : 'reference'
      return pagePassation(request, reply, id, {
        statut: 422,
        erreurs: { [champ]: messageErreur(r.error) },
        reference: form.donnees.reference,
      })
    }
    reply.flash('success', 'Le résultat est gardé dans le dossier.')
    return reply.redirect(`/diagnostic/beneficiaires/${r.value!.beneficiaireId}`, 303)
  })

  app.get('/diagnostic/beneficiaires', conseiller, async (request, reply) => {
    const beneficiaires = await lireBeneficiaires(codes(request))
    return reply.page({
      titre: 'Dossiers bénéficiaires',
      espace: 'pro',
      ariane: [...ARIANE, { libelle: 'Dossiers' }],
      contenu: <BeneficiairesPage beneficiaires={beneficiaires} />,
      feuillesDeStyle: CSS,
    })
  })

  const pageBeneficiaire = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { statut?: number; erreur?: string; fiche?: string } = {},
  ) => {
    const suivi = await suivreBeneficiaire(codes(request), (request.params as { id: string }).id)
    if (!suivi) return introuvable(reply)
    return reply.page(
      (ctx) => ({
        titre: `Dossier ${suivi.beneficiaire.reference}`,
        espace: 'pro',
        enErreur: !!extra.erreur,
        ariane: [
          ...ARIANE,
          { libelle: 'Dossiers', href: '/diagnostic/beneficiaires' },
          { libelle: suivi.beneficiaire.reference },
        ],
        contenu: (
          <BeneficiairePage
            csrf={ctx.csrf}
            beneficiaire={suivi.beneficiaire}
            historique={suivi.historique}
            erreurFiche={extra.erreur}
            valeurFiche={extra.fiche}
          />
        ),
        feuillesDeStyle: CSS,
      }),
      extra.statut ?? 200,
    )
  }

  app.get('/diagnostic/beneficiaires/:id', conseiller, async (request, reply) =>
    pageBeneficiaire(request, reply),
  )

  /** Attach the record to a follow-up file of « Mes activités », whose page then lists these results. */
  app.post('/diagnostic/beneficiaires/:id/fiche', conseiller, async (request, reply) => {
    const form = lireFormulaire(ficheForm, request.body)
    if (!form.ok)
      return pageBeneficiaire(request, reply, {
        statut: 400,
        erreur: form.erreurs.fiche ?? 'Vérifiez l’adresse de la fiche de suivi.',
        fiche: form.valeurs.fiche?.slice(0, 300),
      })
    const id = (request.params as { id: string }).id
    const r = await lierFiche({ structures: codes(request), beneficiaireId: id, fiche: form.donnees.fiche })
    if (r.ok && !r.value) return introuvable(reply)
    if (!r.ok)
      return pageBeneficiaire(request, reply, {
        // A file outside the conseiller's structures answers as an unknown one: nothing is linked.
        statut: r.error.code === 'FICHE_SUIVI_INCONNUE' ? 404 : 400,
        erreur: messageErreur(r.error),
        fiche: form.donnees.fiche,
      })
    reply.flash(
      'success',
      r.value!.ficheSuiviId
        ? 'Le dossier est rattaché à la fiche de suivi : ses diagnostics y apparaissent.'
        : 'Le dossier n’est plus rattaché à une fiche de suivi.',
    )
    return reply.redirect(`/diagnostic/beneficiaires/${id}`, 303)
  })

  app.post('/diagnostic/beneficiaires/:id/retest', conseiller, async (request, reply) => {
    const suivi = await suivreBeneficiaire(codes(request), (request.params as { id: string }).id)
    if (!suivi) return introuvable(reply)
    const session = await creerSession({
      structureCode: suivi.beneficiaire.structureCode,
      creePar: utilisateurConnecte(request).compteId,
      libelle: `Nouveau diagnostic ${suivi.beneficiaire.reference}`,
      beneficiaireId: suivi.beneficiaire.id,
    })
    if (!session) return introuvable(reply)
    return reply.redirect(`/diagnostic/sessions/${session.code}`, 303)
  })

  app.get('/diagnostic/export.csv', conseiller, async (request, reply) => {
    const csv = await exporter(codes(request))
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="diagnostics.csv"')
      .type('text/csv; charset=utf-8')
      .send(csv)
  })
}
