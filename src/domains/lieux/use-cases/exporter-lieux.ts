import type { SchemaLieuMediationNumerique } from '@gouvfr-anct/lieux-de-mediation-numerique'
import { ecrireCsv } from '../../../platform/csv'
import { exporterLieu, ligneCsv } from '../domain/export'
import type { Lieu } from '../domain/lieu'
import { COLONNES_STANDARD } from '../domain/vocabulaires'

export interface Export {
  lignes: SchemaLieuMediationNumerique[]
  /** Places the ANCT library refuses whatever we leave out (a required field it rejects). */
  exclus: { id: string; nom: string; erreur: string }[]
}

export function exporter(lieux: readonly Lieu[]): Export {
  const lignes: SchemaLieuMediationNumerique[] = []
  const exclus: Export['exclus'] = []
  for (const l of lieux) {
    const r = exporterLieu(l)
    if (r.ok) lignes.push(r.ligne)
    else exclus.push({ id: l.id, nom: l.nom, erreur: r.erreur })
  }
  return { lignes, exclus }
}

/**
 * CSV as the standard's README asks: UTF-8, comma, every column in the schema order, header row; a
 * text that a spreadsheet would run as a formula (a name typed as `=HYPERLINK(…)`) goes out as text.
 */
export function enCsv(lignes: readonly SchemaLieuMediationNumerique[]): string {
  return ecrireCsv([[...COLONNES_STANDARD], ...lignes.map(ligneCsv)], { format: 'standard' })
}
