import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { lireFormulaire, type Valeurs, valeursTexte } from '../../../platform/http/formulaire'
import { aUnCv, candidatureDuCompte, lireCv } from '../db/candidatures-repository'
import { messageErreur } from '../domain/erreurs'
import { makeGererCandidature } from '../use-cases/candidatures'
import { suppressionCvLe } from '../use-cases/purger-cv'
import { EspaceCandidatPage, valeursDeCandidature } from '../views/candidature.page'
import { type ContexteRoutes, envoyerPdf, erreursDe } from './commun'
import { candidatureForm } from './recrutement.form'
import { champsTexte, fichierDe } from './televersement'

/** `/candidat`: the applicant's own space (their application, CV, withdrawal). */
export function routesCandidat(app: FastifyInstance, { deps }: ContexteRoutes) {
  const gerer = makeGererCandidature(deps)

  const pageCandidat = async (
    request: FastifyRequest,
    reply: FastifyReply,
    e: Record<string, string | undefined> = {},
    v?: Valeurs,
    statut = 200,
  ) => {
    const u = utilisateurConnecte(request)
    const suivi = await gerer.suivi(u.compteId)
    if (!suivi) return reply.redirect('/candidature/conseiller', 303)
    const cv = await aUnCv(deps.db, suivi.candidature.id)
    return reply.page(
      (ctx) => ({
        titre: 'Ma candidature',
        espace: 'pro',
        enErreur: statut !== 200,
        ariane: [{ libelle: 'Ma candidature' }],
        contenu: (
          <EspaceCandidatPage
            csrf={ctx.csrf}
            candidature={suivi.candidature}
            misesEnRelation={suivi.misesEnRelation}
            cv={cv ? { nom: cv.nom, taille: cv.taille, supprimeLe: suppressionCvLe(cv.deposeLe) } : undefined}
            v={v ?? valeursDeCandidature(suivi.candidature)}
            e={e}
          />
        ),
      }),
      statut,
    )
  }

  const candidat = { preHandler: exigerRole('candidat') }

  app.get('/candidat', candidat, async (request, reply) => {
    // Signing in required the password chosen from the e-mailed link: the address is confirmed.
    await gerer.confirmerEmail(utilisateurConnecte(request).compteId)
    return pageCandidat(request, reply)
  })

  app.post('/candidat', candidat, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const form = lireFormulaire(candidatureForm, { ...champsTexte(request.body), email: u.email })
    if (!form.ok) return pageCandidat(request, reply, form.erreurs, form.valeurs, 400)
    const r = await gerer.modifier(u.compteId, form.donnees)
    if (!r.ok) return pageCandidat(request, reply, erreursDe(r.error), valeursTexte(request.body), 422)
    reply.flash('success', 'Votre candidature est mise à jour.')
    return reply.redirect('/candidat', 303)
  })

  // The role is checked as the request arrives, before the upload is read (see televersement.ts).
  const depotCandidat = { onRequest: exigerRole('candidat'), config: { televersement: true } }
  app.post('/candidat/cv', depotCandidat, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const cv = fichierDe(request.body, 'cv')
    if (!cv) return pageCandidat(request, reply, { cv: 'Choisissez un fichier PDF.' }, undefined, 400)
    const r = await gerer.deposerCv(u.compteId, cv)
    if (!r.ok) return pageCandidat(request, reply, erreursDe(r.error), undefined, 422)
    reply.flash('success', 'Votre CV est enregistré.')
    return reply.redirect('/candidat', 303)
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
