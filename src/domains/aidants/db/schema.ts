import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Organisations habilitated for Aidants Connect. This first version holds what accounts and scopes need;
 * habilitation requests, mandates and the journal come with the Aidants Connect module.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nom: text('nom').notNull(),
    siret: text('siret'),
    type: text('type').notNull(),
    codeCommune: text('code_commune').notNull(),
    codeDepartement: text('code_departement').notNull(),
    codeRegion: text('code_region').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisations_departement_idx').on(t.codeDepartement)],
)
