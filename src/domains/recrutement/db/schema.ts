import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Host structures (structures d'accueil). This first version holds what accounts and scopes need;
 * the AMI application, statuses and conventions come with the recruitment module.
 */
export const structures = pgTable(
  'structures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nom: text('nom').notNull(),
    siret: text('siret'),
    type: text('type').notNull(),
    codeCommune: text('code_commune').notNull(),
    codeDepartement: text('code_departement').notNull(),
    codeRegion: text('code_region').notNull(),
    postesSouhaites: integer('postes_souhaites').notNull().default(1),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('structures_departement_idx').on(t.codeDepartement)],
)
