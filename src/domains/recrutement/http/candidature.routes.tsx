import type { FastifyInstance, FastifyReply } from 'fastify'
import { lireFormulaire, type Valeurs } from '../../../platform/http/formulaire'
import { candidatureDuCompte } from '../db/candidatures-repository'
import { makeDeposerCandidature } from '../use-cases/candidatures'
import { makeDeposerStructure } from '../use-cases/structures'
import { CandidaturePage, EnvoyeePage } from '../views/candidature.page'
import { StructureFormPage } from '../views/structure-formulaire.page'
import { type ContexteRoutes, erreursDe, LIMITE_FORMULAIRE_PUBLIC } from './commun'
import { candidatureForm, structureForm } from './recrutement.form'
import { champsTexte, fichierDe } from './televersement'

/** `/candidature/conseiller`: a person applies to become a conseiller (public, CV upload). */
export function routesCandidatureConseiller(app: FastifyInstance, { deps }: ContexteRoutes) {
  const deposerCandidature = makeDeposerCandidature(deps)

  const pageCandidature = (
    reply: FastifyReply,
    v: Valeurs,
    e: Record<string, string | undefined>,
    statut = 200,
  ) =>
    reply.page(
      (ctx) => ({
        titre: 'Devenir conseiller numérique',
        ariane: [{ libelle: 'Devenir conseiller numérique' }],
        enErreur: statut !== 200,
        contenu: (
          <CandidaturePage csrf={ctx.csrf} v={v} e={e} emailDuCompte={reply.request.utilisateur?.email} />
        ),
      }),
      statut,
    )

  app.get('/candidature/conseiller', async (request, reply) => {
    const u = request.utilisateur
    if (u && (await candidatureDuCompte(deps.db, u.compteId))) return reply.redirect('/candidat', 303)
    return pageCandidature(reply, u ? { prenom: u.prenom, nom: u.nom, email: u.email } : {}, {})
  })

  // Public: the upload is read by anyone, bounded (one file of 2 MB + 1 byte) and rate-limited first.
  const depotPublic = { config: { ...LIMITE_FORMULAIRE_PUBLIC, televersement: true } }
  app.post('/candidature/conseiller', depotPublic, async (request, reply) => {
    const corps = champsTexte(request.body)
    const u = request.utilisateur
    const form = lireFormulaire(candidatureForm, u ? { ...corps, email: u.email } : corps)
    if (!form.ok) return pageCandidature(reply, form.valeurs, form.erreurs, 400)
    const r = await deposerCandidature({
      donnees: form.donnees,
      connecte: u ? { compteId: u.compteId, email: u.email } : undefined,
      cv: fichierDe(request.body, 'cv'),
    })
    if (!r.ok) {
      if (r.error.code === 'CANDIDATURE_EXISTANTE') return reply.redirect('/candidat', 303)
      return pageCandidature(reply, champsTexte(request.body), erreursDe(r.error), 422)
    }
    if (r.value.confirmee) {
      reply.flash('success', 'Votre candidature est enregistrée.')
      return reply.redirect('/candidat', 303)
    }
    return reply.redirect('/candidature/conseiller/envoyee', 303)
  })

  app.get('/candidature/conseiller/envoyee', async (_request, reply) =>
    reply.page({
      titre: 'Candidature envoyée',
      ariane: [
        { libelle: 'Devenir conseiller numérique', href: '/candidature/conseiller' },
        { libelle: 'Candidature envoyée' },
      ],
      contenu: (
        <EnvoyeePage
          titre="Votre candidature est enregistrée"
          texte="Un e-mail vient de vous être envoyé : ouvrez le lien qu’il contient pour confirmer votre adresse et choisir votre mot de passe. Votre candidature sera alors visible par les structures de votre secteur."
        />
      ),
    }),
  )
}

/** `/candidature/structure`: a host structure answers the call for expressions of interest (public). */
export function routesCandidatureStructure(app: FastifyInstance, { deps }: ContexteRoutes) {
  const deposerStructure = makeDeposerStructure(deps)

  const pageStructure = (
    reply: FastifyReply,
    v: Valeurs,
    e: Record<string, string | undefined>,
    statut = 200,
  ) =>
    reply.page(
      (ctx) => ({
        titre: 'Accueillir un conseiller numérique',
        ariane: [{ libelle: 'Accueillir un conseiller numérique' }],
        enErreur: statut !== 200,
        contenu: <StructureFormPage csrf={ctx.csrf} v={v} e={e} />,
      }),
      statut,
    )

  app.get('/candidature/structure', async (_request, reply) => pageStructure(reply, {}, {}))

  app.post('/candidature/structure', { config: LIMITE_FORMULAIRE_PUBLIC }, async (request, reply) => {
    const form = lireFormulaire(structureForm, request.body)
    if (!form.ok) return pageStructure(reply, form.valeurs, form.erreurs, 400)
    const r = await deposerStructure(form.donnees)
    if (!r.ok) return pageStructure(reply, champsTexte(request.body), erreursDe(r.error), 422)
    return reply.redirect('/candidature/structure/envoyee', 303)
  })

  app.get('/candidature/structure/envoyee', async (_request, reply) =>
    reply.page({
      titre: 'Candidature de la structure envoyée',
      ariane: [
        { libelle: 'Accueillir un conseiller numérique', href: '/candidature/structure' },
        { libelle: 'Candidature envoyée' },
      ],
      contenu: (
        <EnvoyeePage
          titre="La candidature de votre structure est déposée"
          texte="La personne à contacter va recevoir un e-mail pour confirmer son adresse et créer le compte de la structure. Elle y suivra l’avis de la préfecture et la décision du comité national."
        />
      ),
    }),
  )
}
