import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS, nouvelleBase } from '../../../../tests/support/bases'
import type { DatabaseHandle } from '../../../platform/db/database'
import { portComptes } from '../../comptes'
import { creerCandidature, creerMiseEnRelation } from '../db/candidatures-repository'
import { assurerPhaseParDefaut, definirAllocation, phaseActive } from '../db/programme-repository'
import { decisions, misesEnRelation, phases, structures } from '../db/schema'
import { creerStructure } from '../db/structures-repository'
import { makeDecider } from './decider'
import type { DepsRecrutement } from './deps'
import { makeRecruter } from './recruter'

const depsDe = (base: DatabaseHandle): DepsRecrutement => {
  const commun = {
    db: base.db,
    horloge: () => new Date('2021-02-01T10:00:00Z'),
    baseUrl: 'http://127.0.0.1',
  }
  return {
    ...commun,
    comptes: portComptes({ ...commun, inactiviteParRole: {} }),
    lieux: { lieuxDuDepartement: async () => [] },
    inscrireEnFormation: async () => {},
  }
}

const structure = (base: DatabaseHandle, i: number, o: { type?: string; dep?: string } = {}) =>
  creerStructure(base.db, {
    nom: `Structure ${i}`,
    type: o.type ?? 'commune',
    codeCommune: '13055',
    codeDepartement: o.dep ?? '13',
    codeRegion: '93',
    latitude: 43.28,
    longitude: 5.38,
    statut: 'proposee',
    postesSouhaites: 1,
  })

