import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { pageFormulaire, redirection, refus, reussite } from '../../../platform/http/page-formulaire'
import { aUnCv, candidatureDuCompte, lireCv } from '../db/candidatures-repository'
import { messageErreur } from '../domain/erreurs'
import { makeGererCandidature } from '../use-cases/candidatures'
import { suppressionCvLe } from '../use-cases/purger-cv'
import { EspaceCandidatPage, valeursDeCandidature } from '../views/candidature.page'
import { type ContexteRoutes, envoyerPdf, erreursDe } from './commun'
import { candidatureForm } from './recrutement.form'
import { fichiersCv } from './televersement'

/** `/candidat`: the applicant's own space (their application, CV, withdrawal). */
export function routesCandidat(app: FastifyInstance, { deps }: ContexteRoutes) {
  const gerer = makeGererCandidature(deps)
  const garde = exigerRole('candidat')
  const candidat = { preHandler: garde }

  const espace = pageFormulaire(app, {
    url: '/candidat',
    garde,
    charger: async ({ request }) => {
      const u = utilisateurConnecte(request)
      // Signing in required the password chosen from the e-mailed link: the address is confirmed.
      await gerer.confirmerEmail(u.compteId)
      const suivi = await gerer.suivi(u.compteId)
      if (!suivi) return redirection('/candidature/conseiller')
      const cv = await aUnCv(deps.db, suivi.candidature.id)
      return {
        u,
        suivi,
        cv: cv && { nom: cv.nom, taille: cv.taille, supprimeLe: suppressionCvLe(cv.deposeLe) },
      }
    },
    page: ({ suivi, cv }, etat, ctx) => ({
      titre: 'Ma candidature',
      espace: 'pro',
      ariane: [{ libelle: 'Ma candidature' }],
      contenu: (
        <EspaceCandidatPage
          csrf={ctx.csrf}
          candidature={suivi.candidature}
          misesEnRelation={suivi.misesEnRelation}
          cv={cv}
          v={etat.action === '/candidat' ? etat.valeurs : valeursDeCandidature(suivi.candidature)}
          e={etat.erreurs}
        />
      ),
    }),
  })

  espace.action('/candidat', {
    schema: candidatureForm,
    imposer: ({ modele }) => ({ email: modele.u.email }),
    executer: async ({ donnees, modele }) => {
      const r = await gerer.modifier(modele.u.compteId, donnees)
      return r.ok ? reussite('/candidat', 'Votre candidature est mise à jour.') : refus(erreursDe(r.error))
    },
  })

  // A multipart action: the role is checked as the request arrives, before the upload is read.
  espace.action('/candidat/cv', {
    config: { televersement: true },
    schema: z.object({}),
    fichiers: fichiersCv,
    executer: async ({ fichiers, modele }) => {
      if (!fichiers.cv) return refus({ cv: 'Choisissez un fichier PDF.' }, 400)
      const r = await gerer.deposerCv(modele.u.compteId, fichiers.cv)
      return r.ok ? reussite('/candidat', 'Votre CV est enregistré.') : refus(erreursDe(r.error))
    },
  })

  app.get('/candidat/cv', candidat, async (request, reply) => {
    const c = await candidatureDuCompte(deps.db, utilisateurConnecte(request).compteId)
    const cv = c ? await lireCv(deps.db, c.id) : undefined
    if (!cv) return reply.callNotFound()
    return envoyerPdf(reply, cv.contenu, 'attachment; filename="cv.pdf"')
  })

  for (const [chemin, action, message] of [
    ['/candidat/retrait', gerer.retirer, 'Votre candidature est retirée.'],
    ['/candidat/reactiver', gerer.reactiver, 'Votre candidature est de nouveau visible.'],
  ] as const)
    app.post(chemin, candidat, async (request, reply) => {
      const r = await action(utilisateurConnecte(request).compteId)
      if (!r.ok) reply.flash('error', messageErreur(r.error))
      else reply.flash('success', message)
      return reply.redirect('/candidat', 303)
    })
}
