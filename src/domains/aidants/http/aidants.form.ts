import { z } from 'zod'
import { CLES_DEMARCHES, DUREES } from '../domain/demarches'
import { ENGAGEMENTS, siretValide, TYPES_ORGANISATION } from '../domain/habilitation'

const liste = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

export const nouveauMandatForm = z.object({
  demarches: z.preprocess(
    liste,
    z
      .array(z.enum(CLES_DEMARCHES as [string, ...string[]], { error: 'Démarches : choix inconnu.' }))
      .min(1, 'Démarches : choisissez au moins une démarche.')
      .max(10, 'Démarches : choix inconnu.'),
  ),
  duree: z.enum(
    DUREES.map((d) => d.cle),
    { error: 'Durée : choisissez la durée du mandat.' },
  ),
})

/** What was typed in the new-mandate form, to show it again when it is refused (unknown choices too). */
export const saisieNouveauMandat = z
  .object({
    demarches: z
      .preprocess(liste, z.array(z.unknown()))
      .transform((l) => l.filter((x): x is string => typeof x === 'string')),
    duree: z.string().catch(''),
  })
  .catch({ demarches: [], duree: '' })

export const recapitulatifForm = z.object({
  consentement: z.literal('oui', { error: 'Consentement : l’accord de l’usager est obligatoire.' }),
  code: z
    .string({ error: 'Code : saisissez le code à 6 chiffres.' })
    .regex(/^\s*\d{6}\s*$/, 'Code : saisissez le code à 6 chiffres.'),
})

export const codeForm = z.object({
  code: z
    .string({ error: 'Code : saisissez le code à 6 chiffres.' })
    .regex(/^\s*\d{6}\s*$/, 'Code : saisissez le code à 6 chiffres.'),
})

// PostgreSQL text cannot hold NUL; other control characters have no place in a form either (tab and line
// breaks excepted).
const aDesControles = (s: string) =>
  [...s].some((c) => {
    const n = c.charCodeAt(0)
    return (n < 32 && n !== 9 && n !== 10 && n !== 13) || n === 127
  })
const texte = (champ: string, max = 200) =>
  z
    .string({ error: `${champ} : ce champ est obligatoire.` })
    .trim()
    .min(1, `${champ} : ce champ est obligatoire.`)
    .max(max, `${champ} : ${max} caractères au plus.`)
    .refine((s) => !aDesControles(s), `${champ} : caractère non autorisé.`)
const email = (champ: string) =>
  z
    .string({ error: `${champ} : ce champ est obligatoire.` })
    .trim()
    .max(254, `${champ} : adresse trop longue.`)
    .pipe(z.email({ error: `${champ} : saisissez une adresse e-mail valide (nom@domaine.fr).` }))

/**
 * The habilitation form's body as plain fields, for the step navigation and the values carried from
 * step to step (the fields themselves are checked by `habilitationForm`). Anything else reads as empty.
 */
export const champsDuFormulaire = z.record(z.string(), z.unknown()).catch({})

export const habilitationForm = z
  .object({
    nom_demandeur: texte('Vos prénom et nom'),
    email_demandeur: email('Votre adresse e-mail'),
    nom: texte('Nom de la structure'),
    siret: z
      .string({ error: 'SIRET : ce champ est obligatoire.' })
      .transform((s) => s.replace(/\s/g, ''))
      .refine(siretValide, 'SIRET : 14 chiffres avec une clé de contrôle valide.'),
    type: z.enum(
      TYPES_ORGANISATION.map((t) => t.cle),
      { error: 'Type de structure : choisissez un type.' },
    ),
    adresse: texte('Adresse', 300),
    code_commune: z
      .string({ error: 'Code INSEE de la commune : ce champ est obligatoire.' })
      .trim()
      .regex(/^(\d{5}|2[AB]\d{3})$/, 'Code INSEE de la commune : 5 caractères, par exemple 59350.'),
    region: z
      .string({ error: 'Région : choisissez une région.' })
      .regex(/^\d{2}$/, 'Région : choisissez une région.'),
    numero_france_services: z
      .string()
      .trim()
      .max(50, 'Numéro France Services : 50 caractères au plus.')
      .refine((s) => !aDesControles(s), 'Numéro France Services : caractère non autorisé.')
      .optional(),
    prive: z.enum(['oui', 'non'], { error: 'Structure privée : répondez oui ou non.' }),
    administration_partenaire: z
      .string()
      .trim()
      .max(200, 'Administration partenaire : 200 caractères au plus.')
      .refine((s) => !aDesControles(s), 'Administration partenaire : caractère non autorisé.')
      .optional(),
    referent_nom: texte('Prénom et nom du référent'),
    referent_email: email('E-mail du référent'),
    aidants: z
      .string({ error: 'Aidants à habiliter : indiquez au moins un aidant.' })
      .max(20_000, 'Aidants à habiliter : liste trop longue.')
      .refine((s) => !aDesControles(s), 'Aidants à habiliter : caractère non autorisé.')
      .transform((s, ctx) => {
        const lignes = s
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean)
        const aidants = lignes.map((l) => l.split(',').map((x) => x.trim()))
        if (
          aidants.length === 0 ||
          aidants.length > 100 ||
          aidants.some(
            (a) => a.length !== 3 || !a[0] || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a[1] ?? '') || !a[2],
          )
        ) {
          ctx.addIssue({
            code: 'custom',
            message: 'Aidants à habiliter : une personne par ligne, « prénom nom, e-mail, profession ».',
          })
          return z.NEVER
        }
        return aidants.map(([nom = '', email = '', profession = '']) => ({
          nom: nom.slice(0, 200),
          email: email.toLowerCase().slice(0, 254),
          profession: profession.slice(0, 200),
        }))
      }),
    ...Object.fromEntries(ENGAGEMENTS.map((g) => [`engagement_${g.cle}`, z.literal('oui').optional()])),
  })
  .superRefine((v, ctx) => {
    const r = v as Record<string, unknown>
    if (ENGAGEMENTS.some((g) => r[`engagement_${g.cle}`] !== 'oui'))
      ctx.addIssue({
        code: 'custom',
        path: ['engagements'],
        message: 'Engagements : cochez les cinq engagements.',
      })
    for (const [champ, message] of Object.entries(reglesStructure(v)))
      ctx.addIssue({ code: 'custom', path: [champ], message })
  })

