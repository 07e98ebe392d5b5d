import { z } from 'zod'
import {
  analyserSaisie,
  type Commune,
  normaliserNom,
  type ReferentielCommunes,
  type SuggestionCommune,
} from './communes'
import { referentielCommunes } from './referentiel-communes'
import { departement } from './territoires'

/**
 * The commune field of every form (ADR 060): a person types a name or a postal code, never an INSEE
 * code; the form stores the INSEE code, shown to nobody.
 *
 * On the wire, a field `<nom>` carries the INSEE code (set by the autocomplete island, by a radio of
 * the choice list, or by an API client) and `<nom>_saisie` what the person typed. When `<nom>_saisie`
 * is sent, it decides: the code is kept only if it is one of the communes the text names; otherwise
 * the text alone is read. Without JavaScript, a text naming several communes comes back as a list
 * to choose from.
 */

export const SUFFIXE_SAISIE = '_saisie'
/** At most this many communes offered in a choice list (and by the public endpoint). */
export const CHOIX_MAX = 20
const CODE_INSEE = /^(\d{5}|2[AB]\d{3})$/

export type ResolutionCommune =
  | { etat: 'vide' }
  | { etat: 'retenue'; commune: Commune; libelle: string }
  | { etat: 'choix'; suggestions: SuggestionCommune[]; texte: string; trop: boolean }
  | { etat: 'inconnue'; texte: string }

/** « Gap (05000) »; « Marseille (Bouches-du-Rhône) » for a commune with several postal codes. */
export function libelleCommune(s: SuggestionCommune): string {
  const cp = s.codePostal ?? (s.commune.codesPostaux.length === 1 ? s.commune.codesPostaux[0] : undefined)
  if (cp) return `${s.commune.nom} (${cp})`
  const dep = departement(s.commune.departement)
  return dep ? `${s.commune.nom} (${dep.nom})` : s.commune.nom
}

/** The text names this commune: one of its labels, or a text whose suggestions hold it. */
function designe(ref: ReferentielCommunes, texte: string, commune: Commune): boolean {
  const t = normaliserNom(texte)
  const libelles = [
    commune.nom,
    ...[undefined, ...commune.codesPostaux].map((cp) => libelleCommune({ commune, codePostal: cp })),
  ]
  if (libelles.some((l) => normaliserNom(l) === t)) return true
  return ref.suggerer(texte, 200).some((s) => s.commune === commune)
}

export function resoudreCommune(
  entree: { texte?: string | undefined; code?: string | undefined },
  ref: ReferentielCommunes = referentielCommunes(),
): ResolutionCommune {
  const code = entree.code?.trim() ?? ''
  const parCode = CODE_INSEE.test(code) ? ref.parCode(code) : undefined
  if (entree.texte === undefined) {
    if (!code) return { etat: 'vide' }
    return parCode
      ? {
          etat: 'retenue',
          commune: parCode,
          libelle: libelleCommune({ commune: parCode, codePostal: undefined }),
        }
      : { etat: 'inconnue', texte: code }
  }
  const texte = entree.texte.trim()
  if (!texte) return { etat: 'vide' }
  const suggestions = ref.suggerer(texte, 200)
  if (parCode && designe(ref, texte, parCode)) {
    const s = suggestions.find((x) => x.commune === parCode) ?? { commune: parCode, codePostal: undefined }
    return { etat: 'retenue', commune: parCode, libelle: libelleCommune(s) }
  }
  if (suggestions.length === 0) return { etat: 'inconnue', texte }
  const communes = new Set(suggestions.map((s) => s.commune))
  // « Gap » names Gap even though Gapennes starts the same way: an exact name shared by no other commune.
  const { nom } = analyserSaisie(texte)
  const exactes = suggestions.filter((s) => normaliserNom(s.commune.nom) === nom)
  const unique =
    communes.size === 1
      ? suggestions[0]
      : new Set(exactes.map((s) => s.commune)).size === 1 && !/^\d/.test(texte)
        ? exactes[0]
        : undefined
  if (unique) return { etat: 'retenue', commune: unique.commune, libelle: libelleCommune(unique) }
  return {
    etat: 'choix',
    suggestions: suggestions.slice(0, CHOIX_MAX),
    texte,
    trop: suggestions.length > CHOIX_MAX,
  }
}

export interface OptionsChampCommune {
  requis?: boolean
  /** Put before each message (« Commune du domicile : »), for forms whose messages name their field. */
  prefixe?: string
}

