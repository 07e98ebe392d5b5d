import { inArray } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { inscriptions, parcours, sessionsFormation } from './schema'

type Noms = Map<string, { libelle: string; href?: string }>

/**
 * How the administration journal names this domain's objects, and the page the national team opens
 * for each: a session its page, a path the list of paths, an enrolment the enrolled person's account.
 */
export function nommeursObjetsFormation(db: Database) {
  return {
    session: async (ids: readonly string[]): Promise<Noms> => {
      if (ids.length === 0) return new Map()
      const l = await db
        .select({ id: sessionsFormation.id, libelle: sessionsFormation.libelle })
        .from(sessionsFormation)
        .where(inArray(sessionsFormation.id, [...ids]))
      return new Map(l.map((s) => [s.id, { libelle: s.libelle, href: `/formation/sessions/${s.id}` }]))
    },
    parcours: async (ids: readonly string[]): Promise<Noms> => {
      if (ids.length === 0) return new Map()
      const l = await db
        .select({ id: parcours.id, libelle: parcours.libelle })
        .from(parcours)
        .where(inArray(parcours.id, [...ids]))
      return new Map(l.map((p) => [p.id, { libelle: p.libelle, href: '/formation/parcours' }]))
    },
    inscription: async (ids: readonly string[]): Promise<Noms> => {
      if (ids.length === 0) return new Map()
      const l = await db
        .select({
          id: inscriptions.id,
          compteId: inscriptions.compteId,
          prenom: inscriptions.prenom,
          nom: inscriptions.nom,
        })
        .from(inscriptions)
        .where(inArray(inscriptions.id, [...ids]))
      return new Map(
        l.map((i) => [
          i.id,
          { libelle: `${i.prenom} ${i.nom} (formation)`, href: `/admin/comptes/${i.compteId}` },
        ]),
      )
    },
  }
}
