import { z } from 'zod'
import { lireHoraires } from '../domain/horaires'
import {
  estCourriel,
  normaliserTelephone,
  normaliserUrl,
  RE_CODE_INSEE,
  RE_CODE_POSTAL,
  RE_PIVOT,
} from '../domain/lieu'
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
} from '../domain/vocabulaires'

/** Checkboxes arrive as a string (one ticked), an array (several) or nothing. */
const cases = <T extends readonly [string, ...string[]]>(valeurs: T, libelle: string) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(valeurs, { error: `Choisissez des ${libelle} dans la liste proposée.` }))
      .max(valeurs.length),
  )

const texteOptionnel = (max: number, libelle: string) =>
  z
    .string()
    .trim()
    .max(max, `${libelle} : ${max} caractères au plus.`)
    .optional()
    .transform((v) => (v ? v : null))

const requis = (max: number, message: string, libelle: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, `${libelle} : ${max} caractères au plus.`)

const coordonnee = (min: number, max: number, libelle: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null
      const n = Number(v.replace(',', '.'))
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${libelle} : un nombre entre ${min} et ${max}, par exemple ${min === -90 ? '43.2965' : '5.3698'}.`,
        })
        return z.NEVER
      }
      return n
    })

const urlOptionnelle = (libelle: string) =>
  z
    .string()
    .trim()
    .max(500, `${libelle} : 500 caractères au plus.`)
    .optional()
    .transform((v, ctx) => {
      if (!v) return null
      const u = normaliserUrl(v)
      if (!u) {
        ctx.addIssue({ code: 'custom', message: `${libelle} : une adresse web commençant par https://.` })
        return z.NEVER
      }
      return u.url
    })

/** The management form of a place: the standard's fields, French messages naming the field. */
export const lieuForm = z
  .object({
    nom: requis(250, 'Saisissez le nom du lieu.', 'Nom'),
    pivot: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v.replace(/\s/g, '') : '00000000000000'))
      .pipe(
        z.string().regex(RE_PIVOT, 'SIRET ou RNA : 14 chiffres (SIRET) ou W suivi de 9 caractères (RNA).'),
      ),
    adresse: requis(250, 'Saisissez l’adresse (numéro et voie).', 'Adresse'),
    complement_adresse: texteOptionnel(250, 'Complément d’adresse'),
    code_postal: z
      .string({ error: 'Saisissez le code postal.' })
      .trim()
      .regex(RE_CODE_POSTAL, 'Code postal : 5 chiffres, par exemple 05000.'),
    commune: requis(100, 'Saisissez la commune.', 'Commune'),
    code_insee: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine(
        (v) => v === null || RE_CODE_INSEE.test(v),
        'Code INSEE : 5 caractères, par exemple 05061 ou 2A004.',
      ),
    latitude: coordonnee(-90, 90, 'Latitude'),
    longitude: coordonnee(-180, 180, 'Longitude'),
    telephone: z
      .string()
      .trim()
      .max(30, 'Téléphone : 30 caractères au plus.')
      .optional()
      .transform((v) => v || null),
    courriels: z
      .string()
      .trim()
      .max(1000, 'Courriels : 1 000 caractères au plus.')
      .optional()
      .transform((v, ctx) => {
        const l = (v ?? '').split(/[\s,;|]+/).filter(Boolean)
        const faux = l.find((c) => !estCourriel(c))
        if (faux) {
          ctx.addIssue({
            code: 'custom',
            message: `Courriels : « ${faux} » n’est pas une adresse e-mail valide.`,
          })
          return z.NEVER
        }
        return l
      }),
    site_web: z
      .string()
      .trim()
      .max(2000, 'Sites web : 2 000 caractères au plus.')
      .optional()
      .transform((v, ctx) => {
        const res: string[] = []
        for (const u of (v ?? '').split(/[\s|]+/).filter(Boolean)) {
          const n = normaliserUrl(u)
          if (!n) {
            ctx.addIssue({
              code: 'custom',
              message: `Sites web : « ${u} » n’est pas une adresse web valide.`,
            })
            return z.NEVER
          }
          res.push(n.url)
        }
        return res
      }),
    horaires: z
      .string()
      .trim()
      .max(500, 'Horaires : 500 caractères au plus.')
      .optional()
      .transform((v, ctx) => {
        if (!v) return null
        const h = lireHoraires(v)
        if (!h.ok) {
          ctx.addIssue({
            code: 'custom',
            message: `Horaires : ${h.erreur}. Exemple : Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00`,
          })
          return z.NEVER
        }
        return v
      }),
    presentation_resume: texteOptionnel(280, 'Présentation courte'),
    presentation_detail: texteOptionnel(5000, 'Présentation détaillée'),
    structure_parente: texteOptionnel(250, 'Structure parente'),
    fiche_acces_libre: urlOptionnelle('Fiche Accès libre'),
    prise_rdv: urlOptionnelle('Prise de rendez-vous en ligne'),
    autres_formations_labels: z
      .string()
      .trim()
      .max(2000, 'Autres formations et labels : 2 000 caractères au plus.')
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(/\r?\n|\|/)
          .map((x) => x.trim())
          .filter(Boolean)
          .slice(0, 30)
          .map((x) => x.slice(0, 200)),
      ),
    typologie: cases(CODES_TYPOLOGIES as [string, ...string[]], 'typologies'),
    services: cases(SERVICES, 'services'),
    publics_specifiquement_adresses: cases(PUBLICS_SPECIFIQUEMENT_ADRESSES, 'publics'),
    prise_en_charge_specifique: cases(PRISES_EN_CHARGE_SPECIFIQUES, 'prises en charge'),
    frais_a_charge: cases(FRAIS_A_CHARGE, 'frais'),
    itinerance: cases(ITINERANCES, 'itinérances'),
    modalites_acces: cases(MODALITES_ACCES, 'modalités d’accès'),
    modalites_accompagnement: cases(MODALITES_ACCOMPAGNEMENT, 'modalités d’accompagnement'),
    dispositif_programmes_nationaux: cases(DISPOSITIFS_PROGRAMMES_NATIONAUX, 'dispositifs'),
    formations_labels: cases(FORMATIONS_LABELS, 'formations et labels'),
    structure_id: z.string().trim().max(100).optional(),
  })
  .transform((v, ctx) => {
    let telephone: string | null = null
    if (v.telephone) {
      telephone = normaliserTelephone(v.telephone, v.code_postal) ?? null
      if (!telephone) {
        ctx.addIssue({
          code: 'custom',
          path: ['telephone'],
          message: 'Téléphone : un numéro à 10 chiffres, par exemple 04 92 51 00 00.',
        })
        return z.NEVER
      }
    }
    if ((v.latitude === null) !== (v.longitude === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.latitude === null ? 'latitude' : 'longitude'],
        message: 'Coordonnées : saisissez la latitude et la longitude, ou aucune des deux.',
      })
      return z.NEVER
    }
    return { ...v, telephone }
  })
