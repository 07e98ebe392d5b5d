import { z } from 'zod'
import { dateFiltre } from '../../../platform/http/dates'
import { BESOINS, DOMAINES_DEMARCHE, LANGUES } from '../domain/demande'
import { lireTelephone, TERRITOIRES } from '../domain/telephone'

const cles = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]]
const vide = (v: unknown) => (v === '' ? undefined : v)
const coche = z
  .string()
  .optional()
  .transform((v) => v === 'oui')

/** The public « Être rappelé » form. Every message says what to do, in plain words. */
export const demandeForm = z.object({
  telephone: z
    .string({ error: 'Indiquez un numéro de téléphone.' })
    .max(40, 'Ce numéro est trop long.')
    .transform((s, ctx) => {
      const lu = lireTelephone(s)
      if (lu.ok) return lu.telephone
      ctx.addIssue({ code: 'custom', message: lu.erreur })
      return z.NEVER
    }),
  prenom: z
    .string({ error: 'Indiquez un prénom ou un surnom.' })
    .trim()
    .min(1, 'Indiquez un prénom ou un surnom : le médiateur vous appellera ainsi.')
    .max(40, 'Le prénom : 40 caractères au plus.'),
  besoin: z.enum(cles(BESOINS), { error: 'Choisissez ce qui vous bloque.' }),
  domaine_demarche: z.preprocess(vide, z.enum(cles(DOMAINES_DEMARCHE)).optional()),
  date_limite: dateFiltre('la date limite'),
  arnaque_en_cours: coche,
  isolement: coche,
  reponse_sms: coche,
  langue: z.preprocess(
    vide,
    z.enum(cles(LANGUES), { error: 'Choisissez une langue de la liste.' }).default('fr'),
  ),
  territoire: z.enum(TERRITOIRES as [string, ...string[]], { error: 'Choisissez où vous êtes.' }),
  creneau: z
    .string({ error: 'Choisissez quand vous rappeler.' })
    .min(1, 'Choisissez quand vous rappeler.')
    .max(40),
  consentement: z.literal('oui', { error: 'Cochez la case pour accepter qu’un médiateur vous appelle.' }),
  /** Left empty by people; filled by robots (the field is hidden from people, and from screen readers). */
  site_web: z.string().optional(),
})
export type DemandeForm = z.infer<typeof demandeForm>
