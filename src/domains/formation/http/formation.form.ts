import { z } from 'zod'
import { departement } from '../../../platform/geo/territoires'
import { dateSaisie } from '../../../platform/http/dates'
import {
  type CertificationAttendue,
  LIBELLES_CERTIFICATION_ATTENDUE,
  minutesDepuisHeures,
} from '../domain/formation'

/** Training dates: real calendar days (see platform/http/dates.ts) within the programme's years. */
const date = (libelle: string) => dateSaisie(libelle, { min: '2020-01-01', max: '2100-12-31' })
const entier = (libelle: string, min: number, max: number) =>
  z
    .string({ error: `Saisissez ${libelle}.` })
    .trim()
    .regex(/^\d{1,7}$/, `Saisissez ${libelle} en chiffres.`)
    .transform(Number)
    .pipe(z.number().min(min, `${libelle} : au moins ${min}.`).max(max, `${libelle} : ${max} au plus.`))

export const sessionForm = z
  .object({
    parcours: z.uuid({ error: 'Choisissez un parcours.' }),
    libelle: z
      .string({ error: 'Saisissez le libellé.' })
      .trim()
      .min(1, 'Saisissez le libellé.')
      .max(200, 'Le libellé est trop long.'),
    debut: date('la date de début'),
    fin: date('la date de fin'),
    lieu: z
      .string({ error: 'Saisissez le lieu.' })
      .trim()
      .min(1, 'Saisissez le lieu.')
      .max(200, 'Le lieu est trop long.'),
    departement: z
      .string({ error: 'Saisissez le département.' })
      .trim()
      .refine((v) => !!departement(v), { message: 'Saisissez un code de département, par exemple 13.' }),
    capacite: entier('la capacité', 1, 500),
  })
  .refine((v) => v.fin >= v.debut, { path: ['fin'], message: 'La date de fin doit suivre la date de début.' })

export const presenceForm = z.object({
  jour: date('le jour'),
  demi_journee: z.enum(['matin', 'apres_midi'], { error: 'Choisissez la demi-journée.' }),
  presents: z.union([z.string(), z.array(z.string())]).optional(),
})
export const objectifForm = z.object({
  code_parcours: z
    .string({ error: 'Choisissez un parcours.' })
    .trim()
    .min(1, 'Choisissez un parcours.')
    .max(50, 'Parcours inconnu.'),
  annee: entier('l’année', 2020, 2100),
  cible: entier('l’objectif', 1, 10_000_000),
})
export const parcoursForm = z.object({
  code_parcours: z
    .string({ error: 'Saisissez le code du parcours.' })
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9][a-z0-9-]{1,48}$/,
      'Le code du parcours : 2 à 49 lettres minuscules, chiffres ou tirets, par exemple conseiller-numerique.',
    ),
  libelle: z
    .string({ error: 'Saisissez le libellé.' })
    .trim()
    .min(1, 'Saisissez le libellé.')
    .max(200, 'Le libellé : 200 caractères au plus.'),
  duree_heures: z.string({ error: 'Saisissez la durée en heures.' }).transform((v, ctx) => {
    const m = minutesDepuisHeures(v)
    if (m === undefined || m < 30 || m > 1000 * 60) {
      ctx.addIssue({
        code: 'custom',
        message: 'Saisissez la durée en heures, entre 0,5 et 1 000, par exemple 350 ou 10,5.',
      })
      return z.NEVER
    }
    return m
  }),
  certification: z.enum(Object.keys(LIBELLES_CERTIFICATION_ATTENDUE) as [CertificationAttendue], {
    error: 'Choisissez la certification attendue.',
  }),
})
export const repositionnementForm = z.object({
  code: z
    .string({ error: 'Choisissez un parcours.' })
    .trim()
    .regex(/^[a-z0-9-]{2,49}$/, 'Choisissez un parcours.'),
})
export const affectationForm = z.object({ inscription: z.uuid({ error: 'Choisissez une personne.' }) })
export const certificationForm = z.object({
  certification: z.enum(['pix', 'titre'], { error: 'Choisissez la certification.' }),
})
