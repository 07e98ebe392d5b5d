import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { DOSSIER_DONNEES } from '../../../platform/geo/referentiel-communes'
import { trouverLieu } from '../db/lieux-repository'
import { peutModifierLieu } from '../domain/autorisations'
import { lireHorairesOuRien } from '../domain/horaires'
import { positionApproximative } from '../domain/lieu'
import { makeAccessibiliteDuLieu } from '../use-cases/accessibilite-du-lieu'
import type { DepsLieux } from '../use-cases/deps'
import { makeRechercherLieux, PAR_PAGE } from '../use-cases/rechercher-lieux'
import { LieuImprimablePage, LieuPage } from '../views/lieu.page'
import { CartePage, RecherchePage, type VueRecherche } from '../views/recherche.page'
import { objetRequete } from './filtres-api'
import { paramsId, rechercheForm } from './lieu.form'

const RAYON_PAR_DEFAUT = 20

/** The query string of a search, normalised (only known filters, no page): links and the map's API call reuse it. */
function requeteDe(query: Readonly<Record<string, unknown>>): string {
  const q = new URLSearchParams()
  for (const cle of [
    'q',
    'commune',
    'lat',
    'lon',
    'rayon',
    'services',
    'publics',
    'modalites',
    'dispositifs',
    'gratuit',
    'ouvert',
  ]) {
    const v = query[cle]
    for (const x of Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]) q.append(cle, String(x))
  }
  return q.toString()
}

/** Public pages: search (list and map), place page, printable page, and the map's base layer. */
export async function pagesLieuxRoutes(app: FastifyInstance, { deps }: { deps: DepsLieux }) {
  pagesDeRecherche(app, deps)
  fondDeCarte(app)
  pagesDuLieu(app, deps)
}

/** `/lieux` and `/lieux/carte`: the same search, as a list or on the map. */
function pagesDeRecherche(app: FastifyInstance, deps: DepsLieux) {
  const rechercher = makeRechercherLieux(deps)

  const vue = async (
    query: unknown,
  ): Promise<VueRecherche & { recherche: Awaited<ReturnType<typeof rechercher>> }> => {
    const f = rechercheForm.parse(query ?? {})
    const r = await rechercher(f, { rayonParDefaut: RAYON_PAR_DEFAUT })
    const total = r.resultat.total ?? 0
    return {
      recherche: r,
      f,
      rayon: f.rayon ?? RAYON_PAR_DEFAUT,
      autour: r.autour,
      commune: r.commune,
      homonymes: r.homonymes,
      introuvable: r.introuvable,
      resultats: r.resultat.resultats,
      total,
      page: f.page,
      pages: Math.max(1, Math.ceil(total / PAR_PAGE)),
      horairesDe: (l) => r.index.horairesDe(l.id),
      instant: deps.horloge(),
      requete: requeteDe(objetRequete(query)),
    }
  }

  app.get('/lieux', async (request, reply) => {
    const v = await vue(request.query)
    return reply.page({
      titre: v.autour ? `Lieux d’aide près de ${v.autour}` : 'Trouver de l’aide près de chez moi',
      ariane: [{ libelle: 'Trouver de l’aide' }],
      scripts: ['lieux-recherche'],
      contenu: <RecherchePage v={v} />,
    })
  })

  app.get('/lieux/carte', async (request, reply) => {
    const v = await vue(request.query)
    const api = new URLSearchParams()
    const pos = v.recherche.position
    if (pos) {
      api.set('near', `${pos.latitude},${pos.longitude}`)
      api.set('radius', String(v.rayon))
      for (const s of v.f.services) api.append('services', s)
      for (const s of v.f.publics) api.append('publics', s)
      for (const s of v.f.modalites) api.append('modalites', s)
      for (const s of v.f.dispositifs) api.append('dispositifs', s)
      if (v.f.gratuit) api.set('gratuit', '1')
      if (v.f.ouvert) api.set('ouvert', '1')
      api.set('limit', '100')
    }
    return reply.page({
      titre: v.autour ? `Carte des lieux près de ${v.autour}` : 'Carte des lieux d’aide',
      ariane: [{ libelle: 'Trouver de l’aide', href: '/lieux' }, { libelle: 'Carte' }],
      scripts: ['lieux-recherche', 'carte'],
      feuillesDeStyle: ['css/carte.css'],
      contenu: (
        <CartePage
          v={v}
          api={pos ? `/api/v1/lieux?${api.toString()}` : ''}
          tuiles={request.server.tuilesCarte}
        />
      ),
    })
  })
}

