import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MOTEURS, nouvelleBase } from '../../../../tests/support/bases'
import type { DatabaseHandle } from '../../../platform/db/database'
import { lignesDe, SQL_RECOMPTE_CONSEILLER } from '../db/activites-repository'
import type { SaisieActivite } from '../domain/activite'
import { makeCreerBeneficiaire, makeEffacerBeneficiaire } from '../use-cases/beneficiaires'
import {
  makeEnregistrerActivite,
  makeModifierActivite,
  makeSupprimerActivite,
} from '../use-cases/enregistrer-activite'
import { arbSaisie, depsDeTest } from './fabriques'

/** The incremental counters must equal a full recount from the activities, whatever happened. */

type Ligne = Record<string, string | number>
const normaliser = (rows: Ligne[], cles: string[]) =>
  rows
    .map((r) => ({
      cle: cles.map((c) => String(r[c])).join('|'),
      m: [Number(r.activites), Number(r.personnes), Number(r.minutes), Number(r.beneficiaires)].join(','),
    }))
    .filter((r) => r.m !== '0,0,0,0')
    .sort((a, b) => (a.cle < b.cle ? -1 : 1))

const CLES_C = [
  'mois',
  'conseiller_id',
  'structure_id',
  'code_departement',
  'code_region',
  'dimension',
  'valeur',
]
const CLES_T = ['mois', 'code_departement', 'code_region', 'dimension', 'valeur']

async function comparer(base: DatabaseHandle) {
  const db = base.db
  const incrC = lignesDe<Ligne>(
    await db.execute(sql.raw('select mois::text as mois, * from activites_stats_conseiller')),
  )
  const recC = lignesDe<Ligne>(
    await db.execute(sql.raw(`select mois::text as mois2, * from (${SQL_RECOMPTE_CONSEILLER}) r`)),
  )
  const incrT = lignesDe<Ligne>(
    await db.execute(sql.raw('select mois::text as mois, * from activites_stats_territoire')),
  )
  const recT = lignesDe<Ligne>(
    await db.execute(
      sql.raw(`select mois::text as mois, code_departement, code_region, dimension, valeur, sum(activites) activites,
        sum(personnes) personnes, sum(minutes) minutes, sum(beneficiaires) beneficiaires
        from (${SQL_RECOMPTE_CONSEILLER}) r group by 1,2,3,4,5`),
    ),
  )
  const n = lignesDe<{ n: number }>(await db.execute(sql.raw('select count(*)::int as n from activites')))[0]!
    .n
  expect(normaliser(incrC, CLES_C).length > 0).toBe(n > 0)
  expect(normaliser(incrC, CLES_C)).toEqual(
    normaliser(
      recC.map((r) => ({ ...r, mois: r.mois2 as string })),
      CLES_C,
    ),
  )
  expect(normaliser(incrT, CLES_T)).toEqual(normaliser(recT, CLES_T))
}

const CONSEILLERS = [
  { compteId: '00000000-0000-4000-8000-000000000001', structureId: 'dep-05-93-a' },
  { compteId: '00000000-0000-4000-8000-000000000002', structureId: 'dep-13-93-b' },
  { compteId: '00000000-0000-4000-8000-000000000003', structureId: 'structure-inconnue' },
]

describe.each(MOTEURS)('compteurs incrémentaux = recomptage complet (%s)', (moteur) => {
  let base: DatabaseHandle
  beforeAll(async () => {
    base = await nouvelleBase(moteur)
  })
  afterAll(async () => base.close())

  it('après des créations, modifications, suppressions et effacements de fiches au hasard', async () => {
    const deps = depsDeTest(base.db)
    const enregistrer = makeEnregistrerActivite(deps)
    const modifier = makeModifierActivite(deps)
    const supprimer = makeSupprimerActivite(deps)
    const effacer = makeEffacerBeneficiaire(deps)
    const creerFiche = makeCreerBeneficiaire(deps)
    const fiches: string[] = []
    for (const c of CONSEILLERS.slice(0, 2))
      for (const prenom of ['Jo', 'Sam'])
        fiches.push(
          (
            await creerFiche({
              par: c,
              saisie: { prenom, contact: null, trancheAge: 'nc', situation: 'nc', codeCommune: null },
            })
          ).id,
        )
    const op = fc.oneof(
      {
        arbitrary: fc.record({ k: fc.constant('creer' as const), c: fc.nat(2), s: arbSaisie(fiches) }),
        weight: 5,
      },
      {
        arbitrary: fc.record({ k: fc.constant('modifier' as const), i: fc.nat(), s: arbSaisie(fiches) }),
        weight: 3,
      },
      { arbitrary: fc.record({ k: fc.constant('supprimer' as const), i: fc.nat() }), weight: 2 },
      {
        arbitrary: fc.record({ k: fc.constant('rejouer' as const), i: fc.nat(), s: arbSaisie() }),
        weight: 1,
      },
      // The same workshop recorded again (a recurring one, another id): identical rows weigh in the recount.
      {
        arbitrary: fc.record({ k: fc.constant('copier' as const), i: fc.nat(), id: fc.uuid({ version: 4 }) }),
        weight: 2,
      },
    )
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        for (const t of ['activites_stats_conseiller', 'activites_stats_territoire', 'activites'])
          await base.db.execute(sql.raw(`delete from ${t}`))
        const faites: { id: string; par: (typeof CONSEILLERS)[number]; s: SaisieActivite }[] = []
        for (const o of ops) {
          if (o.k === 'creer') {
            const par = CONSEILLERS[o.c]!
            // A follow-up file belongs to one conseiller: others record anonymously.
            const s =
              fiches.indexOf(o.s.beneficiaireId ?? '') >= 2 * o.c &&
              fiches.indexOf(o.s.beneficiaireId ?? '') < 2 * o.c + 2
                ? o.s
                : { ...o.s, beneficiaireId: null }
            const r = await enregistrer({ par, saisie: s })
            if (r.ok && !r.value.deja) faites.push({ id: s.id, par, s })
          } else if (faites.length > 0) {
            const f = faites[o.i % faites.length]!
            if (o.k === 'modifier') {
              const idx = CONSEILLERS.indexOf(f.par)
              const bi = fiches.indexOf(o.s.beneficiaireId ?? '')
              const s = bi >= 2 * idx && bi < 2 * idx + 2 ? o.s : { ...o.s, beneficiaireId: null }
              expect((await modifier({ par: f.par, id: f.id, saisie: s })).ok).toBe(true)
              f.s = { ...s, id: f.id }
            } else if (o.k === 'supprimer') {
              expect((await supprimer({ par: f.par, id: f.id })).ok).toBe(true)
              faites.splice(faites.indexOf(f), 1)
            } else if (o.k === 'copier') {
              const r = await enregistrer({ par: f.par, saisie: { ...f.s, id: o.id } })
              if (r.ok && !r.value.deja) faites.push({ id: o.id, par: f.par, s: { ...f.s, id: o.id } })
            } else {
              // A retried sync of an already recorded report changes nothing.
              const r = await enregistrer({ par: f.par, saisie: { ...o.s, id: f.id } })
              expect(r.ok && r.value.deja).toBe(true)
            }
          }
        }
        await comparer(base)
      }),
      { numRuns: moteur === 'pglite' ? 12 : 20 },
    )
    // Erasing a file turns its activities into anonymous ones: counters follow.
    for (const id of fiches.slice(0, 2)) await effacer({ conseillerId: CONSEILLERS[0]!.compteId, id })
    await comparer(base)
  }, 120_000)
})
