import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  AccesInterditError,
  aLeRole,
  exigerRole,
  porteesDe,
  utilisateurConnecte,
} from '../../../platform/auth/utilisateur'
import { contourDepartement, referentielCommunes } from '../../../platform/geo/referentiel-communes'
import { DEPARTEMENTS, departement } from '../../../platform/geo/territoires'
import type { Valeurs } from '../../../platform/http/formulaire'
import { pageFormulaire, refus, reussite } from '../../../platform/http/page-formulaire'
import { vagueOuverte } from '../db/programme-repository'
import { type AvisRow, avisDe, structuresAvecAvis, trouverStructure } from '../db/structures-repository'
import { calculerCouverture, type PointCarte, projection } from '../domain/couverture'
import { messageErreur } from '../domain/erreurs'
import { lieuxAutourDe } from '../use-cases/lieux-proches'
import { makeDonnerAvis } from '../use-cases/structures'
import { AvisPage, CartePage, ListePrefecturePage } from '../views/territoire.page'
import { type ContexteRoutes, departementDemande, nomDepartement } from './commun'
import { departementsVisibles } from './perimetre'
import { avisForm, uuid } from './recrutement.form'

const prefecture = { preHandler: exigerRole('prefecture', 'admin') }

/** The département asked for in `?departement=`, refused (403) outside the caller's scope. */
const departementChoisi = (request: FastifyRequest) => {
  const u = utilisateurConnecte(request)
  const visibles = departementsVisibles(u)
  const possibles = visibles ?? DEPARTEMENTS.map((d) => d.code)
  const voulu = departementDemande(request)
  if (voulu === null || (voulu && !possibles.includes(voulu))) throw new AccesInterditError()
  const code = voulu ?? possibles[0]
  const d = code ? departement(code) : undefined
  if (!d) throw new AccesInterditError()
  return { u, d, visibles: possibles }
}

/** `/prefecture/structures`: the applications of the département and the prefecture's opinions. */
export function routesPrefectureStructures(app: FastifyInstance, { deps }: ContexteRoutes) {
  const donnerAvis = makeDonnerAvis(deps)

  app.get('/prefecture/structures', prefecture, async (request, reply) => {
    const { d, visibles } = departementChoisi(request)
    const lignes = await structuresAvecAvis(deps.db, { departements: [d.code] })
    const vague = await vagueOuverte(deps.db)
    return reply.page({
      titre: `Structures candidates — ${d.code}`,
      espace: 'pro',
      ariane: [{ libelle: 'Préfecture' }],
      contenu: (
        <ListePrefecturePage
          departement={d}
          autres={visibles.length <= 20 ? visibles.map((c) => ({ code: c, nom: nomDepartement(c) })) : []}
          lignes={lignes}
          dateLimite={vague?.dateLimiteAvis}
        />
      ),
    })
  })

  /** A prefecture reaches only the structures of its département: others answer 404, as if absent. */
  pageFormulaire(app, {
    url: '/prefecture/structures/:id',
    garde: exigerRole('prefecture', 'admin'),
    params: z.object({ id: uuid }),
    charger: async ({ request, params }) => {
      const u = utilisateurConnecte(request)
      const s = await trouverStructure(deps.db, params.id)
      const visibles = departementsVisibles(u)
      if (!s || (visibles && !visibles.includes(s.codeDepartement))) return undefined
      return { structure: s, avis: await avisDe(deps.db, s.id), lieux: await lieuxAutourDe(deps, s) }
    },
    page: (d, etat, ctx) => ({
      titre: d.structure.nom,
      espace: 'pro',
      ariane: [
        { libelle: 'Préfecture', href: listeDuDepartement(d.structure.codeDepartement) },
        { libelle: d.structure.nom },
      ],
      contenu: (
        <AvisPage
          csrf={ctx.csrf}
          {...d}
          // The opinion already given fills the form until a refused one is shown again as typed.
          v={etat.action ? etat.valeurs : valeursAvis(d.avis)}
          e={etat.erreurs}
        />
      ),
    }),
  }).action('/prefecture/structures/:id/avis', {
    schema: avisForm,
    executer: async ({ donnees, modele, request }) => {
      const u = utilisateurConnecte(request)
      // The page is open to the national team too; the opinion is the prefecture's alone.
      if (!aLeRole(u, 'prefecture')) throw new AccesInterditError()
      const r = await donnerAvis({
        structureId: modele.structure.id,
        departements: porteesDe(u, 'prefecture').map((p) => p.code),
        avis: donnees.avis,
        rang: donnees.rang,
        commentaire: donnees.commentaire,
        postesProposes: donnees.postes_proposes,
        par: u.compteId,
      })
      if (!r.ok) return refus({ formulaire: messageErreur(r.error) })
      return reussite(listeDuDepartement(modele.structure.codeDepartement), 'L’avis est enregistré.')
    },
  })
}

const listeDuDepartement = (code: string) => `/prefecture/structures?departement=${code}`

const valeursAvis = (avis: AvisRow | undefined): Valeurs =>
  avis
    ? {
        avis: avis.avis,
        rang: String(avis.rang),
        commentaire: avis.commentaire,
        postes_proposes: String(avis.postesProposes),
      }
    : {}

/** `/prefecture/carte`: the coverage map of the département (posts, places, population). */
export function routesPrefectureCarte(app: FastifyInstance, { deps }: ContexteRoutes) {
  app.get('/prefecture/carte', prefecture, async (request, reply) => {
    const { d } = departementChoisi(request)
    const lignes = await structuresAvecAvis(deps.db, {
      departements: [d.code],
      statuts: ['proposee', 'examen_complementaire', 'validee', 'conventionnee'],
    })
    const postes = lignes.flatMap(({ structure: s, avis }) =>
      s.latitude !== null && s.longitude !== null
        ? [
            {
              nom: s.nom,
              latitude: s.latitude,
              longitude: s.longitude,
              genre: 'structure' as const,
              postes: s.postesValides || avis?.postesProposes || s.postesSouhaites,
            },
          ]
        : [],
    )
    const lieux: PointCarte[] = await deps.lieux.lieuxDuDepartement(d.code)
    const communes = referentielCommunes().duDepartement(d.code)
    const couverture = calculerCouverture(communes, postes, lieux)
    const contour = contourDepartement(d.code)
    const proj = projection(
      contour.length ? contour.flat() : communes.map((c) => [c.longitude, c.latitude] as const),
    )
    return reply.page({
      titre: `Couverture — ${d.code}`,
      espace: 'pro',
      ariane: [
        { libelle: 'Préfecture', href: `/prefecture/structures?departement=${d.code}` },
        { libelle: 'Carte de couverture' },
      ],
      contenu: (
        <CartePage
          departement={d}
          couverture={couverture}
          postes={postes}
          lieux={lieux}
          contour={contour}
          proj={proj}
        />
      ),
    })
  })
}
