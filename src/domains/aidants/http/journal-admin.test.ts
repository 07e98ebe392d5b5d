import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { ajouterAuJournal } from '../db/journal-repository'

/** The app's Aidants Connect secret in demo mode (config default): it signs the journal's end. */
const SECRET_AIDANTS_DEMO = 'demo-uniquement-secret-aidants-connect-0123456789'

describe.each(MOTEURS)('page de vérification du journal pour l’équipe nationale (%s)', (moteur) => {
  let t: AppDeTest
  let admin: Navigateur

  beforeAll(async () => {
    t = await appDeTest(moteur)
    admin = new Navigateur(t.app)
    await connecter(admin, t, await creerCompteTest(t.base, { habilitations: H.admin(), totp: true }))
    for (const demarche of ['social', 'logement', 'papiers'])
      await ajouterAuJournal(t.base.db, SECRET_AIDANTS_DEMO, {
        action: 'utilisation_autorisation',
        le: new Date(),
        aidantId: crypto.randomUUID(),
        organisationId: crypto.randomUUID(),
        usagerId: crypto.randomUUID(),
        demarche,
      })
  })
  afterAll(async () => t?.fermer())

  it('dit la chaîne intègre, puis désigne la première entrée modifiée derrière le dos du déclencheur', async () => {
    const avant = await admin.get('/aidants/admin/journal')
    expect(avant.statusCode).toBe(200)
    expect(avant.body).toContain('Chaîne intègre')
    const [deuxieme] = (
      (await t.base.db.execute(
        sql`select id from aidants_journal order by id offset 1 limit 1`,
      )) as unknown as { rows: { id: number }[] }
    ).rows
    await t.base.db.execute(sql`alter table aidants_journal disable trigger aidants_journal_ajout_seul`)
    await t.base.db.execute(
      sql`update aidants_journal set demarche = 'argent' where id = ${Number(deuxieme?.id)}`,
    )
    await t.base.db.execute(sql`alter table aidants_journal enable trigger aidants_journal_ajout_seul`)
    const apres = await admin.get('/aidants/admin/journal')
    expect(apres.body).toContain('Chaîne rompue')
    expect(apres.body).toContain(`Premier maillon cassé : entrée n° ${deuxieme?.id} (contenu modifié)`)
    // Only the national team sees it.
    const aidant = new Navigateur(t.app)
    await connecter(
      aidant,
      t,
      await creerCompteTest(t.base, { habilitations: H.aidant(crypto.randomUUID()), totp: true }),
    )
    expect((await aidant.get('/aidants/admin/journal')).statusCode).toBe(403)
  })
})
