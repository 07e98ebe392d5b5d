import { z } from 'zod'
import { ROLES } from '../domain/roles'

const email = z
  .string({ error: 'Saisissez votre adresse e-mail.' })
  .trim()
  .min(1, 'Saisissez votre adresse e-mail.')
  .max(254, 'L’adresse e-mail est trop longue.')
  .pipe(z.email({ error: 'Saisissez une adresse e-mail valide, par exemple nom@domaine.fr.' }))

export const connexionForm = z.object({
  email,
  mot_de_passe: z
    .string({ error: 'Saisissez votre mot de passe.' })
    .min(1, 'Saisissez votre mot de passe.')
    .max(200, 'Le mot de passe est trop long.'),
  retour: z.string().optional(),
})

export const emailForm = z.object({ email })

export const codeForm = z.object({
  code: z
    .string({ error: 'Saisissez le code.' })
    .trim()
    .min(6, 'Saisissez les 6 chiffres du code, ou un code de secours.')
    .max(20, 'Ce code est trop long.'),
})

export const nouveauMotDePasseForm = z
  .object({
    mot_de_passe: z
      .string({ error: 'Choisissez un mot de passe.' })
      .min(1, 'Choisissez un mot de passe.')
      .max(200, 'Le mot de passe est trop long.'),
    confirmation: z.string({ error: 'Confirmez le mot de passe.' }).min(1, 'Confirmez le mot de passe.'),
  })
  .refine((v) => v.mot_de_passe === v.confirmation, {
    path: ['confirmation'],
    message: 'Les deux mots de passe ne sont pas identiques.',
  })

const nomPropre = (libelle: string) =>
  z
    .string({ error: `Saisissez le ${libelle}.` })
    .trim()
    .min(1, `Saisissez le ${libelle}.`)
    .max(100, `Le ${libelle} est trop long.`)

export const invitationForm = z.object({
  prenom: nomPropre('prénom'),
  nom: nomPropre('nom'),
  email,
  role: z.enum(ROLES, { error: 'Choisissez un rôle.' }),
  portee: z
    .string({ error: 'Choisissez un périmètre.' })
    .trim()
    .min(1, 'Choisissez un périmètre.')
    .max(200, 'Périmètre invalide.'),
})
