import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** Every e-mail and SMS leaves through this table: written in the same transaction as the act that causes it. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    canal: text('canal', { enum: ['email', 'sms'] }).notNull(),
    destinataire: text('destinataire').notNull(),
    sujet: text('sujet').notNull(),
    texte: text('texte').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    envoyeLe: timestamp('envoye_le', { withTimezone: true }),
    tentatives: integer('tentatives').notNull().default(0),
    derniereErreur: text('derniere_erreur'),
  },
  (t) => [index('outbox_messages_a_envoyer_idx').on(t.envoyeLe, t.creeLe)],
)
