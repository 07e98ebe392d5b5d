import { z } from 'zod'
import { NATURES_SIGNALEMENT, type NatureSignalement } from '../domain/signalement'

/** The honeypot's name: a field people never see (hidden) and robots fill in. */
export const CHAMP_PIEGE = 'site_internet'

export const signalementForm = z.object({
  nature: z.enum(NATURES_SIGNALEMENT.map((n) => n.valeur) as [NatureSignalement, ...NatureSignalement[]], {
    error: 'Choisissez ce qui est faux',
  }),
  message: z
    .string({ error: 'Décrivez l’erreur' })
    .trim()
    .min(10, 'Décrivez l’erreur en quelques mots (10 caractères au moins)')
    .max(2000, 'Votre message dépasse 2 000 caractères : raccourcissez-le'),
  courriel: z
    .union([
      z.literal(''),
      z.email('Saisissez une adresse e-mail valide, par exemple nom@exemple.fr').max(254),
    ])
    .optional()
    .transform((v) => v || undefined),
  [CHAMP_PIEGE]: z.string().max(500).optional(),
})