export type LieuFormulaire = z.infer<typeof lieuForm>

/** Public search filters (GET): anything unknown is ignored rather than refused, so shared links keep working. */
const liste = <T extends readonly [string, ...string[]]>(valeurs: T) =>
  z.preprocess(
    (v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split('|'))),
    z
      .array(z.string())
      .transform((l) => l.filter((x): x is T[number] => (valeurs as readonly string[]).includes(x))),
  )

export const RAYONS_KM = [2, 5, 10, 20, 50, 100] as const

export const rechercheForm = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  commune: z.string().trim().max(10).optional().catch(undefined),
  lat: z.coerce.number().min(-90).max(90).optional().catch(undefined),
  lon: z.coerce.number().min(-180).max(180).optional().catch(undefined),
  rayon: z.coerce
    .number()
    .refine((n) => (RAYONS_KM as readonly number[]).includes(n))
    .optional()
    .catch(undefined),
  services: liste(SERVICES),
  publics: liste(PUBLICS_SPECIFIQUEMENT_ADRESSES),
  modalites: liste(MODALITES_ACCOMPAGNEMENT),
  dispositifs: liste(DISPOSITIFS_PROGRAMMES_NATIONAUX),
  gratuit: z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean()),
  ouvert: z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean()),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
})
export type RechercheFormulaire = z.infer<typeof rechercheForm>

/** A place's or an import's id in a URL: anything else answers 404, never reaches the database. */
export const paramsId = z.object({ id: z.uuid() })

/** The management list's query: forgiving, like the public search (a wrong page is the first one). */
export const gestionQuery = z.object({
  q: z
    .string()
    .optional()
    .catch(undefined)
    .transform((q) => (q ?? '').slice(0, 100).trim()),
  page: z
    .string()
    .optional()
    .catch(undefined)
    .transform((p) => Math.max(1, Math.min(10_000, Number.parseInt(p ?? '1', 10) || 1))),
})

/** The small fields of an import that precede its file (the file itself is streamed, never in zod). */
export const importForm = z.object({
  source: z
    .string()
    .optional()
    .catch(undefined)
    .transform((s) => s?.trim().slice(0, 200) || undefined),
})
