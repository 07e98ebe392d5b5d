import {
  fromSchemaLieuDeMediationNumerique,
  type SchemaLieuMediationNumerique,
  toSchemaServiceDataInclusion,
  toSchemaStructureDataInclusion,
} from '@gouvfr-anct/lieux-de-mediation-numerique'
import { z } from 'zod'
import { exporterLieu } from './export'
import { type Lieu, PIVOT_INCONNU } from './lieu'
import { CODES_TYPOLOGIES } from './vocabulaires'

/**
 * Escale's places in the schema of data·inclusion, the national hub of inclusion services: one
 * « structure » per place and one « service » (the digital help it offers) attached to it. The
 * correspondence of vocabularies (services → thématiques, frais, publics → profils, modalités →
 * modes d’orientation, programmes → labels nationaux) is the ANCT library's, the one the national map
 * uses; the zod schemas below are data·inclusion's rules as we check them before publishing.
 */

const slug = z.string().regex(/^[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$/, 'identifiant en minuscules et tirets')
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'date AAAA-MM-JJ')
const url = z.url({ protocol: /^https?$/ })
const texte = z.string().trim().min(1)

const adresse = {
  commune: texte,
  code_postal: z.string().regex(/^\d{5}$/),
  code_insee: z
    .string()
    .regex(/^([013-9]\d|2[AB1-9])\d{3}$/)
    .optional(),
  adresse: texte,
  complement_adresse: z.string().optional(),
  longitude: z.number().min(-180).max(180).optional(),
  latitude: z.number().min(-90).max(90).optional(),
}

export const structureDataInclusionSchema = z.strictObject({
  id: texte,
  siret: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
  rna: z
    .string()
    .regex(/^W[0-9A-Z]{9}$/i)
    .optional(),
  nom: texte,
  ...adresse,
  typologie: z.enum(CODES_TYPOLOGIES as [string, ...string[]]).optional(),
  structure_parente: z.string().optional(),
  telephone: z.string().optional(),
  courriel: z.email().optional(),
  site_web: url.optional(),
  presentation_resume: z.string().max(280).optional(),
  presentation_detail: z.string().optional(),
  source: texte,
  date_maj: date,
  lien_source: url,
  horaires_ouverture: z.string().optional(),
  accessibilite: url.optional(),
  labels_nationaux: z.array(slug).optional(),
  labels_autres: z.array(z.string()).optional(),
  thematiques: z.array(slug).min(1),
})
export type StructureDataInclusion = z.infer<typeof structureDataInclusionSchema>

const FRAIS = ['gratuit', 'gratuit-sous-conditions', 'payant', 'adhesion', 'pass-numerique', 'autre'] as const
const TYPES = ['accompagnement', 'atelier', 'autonomie', 'formation', 'information', 'numerique'] as const
const ORIENTATION_BENEFICIAIRE = [
  'autre',
  'completer-le-formulaire-dadhesion',
  'envoyer-un-mail',
  'se-presenter',
  'telephoner',
] as const
const ORIENTATION_ACCOMPAGNATEUR = [
  'autre',
  'completer-le-formulaire-dadhesion',
  'envoyer-un-mail-avec-des-documents-a-completer',
  'envoyer-un-mail-avec-une-fiche-de-prescription',
  'envoyer-un-mail',
  'telephoner',
] as const

export const serviceDataInclusionSchema = z.strictObject({
  id: texte,
  structure_id: texte,
  source: texte,
  nom: texte,
  presentation_resume: z.string().max(280).optional(),
  presentation_detail: z.string().optional(),
  types: z.array(z.enum(TYPES)).optional(),
  thematiques: z.array(slug).min(1),
  prise_rdv: url.optional(),
  frais: z.array(z.enum(FRAIS)).optional(),
  profils: z.array(slug).optional(),
  modes_accueil: z.array(z.enum(['en-presentiel', 'a-distance'])).optional(),
  modes_orientation_beneficiaire: z.array(z.enum(ORIENTATION_BENEFICIAIRE)).optional(),
  modes_orientation_accompagnateur: z.array(z.enum(ORIENTATION_ACCOMPAGNATEUR)).optional(),
  date_maj: date,
  lien_source: url,
  ...adresse,
  telephone: z.string().optional(),
  courriel: z.email().optional(),
})
export type ServiceDataInclusion = z.infer<typeof serviceDataInclusionSchema>

/** The source name data·inclusion files our records under. */
export const SOURCE_DATA_INCLUSION = 'escale'

const sansVides = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(
    Object.entries(o).filter(
      ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && !v.length),
    ),
  ) as T

/**
 * One place → its structure and its service, or undefined when the ANCT library refuses the place
 * (the same places the standard export leaves out). Identifiers are Escale's own (the producer's `id`
 * is only unique within its source), `lien_source` is the place's public page.
 */
export function versDataInclusion(
  l: Lieu,
  baseUrl: string,
): { structure: StructureDataInclusion; service: ServiceDataInclusion } | undefined {
  const e = exporterLieu(l)
  if (!e.ok) return undefined
  const modele = fromSchemaLieuDeMediationNumerique(e.ligne as SchemaLieuMediationNumerique)
  const s = toSchemaStructureDataInclusion(modele)
  const v = toSchemaServiceDataInclusion(modele)
  const lien = `${baseUrl}/lieux/${l.id}`
  const pivot =
    l.pivot === PIVOT_INCONNU
      ? {}
      : /^\d{14}$/.test(l.pivot)
        ? { siret: l.pivot }
        : /^W/i.test(l.pivot)
          ? { rna: l.pivot.toUpperCase() }
          : {}
  const {
    siret: _siret,
    rna: _rna,
    source: _source,
    lien_source: _lien,
    ...structure
  } = s as typeof s & {
    lien_source?: string
  }
  const adresseEtContact = {
    commune: s.commune,
    code_postal: s.code_postal,
    code_insee: s.code_insee,
    adresse: s.adresse,
    complement_adresse: s.complement_adresse,
    latitude: s.latitude,
    longitude: s.longitude,
    telephone: s.telephone,
    courriel: s.courriel,
  }
  return {
    structure: sansVides({
      ...structure,
      ...pivot,
      id: l.id,
      source: SOURCE_DATA_INCLUSION,
      lien_source: lien,
      date_maj: l.dateMaj,
      horaires_ouverture: l.horaires && l.horairesReconnus ? l.horaires : undefined,
    }) as StructureDataInclusion,
    service: sansVides({
      ...v,
      ...adresseEtContact,
      id: `${l.id}-mediation-numerique`,
      structure_id: l.id,
      source: SOURCE_DATA_INCLUSION,
      nom: 'Médiation numérique',
      lien_source: lien,
      date_maj: l.dateMaj,
      modes_accueil: ['en-presentiel'],
    }) as ServiceDataInclusion,
  }
}