/**
 * Rules between fields of the organisation step, also checked on their own when that step is submitted
 * (the schema's refinements only run once every field of every step is valid).
 */
export function reglesStructure(v: Record<string, unknown>): Record<string, string> {
  const rempli = (x: unknown) => typeof x === 'string' && x.trim() !== ''
  const erreurs: Record<string, string> = {}
  if (v.type === 'france_services' && !rempli(v.numero_france_services))
    erreurs.numero_france_services =
      'Numéro France Services : obligatoire pour une structure France Services.'
  if (v.prive === 'oui' && !rempli(v.administration_partenaire))
    erreurs.administration_partenaire = 'Administration partenaire : obligatoire pour une structure privée.'
  return erreurs
}

export const demarchesAutoriseesForm = z.object({
  demarches: z.preprocess(
    liste,
    z
      .array(z.enum(CLES_DEMARCHES as [string, ...string[]], { error: 'Démarches : choix inconnu.' }))
      .min(1, 'Démarches : gardez au moins une démarche.'),
  ),
})

const code6 = z
  .string({ error: 'Code : saisissez le code à 6 chiffres.' })
  .regex(/^\s*\d{6}\s*$/, 'Code : saisissez le code à 6 chiffres.')

export const messageForm = z.object({ texte: texte('Message', 5000) })

export const decisionForm = z
  .object({
    decision: z.enum(['valider', 'refuser', 'demander_modifications', 'cloturer'], {
      error: 'Décision : choisissez une décision.',
    }),
    message: z
      .string()
      .trim()
      .max(5000, 'Message : 5000 caractères au plus.')
      .refine((s) => !aDesControles(s), 'Message : caractère non autorisé.')
      .optional()
      .default(''),
  })
  .superRefine((v, ctx) => {
    if ((v.decision === 'refuser' || v.decision === 'demander_modifications') && !v.message)
      ctx.addIssue({
        code: 'custom',
        path: ['message'],
        message: 'Message : expliquez votre décision au demandeur.',
      })
  })

export const ouvertureRegionForm = z.object({
  region: z
    .string({ error: 'Région : choisissez une région.' })
    .regex(/^\d{2}$/, 'Région : choisissez une région.'),
  vague: texte('Nom de la vague', 100),
})

export const connexionAidantForm = z.object({
  email: email('Adresse e-mail'),
  code: code6,
})

export const carteForm = z.object({
  numero_serie: z
    .string({ error: 'Numéro de série : ce champ est obligatoire.' })
    .trim()
    .regex(/^[A-Za-z0-9]{4,20}$/, 'Numéro de série : lettres et chiffres imprimés au dos de la carte.'),
  code: code6,
})

export const motifForm = z.object({ motif: texte('Motif', 500) })

export const telephoneForm = z.object({
  telephone: z
    .string({ error: 'Téléphone : saisissez le numéro de portable de l’usager.' })
    .transform((s) => s.replace(/[\s.-]/g, ''))
    .refine(
      (s) => /^(?:\+33|0)[67]\d{8}$/.test(s),
      'Téléphone : un numéro de portable, par exemple 06 12 34 56 78.',
    ),
})

export const reponseConsentementForm = z.object({
  reponse: z.enum(['oui', 'non'], { error: 'Réponse : choisissez « J’accepte » ou « Je refuse ».' }),
})
