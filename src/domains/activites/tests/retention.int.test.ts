import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MOTEURS, nouvelleBase } from '../../../../tests/support/bases'
import type { DatabaseHandle } from '../../../platform/db/database'
import { lignesDe } from '../db/activites-repository'
import { RETENTION_BENEFICIAIRE_MOIS } from '../domain/activite'
import { makeCreerBeneficiaire, makePurgerBeneficiaires } from '../use-cases/beneficiaires'
import { makeEnregistrerActivite } from '../use-cases/enregistrer-activite'
import { arbSaisie, depsDeTest } from './fabriques'

/** Follow-up files without activity for 24 months are erased; their activities stay, anonymous. */

const par = { compteId: '00000000-0000-4000-8000-0000000000aa', structureId: 'dep-05-93-a' }
const saisie = fc.sample(arbSaisie(), { numRuns: 1, seed: 7 })[0]!
const mois = (d: Date, n: number) => {
  const x = new Date(d)
  x.setUTCMonth(x.getUTCMonth() + n)
  return x
}

describe.each(MOTEURS)('rétention des fiches de suivi (%s)', (moteur) => {
  let base: DatabaseHandle
  beforeAll(async () => {
    base = await nouvelleBase(moteur)
  })
  afterAll(async () => base.close())

  const compter = async (q: string) =>
    lignesDe<{ n: number }>(await base.db.execute(sql.raw(`select count(*)::int as n from ${q}`)))[0]!.n

  it(`purge les fiches sans activité depuis ${RETENTION_BENEFICIAIRE_MOIS} mois, garde les activités anonymes`, async () => {
    const debut = new Date('2024-01-10T10:00:00Z')
    let maintenant = debut
    const deps = depsDeTest(base.db, () => maintenant)
    const creer = makeCreerBeneficiaire(deps)
    const enregistrer = makeEnregistrerActivite(deps)
    const purger = makePurgerBeneficiaires(deps)
    const fiche = (prenom: string) =>
      creer({ par, saisie: { prenom, contact: null, trancheAge: 'nc', situation: 'nc', codeCommune: null } })

    const ancienne = await fiche('Ancienne')
    const r1 = await enregistrer({
      par,
      saisie: { ...saisie, id: crypto.randomUUID(), date: '2024-01-10', beneficiaireId: ancienne.id },
    })
    expect(r1.ok).toBe(true)
    maintenant = mois(debut, 20)
    const recente = await fiche('Récente')
    expect(
      (
        await enregistrer({
          par,
          saisie: { ...saisie, id: crypto.randomUUID(), date: '2025-09-10', beneficiaireId: recente.id },
        })
      ).ok,
    ).toBe(true)

    // One day before the limit nothing goes; one day after, only the old file.
    maintenant = new Date(mois(debut, RETENTION_BENEFICIAIRE_MOIS).getTime() - 86_400_000)
    expect(await purger()).toBe(0)
    maintenant = new Date(mois(debut, RETENTION_BENEFICIAIRE_MOIS).getTime() + 86_400_000)
    expect(await purger()).toBe(1)
    expect(await compter(`activites_beneficiaires where id = '${ancienne.id}'`)).toBe(0)
    expect(await compter(`activites_beneficiaires where id = '${recente.id}'`)).toBe(1)
    expect(await compter('activites')).toBe(2)
    expect(await compter('activites where beneficiaire_id is null')).toBe(1)
    // Idempotent: a second run (another instance, the next day) erases nothing more.
    expect(await purger()).toBe(0)
  })
})
