import { z } from 'zod'
import {
  DISPOSITIFS_PROGRAMMES_NATIONAUX,
  MODALITES_ACCOMPAGNEMENT,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
  SERVICES,
} from '../domain/vocabulaires'

export const RAYON_MAX_KM = 200

const booleen = z
  .enum(['1', '0', 'true', 'false', 'oui', 'non'], { error: 'attendu 1 ou 0' })
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'oui')

/** Repeated parameter or `|`-separated list, every value from the standard's vocabulary. */
const liste = <T extends readonly [string, ...string[]]>(valeurs: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((x) => x.split('|')).filter(Boolean),
    )
    .pipe(z.array(z.enum(valeurs, { error: (i) => `valeur inconnue « ${String(i.input)} »` })))

export const filtresApi = z.object({
  near: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined
      const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(v)
      const lat = Number(m?.[1])
      const lon = Number(m?.[2])
      if (!m || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        ctx.addIssue({
          code: 'custom',
          message: 'attendu « latitude,longitude » en degrés décimaux, par exemple 43.2965,5.3698',
        })
        return z.NEVER
      }
      return { latitude: lat, longitude: lon }
    }),
  radius: z.coerce
    .number({ error: 'attendu un nombre de kilomètres' })
    .positive('attendu un nombre de kilomètres supérieur à 0')
    .max(RAYON_MAX_KM, `${RAYON_MAX_KM} km au plus`)
    .optional(),
  services: liste(SERVICES),
  publics: liste(PUBLICS_SPECIFIQUEMENT_ADRESSES),
  modalites: liste(MODALITES_ACCOMPAGNEMENT),
  dispositifs: liste(DISPOSITIFS_PROGRAMMES_NATIONAUX),
  gratuit: booleen,
  ouvert: booleen,
  limit: z.coerce
    .number({ error: 'attendu un entier' })
    .int('attendu un entier')
    .min(1, '1 au moins')
    .max(100, '100 au plus')
    .default(20),
  page: z.coerce
    .number({ error: 'attendu un entier' })
    .int('attendu un entier')
    .min(1, '1 au moins')
    .max(10_000, '10 000 au plus')
    .default(1),
})

export type FiltresApi = z.infer<typeof filtresApi>

const REQUETE_VIDE: Readonly<Record<string, unknown>> = Object.freeze({})
const estObjet = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** The query string as Fastify parsed it, read in place: no copy, no zod, on the API's hot path. */
export const objetRequete = (q: unknown): Readonly<Record<string, unknown>> =>
  estObjet(q) ? q : REQUETE_VIDE

const AUCUN: readonly never[] = Object.freeze([])
const vocabulaire = <T extends string>(valeurs: readonly T[]) => new Set<string>(valeurs)
const SERVICES_CONNUS = vocabulaire(SERVICES)
const PUBLICS_CONNUS = vocabulaire(PUBLICS_SPECIFIQUEMENT_ADRESSES)
const MODALITES_CONNUES = vocabulaire(MODALITES_ACCOMPAGNEMENT)
const DISPOSITIFS_CONNUS = vocabulaire(DISPOSITIFS_PROGRAMMES_NATIONAUX)
const POSITION = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/
const DECIMAL = /^\d{1,4}(?:\.\d{1,6})?$/
const ENTIER = /^\d{1,5}$/
const INVALIDE = Symbol('invalide')

function listeRapide<T extends string>(
  v: unknown,
  connus: ReadonlySet<string>,
): readonly T[] | typeof INVALIDE {
  if (v === undefined) return AUCUN
  if (typeof v === 'string' && connus.has(v)) return [v as T]
  const valeurs = typeof v === 'string' ? [v] : v
  if (!Array.isArray(valeurs)) return INVALIDE
  const r: T[] = []
  for (const x of valeurs) {
    if (typeof x !== 'string') return INVALIDE
    for (const y of x.split('|')) {
      if (y === '') continue
      if (!connus.has(y)) return INVALIDE
      r.push(y as T)
    }
  }
  return r
}

function booleenRapide(v: unknown): boolean | typeof INVALIDE {
  if (v === undefined || v === '0' || v === 'false' || v === 'non') return false
  if (v === '1' || v === 'true' || v === 'oui') return true
  return INVALIDE
}

function entierRapide(v: unknown, defaut: number, max: number): number | typeof INVALIDE {
  if (v === undefined) return defaut
  if (typeof v !== 'string' || !ENTIER.test(v)) return INVALIDE
  const n = Number(v)
  return n >= 1 && n <= max ? n : INVALIDE
}

/**
 * The same filters as `filtresApi`, read without zod for the queries that are valid as written (nearly
 * all): the zod parse built a dozen closures' worth of objects per request, the first cost of the
 * API's allocations under load (bench/README.md). Anything else — a value to convert, a mistake —
 * gives `undefined`, and the caller asks zod, which says what is wrong in French. A property test
 * holds the two to the same result.
 */
export function lireFiltresRapide(q: Readonly<Record<string, unknown>>): FiltresApi | undefined {
  let near: FiltresApi['near']
  const n = q.near
  if (n !== undefined && n !== '') {
    if (typeof n !== 'string') return undefined
    const m = POSITION.exec(n)
    if (!m) return undefined
    const latitude = Number(m[1])
    const longitude = Number(m[2])
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined
    near = { latitude, longitude }
  }
  let radius: number | undefined
  if (q.radius !== undefined) {
    if (typeof q.radius !== 'string' || !DECIMAL.test(q.radius)) return undefined
    radius = Number(q.radius)
    if (!(radius > 0 && radius <= RAYON_MAX_KM)) return undefined
  }
  const services = listeRapide<FiltresApi['services'][number]>(q.services, SERVICES_CONNUS)
  const publics = listeRapide<FiltresApi['publics'][number]>(q.publics, PUBLICS_CONNUS)
  const modalites = listeRapide<FiltresApi['modalites'][number]>(q.modalites, MODALITES_CONNUES)
  const dispositifs = listeRapide<FiltresApi['dispositifs'][number]>(q.dispositifs, DISPOSITIFS_CONNUS)
  const gratuit = booleenRapide(q.gratuit)
  const ouvert = booleenRapide(q.ouvert)
  const limit = entierRapide(q.limit, 20, 100)
  const page = entierRapide(q.page, 1, 10_000)
  if (
    services === INVALIDE ||
    publics === INVALIDE ||
    modalites === INVALIDE ||
    dispositifs === INVALIDE ||
    gratuit === INVALIDE ||
    ouvert === INVALIDE ||
    limit === INVALIDE ||
    page === INVALIDE
  )
    return undefined
  return {
    near,
    radius,
    services: services as FiltresApi['services'],
    publics: publics as FiltresApi['publics'],
    modalites: modalites as FiltresApi['modalites'],
    dispositifs: dispositifs as FiltresApi['dispositifs'],
    gratuit,
    ouvert,
    limit,
    page,
  }
}