/** The base layer: built once by cli/fond-de-carte.ts, compressed once here, cached by browsers. */
function fondDeCarte(app: FastifyInstance) {
  const fond = readFileSync(path.join(DOSSIER_DONNEES, 'fond-de-carte.json'))
  const fondBr = zlib.brotliCompressSync(fond)
  const fondGz = zlib.gzipSync(fond, { level: 9 })
  const etagFond = `"${createHash('sha256').update(fond).digest('hex').slice(0, 16)}"`
  app.get('/lieux/fond-de-carte.json', async (request, reply) => {
    reply
      .header('cache-control', 'public, max-age=604800')
      .header('etag', etagFond)
      .header('vary', 'accept-encoding')
      .type('application/json')
    if (request.headers['if-none-match'] === etagFond) return reply.status(304).send()
    const accepte = String(request.headers['accept-encoding'] ?? '')
    if (/\bbr\b/.test(accepte)) return reply.header('content-encoding', 'br').send(fondBr)
    if (/\bgzip\b/.test(accepte)) return reply.header('content-encoding', 'gzip').send(fondGz)
    return reply.send(fond)
  })
}

/** A place's page and its printable version, from the index (or the table, for a place just added). */
function pagesDuLieu(app: FastifyInstance, deps: DepsLieux) {
  const accessibiliteDe = makeAccessibiliteDuLieu(deps)
  const chargerLieu = async (brut: unknown) => {
    const params = paramsId.safeParse(brut)
    if (!params.success) return undefined
    const index = await deps.catalogue.index()
    const lieu = index.parId(params.data.id) ?? (await trouverLieu(deps.db, params.data.id))
    if (!lieu) return undefined
    return {
      lieu,
      horaires: index.horairesDe(lieu.id) ?? lireHorairesOuRien(lieu),
      accessibilite: await accessibiliteDe(lieu),
    }
  }

  app.get('/lieux/:id', async (request, reply) => {
    const d = await chargerLieu(request.params)
    if (!d) return reply.callNotFound()
    const u = request.utilisateur
    const tuiles = request.server.tuilesCarte
    return reply.page({
      titre: d.lieu.nom,
      ariane: [{ libelle: 'Trouver de l’aide', href: '/lieux' }, { libelle: d.lieu.nom }],
      // The small map (views/carte-lieu.tsx): only for a place with its own position.
      ...(d.lieu.latitude !== null && !positionApproximative(d.lieu)
        ? { scripts: ['carte'], feuillesDeStyle: ['css/carte.css'] }
        : {}),
      contenu: (
        <LieuPage
          lieu={d.lieu}
          horaires={d.horaires}
          accessibilite={d.accessibilite}
          instant={deps.horloge()}
          peutModifier={!!u && peutModifierLieu(u.habilitations, d.lieu)}
          tuiles={tuiles}
        />
      ),
    })
  })

  app.get('/lieux/:id/imprimer', async (request, reply) => {
    const d = await chargerLieu(request.params)
    if (!d) return reply.callNotFound()
    return reply.page({
      titre: `${d.lieu.nom} (version imprimable)`,
      scripts: ['lieux-imprimer'],
      feuillesDeStyle: ['css/carte.css'],
      contenu: (
        <LieuImprimablePage
          lieu={d.lieu}
          horaires={d.horaires}
          accessibilite={d.accessibilite}
          instant={deps.horloge()}
        />
      ),
    })
  })
}
