import { createHash } from 'node:crypto'
import cors from '@fastify/cors'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { CHOIX_MAX, suggestionPublique } from '../../../platform/geo/champ-commune'
import { type Lieu, positionApproximative } from '../domain/lieu'
import type { Criteres, IndexLieux } from '../domain/recherche'
import {
  DISPOSITIFS_PROGRAMMES_NATIONAUX,
  MODALITES_ACCOMPAGNEMENT,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
  SERVICES,
} from '../domain/vocabulaires'
import type { DepsLieux } from '../use-cases/deps'
import { enCsv, exporter } from '../use-cases/exporter-lieux'
import { routesDataInclusion } from './data-inclusion.routes'
import { type FiltresApi, filtresApi, lireFiltresRapide, objetRequete, RAYON_MAX_KM } from './filtres-api'
import { paramsId } from './lieu.form'
import { empreinte, memoireDesReponses } from './memoire-reponses'

export { filtresApi }

/** Public reads: generous per client, but a scraper or a loop cannot take the service down. */
const LIMITE_API = { rateLimit: { max: 600, timeWindow: '1 minute' } }

function erreur400(reply: FastifyReply, e: z.ZodError) {
  const i = e.issues[0]
  const champ = String(i?.path[0] ?? 'requête')
  return (
    reply
      .status(400)
      // zod's French fallback messages (platform/http/zod-francais.ts) are sentences: one final period.
      .send({
        erreur: `Paramètre « ${champ} » invalide : ${(i?.message ?? 'valeur refusée').replace(/\.$/, '')}.`,
        champ,
      })
  )
}

/** The fields of a place that depend neither on the query nor on the time. */
function champsFixes(l: Lieu) {
  return {
    id: l.id,
    id_source: l.idSource,
    source: l.source,
    nom: l.nom,
    adresse: {
      voie: l.adresse,
      complement: l.complementAdresse,
      code_postal: l.codePostal,
      code_insee: l.codeInsee,
      commune: l.commune,
    },
    latitude: l.latitude,
    longitude: l.longitude,
    coordonnees_approchees: positionApproximative(l),
    telephone: l.telephone,
    courriels: l.courriels,
    site_web: l.siteWeb,
    horaires: l.horaires,
    horaires_reconnus: l.horairesReconnus,
    services: l.services,
    publics_specifiquement_adresses: l.publicsSpecifiquementAdresses,
    prise_en_charge_specifique: l.priseEnChargeSpecifique,
    frais_a_charge: l.fraisACharge,
    itinerance: l.itinerance,
    modalites_acces: l.modalitesAcces,
    modalites_accompagnement: l.modalitesAccompagnement,
    dispositif_programmes_nationaux: l.dispositifProgrammesNationaux,
    formations_labels: l.formationsLabels,
    typologie: l.typologie,
    fiche_acces_libre: l.ficheAccesLibre,
    prise_rdv: l.priseRdv,
    date_maj: l.dateMaj,
    url: `/lieux/${l.id}`,
  }
}

const distanceArrondie = (km: number | null) => (km === null ? null : Math.round(km * 100) / 100)

function versApi(l: Lieu, distanceKm: number | null, index: IndexLieux, instant: Date) {
  return {
    ...champsFixes(l),
    distance_km: distanceArrondie(distanceKm),
    ouvert_maintenant: index.ouvertMaintenant(l.id, instant),
  }
}

/**
 * JSON written in ASCII only (`é` → `\u00e9`, the same JSON once read): one character beyond Latin-1
 * (’, œ) made the whole answer a two-byte string, which the socket then re-encoded to UTF-8 character
 * by character (5 % of the server's time under load); an ASCII answer is copied as it is, and weighs
 * half as much in the answer memory.
 */
const enAscii = (json: string) =>
  json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

/**
 * A page of places as JSON: the fixed fields of each place are serialised once per index version and
 * kept, and only the envelope, the distance and « ouvert maintenant » are written per query (the same
 * JSON as `versApi`, in another key order).
 */
