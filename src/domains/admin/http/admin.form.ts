import { z } from 'zod'
import { ROLES } from '../../comptes'

export const rechercheForm = z.object({
  q: z.string().trim().max(100, 'La recherche est trop longue.').optional(),
  role: z
    .enum(ROLES)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  page: z.coerce.number().int().min(1).max(100000).catch(1).default(1),
})

export const roleForm = z.object({
  role: z.enum(ROLES, { error: 'Choisissez un rôle.' }),
  portee: z.string({ error: 'Choisissez un périmètre.' }).max(200).default(''),
})

/** The role to take away, as `role|type:code` (the value of its « Retirer » button). */
export const retraitForm = z.object({ cle: z.string().max(300).catch('') })

/** `oui` or `non`; anything else is answered « Action inconnue » on the account's page. */
export const activationForm = z.object({ actif: z.enum(['oui', 'non']).optional().catch(undefined) })
