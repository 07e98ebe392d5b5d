import { z } from 'zod'
import {
  CODES_TYPOLOGIES,
  DISPOSITIFS_PROGRAMMES_NATIONAUX,
  FORMATIONS_LABELS,
  FRAIS_A_CHARGE,
  ITINERANCES,
  MODALITES_ACCES,
  MODALITES_ACCOMPAGNEMENT,
  PRISES_EN_CHARGE_SPECIFIQUES,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
  SERVICES,
} from './vocabulaires'

/**
 * Where a place's point comes from: the file, the national address base (`adresse`), the commune centre
 * (fallback), a manager, or nowhere.
 */
export const ORIGINES_COORDONNEES = ['fichier', 'adresse', 'commune', 'saisie', 'aucune'] as const
export type OrigineCoordonnees = (typeof ORIGINES_COORDONNEES)[number]

/** How precisely the address base placed an address: its `type` housenumber, street, locality, municipality. */
export const PRECISIONS_GEOCODAGE = ['numero', 'voie', 'lieu-dit', 'commune'] as const
export type PrecisionGeocodage = (typeof PRECISIONS_GEOCODAGE)[number]

/**
 * A point that only says which commune the place is in: the commune centre put by the import, or an
 * address the address base could only place at its commune. Such a place is ranked by its commune and
 * shown « position approximative », never « à 10 m ».
 */
export function positionApproximative(
  l: Pick<DonneesLieu, 'origineCoordonnees'> & { precisionGeocodage?: PrecisionGeocodage | null },
): boolean {
  return (
    l.origineCoordonnees === 'commune' ||
    (l.origineCoordonnees === 'adresse' && l.precisionGeocodage === 'commune')
  )
}

export type Gravite = 'rejet' | 'erreur' | 'avertissement'
/** One problem found in an imported row: `erreur` = value left out, `rejet` = row not imported. */
export interface Probleme {
  champ: string
  gravite: Gravite
  message: string
}

// ——— Field rules shared by the import, the management form and the export ———

export const RE_PIVOT = /^[a-zA-Z0-9]{9,14}$/
export const RE_CODE_POSTAL = /^\d{5}$/
export const RE_CODE_INSEE = /^([013-9]\d|2[AB1-9])\d{3}$/
export const RE_TELEPHONE = /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$/
const RE_COURRIEL = /^[^\s@|;,]+@[^\s@|;,]+\.[a-zA-Z]{2,}$/
const RE_URL = /^https?:\/\/[^\s|]+\.[^\s|]+$/i
const RE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
/** The placeholder used by files that do not know the SIRET (it passes the ANCT library). */
export const PIVOT_INCONNU = '00000000000000'

/** Overseas dialling codes by the first three digits of the postal code. */
const INDICATIFS: Record<string, string> = {
  '971': '+590',
  '977': '+590',
  '978': '+590',
  '972': '+596',
  '973': '+594',
  '974': '+262',
  '976': '+262',
  '975': '+508',
  '986': '+681',
  '987': '+689',
  '988': '+687',
}

/**
 * National form (`04 50 56 87 49`) → international without spaces (`+33450568749`), as the standard
 * requires. Returns undefined when the number cannot be an ordinary phone number (short numbers such
 * as 3631 are refused by the standard).
 */
export function normaliserTelephone(brut: string, codePostal = ''): string | undefined {
  let t = brut.replace(/[\s.\-()/]/g, '')
  if (t.startsWith('00')) t = `+${t.slice(2)}`
  t = t.replace(/^\+(\d{2,3})0(\d{9})$/, '+$1$2')
  if (/^0\d{9}$/.test(t)) t = `${INDICATIFS[codePostal.slice(0, 3)] ?? '+33'}${t.slice(1)}`
  return RE_TELEPHONE.test(t) ? t : undefined
}

export function estCourriel(s: string): boolean {
  return RE_COURRIEL.test(s) && s.length <= 254
}

/** `www.exemple.fr` gets `https://`; anything else must be an http(s) address. */
export function normaliserUrl(brut: string): { url: string; complete: boolean } | undefined {
  const s = brut.trim()
  if (RE_URL.test(s)) return { url: s, complete: false }
  if (/^www\.[^\s|]+\.[^\s|]+$/i.test(s)) return { url: `https://${s}`, complete: true }
  return undefined
}

export function estDateValide(s: string): boolean {
  const m = RE_DATE.exec(s)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  )
}

// ——— The place ———

const texte = (max: number) => z.string().trim().min(1).max(max)
const liste = <T extends readonly [string, ...string[]]>(valeurs: T) =>
  z.array(z.enum(valeurs)).max(valeurs.length)