function pagesEnJson() {
  const parIndex = new WeakMap<IndexLieux, Map<string, string>>()
  const fixe = (index: IndexLieux, l: Lieu): string => {
    let fixes = parIndex.get(index)
    if (!fixes) {
      fixes = new Map()
      parIndex.set(index, fixes)
    }
    let debut = fixes.get(l.id)
    if (debut === undefined) {
      debut = enAscii(JSON.stringify(champsFixes(l)).slice(0, -1))
      fixes.set(l.id, debut)
    }
    return debut
  }
  return (
    index: IndexLieux,
    entete: { total: number | null; page: number; limit: number; suivant: string | null },
    resultats: readonly { lieu: Lieu; distanceKm: number | null }[],
    instant: Date,
  ): string => {
    // One string grown piece by piece (V8 links the pieces and copies them once, when the answer is
    // written): no array of per-place strings and no join.
    let corps = `{"total":${entete.total},"page":${entete.page},"limit":${entete.limit},"suivant":${entete.suivant === null ? 'null' : JSON.stringify(entete.suivant)},"resultats":[`
    for (let k = 0; k < resultats.length; k++) {
      const { lieu, distanceKm } = resultats[k]!
      if (k > 0) corps += ','
      corps += fixe(index, lieu)
      corps += ',"distance_km":'
      corps += distanceArrondie(distanceKm)
      corps += ',"ouvert_maintenant":'
      corps += index.ouvertMaintenant(lieu.id, instant)
      corps += '}'
    }
    return `${corps}]}`
  }
}

/** The same query string with `page` set to the next page. */
function pageSuivante(url: string, page: number): string {
  const [chemin, requete = ''] = url.split('?', 2)
  const parametres = requete.split('&').filter((p) => p !== '' && !p.startsWith('page='))
  parametres.push(`page=${page + 1}`)
  return `${chemin}?${parametres.join('&')}`
}

// ——— OpenAPI descriptions (also used by Fastify to serialise a single place; lists are written by `pagesEnJson`) ———

const chaines = { type: 'array', items: { type: 'string' } } as const
const texteOuNull = { type: ['string', 'null'] } as const
const schemaLieu = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    id_source: { type: 'string', description: 'identifiant du producteur (champ `id` du standard)' },
    source: { type: 'string' },
    nom: { type: 'string' },
    adresse: {
      type: 'object',
      properties: {
        voie: { type: 'string' },
        complement: texteOuNull,
        code_postal: { type: 'string' },
        code_insee: texteOuNull,
        commune: { type: 'string' },
      },
    },
    latitude: { type: ['number', 'null'] },
    longitude: { type: ['number', 'null'] },
    coordonnees_approchees: {
      type: 'boolean',
      description: 'vrai quand le point est le centre de la commune',
    },
    distance_km: { type: ['number', 'null'] },
    telephone: texteOuNull,
    courriels: chaines,
    site_web: chaines,
    horaires: { type: ['string', 'null'], description: 'format OSM opening_hours' },
    horaires_reconnus: { type: 'boolean' },
    ouvert_maintenant: {
      type: ['boolean', 'null'],
      description: 'null si les horaires sont absents ou non reconnus',
    },
    services: chaines,
    publics_specifiquement_adresses: chaines,
    prise_en_charge_specifique: chaines,
    frais_a_charge: chaines,
    itinerance: chaines,
    modalites_acces: chaines,
    modalites_accompagnement: chaines,
    dispositif_programmes_nationaux: chaines,
    formations_labels: chaines,
    typologie: chaines,
    fiche_acces_libre: texteOuNull,
    prise_rdv: texteOuNull,
    date_maj: { type: 'string', format: 'date' },
    url: { type: 'string' },
  },
} as const
const schemaErreur = {
  type: 'object',
  properties: { erreur: { type: 'string' }, champ: { type: 'string' } },
} as const
const enumListe = (valeurs: readonly string[], description: string) => ({
  type: 'array',
  items: { type: 'string', enum: [...valeurs] },
  description: `${description} (paramètre répété, ou valeurs séparées par « | »)`,
})
const querystringLieux = {
  type: 'object',
  properties: {
    near: {
      type: 'string',
      description: 'position « latitude,longitude » : résultats du plus proche au plus éloigné',
    },
    radius: { type: 'number', description: `rayon en km autour de near (${RAYON_MAX_KM} au plus)` },
    services: enumListe(SERVICES, 'au moins un de ces services'),
    publics: enumListe(
      PUBLICS_SPECIFIQUEMENT_ADRESSES,
      'lieux dédiés à un de ces publics, et lieux ouverts à tous',
    ),
    modalites: enumListe(MODALITES_ACCOMPAGNEMENT, 'au moins une de ces modalités d’accompagnement'),
    dispositifs: enumListe(DISPOSITIFS_PROGRAMMES_NATIONAUX, 'au moins un de ces programmes nationaux'),
    gratuit: { type: 'string', enum: ['1', '0'], description: 'gratuit ou gratuit sous condition' },
    ouvert: { type: 'string', enum: ['1', '0'], description: 'ouvert maintenant (heure locale du lieu)' },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    page: { type: 'integer', minimum: 1, default: 1 },
  },
} as const

