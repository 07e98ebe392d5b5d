import type { FastifyInstance } from 'fastify'
import { utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { pageFormulaire, reussite } from '../../../platform/http/page-formulaire'
import { inscriptionsParParcours, listerParcours } from '../db/formation-repository'
import { messageErreurFormation } from '../domain/formation'
import { makeParcours } from '../use-cases/parcours'
import { ParcoursPage } from '../views/formation.page'
import { admin, type ContexteRoutes, gardeAdmin, idDe } from './commun'
import { parcoursForm } from './formation.form'

/** `/formation/parcours[/:id/retrait]`: versioned training paths, set by the national team. */
export function routesParcours(app: FastifyInstance, { deps }: ContexteRoutes) {
  const gererParcours = makeParcours(deps)

  pageFormulaire(app, {
    url: '/formation/parcours',
    garde: gardeAdmin,
    charger: async () => {
      const nombres = await inscriptionsParParcours(deps.db)
      return (await listerParcours(deps.db)).map((parcours) => ({
        parcours,
        inscriptions: nombres.get(parcours.id) ?? 0,
      }))
    },
    page: (lignes, etat, ctx) => ({
      titre: 'Parcours de formation',
      espace: 'pro',
      ariane: [{ libelle: 'Formation', href: '/formation' }, { libelle: 'Parcours' }],
      contenu: <ParcoursPage csrf={ctx.csrf} lignes={lignes} v={etat.valeurs} e={etat.erreurs} />,
    }),
  }).action('/formation/parcours', {
    schema: parcoursForm,
    executer: async ({ donnees, request }) => {
      const p = await gererParcours.publier({
        code: donnees.code_parcours,
        libelle: donnees.libelle,
        dureeMinutes: donnees.duree_heures,
        certification: donnees.certification,
        par: utilisateurConnecte(request).compteId,
      })
      return reussite(
        '/formation/parcours',
        `La version ${p.version} du parcours « ${p.libelle} » est en vigueur pour les nouvelles inscriptions.`,
      )
    },
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
