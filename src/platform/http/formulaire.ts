import { z } from 'zod'
import type { ErreursFormulaire } from '../layout/components'
import { champsNettoyes, MESSAGE_CARACTERE_INTERDIT } from './caracteres'
import './zod-francais'

export type Valeurs = Record<string, string>

export type ResultatFormulaire<T> =
  | { ok: true; donnees: T }
  | { ok: false; erreurs: ErreursFormulaire; valeurs: Valeurs }

/**
 * Parses a urlencoded form body with its zod schema. On failure, returns one French message per field
 * (the first one) and the submitted values as strings so that the form can be shown again as typed.
 */
export function lireFormulaire<S extends z.ZodType>(
  schema: S,
  body: unknown,
): ResultatFormulaire<z.infer<S>> {
  const valeurs = valeursTexte(body)
  const parsed = schema.safeParse(body ?? {})
  const erreurs: ErreursFormulaire = parsed.success ? {} : erreursDeZod(parsed.error)
  // The edge removed invisible control characters from these fields: the person checks what is left.
  // The field's own message comes first when what is left is wrong too (it names the field). A name the
  // form does not have is ignored (what it carried is dropped anyway): its error would show nowhere.
  const connus = champsDuSchema(schema)
  for (const champ of champsNettoyes(body))
    if (!connus || connus.has(champ)) erreurs[champ] ??= MESSAGE_CARACTERE_INTERDIT
  if (parsed.success && !Object.keys(erreurs).length) return { ok: true, donnees: parsed.data }
  return { ok: false, erreurs, valeurs }
}

/** One French message per field (the first one), keyed by the field's name. */
export function erreursDeZod(erreur: z.ZodError): ErreursFormulaire {
  const erreurs: ErreursFormulaire = {}
  for (const issue of erreur.issues) {
    const champ = String(issue.path[0] ?? 'formulaire')
    erreurs[champ] ??= issue.message
  }
  return erreurs
}

/** Text fields only (a multipart body also holds files): schemas and re-rendered values never see them. */
export function champsTexte(body: unknown): Valeurs {
  const r: Valeurs = {}
  if (body && typeof body === 'object')
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') r[k] = v
  return r
}

/** The field names of an object schema (through refinements and pipes); undefined when it has none. */
function champsDuSchema(schema: z.ZodType): ReadonlySet<string> | undefined {
  if (schema instanceof z.ZodObject) return new Set(Object.keys(schema.shape))
  if (schema instanceof z.ZodPipe) return champsDuSchema(schema.in as z.ZodType)
  return undefined
}

export function valeursTexte(body: unknown): Valeurs {
  const valeurs: Valeurs = {}
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      // One-time codes (`code`) and passwords are never shown again; `code_commune` and the like are.
      if (k === '_csrf' || /mot_?de_?passe|password|^code$/i.test(k)) continue
      if (typeof v === 'string') valeurs[k] = v
    }
  }
  return valeurs
}