function criteres(f: FiltresApi, instant: Date): Criteres {
  return {
    position: f.near,
    rayonKm: f.near ? f.radius : undefined,
    services: f.services,
    publics: f.publics,
    modalites: f.modalites,
    dispositifs: f.dispositifs,
    gratuit: f.gratuit,
    ouvertMaintenant: f.ouvert,
    instant,
    page: f.page,
    parPage: f.limit,
  }
}

/**
 * Weak validators of the list's answers, and the answers kept: both hold for one index version and one
 * minute (`ouvert_maintenant` moves). The stem of the ETags is hashed once per version and minute, and
 * each ETag adds a 32-bit hash of the query (FNV-1a, in JavaScript: no hash object per request). A client
 * compares an ETag only with the one it got for the same address, so the short hash of the query needs
 * no more than to be stable. When the version or the minute moves, the kept answers could never be
 * served again: the memory is emptied at once rather than waiting for them to be pushed out.
 */
function etagsParMinute(reponses: { vider(): void }) {
  let version: string | undefined
  let minute = -1
  let racine = ''
  return (index: IndexLieux, url: string, instant: Date): string => {
    const m = Math.floor(instant.getTime() / 60_000)
    if (index.version !== version || m !== minute) {
      version = index.version
      minute = m
      racine = createHash('sha1').update(`${version}|${m}`).digest('base64url').slice(0, 16)
      reponses.vider()
    }
    return `W/"${racine}${empreinte(url).toString(36)}"`
  }
}

/** Weak validator of an export: the index version, the query, and the minute. */
function etag(index: IndexLieux, request: FastifyRequest, instant: Date): string {
  const minute = Math.floor(instant.getTime() / 60_000)
  return `W/"${createHash('sha1').update(`${index.version}|${request.url}|${minute}`).digest('base64url').slice(0, 22)}"`
}

/** `GET /api/v1/…`: places as JSON, the export in the standard, commune suggestions. CORS on these reads only. */
export async function apiLieuxRoutes(app: FastifyInstance, { deps }: { deps: DepsLieux }) {
  await app.register(cors, { origin: '*', methods: ['GET', 'HEAD', 'OPTIONS'], maxAge: 86400 })
  routeListe(app, deps)
  routeExport(app, deps)
  routesDataInclusion(app, deps)
  routeLieu(app, deps)
  routeCommunes(app, deps)
}

