/**
 * The one CSV writer of every export (places, activities, diagnostics, recruitment).
 *
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula, and some also after a
 * leading tab or carriage return (CSV injection): a place name such as `=HYPERLINK(…)` typed by anyone
 * who publishes places would run on the computer of whoever opens the export. Such a text cell is
 * written with a leading `'`, which spreadsheets take as « text, not a formula ». A cell that is a
 * plain number (`-3`, `+33180059880`, the standard's telephone format) holds no formula and is written
 * as is, so that numbers and telephones stay readable by the programs that consume the exports.
 *
 * Two formats (ADR 009). By default, the file a person opens in a French spreadsheet (LibreOffice Calc,
 * Excel set to French): `;` between cells, decimal comma, and a byte order mark so that accents read as
 * UTF-8. For programs, `?format=csv-standard` on any export asks for the standard CSV (RFC 4180):
 * `,`, decimal point, no byte order mark.
 */

export type ValeurCsv = string | number | boolean | null | undefined

/** `tableur`: for a French spreadsheet (the default); `standard`: RFC 4180, for programs. */
export type FormatCsv = 'tableur' | 'standard'

export interface OptionsCsv {
  /** `tableur` unless given. */
  format?: FormatCsv
}

const REGLES = {
  tableur: { separateur: ';', bom: '\ufeff', virgule: true },
  standard: { separateur: ',', bom: '', virgule: false },
} as const

/** The value of `format` in an export's query string that asks for the standard CSV. */
export const PARAMETRE_CSV_STANDARD = 'csv-standard'

/** The format a query string asks for: `?format=csv-standard` gives the standard CSV, anything else the spreadsheet one. */
export function formatCsvDemande(query: unknown): FormatCsv {
  const format =
    typeof query === 'object' && query !== null ? (query as { format?: unknown }).format : undefined
  return format === PARAMETRE_CSV_STANDARD ? 'standard' : 'tableur'
}

const DEBUT_DE_FORMULE = /^[=+\-@\t\r]/
const NOMBRE_SEUL = /^[+-]?\d+(?:[.,]\d+)?$/

/** The text of a cell as a spreadsheet must show it: never a formula. */
export function celluleSansFormule(v: string): string {
  return DEBUT_DE_FORMULE.test(v) && !NOMBRE_SEUL.test(v) ? `'${v}` : v
}

function ecrireCellule(v: ValeurCsv, separateur: string, virgule: boolean): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number')
    return !Number.isFinite(v) ? '' : virgule ? String(v).replace('.', ',') : String(v)
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  const texte = celluleSansFormule(v)
  return texte.includes(separateur) || /["\n\r]/.test(texte) ? `"${texte.replaceAll('"', '""')}"` : texte
}

/** Rows (the header row first, if any) as CSV text, one record per line (`\n`, as the exports always had). */
export function ecrireCsv(lignes: Iterable<readonly ValeurCsv[]>, options: OptionsCsv = {}): string {
  const { separateur, bom, virgule } = REGLES[options.format ?? 'tableur']
  let sortie: string = bom
  for (const ligne of lignes)
    sortie += `${ligne.map((v) => ecrireCellule(v, separateur, virgule)).join(separateur)}\n`
  return sortie
}
