import type { FastifyInstance } from 'fastify'
import { AccesInterditError, aLeRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { pageFormulaire, refus, reussite } from '../../../platform/http/page-formulaire'
import { journaliser } from '../../../platform/journal/journal'
import { creerSession, definirObjectif, trouverParcours } from '../db/formation-repository'
import { AccueilFormationPage } from '../views/formation.page'
import { type ContexteRoutes, chargerAccueil, gardePro, organismes } from './commun'
import { objectifForm, sessionForm } from './formation.form'

/** `/formation`, with its forms: a new session (`/formation/sessions`), a yearly target (`/formation/objectifs`). */
export function routesAccueilFormation(app: FastifyInstance, { deps, nomOrganisme }: ContexteRoutes) {
  const accueil = pageFormulaire(app, {
    url: '/formation',
    garde: gardePro,
    charger: ({ request }) => chargerAccueil(deps, utilisateurConnecte(request)),
    page: (d, etat, ctx) => ({
      titre: 'Formation',
      espace: 'pro',
      ariane: [{ libelle: 'Formation' }],
      contenu: <AccueilFormationPage csrf={ctx.csrf} {...d} e={etat.erreurs} v={etat.valeurs} />,
    }),
  })

  // A provider (or the national team) opens a session.
  accueil.action('/formation/sessions', {
    schema: sessionForm,
    executer: async ({ donnees, request }) => {
      const u = utilisateurConnecte(request)
      const p = await trouverParcours(deps.db, donnees.parcours)
      if (!p) return refus({ parcours: 'Choisissez un parcours.' })
      const orgs = organismes(u)
      const organismeId = orgs ? (orgs[0] ?? '') : ''
      // Read before the transaction: on the embedded engine a query outside it would wait for it.
      const organismeNom = organismeId ? await nomOrganisme(organismeId) : 'ANCT'
      await deps.db.transaction(async (tx) => {
        const s = await creerSession(tx, {
          parcoursId: p.id,
          libelle: donnees.libelle,
          debut: donnees.debut,
          fin: donnees.fin,
          lieu: donnees.lieu,
          codeDepartement: donnees.departement,
          organismeId,
          organismeNom,
          capacite: donnees.capacite,
        })
        await journaliser(tx, { acteurId: u.compteId, action: 'formation_session', cible: s.id })
      })
      return reussite('/formation', 'La session est créée.')
    },
  })

  // Targets are the national team's: the page's guard lets providers in, this action does not.
  accueil.action('/formation/objectifs', {
    schema: objectifForm,
    executer: async ({ donnees, request }) => {
      const u = utilisateurConnecte(request)
      if (!aLeRole(u, 'admin')) throw new AccesInterditError()
      await deps.db.transaction(async (tx) => {
        await definirObjectif(tx, {
          codeParcours: donnees.code_parcours,
          annee: donnees.annee,
          cible: donnees.cible,
        })
        await journaliser(tx, { acteurId: u.compteId, action: 'formation_objectif', details: donnees })
      })
      return reussite('/formation', 'L’objectif est enregistré.')
    },
  })
}
