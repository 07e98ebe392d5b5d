import { z } from 'zod'
import { ENVOI_MAX } from '../domain/hors-ligne'

/**
 * Form schemas of the diagnostic. Measures come from the page's script as JSON: numbers only, with
 * a closed list of keys, so that nothing typed (let alone each keystroke) can ever be stored.
 */
const nombre = z.number().finite().min(0).max(10_000_000)
export const mesuresSchema = z.strictObject({
  dureeActiveMs: nombre.optional(),
  clicsHorsCible: nombre.optional(),
  clicsSimples: nombre.optional(),
  intervalleDoubleClicMs: nombre.optional(),
  erreurs: nombre.optional(),
  caracteresParMinute: nombre.optional(),
  corrections: nombre.optional(),
  defilementPx: nombre.optional(),
  glisser: nombre.optional(),
  clavier: nombre.optional(),
  tactile: nombre.optional(),
})
export type Mesures = z.infer<typeof mesuresSchema>

const MESSAGE_MESURES = 'Le champ « mesures » est invalide : des nombres seulement.'

const texte = (max: number) =>
  z.string().max(max, `Ce champ est trop long (${max} caractères au plus).`).optional()

const listeChoix = z
  .union([z.string().max(40), z.array(z.string().max(40)).max(10)], {
    error: 'Le champ « choix » est invalide.',
  })
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))

export const reponseForm = z.object({
  etape: z
    .string({ error: 'Le champ « etape » manque.' })
    .min(1, 'Le champ « etape » manque.')
    .max(40, 'Le champ « etape » est invalide.'),
  passer: z.enum(['oui'], { error: 'Le champ « passer » est invalide.' }).optional(),
  choix: listeChoix,
  mesures: z
    .string()
    .max(2000, MESSAGE_MESURES)
    .optional()
    .transform((brut, ctx) => {
      if (!brut) return {}
      try {
        const r = mesuresSchema.safeParse(JSON.parse(brut))
        if (r.success)
          return Object.fromEntries(Object.entries(r.data).filter(([, v]) => v !== undefined)) as Record<
            string,
            number
          >
      } catch {
        // falls through to the error below
      }
      ctx.addIssue({ code: 'custom', message: MESSAGE_MESURES })
      return z.NEVER
    }),
  // The page's script fills this hidden field when a pointer exercise ends; it stays empty when
  // the person skips it or has no JavaScript, which is a normal answer, not a bad one.
  termine: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['oui', 'non'], { error: 'Le champ « termine » est invalide.' }).optional(),
  ),
  nom: texte(200),
  prenom: texte(200),
  code_postal: texte(20),
  date_naissance: texte(40),
  email: texte(320),
  situation: texte(40),
  certifie: texte(10),
  destinataire: texte(320),
  objet: texte(300),
  message: texte(5000),
})

/**
 * Answers given without network (`POST /diagnostic/synchronisation`, JSON): the same closed list of
 * measures, the choice ids of a profile question, and nothing typed.
 */
export const synchronisationForm = z.object({
  reponses: z
    .array(
      z.object({
        etape: z.string().min(1).max(40),
        resultat: z.enum(['reussi', 'echoue', 'passe']),
        passer: z.boolean(),
        choix: z.array(z.string().max(40)).max(10),
        essais: z.number().int().min(1).max(10),
        dureeMs: nombre,
        depuisMs: z
          .number()
          .finite()
          .min(0)
          .max(7 * 24 * 3600_000),
        mesures: mesuresSchema,
      }),
    )
    .min(1)
    .max(ENVOI_MAX),
})

export const observationForm = z.object({
  etape: z.string({ error: 'Le champ « etape » manque.' }).min(1, 'Le champ « etape » manque.').max(40),
  observe: z
    .enum(['reussi', 'echoue', 'passe'], { error: 'Choisissez ce que vous avez observé.' })
    .optional(),
  passer: z.enum(['oui']).optional(),
  choix: listeChoix,
})

export const codeForm = z.object({
  code: z
    .string({ error: 'Saisissez le code donné par votre conseiller.' })
    .trim()
    .min(1, 'Saisissez le code donné par votre conseiller.')
    .max(30, 'Le code a 6 lettres puis 3 chiffres, par exemple ABC DEF 234.'),
})

export const envoiForm = z
  .object({
    canal: z.enum(['email', 'sms'], { error: 'Choisissez e-mail ou SMS.' }),
    destinataire: z
      .string({ error: 'Écrivez une adresse e-mail ou un numéro de téléphone.' })
      .trim()
      .min(1, 'Écrivez une adresse e-mail ou un numéro de téléphone.')
      .max(254, 'Ce que vous avez écrit est trop long.'),
  })
  .transform((v, ctx) => {
    if (v.canal === 'email') {
      if (!z.email().safeParse(v.destinataire).success) {
        ctx.addIssue({
          code: 'custom',
          path: ['destinataire'],
          message: 'Écrivez une adresse e-mail valide, par exemple nom@domaine.fr.',
        })
        return z.NEVER
      }
      return v
    }
    const chiffres = v.destinataire.replace(/[\s.-]/g, '').replace(/^\+33/, '0')
    if (!/^0[67]\d{8}$/.test(chiffres)) {
      ctx.addIssue({
        code: 'custom',
        path: ['destinataire'],
        message: 'Écrivez un numéro de téléphone portable, par exemple 06 12 34 56 78.',
      })
      return z.NEVER
    }
    return { canal: v.canal, destinataire: chiffres }
  })

export const communeForm = z.object({
  commune: z
    .string()
    .trim()
    .max(10, 'Écrivez un code postal à 5 chiffres, par exemple 05000.')
    .regex(/^(\d{5}|2[AB]\d{3})$/i, 'Écrivez un code postal à 5 chiffres, par exemple 05000.')
    .optional()
    .or(z.literal('')),
})

export const sessionForm = z.object({
  libelle: z.string().trim().max(80, 'Le nom de la séance a 80 caractères au plus.').optional().default(''),
  structure: z.string().trim().max(100, 'Structure invalide.').optional().default(''),
})

export const dossierForm = z.object({
  reference: z.string().trim().max(40, 'La référence a 40 caractères au plus.').optional().default(''),
  accord: z.enum(['oui'], { error: 'Le champ « accord » est invalide.' }).optional(),
})

export const ficheForm = z.object({
  fiche: z
    .string({ error: 'Le champ « fiche de suivi » est invalide.' })
    .trim()
    .max(300, 'L’adresse de la fiche de suivi a 300 caractères au plus.')
    .optional()
    .default(''),
})

/**
 * The code as typed, to show it again: from `?code=` (the QR code's link) or from a refused form.
 * Anything else than one string reads as nothing; the length is cut, never refused.
 */
const codeTape = z
  .string()
  .transform((s) => s.slice(0, 30))
  .optional()
  .catch(undefined)
export const codeTapeForm = z.object({ code: codeTape }).catch({ code: undefined })
