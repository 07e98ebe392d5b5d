import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MOTEURS, nouvelleBase } from '../../../../tests/support/bases'
import type { DatabaseHandle } from '../../../platform/db/database'
import { ajouterAuJournal, verifierJournal } from './journal-repository'

const SECRET = 'secret-de-test-aidants-connect-0123456789'

describe.each(MOTEURS)('journal Aidants Connect chaîné (%s)', (moteur) => {
  let base: DatabaseHandle
  beforeAll(async () => {
    base = await nouvelleBase(moteur)
    for (const action of [
      'creation_attestation',
      'creation_autorisation',
      'utilisation_autorisation',
      'revocation_mandat',
    ] as const)
      await ajouterAuJournal(base.db, SECRET, {
        action,
        le: new Date(),
        demarche: 'social',
        details: { n: 1 },
      })
  })
  afterAll(async () => base?.close())

  it('vérifie une chaîne intacte', async () => {
    expect(await verifierJournal(base.db)).toEqual({ ok: true, entrees: 4 })
  })

  it('refuse UPDATE et DELETE au niveau de la base', async () => {
    await expect(
      base.db.execute(sql`update aidants_journal set demarche = 'argent' where id = 2`),
    ).rejects.toThrow()
    await expect(base.db.execute(sql`delete from aidants_journal where id = 2`)).rejects.toThrow()
  })

  it('détecte une modification faite derrière le dos du déclencheur, et désigne le premier maillon cassé', async () => {
    await base.db.execute(sql`alter table aidants_journal disable trigger aidants_journal_ajout_seul`)
    await base.db.execute(sql`update aidants_journal set demarche = 'argent' where id = 2`)
    expect(await verifierJournal(base.db)).toMatchObject({
      ok: false,
      premierMaillonCasse: 2,
      raison: 'contenu_modifie',
    })
  })

  it('détecte une suppression', async () => {
    await base.db.execute(sql`delete from aidants_journal where id = 2`)
    await base.db.execute(sql`alter table aidants_journal enable trigger aidants_journal_ajout_seul`)
    expect(await verifierJournal(base.db)).toMatchObject({
      ok: false,
      premierMaillonCasse: 3,
      raison: 'chainage_rompu',
    })
  })
})
