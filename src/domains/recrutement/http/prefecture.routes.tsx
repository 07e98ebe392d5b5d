import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  AccesInterditError,
  exigerRole,
  porteesDe,
  utilisateurConnecte,
} from '../../../platform/auth/utilisateur'
import { contourDepartement, referentielCommunes } from '../../../platform/geo/referentiel-communes'
import { DEPARTEMENTS, departement } from '../../../platform/geo/territoires'
import { lireFormulaire, type Valeurs, valeursTexte } from '../../../platform/http/formulaire'
import { vagueOuverte } from '../db/programme-repository'
import { avisDe, structuresAvecAvis, trouverStructure } from '../db/structures-repository'
import { calculerCouverture, type PointCarte, projection } from '../domain/couverture'
import { messageErreur } from '../domain/erreurs'
import { lieuxAutourDe } from '../use-cases/lieux-proches'
import { makeDonnerAvis } from '../use-cases/structures'
import { AvisPage, CartePage, ListePrefecturePage } from '../views/territoire.page'
import { type ContexteRoutes, departementDemande, idParam, nomDepartement } from './commun'
import { departementsVisibles } from './perimetre'
import { avisForm } from './recrutement.form'

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
  const structureDuDepartement = async (request: FastifyRequest) => {
    const u = utilisateurConnecte(request)
    const id = idParam(request)
    const s = id ? await trouverStructure(deps.db, id) : undefined
    const visibles = departementsVisibles(u)
    if (!s || (visibles && !visibles.includes(s.codeDepartement))) return undefined
    return { u, s }
  }

  const pageAvis = async (
    request: FastifyRequest,
    reply: FastifyReply,
    v?: Valeurs,
    e: Record<string, string | undefined> = {},
    statut = 200,
  ) => {
    const d = await structureDuDepartement(request)
    if (!d) return reply.callNotFound()
    const avis = await avisDe(deps.db, d.s.id)
    const lieux = await lieuxAutourDe(deps, d.s)
    const valeurs: Valeurs =
      v ??
      (avis
        ? {
            avis: avis.avis,
            rang: String(avis.rang),
            commentaire: avis.commentaire,
            postes_proposes: String(avis.postesProposes),
          }
        : {})
    return reply.page(
      (ctx) => ({
        titre: d.s.nom,
        espace: 'pro',
        enErreur: statut !== 200,
        ariane: [
          { libelle: 'Préfecture', href: `/prefecture/structures?departement=${d.s.codeDepartement}` },
          { libelle: d.s.nom },
        ],
        contenu: <AvisPage csrf={ctx.csrf} structure={d.s} avis={avis} lieux={lieux} v={valeurs} e={e} />,
      }),
      statut,
    )
  }

  app.get('/prefecture/structures/:id', prefecture, async (request, reply) => pageAvis(request, reply))

  app.post(
    '/prefecture/structures/:id/avis',
    { preHandler: exigerRole('prefecture') },
    async (request, reply) => {
      const d = await structureDuDepartement(request)
      if (!d) return reply.callNotFound()
      const f = lireFormulaire(avisForm, request.body)
      if (!f.ok) return pageAvis(request, reply, f.valeurs, f.erreurs, 400)
      const r = await donnerAvis({
        structureId: d.s.id,
        departements: porteesDe(d.u, 'prefecture').map((p) => p.code),
        avis: f.donnees.avis,
        rang: f.donnees.rang,
        commentaire: f.donnees.commentaire,
        postesProposes: f.donnees.postes_proposes,
        par: d.u.compteId,
      })
      if (!r.ok)
        return pageAvis(
          request,
          reply,
          valeursTexte(request.body),
          { formulaire: messageErreur(r.error) },
          422,
        )
      reply.flash('success', 'L’avis est enregistré.')
      return reply.redirect(`/prefecture/structures?departement=${d.s.codeDepartement}`, 303)
    },
  )
}

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
