import type { FastifyInstance, FastifyReply } from 'fastify'
import { utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { inscriptionsParParcours, listerParcours } from '../db/formation-repository'
import { messageErreurFormation } from '../domain/formation'
import { makeParcours } from '../use-cases/parcours'
import { ParcoursPage } from '../views/formation.page'
import { admin, type ContexteRoutes, idDe } from './commun'
import { parcoursForm } from './formation.form'

/** `/formation/parcours[/:id/retrait]`: versioned training paths, set by the national team. */
export function routesParcours(app: FastifyInstance, { deps }: ContexteRoutes) {
  const gererParcours = makeParcours(deps)
  const pageParcours = async (
    reply: FastifyReply,
    v: Record<string, string | undefined> = {},
    e: Record<string, string | undefined> = {},
    statut = 200,
  ) => {
    const nombres = await inscriptionsParParcours(deps.db)
    const lignes = (await listerParcours(deps.db)).map((parcours) => ({
      parcours,
      inscriptions: nombres.get(parcours.id) ?? 0,
    }))
    return reply.page(
      (ctx) => ({
        titre: 'Parcours de formation',
        espace: 'pro',
        enErreur: statut !== 200,
        ariane: [{ libelle: 'Formation', href: '/formation' }, { libelle: 'Parcours' }],
        contenu: <ParcoursPage csrf={ctx.csrf} lignes={lignes} v={v} e={e} />,
      }),
      statut,
    )
  }

  app.get('/formation/parcours', admin, async (_request, reply) => pageParcours(reply))

  app.post('/formation/parcours', admin, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const f = lireFormulaire(parcoursForm, request.body)
    if (!f.ok) return pageParcours(reply, f.valeurs, f.erreurs, 400)
    const p = await gererParcours.publier({
      code: f.donnees.code_parcours,
      libelle: f.donnees.libelle,
      dureeMinutes: f.donnees.duree_heures,
      certification: f.donnees.certification,
      par: u.compteId,
    })
    reply.flash(
      'success',
      `La version ${p.version} du parcours « ${p.libelle} » est en vigueur pour les nouvelles inscriptions.`,
    )
    return reply.redirect('/formation/parcours', 303)
  })

  app.post('/formation/parcours/:id/retrait', admin, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const id = idDe(request)
    if (!id) return reply.callNotFound()
    const r = await gererParcours.retirer({ parcoursId: id, par: u.compteId })
    if (!r.ok && r.error.code === 'PARCOURS_INTROUVABLE') return reply.callNotFound()
    if (!r.ok) reply.flash('error', messageErreurFormation(r.error))
    else reply.flash('success', 'La version est retirée : les inscriptions faites dessus sont inchangées.')
    return reply.redirect('/formation/parcours', 303)
  })
}
