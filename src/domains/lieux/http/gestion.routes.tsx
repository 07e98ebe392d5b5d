import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { Portee } from '../../../platform/auth/roles'
import { AccesInterditError, exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { normaliserNom } from '../../../platform/geo/communes'
import { pageFormulaire, refus, reussite } from '../../../platform/http/page-formulaire'
import { porteesStructures } from '../../recrutement'
import { historiqueDe, trouverLieu } from '../db/lieux-repository'
import { estAdmin, peutModifierLieu, structuresGerees } from '../domain/autorisations'
import { messageErreurLieux } from '../domain/erreurs'
import type { DepsLieux } from '../use-cases/deps'
import { makeModifierLieu } from '../use-cases/modifier-lieu'
import { GestionLieuxPage } from '../views/gestion.page'
import { HistoriquePage } from '../views/historique.page'
import { ModifierLieuPage, valeursDuLieu, valeursSoumises } from '../views/lieu-formulaire.page'
import { gestionQuery, lieuForm, paramsId } from './lieu.form'

const PAR_PAGE = 25
const garde = exigerRole('gestionnaire', 'admin')

type Deps = { deps: DepsLieux; trouverNomCompte: (id: string) => Promise<string | undefined> }

/** Management: a structure manager edits the places of their structure, a national admin any place. */
export async function gestionLieuxRoutes(app: FastifyInstance, d: Deps) {
  listeDesLieux(app, d)
  modificationDuLieu(app, d)
  historiqueDuLieu(app, d)
}

/** Loads the place and checks the caller may edit it: undefined (404) when unknown, 403 for another structure's. */
async function lieuModifiable(deps: DepsLieux, request: FastifyRequest, params: z.infer<typeof paramsId>) {
  const u = utilisateurConnecte(request)
  const lieu = await trouverLieu(deps.db, params.id)
  if (!lieu) return undefined
  if (!peutModifierLieu(u.habilitations, lieu)) throw new AccesInterditError()
  return { lieu, u }
}

function listeDesLieux(app: FastifyInstance, { deps }: Deps) {
  app.get('/gestion/lieux', { preHandler: garde }, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const { q, page } = gestionQuery.parse(request.query ?? {})
    const admin = estAdmin(u.habilitations)
    const miennes = new Set(structuresGerees(u.habilitations))
    const n = normaliserNom(q)
    const index = await deps.catalogue.index()
    // Scoped by default: a manager only ever lists the places of their own structures.
    const propres = admin ? index.tous() : [...miennes].flatMap((id) => index.deLaStructure(id))
    // Each structure's list is in name order; only a manager of several structures needs a merge.
    const lieux = (
      miennes.size > 1 && !admin ? [...propres].sort((a, b) => a.nom.localeCompare(b.nom, 'fr')) : propres
    ).filter((l) => !n || normaliserNom(`${l.nom} ${l.commune} ${l.codePostal}`).includes(n))
    return reply.page({
      titre: admin ? 'Lieux' : 'Les lieux de ma structure',
      espace: 'pro',
      ariane: [{ libelle: 'Gestion des lieux' }],
      contenu: (
        <GestionLieuxPage
          lieux={lieux.slice((page - 1) * PAR_PAGE, page * PAR_PAGE)}
          total={lieux.length}
          page={page}
          pages={Math.max(1, Math.ceil(lieux.length / PAR_PAGE))}
          q={q}
          admin={admin}
        />
      ),
    })
  })
}

function modificationDuLieu(app: FastifyInstance, { deps }: Deps) {
  const modifier = makeModifierLieu(deps)
  const listeStructures = async (): Promise<Portee[]> => porteesStructures(deps.db)
  pageFormulaire(app, {
    url: '/lieux/:id/modifier',
    garde,
    params: paramsId,
    charger: async ({ request, params }) => {
      const m = await lieuModifiable(deps, request, params)
      if (!m) return undefined
      const structures = estAdmin(m.u.habilitations) ? await listeStructures() : undefined
      // A refused form shows the boxes ticked as sent: the shared state keeps texts only, not lists.
      const saisie = request.method === 'POST' ? valeursSoumises(request.body) : undefined
      return { ...m, structures, saisie }
    },
    page: (m, etat, ctx) => ({
      titre: `Modifier ${m.lieu.nom}`,
      espace: 'pro',
      ariane: [{ libelle: 'Gestion des lieux', href: '/gestion/lieux' }, { libelle: m.lieu.nom }],
      contenu: (
        <ModifierLieuPage
          lieu={m.lieu}
          csrf={ctx.csrf}
          valeurs={m.saisie ?? valeursDuLieu(m.lieu)}
          erreurs={etat.erreurs}
          structures={m.structures}
        />
      ),
    }),
  }).action('/lieux/:id/modifier', {
    schema: lieuForm,
    executer: async ({ donnees, modele: m }) => {
      if (m.structures && donnees.structure_id && !m.structures.some((s) => s.code === donnees.structure_id))
        return refus({ structure_id: 'Structure gestionnaire : choisissez une structure de la liste.' }, 400)
      const res = await modifier({
        id: m.lieu.id,
        formulaire: donnees,
        par: { compteId: m.u.compteId, habilitations: m.u.habilitations },
      })
      if (!res.ok)
        return refus(
          { formulaire: messageErreurLieux(res.error) },
          res.error.code === 'LIEU_INTROUVABLE' ? 404 : 403,
        )
      return reussite(`/lieux/${m.lieu.id}`, 'Le lieu a été enregistré.')
    },
  })
}

function historiqueDuLieu(app: FastifyInstance, { deps, trouverNomCompte }: Deps) {
  app.get('/lieux/:id/historique', { preHandler: garde }, async (request, reply) => {
    const params = paramsId.safeParse(request.params)
    const m = params.success ? await lieuModifiable(deps, request, params.data) : undefined
    if (!m) return reply.callNotFound()
    const lignes = await historiqueDe(deps.db, m.lieu.id)
    const noms = new Map<string, string>()
    for (const l of lignes)
      if (l.acteurId && !noms.has(l.acteurId))
        noms.set(l.acteurId, (await trouverNomCompte(l.acteurId)) ?? 'compte supprimé')
    return reply.page({
      titre: `Historique de ${m.lieu.nom}`,
      espace: 'pro',
      ariane: [
        { libelle: 'Gestion des lieux', href: '/gestion/lieux' },
        { libelle: m.lieu.nom, href: `/lieux/${m.lieu.id}/modifier` },
        { libelle: 'Historique' },
      ],
      contenu: (
        <HistoriquePage
          lieu={m.lieu}
          entrees={lignes.map((l) => ({
            le: l.le,
            origine: l.origine,
            acteur: l.acteurId ? (noms.get(l.acteurId) ?? '') : 'import automatique',
            changements: l.changements,
          }))}
        />
      ),
    })
  })
}
