import { count, eq } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { habilitationsAidant, journal, mandats, organisations } from './schema'

/** The three figures of the public pages. */
export async function statistiquesPubliques(db: Database) {
  const [o] = await db.select({ n: count() }).from(organisations).where(eq(organisations.active, true))
  const [a] = await db
    .select({ n: count() })
    .from(habilitationsAidant)
    .where(eq(habilitationsAidant.statut, 'active'))
  const [m] = await db.select({ n: count() }).from(mandats)
  return { organisations: o?.n ?? 0, aidants: a?.n ?? 0, mandats: m?.n ?? 0 }
}

/** Démarches carried out (uses of an authorisation), per démarche and per department. */
export async function chiffresDesDemarches(db: Database) {
  const parDomaine = await db
    .select({ demarche: journal.demarche, n: count() })
    .from(journal)
    .where(eq(journal.action, 'utilisation_autorisation'))
    .groupBy(journal.demarche)
  const parDepartement = await db
    .select({ departement: organisations.codeDepartement, n: count() })
    .from(journal)
    .innerJoin(organisations, eq(organisations.id, journal.organisationId))
    .where(eq(journal.action, 'utilisation_autorisation'))
    .groupBy(organisations.codeDepartement)
  return { parDomaine, parDepartement }
}

/** Mandates created per department of their organisation. */
export async function mandatsParDepartement(db: Database) {
  return db
    .select({ departement: organisations.codeDepartement, n: count(mandats.id) })
    .from(mandats)
    .innerJoin(organisations, eq(organisations.id, mandats.organisationId))
    .groupBy(organisations.codeDepartement)
    .orderBy(organisations.codeDepartement)
}

/** The open API's list: the active organisations, their public fields only. */
export async function organisationsPubliques(db: Database) {
  return db
    .select({
      id: organisations.id,
      nom: organisations.nom,
      siret: organisations.siret,
      type: organisations.type,
      codeCommune: organisations.codeCommune,
      codeDepartement: organisations.codeDepartement,
      codeRegion: organisations.codeRegion,
      numeroFranceServices: organisations.numeroFranceServices,
    })
    .from(organisations)
    .where(eq(organisations.active, true))
    .orderBy(organisations.codeDepartement, organisations.nom)
}