/** Everything the standard says about a place, in our words (camelCase of the CSV columns). */
export const donneesLieuSchema = z.object({
  idSource: texte(200),
  source: z.string().trim().max(200),
  pivot: z.string().regex(RE_PIVOT),
  nom: texte(250),
  commune: texte(100),
  codePostal: z.string().regex(RE_CODE_POSTAL),
  codeInsee: z.string().regex(RE_CODE_INSEE).nullable(),
  adresse: texte(250),
  complementAdresse: z.string().max(250).nullable(),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  origineCoordonnees: z.enum(ORIGINES_COORDONNEES),
  typologie: z.array(z.enum(CODES_TYPOLOGIES as [string, ...string[]])),
  telephone: z.string().regex(RE_TELEPHONE).nullable(),
  courriels: z.array(z.string().refine(estCourriel)),
  siteWeb: z.array(z.string().regex(RE_URL)),
  horaires: z.string().max(500).nullable(),
  horairesReconnus: z.boolean(),
  presentationResume: z.string().max(280).nullable(),
  presentationDetail: z.string().max(5000).nullable(),
  itinerance: liste(ITINERANCES),
  structureParente: z.string().max(250).nullable(),
  dateMaj: z.string().refine(estDateValide),
  services: liste(SERVICES),
  publicsSpecifiquementAdresses: liste(PUBLICS_SPECIFIQUEMENT_ADRESSES),
  priseEnChargeSpecifique: liste(PRISES_EN_CHARGE_SPECIFIQUES),
  fraisACharge: liste(FRAIS_A_CHARGE),
  dispositifProgrammesNationaux: liste(DISPOSITIFS_PROGRAMMES_NATIONAUX),
  formationsLabels: liste(FORMATIONS_LABELS),
  autresFormationsLabels: z.array(z.string().trim().min(1).max(200)).max(30),
  modalitesAcces: liste(MODALITES_ACCES),
  modalitesAccompagnement: liste(MODALITES_ACCOMPAGNEMENT),
  ficheAccesLibre: z.string().regex(RE_URL).nullable(),
  priseRdv: z.string().regex(RE_URL).nullable(),
})
export type DonneesLieu = z.infer<typeof donneesLieuSchema>

/** A stored place: the standard's content plus what Escale adds. */
export interface Lieu extends DonneesLieu {
  id: string
  /** The Escale structure whose managers may edit it (role `gestionnaire` on that structure). */
  structureId: string | null
  /** Problems found at import, kept visible until someone fixes the data. */
  problemes: Probleme[]
  modifieLe: Date
  /** When the point comes from the address base: how precise it is, and the base's score (0 to 1). */
  precisionGeocodage?: PrecisionGeocodage | null
  scoreGeocodage?: number | null
}

/** Standard CSV column ↔ our property, for the fields copied as they are. */
export const PROPRIETES_DES_COLONNES = {
  id: 'idSource',
  pivot: 'pivot',
  nom: 'nom',
  commune: 'commune',
  code_postal: 'codePostal',
  code_insee: 'codeInsee',
  adresse: 'adresse',
  complement_adresse: 'complementAdresse',
  latitude: 'latitude',
  longitude: 'longitude',
  typologie: 'typologie',
  telephone: 'telephone',
  courriels: 'courriels',
  site_web: 'siteWeb',
  horaires: 'horaires',
  presentation_resume: 'presentationResume',
  presentation_detail: 'presentationDetail',
  source: 'source',
  itinerance: 'itinerance',
  structure_parente: 'structureParente',
  date_maj: 'dateMaj',
  services: 'services',
  publics_specifiquement_adresses: 'publicsSpecifiquementAdresses',
  prise_en_charge_specifique: 'priseEnChargeSpecifique',
  frais_a_charge: 'fraisACharge',
  dispositif_programmes_nationaux: 'dispositifProgrammesNationaux',
  formations_labels: 'formationsLabels',
  autres_formations_labels: 'autresFormationsLabels',
  modalites_acces: 'modalitesAcces',
  modalites_accompagnement: 'modalitesAccompagnement',
  fiche_acces_libre: 'ficheAccesLibre',
  prise_rdv: 'priseRdv',
} as const satisfies Record<string, keyof DonneesLieu>

/** Field-by-field differences, for the history of changes. */
export function differences(
  avant: DonneesLieu | undefined,
  apres: DonneesLieu,
): Record<string, { avant: unknown; apres: unknown }> {
  const d: Record<string, { avant: unknown; apres: unknown }> = {}
  for (const cle of Object.keys(apres) as (keyof DonneesLieu)[]) {
    const a = avant ? avant[cle] : undefined
    const b = apres[cle]
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null))
      d[cle] = { avant: a ?? null, apres: b ?? null }
  }
  return d
}

/** France Services answer administrative procedures by definition (orientation relies on it). */
export function estFranceServices(
  l: Pick<DonneesLieu, 'dispositifProgrammesNationaux' | 'typologie'>,
): boolean {
  return l.dispositifProgrammesNationaux.includes('France Services') || l.typologie.includes('RFS')
}
