import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { creerStructure } from '../db/structures-repository'

const lignes = <T>(r: unknown) => (r as { rows: T[] }).rows

describe.each(MOTEURS)('programme : montants versionnés, allocations, versements (%s)', (moteur) => {
  let t: AppDeTest
  let a: Navigateur
  beforeAll(async () => {
    t = await appDeTest(moteur)
    a = new Navigateur(t.app)
    await connecter(a, t, await creerCompteTest(t.base, { habilitations: H.admin(), totp: true }))
  })
  afterAll(async () => t.fermer())

  const structure = (nom: string, dep: string, type = 'commune') =>
    creerStructure(t.base.db, {
      nom,
      type,
      codeCommune: '97105',
      codeDepartement: dep,
      codeRegion: '01',
      statut: 'proposee',
    })
  const decider = async (id: string, postes: string) => {
    await a.get(`/comite/structures/${id}`)
    return a.post(`/comite/structures/${id}/decision`, { avis: 'validee', postes_accordes: postes })
  }
  const convention = async (id: string) =>
    lignes<{ id: string; postes: number; montant_euros: number; taux_euros: number; version: number }>(
      await t.base.db.execute(
        sql`select id, postes, montant_euros, taux_euros, version from recrutement_conventions where structure_id = ${id}`,
      ),
    )[0]

  it('un taux du territoire (971 : 70 000 €) s’applique aux décisions suivantes, une nouvelle phase ne change pas les conventions passées', async () => {
    const avant = await structure('Commune de Basse-Terre', '971')
    expect((await decider(avant.id, '1')).statusCode).toBe(303)
    expect((await convention(avant.id))?.montant_euros).toBe(50_000)

    await a.get('/comite/programme')
    expect(
      (
        await a.post('/comite/programme/taux', {
          categorie: 'public',
          territoire: '971',
          montant_euros: '70000',
        })
      ).statusCode,
    ).toBe(303)
    const apres = await structure('Commune de Pointe-à-Pitre', '971')
    await decider(apres.id, '2')
    expect((await convention(apres.id))?.montant_euros).toBe(140_000)

    await a.get('/comite/programme')
    const mauvais = await a.post('/comite/programme/phases', {
      code: 'renouvellement',
      libelle_phase: 'Renouvellement',
      quota_postes: '3000',
      enveloppe_euros: '150000000',
      duree_mois: '36',
      taux_public: '17500',
      taux_prive: '20000',
      echeancier: '60, 30',
    })
    expect(mauvais.statusCode).toBe(400)
    expect(mauvais.body).toContain('Les parts de l’échéancier doivent faire 100 %.')
    const ok = await a.post('/comite/programme/phases', {
      code: 'renouvellement',
      libelle_phase: 'Renouvellement',
      quota_postes: '3000',
      enveloppe_euros: '150000000',
      duree_mois: '36',
      taux_public: '17500',
      taux_prive: '20000',
      echeancier: '50, 30, 20',
    })
    expect(ok.statusCode).toBe(303)
    expect((await convention(avant.id))?.montant_euros).toBe(50_000)
    const nouvelle = await structure('Association Karukera', '971', 'association')
    await decider(nouvelle.id, '1')
    const [v] = lignes<{ n: number }>(
      await t.base.db.execute(
        sql`select count(*)::int as n from recrutement_versements v join recrutement_conventions c on c.id = v.convention_id where c.structure_id = ${nouvelle.id}`,
      ),
    )
    expect((await convention(nouvelle.id))?.montant_euros).toBe(20_000)
    expect(v?.n).toBe(3)
  })

  it('deux phases du même code créées au même instant : une seule passe, l’autre reçoit un message clair', async () => {
    await a.get('/comite/programme')
    const phase = {
      code: 'phase-concurrente',
      libelle_phase: 'Phase concurrente',
      quota_postes: '100',
      enveloppe_euros: '5000000',
      duree_mois: '24',
      taux_public: '50000',
      taux_prive: '40000',
      echeancier: '60, 40',
    }
    const statuts = (
      await Promise.all([
        a.post('/comite/programme/phases', phase),
        a.post('/comite/programme/phases', phase),
      ])
    ).map((r) => r.statusCode)
    expect(statuts.sort()).toEqual([303, 422])
    const [n] = lignes<{ n: number }>(
      await t.base.db.execute(
        sql`select count(*)::int as n from recrutement_phases where code = 'phase-concurrente'`,
      ),
    )
    expect(n?.n).toBe(1)
  })

  it('refuse une vague dont la date limite des avis est déjà passée', async () => {
    await a.get('/comite/programme')
    const hier = new Date(t.maintenant.valeur.getTime() - 86_400_000).toISOString().slice(0, 10)
    const r = await a.post('/comite/programme/vagues', { libelle: 'Vague en retard', date_limite: hier })
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain('La date limite des avis est passée')
  })

  it('une nouvelle décision change les postes par avenant, en gardant les versements payés', async () => {
    const s = await structure('Commune des Abymes', '971')
    await decider(s.id, '2')
    const c = await convention(s.id)
    await t.base.db.execute(
      sql`update recrutement_conventions set signee_le = now(), signataire = 'Maire' where id = ${c!.id}`,
    )
    await a.get('/comite/programme')
    expect((await a.post(`/comite/conventions/${c!.id}/versements/1`)).statusCode).toBe(303)
    await decider(s.id, '3')
    const apres = await convention(s.id)
    expect(apres).toMatchObject({ postes: 3, version: 2 })
    const v = lignes<{ rang: number; montant_euros: number; paye_le: string | null }>(
      await t.base.db.execute(
        sql`select rang, montant_euros, paye_le from recrutement_versements where convention_id = ${c!.id} order by rang`,
      ),
    )
    expect(v[0]?.paye_le).not.toBeNull()
    expect(v.reduce((x, y) => x + y.montant_euros, 0)).toBe(apres!.montant_euros)
    const [av] = lignes<{ postes_avant: number; postes_apres: number }>(
      await t.base.db.execute(
        sql`select postes_avant, postes_apres from recrutement_avenants where convention_id = ${c!.id}`,
      ),
    )
    expect(av).toEqual({ postes_avant: 2, postes_apres: 3 })
  })

  it('une allocation départementale bloque la décision qui la dépasserait, avec un message sur le champ', async () => {
    await a.get('/comite/programme')
    expect(
      (await a.post('/comite/programme/allocations', { departement: '972', postes_max: '1' })).statusCode,
    ).toBe(303)
    const s = await structure('Commune de Fort-de-France', '972')
    const r = await decider(s.id, '2')
    expect(r.statusCode).toBe(422)
    expect(r.body).toContain('L’allocation du département serait dépassée')
  })
})
