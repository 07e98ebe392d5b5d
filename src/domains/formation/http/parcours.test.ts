import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import type { Habilitation } from '../../comptes'
import { definirPresence, parcoursCourant } from '../db/formation-repository'
import { inscrireConseiller } from '../use-cases/formation'
import { makeParcours } from '../use-cases/parcours'

const lignes = <T>(r: unknown) => (r as { rows: T[] }).rows
const formateur = (id: string): Habilitation[] => [
  { role: 'formateur', portee: { type: 'structure', code: id, libelle: 'OF' } },
]

describe.each(MOTEURS)('formation : parcours versionnés (%s)', (moteur) => {
  let t: AppDeTest
  let admin: Navigateur
  beforeAll(async () => {
    t = await appDeTest(moteur)
    admin = new Navigateur(t.app)
    await connecter(admin, t, await creerCompteTest(t.base, { habilitations: H.admin(), totp: true }))
  })
  afterAll(async () => t.fermer())

  const versionDe = async (compteId: string) =>
    lignes<{ version: number; duree_minutes: number }>(
      await t.base.db.execute(
        sql`select p.version, p.duree_minutes from formation_inscriptions i join formation_parcours p on p.id = i.parcours_id where i.compte_id = ${compteId}`,
      ),
    )

  it('publie une nouvelle version : les inscriptions passées gardent la leur, les nouvelles prennent la nouvelle', async () => {
    const avant = '00000000-0000-4000-8000-0000000000a1'
    const apres = '00000000-0000-4000-8000-0000000000a2'
    await inscrireConseiller(t.base.db, { compteId: avant, prenom: 'Ana', nom: 'Avant', structureId: 's' })
    expect(await versionDe(avant)).toEqual([{ version: 1, duree_minutes: 350 * 60 }])

    await admin.get('/formation/parcours')
    const r = await admin.post('/formation/parcours', {
      code_parcours: 'Conseiller-Numerique',
      libelle: 'Formation initiale des conseillers numériques — phase 2',
      duree_heures: '420',
      certification: 'pix_ou_titre',
    })
    expect(r.statusCode).toBe(303)
    const page = await admin.get('/formation/parcours')
    expect(page.body).toContain('La version 2 du parcours')
    expect(page.body).toContain('En vigueur')
    expect(page.body).toContain('Ancienne version')

    await inscrireConseiller(t.base.db, { compteId: apres, prenom: 'Bob', nom: 'Après', structureId: 's' })
    expect(await versionDe(apres)).toEqual([{ version: 2, duree_minutes: 420 * 60 }])
    expect(await versionDe(avant)).toEqual([{ version: 1, duree_minutes: 350 * 60 }])
  })

  it('refuse une durée ou un code illisibles en 400 sur le champ, sans rien écrire', async () => {
    const compter = async () =>
      lignes<{ n: number }>(
        await t.base.db.execute(sql`select count(*)::int as n from formation_parcours`),
      )[0]?.n
    const n = await compter()
    await admin.get('/formation/parcours')
    for (const duree of ['', 'abc', '0', '-3', '1001', '10,555']) {
      const r = await admin.post('/formation/parcours', {
        code_parcours: 'aidants-connect',
        libelle: 'Aidants Connect',
        duree_heures: duree,
        certification: 'aucune',
      })
      expect(r.statusCode).toBe(400)
      expect(r.body).toContain('Saisissez la durée en heures, entre 0,5 et 1 000')
      expect(r.body).toContain('value="Aidants Connect"')
      expect(r.body).toContain('value="aidants-connect"')
    }
    const code = await admin.post('/formation/parcours', {
      code_parcours: 'pas un code !',
      libelle: 'X',
      duree_heures: '10,5',
      certification: 'aucune',
    })
    expect(code.statusCode).toBe(400)
    expect(code.body).toContain('Le code du parcours : 2 à 49 lettres minuscules')
    expect(await compter()).toBe(n)
  })

  it('propriété : le formulaire de publication ne répond jamais 5xx', async () => {
    const texte = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('', '350', '10,5', '0.5', 'aucune', 'pix', 'titre', 'pix_ou_titre', 'aidants-connect'),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { code_parcours: texte, libelle: texte, duree_heures: texte, certification: texte },
          { requiredKeys: [] },
        ),
        async (champs) => {
          await admin.get('/formation/parcours')
          const r = await admin.post('/formation/parcours', champs)
          expect(r.statusCode).toBeLessThan(500)
          if (r.statusCode === 400) expect(r.body).toContain('fr-error-text')
        },
      ),
      { numRuns: 40 },
    )
  })

  it('ne retire pas la seule version en vigueur d’un parcours ; retirer une ancienne laisse ses inscriptions', async () => {
    const ac = await parcoursCourant(t.base.db, 'aidants-connect')
    await admin.get('/formation/parcours')
    // The property test may have published versions of aidants-connect: withdraw down to one.
    const actives = lignes<{ id: string }>(
      await t.base.db.execute(
        sql`select id from formation_parcours where code = 'aidants-connect' and actif = 1 and id <> ${ac!.id}`,
      ),
    )
    for (const a of actives)
      expect((await admin.post(`/formation/parcours/${a.id}/retrait`)).statusCode).toBe(303)
    expect((await admin.post(`/formation/parcours/${ac!.id}/retrait`)).statusCode).toBe(303)
    expect((await admin.get('/formation/parcours')).body).toContain(
      'C’est la seule version en vigueur du parcours',
    )
    expect((await parcoursCourant(t.base.db, 'aidants-connect'))?.id).toBe(ac!.id)

    const v1 = lignes<{ id: string }>(
      await t.base.db.execute(
        sql`select id from formation_parcours where code = 'conseiller-numerique' and version = 1`,
      ),
    )[0]!
    expect((await admin.post(`/formation/parcours/${v1.id}/retrait`)).statusCode).toBe(303)
    expect((await parcoursCourant(t.base.db, 'conseiller-numerique'))?.version).toBeGreaterThanOrEqual(2)
    expect(await versionDe('00000000-0000-4000-8000-0000000000a1')).toEqual([
      { version: 1, duree_minutes: 350 * 60 },
    ])
    expect(
      (await admin.post('/formation/parcours/00000000-0000-4000-8000-00000000ffff/retrait')).statusCode,
    ).toBe(404)
  })

  it('repositionne un conseiller sur le parcours fixé par le test de positionnement, tant que rien n’est noté', async () => {
    await admin.get('/formation/parcours')
    await admin.post('/formation/parcours', {
      code_parcours: 'conseiller-numerique-105h',
      libelle: 'Parcours court (105 h)',
      duree_heures: '105',
      certification: 'pix_ou_titre',
    })
    const compteId = '00000000-0000-4000-8000-0000000000b1'
    await inscrireConseiller(t.base.db, { compteId, prenom: 'Cléa', nom: 'Court', structureId: 's' })
    const [i] = lignes<{ id: string }>(
      await t.base.db.execute(sql`select id from formation_inscriptions where compte_id = ${compteId}`),
    )
    await admin.get('/formation')
    expect(
      (await admin.post(`/formation/inscriptions/${i!.id}/parcours`, { code: 'conseiller-numerique-105h' }))
        .statusCode,
    ).toBe(303)
    expect(await versionDe(compteId)).toEqual([{ version: 1, duree_minutes: 105 * 60 }])

    const gerer = makeParcours({ db: t.base.db })
    await definirPresence(t.base.db, {
      inscriptionId: i!.id,
      jour: '2030-01-07',
      demiJournee: 'matin',
      minutes: 210,
      present: true,
    })
    const r = await gerer.repositionner({ inscriptionId: i!.id, code: 'conseiller-numerique', par: compteId })
    expect(r).toEqual({ ok: false, error: { code: 'REPOSITIONNEMENT_IMPOSSIBLE' } })
    expect(await gerer.repositionner({ inscriptionId: i!.id, code: 'inconnu', par: compteId })).toEqual({
      ok: false,
      error: { code: 'PARCOURS_INTROUVABLE' },
    })
  })

  it('seule l’équipe nationale gère les parcours', async () => {
    const of = new Navigateur(t.app)
    await connecter(
      of,
      t,
      await creerCompteTest(t.base, { habilitations: formateur('00000000-0000-4000-8000-000000000001') }),
    )
    expect((await of.get('/formation/parcours')).statusCode).toBe(403)
    await of.get('/formation')
    expect(
      (
        await of.post('/formation/parcours', {
          code_parcours: 'pirate',
          libelle: 'Pirate',
          duree_heures: '1',
          certification: 'aucune',
        })
      ).statusCode,
    ).toBe(403)
    expect((await new Navigateur(t.app).get('/formation/parcours')).statusCode).toBe(303)
  })
})
