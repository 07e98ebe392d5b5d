import type { FastifyInstance } from 'fastify'
import type { Valeurs } from '../../../platform/http/formulaire'
import {
  pageFormulaire,
  type Redirection,
  redirection,
  refus,
  reussite,
} from '../../../platform/http/page-formulaire'
import { candidatureDuCompte } from '../db/candidatures-repository'
import { makeDeposerCandidature } from '../use-cases/candidatures'
import { makeDeposerStructure } from '../use-cases/structures'
import { CandidaturePage, EnvoyeePage } from '../views/candidature.page'
import { StructureFormPage } from '../views/structure-formulaire.page'
import { type ContexteRoutes, erreursDe, LIMITE_FORMULAIRE_PUBLIC } from './commun'
import { candidatureForm, structureForm } from './recrutement.form'
import { fichiersCv } from './televersement'
import { etapeVerificationSiret, VERIFICATION_PLUS_TARD } from './verification-siret'

/** `<url>/envoyee`: what a public application form leads to once sent. */
function pageEnvoyee(
  app: FastifyInstance,
  url: string,
  p: { appel: string; onglet: string; titre: string; texte: string },
) {
  app.get(`${url}/envoyee`, async (_request, reply) =>
    reply.page({
      titre: p.onglet,
      ariane: [{ libelle: p.appel, href: url }, { libelle: 'Candidature envoyée' }],
      contenu: <EnvoyeePage titre={p.titre} texte={p.texte} />,
    }),
  )
}

/** `/candidature/conseiller`: a person applies to become a conseiller (public, CV upload). */
export function routesCandidatureConseiller(app: FastifyInstance, { deps }: ContexteRoutes) {
  const deposerCandidature = makeDeposerCandidature(deps)
  const appel = 'Devenir conseiller numérique'

  pageFormulaire(app, {
    url: '/candidature/conseiller',
    charger: async ({ request }): Promise<{ initiales: Valeurs; emailDuCompte?: string } | Redirection> => {
      const u = request.utilisateur
      if (!u) return { initiales: {} }
      if (await candidatureDuCompte(deps.db, u.compteId)) return redirection('/candidat')
      return { initiales: { prenom: u.prenom, nom: u.nom, email: u.email }, emailDuCompte: u.email }
    },
    page: (d, etat, ctx) => ({
      titre: appel,
      ariane: [{ libelle: appel }],
      contenu: (
        <CandidaturePage
          csrf={ctx.csrf}
          v={etat.action ? etat.valeurs : d.initiales}
          e={etat.erreurs}
          emailDuCompte={d.emailDuCompte}
        />
      ),
    }),
  }).action('/candidature/conseiller', {
    // Public: the upload is read by anyone, bounded (one file of 2 MB + 1 byte) and rate-limited first.
    config: { ...LIMITE_FORMULAIRE_PUBLIC, televersement: true },
    schema: candidatureForm,
    fichiers: fichiersCv,
    // Signed in: the application is made with the account's address, never one typed.
    imposer: ({ modele }): Valeurs => (modele.emailDuCompte ? { email: modele.emailDuCompte } : {}),
    executer: async ({ donnees, fichiers, request }) => {
      const u = request.utilisateur
      const r = await deposerCandidature({
        donnees,
        connecte: u ? { compteId: u.compteId, email: u.email } : undefined,
        cv: fichiers.cv,
      })
      if (!r.ok)
        return r.error.code === 'CANDIDATURE_EXISTANTE' ? reussite('/candidat') : refus(erreursDe(r.error))
      if (r.value.confirmee) return reussite('/candidat', 'Votre candidature est enregistrée.')
      return reussite('/candidature/conseiller/envoyee')
    },
  })

  pageEnvoyee(app, '/candidature/conseiller', {
    appel,
    onglet: 'Candidature envoyée',
    titre: 'Votre candidature est enregistrée',
    texte:
      'Un e-mail vient de vous être envoyé : ouvrez le lien qu’il contient pour confirmer votre adresse et choisir votre mot de passe. Votre candidature sera alors visible par les structures de votre secteur.',
  })
}

/** `/candidature/structure`: a host structure answers the call for expressions of interest (public). */
export function routesCandidatureStructure(app: FastifyInstance, { deps }: ContexteRoutes) {
  const deposerStructure = makeDeposerStructure(deps)
  const appel = 'Accueillir un conseiller numérique'

  pageFormulaire(app, {
    url: '/candidature/structure',
    // `?verifier_siret=`: the « Vérifier le SIRET » step fills the form from the company register.
    charger: ({ request }) => etapeVerificationSiret(deps, request.query, {}),
    page: (d, etat, ctx) => ({
      titre: appel,
      ariane: [{ libelle: appel }],
      contenu: (
        <StructureFormPage
          csrf={ctx.csrf}
          v={etat.action ? etat.valeurs : d.valeurs}
          e={etat.erreurs}
          etapeSiret={etat.action ? undefined : d}
        />
      ),
    }),
  }).action('/candidature/structure', {
    config: LIMITE_FORMULAIRE_PUBLIC,
    schema: structureForm,
    executer: async ({ donnees }) => {
      const r = await deposerStructure(donnees)
      if (!r.ok) return refus(erreursDe(r.error))
      return reussite(
        '/candidature/structure/envoyee',
        r.value.aVerifier ? VERIFICATION_PLUS_TARD : undefined,
      )
    },
  })

  pageEnvoyee(app, '/candidature/structure', {
    appel,
    onglet: 'Candidature de la structure envoyée',
    titre: 'La candidature de votre structure est déposée',
    texte:
      'La personne à contacter va recevoir un e-mail pour confirmer son adresse et créer le compte de la structure. Elle y suivra l’avis de la préfecture et la décision du comité national.',
  })
}
