import { parse } from 'csv-parse/sync'
import { estListeFranceServices } from '../domain/france-services'

export type FormatFichier = 'csv' | 'json' | 'france-services'

export type FichierLu =
  | { ok: true; format: FormatFichier; colonnes: string[]; lignes: Record<string, unknown>[] }
  | { ok: false; erreur: string }

const TAILLE_MAX = 20 * 1024 * 1024

/**
 * A file of places: JSON (an array of objects keyed by the standard's columns, or `{ "lieux": [...] }`)
 * or CSV (comma or semicolon, UTF-8 with or without BOM). The national France Services list is
 * recognised by its columns. Sent through the page, a file weighs 20 MB at most; the command line
 * reads the whole country's file (`tailleMax`).
 */
export function lireFichierLieux(contenu: Buffer, nomFichier: string, tailleMax = TAILLE_MAX): FichierLu {
  if (contenu.length === 0) return { ok: false, erreur: 'Le fichier est vide.' }
  if (contenu.length > tailleMax)
    return { ok: false, erreur: `Le fichier dépasse ${Math.round(tailleMax / 1024 / 1024)} Mo.` }
  const texte = contenu.toString('utf8').replace(/^\uFEFF/, '')
  if (texte.includes('\uFFFD'))
    return {
      ok: false,
      erreur: 'Le fichier n’est pas encodé en UTF-8 : enregistrez-le en UTF-8 et recommencez.',
    }
  const debut = texte.trimStart()[0]
  if (debut === '[' || debut === '{' || /\.json$/i.test(nomFichier)) {
    let donnees: unknown
    try {
      donnees = JSON.parse(texte)
    } catch (e) {
      return { ok: false, erreur: `Le fichier JSON est mal formé (${(e as Error).message}).` }
    }
    const liste = Array.isArray(donnees)
      ? donnees
      : donnees && typeof donnees === 'object' && Array.isArray((donnees as { lieux?: unknown }).lieux)
        ? (donnees as { lieux: unknown[] }).lieux
        : undefined
    if (!liste) return { ok: false, erreur: 'Le fichier JSON doit contenir une liste de lieux.' }
    const lignes = liste.map((x) =>
      x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {},
    )
    const colonnes = [...new Set(lignes.flatMap((l) => Object.keys(l)))]
    return { ok: true, format: 'json', colonnes, lignes }
  }
  const premiereLigne = texte.slice(0, texte.indexOf('\n') >= 0 ? texte.indexOf('\n') : undefined)
  const delimiter =
    (premiereLigne.match(/;/g)?.length ?? 0) > (premiereLigne.match(/,/g)?.length ?? 0) ? ';' : ','
  let lignes: Record<string, string>[]
  try {
    lignes = parse(texte, {
      columns: (entetes: string[]) => entetes.map((h) => h.trim().toLowerCase()),
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      bom: true,
    }) as Record<string, string>[]
  } catch (e) {
    return { ok: false, erreur: `Le fichier CSV est illisible (${(e as Error).message.split('\n')[0]}).` }
  }
  const colonnes = premiereLigne
    .split(delimiter)
    .map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase())
    .filter(Boolean)
  if (colonnes.length < 2)
    return { ok: false, erreur: 'Le fichier CSV n’a pas de ligne d’en-tête reconnaissable.' }
  return { ok: true, format: estListeFranceServices(colonnes) ? 'france-services' : 'csv', colonnes, lignes }
}