describe.each(MOTEURS)('comité national : quota et enveloppe (%s)', (moteur) => {
  let base: DatabaseHandle
  let deps: DepsRecrutement
  let admin: string
  beforeAll(async () => {
    base = await nouvelleBase(moteur)
    deps = depsDe(base)
    await assurerPhaseParDefaut(base.db)
    admin = (await creerCompteTest(base, { habilitations: H.admin() })).id
  })
  afterAll(async () => base.close())

  const reduirePhase = async (quota: number, enveloppe: number) => {
    await base.db
      .update(phases)
      .set({ quotaPostes: quota, enveloppeEuros: enveloppe, postesAttribues: 0, montantEngage: 0 })
  }

  it('applique 50 000 € par poste public et 40 000 € par poste privé, avec un numéro de décision', async () => {
    const pub = await structure(base, 1)
    const priv = await structure(base, 2, { type: 'association' })
    const decider = makeDecider(deps)
    const a = await decider({ structureId: pub.id, avis: 'validee', postesAccordes: 2, par: admin })
    const b = await decider({ structureId: priv.id, avis: 'validee', postesAccordes: 1, par: admin })
    expect(a.ok && a.value.montantEuros).toBe(100_000)
    expect(b.ok && b.value.montantEuros).toBe(40_000)
    expect(a.ok && b.ok && a.value.numero !== b.value.numero).toBe(true)
    const p = await phaseActive(base.db)
    expect([p?.postesAttribues, p?.montantEngage]).toEqual([3, 140_000])
  })

  it('refuse une décision qui dépasserait le quota, sans rien écrire', async () => {
    await reduirePhase(1, 1_000_000)
    const s = await structure(base, 3)
    const avant = (await base.db.select().from(decisions)).length
    const r = await makeDecider(deps)({ structureId: s.id, avis: 'validee', postesAccordes: 2, par: admin })
    expect(r).toEqual({ ok: false, error: { code: 'QUOTA_DEPASSE', restant: 1 } })
    expect((await base.db.select().from(decisions)).length).toBe(avant)
    const [row] = await base.db.select().from(structures).where(eq(structures.id, s.id))
    expect(row?.statut).toBe('proposee')
  })

  it('refuse une décision qui dépasserait l’enveloppe', async () => {
    await reduirePhase(100, 60_000)
    const s = await structure(base, 4)
    const r = await makeDecider(deps)({ structureId: s.id, avis: 'validee', postesAccordes: 2, par: admin })
    expect(r.ok ? undefined : r.error.code).toBe('ENVELOPPE_DEPASSEE')
  })

  it('ne dépasse jamais quota, enveloppe ni allocation départementale sous décisions concurrentes', async () => {
    await reduirePhase(5, 200_000_000)
    const p = await phaseActive(base.db)
    await definirAllocation(base.db, { phaseId: p!.id, codeDepartement: '84', postesMax: 3 })
    const nationales = await Promise.all(Array.from({ length: 8 }, (_, i) => structure(base, 100 + i)))
    const vauclusiennes = await Promise.all(
      Array.from({ length: 4 }, (_, i) => structure(base, 200 + i, { dep: '84' })),
    )
    // Each decision uses its own connection on PostgreSQL (pool of 5): real concurrency.
    const r = await Promise.all(
      [...nationales, ...vauclusiennes].map((s) =>
        makeDecider(deps)({ structureId: s.id, avis: 'validee', postesAccordes: 1, par: admin }),
      ),
    )
    const acceptees = r.filter((x) => x.ok).length
    expect(acceptees).toBe(5)
    const fin = await phaseActive(base.db)
    expect(fin?.postesAttribues).toBe(5)
    const [{ n } = { n: 0 }] = (
      (await base.db.execute(
        sql`select coalesce(sum(postes_valides), 0)::int as n from structures where statut = 'validee' and nom like 'Structure 1__' or nom like 'Structure 2__'`,
      )) as unknown as { rows: { n: number }[] }
    ).rows
    expect(n).toBe(5)
    const [alloc] = (
      (await base.db.execute(
        sql`select postes_attribues from recrutement_allocations where code_departement = '84'`,
      )) as unknown as { rows: { postes_attribues: number }[] }
    ).rows
    expect(alloc?.postes_attribues ?? 0).toBeLessThanOrEqual(3)
    const numeros = (await base.db.select({ n: decisions.numero }).from(decisions)).map((d) => d.n)
    expect(new Set(numeros).size).toBe(numeros.length)
  })

  it('un candidat n’est recruté que par une structure à la fois, même sous recrutements concurrents', async () => {
    await reduirePhase(100, 200_000_000)
    const candidatCompte = await creerCompteTest(base, { habilitations: H.candidat() })
    const c = await creerCandidature(base.db, {
      compteId: candidatCompte.id,
      prenom: 'Alex',
      nom: 'Concurrent',
      email: candidatCompte.email,
      telephone: '0600000000',
      codeCommune: '13055',
      nomCommune: 'Marseille',
      codeDepartement: '13',
      codeRegion: '93',
      latitude: 43.28,
      longitude: 5.38,
      rayonKm: 20,
      disponibleLe: '2021-01-01',
      situation: 'autre',
      motivation: 'Motivation suffisante pour le test.',
      statut: 'en_cours_de_recrutement',
    })
    const gestionnaire = await creerCompteTest(base, { habilitations: H.admin() })
    const sts = await Promise.all(Array.from({ length: 4 }, (_, i) => structure(base, 300 + i)))
    for (const s of sts) {
      await makeDecider(deps)({ structureId: s.id, avis: 'validee', postesAccordes: 1, par: admin })
      await creerMiseEnRelation(base.db, {
        structureId: s.id,
        candidatureId: c.id,
        statut: 'preselectionnee',
      })
    }
    const r = await Promise.all(
      sts.map((s) =>
        makeRecruter(deps)({
          structureId: s.id,
          candidatureId: c.id,
          typeContrat: '2ans',
          debut: '2021-03-01',
          par: { compteId: gestionnaire.id, prenom: 'G', nom: 'G' },
        }),
      ),
    )
    expect(r.filter((x) => x.ok)).toHaveLength(1)
    expect(r.filter((x) => !x.ok).map((x) => !x.ok && x.error.code)).toEqual([
      'DEJA_RECRUTE',
      'DEJA_RECRUTE',
      'DEJA_RECRUTE',
    ])
    const recrutees = await base.db
      .select()
      .from(misesEnRelation)
      .where(eq(misesEnRelation.statut, 'recrutee'))
    expect(recrutees.filter((m) => m.candidatureId === c.id)).toHaveLength(1)
  })
})