/** `GET /api/v1/lieux`: the hot path (bench/lieux), answers kept serialised per address. */
function routeListe(app: FastifyInstance, deps: DepsLieux) {
  // 32 MB per process: about 1 600 answers of 10 places, 160 of 100.
  const reponses = memoireDesReponses({ octetsMax: 32 * 1024 * 1024, clesVuesMax: 8000 })
  const enJson = pagesEnJson()
  const etagDeLaListe = etagsParMinute(reponses)
  const ENTETES_LISTE = {
    'cache-control': 'public, max-age=60',
    vary: 'accept-encoding',
  }
  app.get(
    '/lieux',
    {
      config: LIMITE_API,
      attachValidation: true,
      schema: {
        tags: ['lieux'],
        summary: 'Rechercher des lieux de médiation numérique',
        description:
          'Filtres combinés (ET entre filtres, OU à l’intérieur d’un filtre). Avec `near`, tri par distance ; sans, par nom. `total` est null quand `near` est donné sans `radius`.',
        querystring: querystringLieux,
        response: {
          200: {
            type: 'object',
            properties: {
              total: { type: ['integer', 'null'] },
              page: { type: 'integer' },
              limit: { type: 'integer' },
              suivant: texteOuNull,
              resultats: { type: 'array', items: schemaLieu },
            },
          },
          304: { type: 'null', description: 'non modifié depuis l’ETag envoyé dans If-None-Match' },
          400: schemaErreur,
        },
      },
    },
    async (request, reply) => {
      const requete = objetRequete(request.query)
      let filtres = lireFiltresRapide(requete)
      if (!filtres) {
        const f = filtresApi.safeParse(requete)
        if (!f.success) return erreur400(reply, f.error)
        filtres = f.data
      }
      const index = await deps.catalogue.index()
      const instant = deps.horloge()
      const tag = etagDeLaListe(index, request.url, instant)
      reply.headers(ENTETES_LISTE).header('etag', tag)
      if (request.headers['if-none-match'] === tag) return reply.status(304).send()
      reply.type('application/json; charset=utf-8')
      // Kept under the address: the memory only holds answers of the current version and minute.
      const deja = reponses.lire(request.url)
      if (deja !== undefined) return reply.send(deja)
      const r = index.rechercher(criteres(filtres, instant))
      const suivant = r.suite ? pageSuivante(request.url, filtres.page) : null
      const corps = enJson(
        index,
        { total: r.total, page: filtres.page, limit: filtres.limit, suivant },
        r.resultats,
        instant,
      )
      reponses.garder(request.url, corps)
      return reply.send(corps)
    },
  )
}

/** `GET /api/v1/lieux/export`: every selected place in the national standard. */
function routeExport(app: FastifyInstance, deps: DepsLieux) {
  app.get(
    '/lieux/export',
    {
      config: LIMITE_API,
      attachValidation: true,
      schema: {
        tags: ['lieux'],
        summary: 'Exporter les lieux au standard national (CSV ou JSON)',
        description:
          'Tous les lieux, ou la sélection décrite par les mêmes filtres que /api/v1/lieux (sans pagination). Chaque ligne est acceptée par la bibliothèque @gouvfr-anct/lieux-de-mediation-numerique 2.3.0. L’en-tête `x-lieux-exclus` compte les lieux qu’elle refuse.',
        querystring: {
          type: 'object',
          properties: {
            format: { type: 'string', enum: ['csv', 'json'], default: 'json' },
            ...querystringLieux.properties,
          },
        },
      },
    },
    async (request, reply) => {
      const { format = 'json', ...reste } = objetRequete(request.query)
      if (format !== 'csv' && format !== 'json')
        return reply
          .status(400)
          .send({ erreur: 'Paramètre « format » invalide : attendu csv ou json.', champ: 'format' })
      const f = filtresApi.safeParse(reste)
      if (!f.success) return erreur400(reply, f.error)
      const index = await deps.catalogue.index()
      const instant = deps.horloge()
      const tag = etag(index, request, instant)
      if (request.headers['if-none-match'] === tag) return reply.status(304).send()
      // Every stored place, those another source also publishes included (the README's promise: a
      // duplicate is only left out of what a person is shown, never out of the published data).
      const tous = index.rechercher({
        ...criteres(f.data, instant),
        avecDoublons: true,
        page: 1,
        parPage: Number.MAX_SAFE_INTEGER,
      })
      const e = exporter(tous.resultats.map((r) => r.lieu))
      const date = instant.toISOString().slice(0, 10)
      reply
        .header('etag', tag)
        .header('cache-control', 'public, max-age=300')
        .header('x-lieux-exclus', String(e.exclus.length))
        .header(
          'content-disposition',
          `attachment; filename="${date}_escale_lieux-de-mediation-numerique.${format}"`,
        )
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(enCsv(e.lignes))
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(e.lignes))
    },
  )
}

