import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MOTEURS, nouvelleBase } from '../../../../tests/support/bases'
import type { DatabaseHandle } from '../../../platform/db/database'
import { ajouterAuJournal, poserPointDeControle, verifierJournal } from './journal-repository'

const SECRET = 'secret-de-test-aidants-connect-0123456789'

describe.each(MOTEURS)('points de contrôle signés du journal (%s)', (moteur) => {
  let base: DatabaseHandle
  const ajouter = (n: number) =>
    ajouterAuJournal(base.db, SECRET, {
      action: 'utilisation_autorisation',
      le: new Date(),
      demarche: 'social',
      details: { n },
    })
  const lignes = async (requete: ReturnType<typeof sql>) =>
    ((await base.db.execute(requete)) as unknown as { rows: Record<string, unknown>[] }).rows
  const points = () => lignes(sql`select entree_id from aidants_journal_points order by entree_id`)
  const dernierId = async () => Number((await lignes(sql`select max(id) as id from aidants_journal`))[0]?.id)
  /** What someone with write access to the database does, behind the trigger's back. */
  const effacer = async (requete: ReturnType<typeof sql>) => {
    await base.db.execute(sql`alter table aidants_journal disable trigger aidants_journal_ajout_seul`)
    await base.db.execute(requete)
    await base.db.execute(sql`alter table aidants_journal enable trigger aidants_journal_ajout_seul`)
  }

  // A fresh base for each test: each one starts from a new install.
  beforeEach(async () => {
    base = await nouvelleBase(moteur)
  })
  afterEach(async () => base?.close())

  it('signe la fin à chaque écriture, dès la première : un seul point, sur la dernière entrée', async () => {
    await ajouter(1)
    expect((await points()).map((p) => Number(p.entree_id))).toEqual([await dernierId()])
    for (let n = 2; n <= 4; n++) await ajouter(n)
    expect((await points()).map((p) => Number(p.entree_id))).toEqual([await dernierId()])
    expect(await verifierJournal(base.db, SECRET)).toEqual({ ok: true, entrees: 4 })
    // The daily task has nothing left to do.
    expect(await poserPointDeControle(base.db, SECRET, new Date())).toBe(false)
  })

  it('voit aussitôt l’effacement des dernières entrées, sans attendre la tâche quotidienne', async () => {
    for (let n = 1; n <= 3; n++) await ajouter(n)
    const fin = await dernierId()
    await effacer(sql`delete from aidants_journal where id = ${fin}`)
    // The chain that is left is consistent: without checkpoints nothing shows.
    expect((await verifierJournal(base.db)).ok).toBe(true)
    expect(await verifierJournal(base.db, SECRET)).toMatchObject({
      ok: false,
      premierMaillonCasse: fin,
      raison: 'entree_pointee_absente',
    })
  })

  it('voit l’effacement de la fin avec son point, et une écriture suivante ne le blanchit pas', async () => {
    for (let n = 1; n <= 3; n++) await ajouter(n)
    const fin = await dernierId()
    await effacer(sql`delete from aidants_journal where id = ${fin}`)
    await base.db.execute(sql`delete from aidants_journal_points`)
    expect(await verifierJournal(base.db, SECRET)).toMatchObject({
      ok: false,
      premierMaillonCasse: fin - 1,
      raison: 'fin_non_signee',
    })
    await ajouter(4)
    expect(await poserPointDeControle(base.db, SECRET, new Date())).toBe(false)
    expect(await verifierJournal(base.db, SECRET)).toMatchObject({ ok: false, raison: 'fin_non_signee' })
  })

  it('refuse un point de contrôle forgé sans le secret', async () => {
    for (let n = 1; n <= 2; n++) await ajouter(n)
    const [dernier] = await lignes(sql`select id, hash from aidants_journal order by id desc limit 1`)
    await base.db.execute(sql`delete from aidants_journal_points`)
    await base.db.execute(
      sql`insert into aidants_journal_points (entree_id, hash, le, signature) values (${Number(dernier?.id)}, ${String(dernier?.hash)}, now(), ${'0'.repeat(64)})`,
    )
    expect(await verifierJournal(base.db, SECRET)).toMatchObject({ ok: false, raison: 'point_falsifie' })
    // Nor does a forged point let the next write sign the end.
    await ajouter(3)
    expect(await verifierJournal(base.db, SECRET)).toMatchObject({ ok: false })
  })
})
