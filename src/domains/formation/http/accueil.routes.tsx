import type { FastifyInstance } from 'fastify'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { journaliser } from '../../../platform/journal/journal'
import { definirObjectif } from '../db/formation-repository'
import { type ContexteRoutes, makePageAccueil, pro } from './commun'
import { objectifForm } from './formation.form'

/** `/formation` and `/formation/objectifs`: the training home page and the yearly targets. */
export function routesAccueilFormation(app: FastifyInstance, { deps }: ContexteRoutes) {
  const pageAccueil = makePageAccueil(deps)

  app.get('/formation', pro, async (request, reply) => pageAccueil(request, reply))

  app.post('/formation/objectifs', { preHandler: exigerRole('admin') }, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const f = lireFormulaire(objectifForm, request.body)
    if (!f.ok) return pageAccueil(request, reply, f.erreurs, 400, f.valeurs)
    await deps.db.transaction(async (tx) => {
      await definirObjectif(tx, {
        codeParcours: f.donnees.code_parcours,
        annee: f.donnees.annee,
        cible: f.donnees.cible,
      })
      await journaliser(tx, { acteurId: u.compteId, action: 'formation_objectif', details: f.donnees })
    })
    reply.flash('success', 'L’objectif est enregistré.')
    return reply.redirect('/formation', 303)
  })
}
