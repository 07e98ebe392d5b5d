import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import type { FastifyPluginAsync } from 'fastify'
import { ecrireCsv } from '../../csv'
import { normaliserNom } from '../../geo/communes'
import { referentielCommunes } from '../../geo/referentiel-communes'

/**
 * Simulator of the address base (api-adresse.data.gouv.fr) for the demo and the tests: `GET /search/`
 * answers GeoCodeJSON and `POST /search/csv/` the sent CSV with the base's result columns, from
 * recorded answers (`enregistrements.json`: addresses of the demo data and fictional ones). An address
 * it does not know is placed at its commune like the base does for an unknown street (`municipality`,
 * middling score), or not at all when neither the postal code nor the name say which commune. An
 * address holding « PANNE-ADRESSE » plays a base that is down (503), for the demo of the fallback.
 */

export const ADRESSE_EN_PANNE = 'PANNE-ADRESSE'

interface Feature {
  type: 'Feature'
  geometry: { type: 'Point'; coordinates: [number, number] }
  properties: Record<string, string | number> & { label: string; score: number; type: string }
}

let reponses: { cle: string; codePostal: string; feature: Feature }[] | undefined
const enregistrees = () =>
  (reponses ??= (
    JSON.parse(readFileSync(path.join(import.meta.dirname, 'enregistrements.json'), 'utf8')) as {
      reponses: { adresse: string; code_postal: string; feature: Feature }[]
    }
  ).reponses.map((r) => ({ cle: normaliserNom(r.adresse), codePostal: r.code_postal, feature: r.feature })))

/** What the base would find for a question and a postal code filter. */
function chercher(q: string, codePostal: string | undefined): Feature | undefined {
  const n = normaliserNom(q)
  const connue = enregistrees().find(
    (r) => (!codePostal || r.codePostal === codePostal) && (n === r.cle || n.startsWith(`${r.cle} `)),
  )
  if (connue) return connue.feature
  const communes = referentielCommunes()
  const commune = codePostal ? communes.principaleDuCodePostal(codePostal) : communes.rechercher(q, 1)[0]
  if (!commune || !n.includes(normaliserNom(commune.nom))) return undefined
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [commune.longitude, commune.latitude] },
    properties: {
      label: commune.nom,
      score: 0.55,
      type: 'municipality',
      id: commune.code,
      name: commune.nom,
      postcode: codePostal ?? commune.codesPostaux[0] ?? '',
      citycode: commune.code,
      city: commune.nom,
      context: commune.departement,
    },
  }
}

const COLONNES_RESULTAT = [
  'latitude',
  'longitude',
  'result_label',
  'result_score',
  'result_score_next',
  'result_type',
  'result_id',
  'result_housenumber',
  'result_name',
  'result_street',
  'result_postcode',
  'result_city',
  'result_context',
  'result_citycode',
  'result_oldcitycode',
  'result_oldcity',
  'result_district',
  'result_status',
] as const

function colonnesDe(f: Feature | undefined): string[] {
  if (!f) return COLONNES_RESULTAT.map((c) => (c === 'result_status' ? 'not-found' : ''))
  const p = f.properties
  const s = (v: unknown) => (v === undefined ? '' : String(v))
  return [
    s(f.geometry.coordinates[1]),
    s(f.geometry.coordinates[0]),
    p.label,
    s(p.score),
    '',
    p.type,
    s(p.id),
    s(p.housenumber),
    s(p.name),
    s(p.street),
    s(p.postcode),
    s(p.city),
    s(p.context),
    s(p.citycode),
    '',
    '',
    '',
    'ok',
  ]
}

/** The parts of a multipart body: name → text (a file's content included). */
function partiesMultipart(corps: string, typeContenu: string): Map<string, string> {
  const frontiere = /boundary=("?)([^";]+)\1/i.exec(typeContenu)?.[2]
  const parties = new Map<string, string>()
  if (!frontiere) return parties
  for (const bloc of corps.split(`--${frontiere}`)) {
    const separation = bloc.indexOf('\r\n\r\n')
    if (separation < 0) continue
    const nom = /name="([^"]+)"/.exec(bloc.slice(0, separation))?.[1]
    if (nom) parties.set(nom, bloc.slice(separation + 4).replace(/\r\n$/, ''))
  }
  return parties
}

export const simulateurAdresses: FastifyPluginAsync = async (app) => {
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 },
    (_r, corps, fini) => fini(null, corps),
  )

  app.get('/search/', async (request, reply) => {
    const { q, postcode, limit } = request.query as Record<string, string | undefined>
    const question = typeof q === 'string' ? q.trim() : ''
    // The real base refuses a question shorter than 3 characters, or longer than 200.
    if (question.length < 3 || question.length > 200)
      return reply.status(400).send({ code: 400, message: 'q must contain between 3 and 200 chars' })
    if (question.includes(ADRESSE_EN_PANNE)) return reply.status(503).send({ message: 'Service Unavailable' })
    const f = chercher(
      question,
      typeof postcode === 'string' && /^\d{5}$/.test(postcode) ? postcode : undefined,
    )
    return {
      type: 'FeatureCollection',
      version: 'draft',
      features: f ? [f].slice(0, Math.max(1, Number(limit) || 5)) : [],
      attribution: 'BAN',
      licence: 'ETALAB-2.0',
      query: question,
      limit: Math.max(1, Number(limit) || 5),
    }
  })

  app.post('/search/csv/', { config: { csrf: false } }, async (request, reply) => {
    const parties = partiesMultipart(
      typeof request.body === 'string' ? request.body : '',
      String(request.headers['content-type'] ?? ''),
    )
    const donnees = parties.get('data')
    if (!donnees)
      return reply.status(400).send({ code: 400, message: 'A CSV file must be provided in data field' })
    let lignes: string[][]
    try {
      lignes = parse(donnees, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][]
    } catch {
      return reply.status(400).send({ code: 400, message: 'Unable to parse the CSV file' })
    }
    const [entete, ...reste] = lignes
    if (!entete) return reply.status(400).send({ code: 400, message: 'Empty CSV file' })
    if (donnees.includes(ADRESSE_EN_PANNE)) return reply.status(503).send({ message: 'Service Unavailable' })
    const colonne = entete.indexOf(parties.get('columns') ?? '')
    const colonneCp = entete.indexOf(parties.get('postcode') ?? '')
    const resultat = reste.map((l) => {
      const cp = colonneCp >= 0 ? l[colonneCp] : undefined
      const q = colonne >= 0 ? (l[colonne] ?? '') : l.join(' ')
      return [...l, ...colonnesDe(chercher(q, cp && /^\d{5}$/.test(cp) ? cp : undefined))]
    })
    return reply
      .type('text/csv; charset=utf-8')
      .send(ecrireCsv([[...entete, ...COLONNES_RESULTAT], ...resultat], { format: 'standard' }))
  })
}