/** The message of a field whose text names no commune, several, or none. */
export function messageCommune(r: ResolutionCommune, o: OptionsChampCommune = {}): string | undefined {
  const message =
    r.etat === 'vide'
      ? o.requis
        ? 'saisissez le nom ou le code postal de la commune.'
        : undefined
      : r.etat === 'inconnue'
        ? `aucune commune ne correspond à « ${r.texte} ». Vérifiez l’orthographe, ou saisissez le code postal.`
        : r.etat === 'choix'
          ? r.trop
            ? `plus de ${CHOIX_MAX} communes correspondent à « ${r.texte} » : précisez le nom ou saisissez le code postal.`
            : `plusieurs communes correspondent à « ${r.texte} » : choisissez la vôtre dans la liste.`
          : undefined
  if (!message) return undefined
  return o.prefixe ? `${o.prefixe} : ${message}` : message.charAt(0).toUpperCase() + message.slice(1)
}

const objet = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
const chaine = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : undefined)

/**
 * Reads the commune fields of a form body: each `champ` of the copy returned holds an INSEE code (or
 * ''), and `erreurs` the message of each field whose text names no commune or several.
 */
export function lireCommunes(
  corps: unknown,
  champs: Readonly<Record<string, OptionsChampCommune>>,
  ref: ReferentielCommunes = referentielCommunes(),
): { corps: Record<string, unknown>; erreurs: Record<string, string> } {
  const source = objet(corps)
  const copie: Record<string, unknown> = { ...source }
  const erreurs: Record<string, string> = {}
  for (const [nom, options] of Object.entries(champs)) {
    const texte = chaine(source[nom + SUFFIXE_SAISIE])
    const code = chaine(source[nom])?.trim() ?? ''
    // A code sent alone (an older queued report) goes on as is: the form's rules know their refusals.
    if (texte === undefined && CODE_INSEE.test(code)) {
      copie[nom] = code
      continue
    }
    const r = resoudreCommune({ texte, code }, ref)
    copie[nom] = r.etat === 'retenue' ? r.commune.code : ''
    delete copie[nom + SUFFIXE_SAISIE]
    const message = messageCommune(r, options)
    if (message) erreurs[nom] = message
  }
  return { corps: copie, erreurs }
}

/**
 * The zod field of a commune (`z.object({ commune: champCommune({ requis: true }) })`, the object
 * wrapped in `avecCommunes`): its output is an INSEE code, or '' when the field is optional and empty;
 * a text naming no commune or several is an error on the field, next to the form's other errors.
 */
export function champCommune(o: OptionsChampCommune = {}) {
  return z
    .unknown()
    .optional()
    .transform((v, ctx): string => {
      const entree =
        v && typeof v === 'object' && !Array.isArray(v)
          ? (v as { texte?: string; code?: string })
          : { code: chaine(v) }
      // A code sent alone (an API client, an older form) goes on as is: the use case knows its refusals.
      const code = entree.code?.trim() ?? ''
      if (entree.texte === undefined && CODE_INSEE.test(code)) return code
      const r = resoudreCommune(entree)
      const message = messageCommune(r, o)
      if (message) {
        ctx.addIssue({ code: 'custom', message, input: v })
        return z.NEVER
      }
      return r.etat === 'retenue' ? r.commune.code : ''
    })
}

/** Pairs each `<nom>_saisie` of a body with its `<nom>` for the `champCommune` fields of `schema`. */
export function avecCommunes<S extends z.ZodType>(schema: S) {
  return z.preprocess((corps) => {
    const source = objet(corps)
    const copie: Record<string, unknown> = { ...source }
    for (const cle of Object.keys(source))
      if (cle.endsWith(SUFFIXE_SAISIE)) {
        const nom = cle.slice(0, -SUFFIXE_SAISIE.length)
        copie[nom] = { texte: chaine(source[cle]) ?? '', code: chaine(source[nom]) }
        delete copie[cle]
      }
    return copie
  }, schema)
}

/** A suggestion as the public endpoint gives it (`GET /api/v1/communes`) and the island reads it. */
export function suggestionPublique(s: SuggestionCommune) {
  return {
    code: s.commune.code,
    nom: s.commune.nom,
    libelle: libelleCommune(s),
    codePostal: s.codePostal ?? null,
    codesPostaux: s.commune.codesPostaux,
    departement: s.commune.departement,
    nomDepartement: departement(s.commune.departement)?.nom ?? s.commune.departement,
    latitude: s.commune.latitude,
    longitude: s.commune.longitude,
  }
}
