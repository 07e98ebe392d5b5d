/**
 * Control characters (C0 range, tab, line feed and carriage return excepted) never belong in anything
 * a person types or a link carries: NUL is refused by PostgreSQL with an error, the others are
 * invisible. They are handled once at the edge (web platform hooks) for every route:
 * - in a URL (route parameters, query string) the request is refused with a 400;
 * - in a body they are removed, and the fields concerned are recorded on the body so that a form read
 *   with `lireFormulaire` is shown again, as typed minus those characters, with a message on the field.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const INTERDIT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/
const INTERDITS = new RegExp(INTERDIT.source, 'g')

export const MESSAGE_CARACTERE_INTERDIT =
  'Ce champ contenait un caractère invisible non autorisé, qui a été retiré. Vérifiez la saisie et envoyez à nouveau.'

const CHAMPS_NETTOYES = Symbol('champs nettoyés')

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const INTERDIT_DANS_URL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|%(?:0[0-8bcef]|1[0-9a-f])/i

/**
 * A raw URL (path and query string) carrying a control character, as is or percent-encoded: route
 * params and query values and keys are all decoded from it, so this one test stands for them all.
 */
export function urlAvecCaractereInterdit(url: string): boolean {
  return INTERDIT_DANS_URL.test(url)
}

function contientCaractereInterdit(valeur: unknown, profondeur = 0): boolean {
  if (typeof valeur === 'string') return INTERDIT.test(valeur)
  if (profondeur > 8 || !valeur || typeof valeur !== 'object') return false
  const valeurs = Array.isArray(valeur) ? valeur : estObjetSimple(valeur) ? Object.values(valeur) : []
  return valeurs.some((v) => contientCaractereInterdit(v, profondeur + 1))
}

/**
 * Removes the control characters from every string of a parsed body (urlencoded, JSON or multipart
 * fields), in place, and records which top-level fields held some. Files and other non-plain objects
 * are left alone.
 */
export function nettoyerCorps(corps: unknown): void {
  if (!corps || typeof corps !== 'object' || !estObjetSimple(corps)) return
  const champs: string[] = []
  const objet = corps as Record<string, unknown>
  for (const [cle, valeur] of Object.entries(objet)) {
    if (!contientCaractereInterdit(valeur)) continue
    objet[cle] = nettoyer(valeur, 0)
    champs.push(cle)
  }
  if (champs.length) Object.defineProperty(objet, CHAMPS_NETTOYES, { value: champs, enumerable: false })
}

/** The fields of a body whose control characters the edge removed (none for any other value). */
export function champsNettoyes(corps: unknown): readonly string[] {
  if (!corps || typeof corps !== 'object') return []
  return (corps as { [CHAMPS_NETTOYES]?: string[] })[CHAMPS_NETTOYES] ?? []
}

function nettoyer(valeur: unknown, profondeur: number): unknown {
  if (typeof valeur === 'string') return valeur.replace(INTERDITS, '')
  if (profondeur > 8 || !valeur || typeof valeur !== 'object') return valeur
  if (Array.isArray(valeur)) return valeur.map((v) => nettoyer(v, profondeur + 1))
  if (!estObjetSimple(valeur)) return valeur
  return Object.fromEntries(Object.entries(valeur).map(([k, v]) => [k, nettoyer(v, profondeur + 1)]))
}

/** A record of parsed values: plain objects, and the prototype-less ones querystring parsers build. */
function estObjetSimple(valeur: object): boolean {
  const proto = Object.getPrototypeOf(valeur)
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null
}
