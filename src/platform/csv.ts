/**
 * The one CSV writer of every export (places, activities, diagnostics, recruitment).
 *
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula, and some also after a
 * leading tab or carriage return (CSV injection): a place name such as `=HYPERLINK(…)` typed by anyone
 * who publishes places would run on the computer of whoever opens the export. Such a text cell is
 * written with a leading `'`, which spreadsheets take as « text, not a formula ». A cell that is a
 * plain number (`-3`, `+33180059880`, the standard's telephone format) holds no formula and is written
 * as is, so that numbers and telephones stay readable by the programs that consume the exports.
 */

export type ValeurCsv = string | number | boolean | null | undefined

export interface OptionsCsv {
  /** `,` by default (the places standard); `;` for files opened in French spreadsheets. */
  separateur?: ',' | ';'
  /** Byte order mark: spreadsheet software then reads accents as UTF-8. */
  bom?: boolean
}

const DEBUT_DE_FORMULE = /^[=+\-@\t\r]/
const NOMBRE_SEUL = /^[+-]?\d+(?:[.,]\d+)?$/

/** The text of a cell as a spreadsheet must show it: never a formula. */
export function celluleSansFormule(v: string): string {
  return DEBUT_DE_FORMULE.test(v) && !NOMBRE_SEUL.test(v) ? `'${v}` : v
}

function ecrireCellule(v: ValeurCsv, separateur: string): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  const texte = celluleSansFormule(v)
  return texte.includes(separateur) || /["\n\r]/.test(texte) ? `"${texte.replaceAll('"', '""')}"` : texte
}

/** Rows (the header row first, if any) as CSV text, one record per line (`\n`, as the exports always had). */
export function ecrireCsv(lignes: Iterable<readonly ValeurCsv[]>, options: OptionsCsv = {}): string {
  const separateur = options.separateur ?? ','
  let sortie = options.bom ? '\ufeff' : ''
  for (const ligne of lignes) sortie += `${ligne.map((v) => ecrireCellule(v, separateur)).join(separateur)}\n`
  return sortie
}
