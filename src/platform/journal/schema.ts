import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** Administrative audit log: who changed which account, role or setting. Append-only by convention and by tests. */
export const journalAdmin = pgTable(
  'journal_admin',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    le: timestamp('le', { withTimezone: true }).notNull().defaultNow(),
    acteurId: uuid('acteur_id'),
    action: text('action').notNull(),
    cible: text('cible'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('journal_admin_le_idx').on(t.le)],
)
