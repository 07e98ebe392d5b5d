/**
 * Acceslibre (acceslibre.beta.gouv.fr), the national base of the accessibility of places open to the
 * public: the few answers a person needs before going, read from a record by its identifier (the slug
 * at the end of the record's address, or its UUID).
 */

export interface ResumeAcceslibre {
  url: string
  entreePlainPied: boolean | null
  stationnementAdapte: boolean | null
  transportAProximite: boolean | null
  personnelSensibilise: boolean | null
  equipementMalentendants: boolean | null
  sanitairesAdaptes: boolean | null
  misAJourLe: string | null
}

/** `resume` null: no such record; `ok: false`: Acceslibre did not answer (or is not configured). */
export type IssueAcceslibre = { ok: true; resume: ResumeAcceslibre | null } | { ok: false }

export interface LireAcceslibre {
  lire(identifiant: string): Promise<IssueAcceslibre>
}

export const acceslibreDesactive: LireAcceslibre = { lire: async () => ({ ok: false }) }
