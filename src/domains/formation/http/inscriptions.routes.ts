import type { FastifyInstance } from 'fastify'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { messageErreurFormation } from '../domain/formation'
import { makeFormation } from '../use-cases/formation'
import { makeParcours } from '../use-cases/parcours'
import { type ContexteRoutes, makeInscriptionAccessible, pro } from './commun'
import { certificationForm, repositionnementForm } from './formation.form'

/** `/formation/inscriptions/:id/(terminer|certifier|parcours)`: acts on one trainee's enrolment. */
export function routesInscriptions(app: FastifyInstance, { deps }: ContexteRoutes) {
  const formation = makeFormation(deps)
  const gererParcours = makeParcours(deps)
  const inscriptionAccessible = makeInscriptionAccessible(deps)

  app.post('/formation/inscriptions/:id/terminer', pro, async (request, reply) => {
    const d = await inscriptionAccessible(request)
    if (!d || d.lecture) return reply.callNotFound()
    const r = await formation.terminer({ inscriptionId: d.i.id, par: d.u.compteId })
    if (!r.ok) reply.flash('error', messageErreurFormation(r.error))
    else reply.flash('success', 'La formation est terminée ; l’attestation est disponible.')
    return reply.redirect(d.i.sessionId ? `/formation/sessions/${d.i.sessionId}` : '/formation', 303)
  })

  app.post('/formation/inscriptions/:id/certifier', pro, async (request, reply) => {
    const d = await inscriptionAccessible(request)
    if (!d || d.lecture) return reply.callNotFound()
    const f = lireFormulaire(certificationForm, request.body)
    const r = f.ok
      ? await formation.certifier({
          inscriptionId: d.i.id,
          certification: f.donnees.certification,
          par: d.u.compteId,
        })
      : undefined
    if (!f.ok) reply.flash('error', f.erreurs.certification ?? 'Choisissez la certification.')
    else if (r && !r.ok) reply.flash('error', messageErreurFormation(r.error))
    else reply.flash('success', 'La certification est enregistrée.')
    return reply.redirect(d.i.sessionId ? `/formation/sessions/${d.i.sessionId}` : '/formation', 303)
  })

  app.post('/formation/inscriptions/:id/parcours', pro, async (request, reply) => {
    const d = await inscriptionAccessible(request)
    if (!d || d.lecture) return reply.callNotFound()
    const f = lireFormulaire(repositionnementForm, request.body)
    const r = f.ok
      ? await gererParcours.repositionner({ inscriptionId: d.i.id, code: f.donnees.code, par: d.u.compteId })
      : undefined
    if (!f.ok) reply.flash('error', f.erreurs.code ?? 'Choisissez un parcours.')
    else if (r && !r.ok) reply.flash('error', messageErreurFormation(r.error))
    else
      reply.flash(
        'success',
        `${d.i.prenom} ${d.i.nom} suit désormais ce parcours ; inscrivez-la à une session de ce parcours.`,
      )
    return reply.redirect(d.i.sessionId ? `/formation/sessions/${d.i.sessionId}` : '/formation', 303)
  })
}
