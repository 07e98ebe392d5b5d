import type { Habilitation } from '../../../platform/auth/roles'

/**
 * Who may edit a place: a national admin, any place; a structure manager, the places of their own
 * structure only (scope `structure` whose code is the place's `structureId`).
 */
export function peutModifierLieu(
  habilitations: readonly Habilitation[],
  lieu: { structureId: string | null },
): boolean {
  return habilitations.some(
    (h) =>
      h.role === 'admin' ||
      (h.role === 'gestionnaire' &&
        h.portee.type === 'structure' &&
        lieu.structureId !== null &&
        h.portee.code === lieu.structureId),
  )
}

/** Structures whose places this person manages (empty for an admin, who sees everything anyway). */
export function structuresGerees(habilitations: readonly Habilitation[]): string[] {
  return habilitations
    .filter((h) => h.role === 'gestionnaire' && h.portee.type === 'structure')
    .map((h) => h.portee.code)
}

export const estAdmin = (habilitations: readonly Habilitation[]) =>
  habilitations.some((h) => h.role === 'admin')
