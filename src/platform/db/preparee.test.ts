import { sql } from 'drizzle-orm'
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { afterEach, describe, expect, it } from 'vitest'
import { MOTEURS, nouvelleBase } from '../../../tests/support/bases'
import type { DatabaseHandle } from './database'
import { colonnesDe, instructionPreparee } from './preparee'

const essais = pgTable('essais_preparee', {
  id: integer('id').primaryKey(),
  etiquettes: text('etiquettes').array().notNull(),
  donnees: jsonb('donnees').$type<Record<string, number>>().notNull(),
  le: timestamp('le', { withTimezone: true }).notNull(),
})
const colonnes = colonnesDe(essais)
const inserer = instructionPreparee<{ id: number }>(
  'essais_preparee_inserer',
  `insert into essais_preparee (${colonnes.noms}) values ($1, $2, $3, $4) on conflict (id) do nothing returning id`,
)

describe.each(MOTEURS)('instruction préparée (%s)', (moteur) => {
  let base: DatabaseHandle | undefined
  afterEach(async () => {
    await base?.close()
    base = undefined
  })

  it('écrit une ligne convertie comme le ferait le constructeur de requêtes, et se rejoue', async () => {
    base = await nouvelleBase(moteur)
    await base.db.execute(
      sql`create table essais_preparee (id int primary key, etiquettes text[] not null, donnees jsonb not null, le timestamptz not null)`,
    )
    const ligne = {
      id: 1,
      etiquettes: ['a b', '', 'c"d'],
      donnees: { x: 2 },
      le: new Date('2026-11-23T10:00:00Z'),
    }
    expect(await inserer(base.db, colonnes.valeurs(ligne))).toEqual([{ id: 1 }])
    expect(await inserer(base.db, colonnes.valeurs(ligne))).toEqual([])
    const [lue] = await base.db.select().from(essais)
    expect(lue).toEqual(ligne)
  })

  it('refuse une transaction et une ligne incomplète', async () => {
    base = await nouvelleBase(moteur)
    const db = base.db
    await expect(db.transaction((tx) => inserer(tx, []))).rejects.toThrow(/pas une transaction/)
    expect(() => colonnes.valeurs({ id: 2, etiquettes: [], donnees: {} } as never)).toThrow(/« le »/)
  })
})
