import { departement } from '../../../platform/geo/territoires'
import type { Territoire } from './statistiques'

/**
 * Who may see which figures. Each role sees its own scope and what lies inside it: the nation for
 * the national team, a région for its coordinator, a département for its prefecture, a structure
 * for its manager, one's own activities for a conseiller. Individual figures of a conseiller are
 * shown to the conseiller, their structure's manager and the national team only.
 */

export interface HabilitationLue {
  role: string
  portee: { type: string; code: string }
}

/** What the counters are filtered on. */
export type Filtre =
  | { niveau: 'national' }
  | { niveau: 'region'; code: string }
  | { niveau: 'departement'; code: string }
  | { niveau: 'structure'; code: string }
  | { niveau: 'conseiller'; conseillerId: string; structureId?: string }

export interface TerritoireStructure {
  codeDepartement: string
  codeRegion: string
}

export const ROLES_STATISTIQUES = [
  'conseiller',
  'gestionnaire',
  'prefecture',
  'coordinateur',
  'admin',
] as const

export function territoireParDefaut(
  compteId: string,
  habs: readonly HabilitationLue[],
): Territoire | undefined {
  const de = (role: string) => habs.find((h) => h.role === role)
  if (de('admin')) return { type: 'national' }
  const coord = de('coordinateur')
  if (coord) return { type: 'region', code: coord.portee.code }
  const pref = de('prefecture')
  if (pref) return { type: 'departement', code: pref.portee.code }
  const gest = de('gestionnaire')
  if (gest) return { type: 'structure', code: gest.portee.code }
  if (de('conseiller')) return { type: 'conseiller', code: compteId }
  return undefined
}

/**
 * The filter for a requested territory, or undefined when the caller may not see it.
 * `structure` tells where a structure is (asked only for a structure territory).
 */
export function resoudre(
  compteId: string,
  habs: readonly HabilitationLue[],
  t: Territoire,
  structure?: TerritoireStructure,
  /**
   * For a conseiller territory: the structures, among the caller's, that conseiller has counted
   * activities for (asked only for a manager reading someone else's figures).
   */
  structuresDuConseiller: readonly string[] = [],
): Filtre | undefined {
  const a = (role: string, type: string, code: string) =>
    habs.some((h) => h.role === role && h.portee.type === type && h.portee.code === code)
  const admin = habs.some((h) => h.role === 'admin')
  switch (t.type) {
    case 'national':
      return admin ? { niveau: 'national' } : undefined
    case 'region':
      return admin || a('coordinateur', 'region', t.code) ? { niveau: 'region', code: t.code } : undefined
    case 'departement': {
      const region = departement(t.code)?.region
      return admin ||
        a('prefecture', 'departement', t.code) ||
        (region && a('coordinateur', 'region', region))
        ? { niveau: 'departement', code: t.code }
        : undefined
    }
    case 'structure': {
      const ok =
        admin ||
        a('gestionnaire', 'structure', t.code) ||
        (!!structure &&
          structure.codeDepartement !== '' &&
          (a('prefecture', 'departement', structure.codeDepartement) ||
            a('coordinateur', 'region', structure.codeRegion)))
      return ok ? { niveau: 'structure', code: t.code } : undefined
    }
    case 'conseiller': {
      if (admin) return { niveau: 'conseiller', conseillerId: t.code }
      if (t.code === compteId && habs.some((h) => h.role === 'conseiller'))
        return { niveau: 'conseiller', conseillerId: t.code }
      // A manager sees a conseiller's work done for their structure, not for a previous employer;
      // a conseiller who never worked for it is outside their scope (403, not a page of zeros).
      const gest = habs.find(
        (h) =>
          h.role === 'gestionnaire' &&
          h.portee.type === 'structure' &&
          structuresDuConseiller.includes(h.portee.code),
      )
      return gest ? { niveau: 'conseiller', conseillerId: t.code, structureId: gest.portee.code } : undefined
    }
  }
}
