import { eq, inArray } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { candidatures, conventions, structures } from './schema'

type Noms = Map<string, { libelle: string; href?: string }>

/**
 * How the administration journal names this domain's objects, and the page the national team opens
 * for each: a structure its file at the committee, a convention its structure's file, a candidature
 * the candidate's account (no national page shows one candidature).
 */
export function nommeursObjetsRecrutement(db: Database) {
  return {
    structure: async (ids: readonly string[]): Promise<Noms> => {
      if (ids.length === 0) return new Map()
      const l = await db
        .select({ id: structures.id, nom: structures.nom })
        .from(structures)
        .where(inArray(structures.id, [...ids]))
      return new Map(l.map((s) => [s.id, { libelle: s.nom, href: `/comite/structures/${s.id}` }]))
    },
    convention: async (ids: readonly string[]): Promise<Noms> => {
      if (ids.length === 0) return new Map()
      const l = await db
        .select({
          id: conventions.id,
          numero: conventions.numero,
          structureId: structures.id,
          nom: structures.nom,
        })
        .from(conventions)
        .innerJoin(structures, eq(structures.id, conventions.structureId))
        .where(inArray(conventions.id, [...ids]))
      return new Map(
        l.map((c) => [
          c.id,
          { libelle: `convention n° ${c.numero} (${c.nom})`, href: `/comite/structures/${c.structureId}` },
        ]),
      )
    },
    candidature: async (ids: readonly string[]): Promise<Noms> => {
      if (ids.length === 0) return new Map()
      const l = await db
        .select({
          id: candidatures.id,
          compteId: candidatures.compteId,
          prenom: candidatures.prenom,
          nom: candidatures.nom,
        })
        .from(candidatures)
        .where(inArray(candidatures.id, [...ids]))
      return new Map(
        l.map((c) => [
          c.id,
          { libelle: `candidature de ${c.prenom} ${c.nom}`, href: `/admin/comptes/${c.compteId}` },
        ]),
      )
    },
  }
}
