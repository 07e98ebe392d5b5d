import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MOTEURS, nouvelleBase } from '../../../../tests/support/bases'
import type { DatabaseHandle } from '../../../platform/db/database'
import { ajouterAuJournal, poserPointDeControle, verifierJournal } from './journal-repository'

const SECRET = 'secret-de-test-aidants-connect-0123456789'

describe.each(MOTEURS)('points de contrôle signés du journal (%s)', (moteur) => {
  let base: DatabaseHandle
  const ajouter = (n: number) =>
    ajouterAuJournal(base.db, {
      action: 'utilisation_autorisation',
      le: new Date(),
      demarche: 'social',
      details: { n },
    })
  const lignes = async (requete: ReturnType<typeof sql>) =>
    ((await base.db.execute(requete)) as unknown as { rows: Record<string, unknown>[] }).rows

  beforeAll(async () => {
    base = await nouvelleBase(moteur)
    for (let n = 1; n <= 3; n++) await ajouter(n)
  })
  afterAll(async () => base?.close())

  it('pose un point sur la dernière entrée, une seule fois, et la chaîne reste intègre', async () => {
    expect(await poserPointDeControle(base.db, SECRET, new Date())).toBe(true)
    expect(await poserPointDeControle(base.db, SECRET, new Date())).toBe(false)
    await ajouter(4)
    expect(await verifierJournal(base.db, SECRET)).toEqual({ ok: true, entrees: 4 })
  })

  it('voit l’effacement de la fin du journal, que le chaînage seul ne voit pas', async () => {
    const [point] = await lignes(sql`select entree_id from aidants_journal_points`)
    await base.db.execute(sql`alter table aidants_journal disable trigger aidants_journal_ajout_seul`)
    await base.db.execute(sql`delete from aidants_journal where id >= ${Number(point?.entree_id)}`)
    await base.db.execute(sql`alter table aidants_journal enable trigger aidants_journal_ajout_seul`)
    // The chain that is left is consistent: without checkpoints nothing shows.
    expect((await verifierJournal(base.db)).ok).toBe(true)
    expect(await verifierJournal(base.db, SECRET)).toMatchObject({
      ok: false,
      premierMaillonCasse: Number(point?.entree_id),
      raison: 'entree_pointee_absente',
    })
  })

  it('refuse un point de contrôle forgé sans le secret', async () => {
    const [dernier] = await lignes(sql`select id, hash from aidants_journal order by id desc limit 1`)
    await base.db.execute(sql`delete from aidants_journal_points`)
    await base.db.execute(
      sql`insert into aidants_journal_points (entree_id, hash, le, signature) values (${Number(dernier?.id)}, ${String(dernier?.hash)}, now(), ${'0'.repeat(64)})`,
    )
    expect(await verifierJournal(base.db, SECRET)).toMatchObject({ ok: false, raison: 'point_falsifie' })
  })
})
