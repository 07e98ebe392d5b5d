import { ecrireCsv, type FormatCsv } from '../../../platform/csv'
import {
  beneficiairesDeStructures,
  passationsDeStructures,
  pourMoteur,
  reponsesDePassations,
  sessionsDeStructures,
} from '../db/diagnostic-repository'
import { COMPETENCES } from '../domain/contenu'
import { resultat } from '../domain/resultat'
import type { DepsDiagnostic } from './deps'
import type { Structures } from './suivre-session'

/**
 * The structure's diagnostics as CSV. The reference of a record appears only for diagnostics kept
 * with consent; the others are exported without any identifier. No measure of typing, no free text.
 */
export const makeExporterCsv =
  ({ db }: DepsDiagnostic) =>
  async (structures: Structures, format?: FormatCsv): Promise<string> => {
    const passations = await passationsDeStructures(db, structures)
    const reponses = await reponsesDePassations(
      db,
      passations.map((p) => p.id),
    )
    const references = new Map(
      (await beneficiairesDeStructures(db, structures)).map((b) => [b.id, b.reference]),
    )
    const codes = new Map((await sessionsDeStructures(db, structures, 10_000)).map((s) => [s.id, s.code]))
    const lignes = passations.map((p) => {
      const miennes = reponses.filter((r) => r.passationId === p.id)
      const r = resultat(pourMoteur(miennes))
      const duree = miennes.reduce((s, x) => s + x.dureeMs, 0)
      return [
        p.commenceLe.toISOString(),
        p.sessionId ? (codes.get(p.sessionId) ?? '') : '',
        p.beneficiaireId ? (references.get(p.beneficiaireId) ?? '') : '',
        p.mode,
        p.termineLe ? 'oui' : 'non',
        ...COMPETENCES.map((c) => String(r.profil.niveaux[c])),
        r.profil.acces,
        r.profil.competences,
        r.profil.confiance,
        r.profil.fairePourMoi ? 'faire_pour_moi' : r.profil.demarcheUrgente ? 'oui' : 'non',
        r.orientation.orientations.map((o) => o.id).join('|'),
        String(Math.round(duree / 60_000)),
      ]
    })
    const colonnes = [
      'date',
      'code_session',
      'reference_beneficiaire',
      'mode',
      'termine',
      ...COMPETENCES.map((c) => `niveau_${c}`),
      'acces',
      'competences',
      'confiance',
      'demarche',
      'orientations',
      'duree_minutes',
    ]
    return ecrireCsv([colonnes, ...lignes], { format })
  }