/** `GET /api/v1/lieux/:id`: one place. */
function routeLieu(app: FastifyInstance, deps: DepsLieux) {
  app.get(
    '/lieux/:id',
    {
      config: LIMITE_API,
      schema: {
        tags: ['lieux'],
        summary: 'Un lieu',
        params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } },
        response: { 200: schemaLieu, 404: schemaErreur },
      },
      attachValidation: true,
    },
    async (request, reply) => {
      const params = paramsId.safeParse(request.params)
      const index = await deps.catalogue.index()
      const l = params.success ? index.parId(params.data.id) : undefined
      if (!l) return reply.status(404).send({ erreur: 'Lieu introuvable.' })
      return versApi(l, null, index, deps.horloge())
    },
  )
}

/**
 * `GET /api/v1/communes?q=`: the communes a name or a postal code designates, best first (exact name,
 * then names starting with the text, then postal codes), at most 20: the commune field's island
 * and any other tool (issue 17, fixed entry point).
 */
function routeCommunes(app: FastifyInstance, deps: DepsLieux) {
  const commune = {
    type: 'object',
    required: ['code', 'nom', 'libelle', 'codesPostaux', 'departement'],
    properties: {
      code: { type: 'string', description: 'Code INSEE de la commune (COG), à enregistrer' },
      nom: { type: 'string', description: 'Nom de la commune' },
      libelle: { type: 'string', description: 'Nom à afficher, avec le code postal : « Gap (05000) »' },
      codePostal: {
        type: ['string', 'null'],
        description: 'Le code postal désigné par la recherche (un arrondissement, un code saisi), sinon null',
      },
      codesPostaux: { ...chaines, description: 'Tous les codes postaux de la commune' },
      departement: { type: 'string', description: 'Code du département' },
      nomDepartement: { type: 'string' },
      latitude: { type: 'number' },
      longitude: { type: 'number' },
    },
  }
  app.get(
    '/communes',
    {
      config: LIMITE_API,
      attachValidation: true,
      schema: {
        tags: ['lieux'],
        summary: 'Communes par nom ou code postal',
        description:
          'Les communes que désigne un nom (« Gap », « st etienne », « Marseille 3e ») ou un code postal ' +
          '(« 05000 », « 13003 », ou son début « 050 ») : noms exacts d’abord, puis noms commençant par le ' +
          'texte, puis codes postaux ; la plus peuplée d’abord dans chaque groupe ; 20 au plus. Un code ' +
          'postal n’est jamais lu comme un code INSEE (13003 est Marseille 3e, pas Alleins).',
        querystring: { type: 'object', properties: { q: { type: 'string', minLength: 1, maxLength: 100 } } },
        response: {
          200: {
            type: 'object',
            properties: { communes: { type: 'array', maxItems: CHOIX_MAX, items: commune } },
          },
        },
      },
    },
    async (request, reply) => {
      const q = String(objetRequete(request.query).q ?? '').slice(0, 100)
      reply.header('cache-control', 'public, max-age=86400')
      return { communes: deps.communes.suggerer(q, CHOIX_MAX).map(suggestionPublique) }
    },
  )
}
