import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import type { ClientHttp } from '../client-http'
import {
  type AdresseAGeocoder,
  type GeocoderAdresses,
  type IssueGeocodage,
  type PositionGeocodee,
  PRECISION_DU_TYPE,
} from './port'

/**
 * The real adapter of the address base: `GET /search/` for one address, `POST /search/csv/` for a
 * batch (a CSV file sent as multipart, the same file sent back with the result columns appended).
 * An answer under `scoreMin` is not a position: the caller keeps its commune centre.
 */

const featureSchema = z.object({
  geometry: z.object({ coordinates: z.tuple([z.number(), z.number()]) }),
  properties: z.object({
    label: z.string(),
    score: z.number(),
    type: z.string(),
    citycode: z.string().optional(),
  }),
})
const collectionSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(featureSchema) })

/** At most this many addresses per CSV request (the base takes files up to 50 MB; a batch stays small). */
export const TAILLE_LOT = 5000

/** The `q` the base reads best: the street address and the commune's name. */
const question = (a: AdresseAGeocoder) =>
  `${a.adresse} ${a.commune}`.replace(/\s+/g, ' ').trim().slice(0, 200)

function position(
  latitude: number,
  longitude: number,
  p: { score: number; type: string; citycode?: string | undefined; label: string },
  scoreMin: number,
): PositionGeocodee | undefined {
  const precision = PRECISION_DU_TYPE[p.type]
  if (!precision || !(p.score >= scoreMin) || !Number.isFinite(latitude) || !Number.isFinite(longitude))
    return undefined
  return { latitude, longitude, precision, score: p.score, codeInsee: p.citycode || null, libelle: p.label }
}

/** A CSV cell as the base reads it (RFC 4180: quotes doubled, the field quoted). */
const cellule = (v: string) => `"${v.replace(/"/g, '""').replace(/[\r\n]+/g, ' ')}"`

/** The multipart body of `/search/csv/`: the file, the column to read, and the postcode filter column. */
function corpsMultipart(adresses: readonly AdresseAGeocoder[], frontiere: string): string {
  const csv = [
    'cle,adresse,code_postal,code_insee',
    ...adresses.map((a) => [a.cle, question(a), a.codePostal, a.codeInsee ?? ''].map(cellule).join(',')),
  ].join('\r\n')
  const champ = (nom: string, valeur: string) =>
    `--${frontiere}\r\nContent-Disposition: form-data; name="${nom}"\r\n\r\n${valeur}\r\n`
  return (
    `--${frontiere}\r\nContent-Disposition: form-data; name="data"; filename="adresses.csv"\r\n` +
    `Content-Type: text/csv\r\n\r\n${csv}\r\n` +
    champ('columns', 'adresse') +
    champ('postcode', 'code_postal') +
    `--${frontiere}--\r\n`
  )
}

export function creerAdaptateurAdresses(o: { client: ClientHttp; scoreMin?: number }): GeocoderAdresses {
  const scoreMin = o.scoreMin ?? 0.5

  async function geocoder(a: AdresseAGeocoder): Promise<IssueGeocodage> {
    const r = await o.client.get('/search/', {
      query: { q: question(a), postcode: a.codePostal, limit: 1, autocomplete: 0 },
      schema: collectionSchema,
    })
    if (!r.ok)
      return {
        ok: false,
        raison: r.raison === 'refus' || r.raison === 'introuvable' ? 'introuvable' : 'indisponible',
      }
    const f = r.donnees.features[0]
    const p = f && position(f.geometry.coordinates[1], f.geometry.coordinates[0], f.properties, scoreMin)
    return p ? { ok: true, position: p } : { ok: false, raison: 'introuvable' }
  }

  async function geocoderLot(adresses: readonly AdresseAGeocoder[]) {
    const positions = new Map<string, PositionGeocodee>()
    for (let i = 0; i < adresses.length; i += TAILLE_LOT) {
      const frontiere = `escale${crypto.randomUUID().replace(/-/g, '')}`
      const r = await o.client.post('/search/csv/', {
        corps: corpsMultipart(adresses.slice(i, i + TAILLE_LOT), frontiere),
        entetes: { 'content-type': `multipart/form-data; boundary=${frontiere}`, accept: 'text/csv' },
        schema: z.string(),
        format: 'texte',
      })
      if (!r.ok) return { ok: false as const, raison: 'indisponible' as const }
      let lignes: Record<string, string>[]
      try {
        lignes = parse(r.donnees, { columns: true, skip_empty_lines: true, bom: true }) as Record<
          string,
          string
        >[]
      } catch {
        return { ok: false as const, raison: 'indisponible' as const }
      }
      for (const l of lignes) {
        const p = position(
          Number(l.latitude),
          Number(l.longitude),
          {
            score: Number(l.result_score),
            type: l.result_type ?? '',
            citycode: l.result_citycode,
            label: l.result_label ?? '',
          },
          scoreMin,
        )
        if (p && l.cle) positions.set(l.cle, p)
      }
    }
    return { ok: true as const, positions }
  }

  return { geocoder, geocoderLot }
}
