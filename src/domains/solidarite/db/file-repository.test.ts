import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { MOTEURS, nouvelleBase } from '../../../../tests/support/bases'
import type { DatabaseHandle } from '../../../platform/db/database'
import { classePriorite, type DemandeEnAttente, type Mediateur, suivantePour } from '../domain/file-attente'
import type { NouvelleDemande } from './demandes-repository'
import { prendreSuivante } from './file-repository'
import { demandes } from './schema'

const MAINTENANT = new Date('2026-12-03T09:00:00Z')
const minutes = (n: number) => new Date(MAINTENANT.getTime() + n * 60_000)

const ligne = fc.record({
  arnaque: fc.boolean(),
  isolement: fc.boolean(),
  dateLimite: fc.option(fc.integer({ min: -2, max: 10 }), { nil: undefined }),
  depot: fc.integer({ min: -3000, max: 0 }),
  echeance: fc.integer({ min: -600, max: 3000 }),
  creneau: fc.option(fc.integer({ min: -180, max: 300 }), { nil: undefined, freq: 2 }),
  pasAvant: fc.option(fc.integer({ min: -60, max: 20 }), { nil: undefined, freq: 2 }),
  region: fc.option(fc.constantFrom('93', '04', '11'), { nil: undefined }),
  langue: fc.constantFrom('fr', 'fr', 'fr', 'ar'),
  precedent: fc.option(fc.constantFrom('anna', 'bruno'), { nil: undefined }),
  prise: fc.constantFrom(false, false, false, true),
})
type Ligne = typeof ligne extends fc.Arbitrary<infer T> ? T : never

const jour = (n: number) => new Date(MAINTENANT.getTime() + n * 86_400_000).toISOString().slice(0, 10)

function versBase(l: Ligne, i: number): NouvelleDemande {
  return {
    id: randomUUID(),
    reference: `R-TEST-${String(i).padStart(2, '0')}`.slice(0, 9) + String(i),
    telephoneEmpreinte: `empreinte-${i}`,
    territoire: 'metropole',
    fuseau: 'Europe/Paris',
    besoin: l.arnaque ? 'arnaque' : 'email',
    arnaqueEnCours: l.arnaque,
    isolement: l.isolement,
    dateLimiteDemarche: l.dateLimite === undefined ? null : jour(l.dateLimite),
    langue: l.langue,
    region: l.region ?? null,
    creneauDebut: l.creneau === undefined ? null : minutes(l.creneau),
    creneauFin: l.creneau === undefined ? null : minutes(l.creneau + 120),
    echeance: minutes(l.echeance),
    classe: 3,
    statut: l.prise ? 'prise' : 'en-attente',
    mediateurId: l.prise ? 'bruno' : null,
    mediateurPrecedent: l.precedent ?? null,
    pasAvant: l.pasAvant === undefined ? null : minutes(l.pasAvant),
    jetonAnnulation: 'x',
    deposeeLe: minutes(l.depot),
  }
}

/** What the rule sees of a row (the class computed now, like the SQL does). */
const versRegle = (d: NouvelleDemande): DemandeEnAttente => ({
  id: d.id,
  deposeeLe: d.deposeeLe,
  classe: classePriorite(
    {
      arnaqueEnCours: !!d.arnaqueEnCours,
      isolement: !!d.isolement,
      dateLimiteDemarche: d.dateLimiteDemarche ? new Date(`${d.dateLimiteDemarche}T23:59:00Z`) : undefined,
    },
    MAINTENANT,
  ),
  echeance: d.echeance,
  creneauDebut: d.creneauDebut ?? undefined,
  creneauFin: d.creneauFin ?? undefined,
  pasAvant: d.pasAvant ?? undefined,
  region: d.region ?? '',
  langue: d.langue ?? 'fr',
  mediateurPrecedent: d.mediateurPrecedent ?? undefined,
})

describe.each(MOTEURS)('la file en SQL suit la règle (%s)', (moteur) => {
  let base: DatabaseHandle
  beforeAll(async () => {
    base = await nouvelleBase(moteur)
  }, 60_000)
  afterAll(async () => base.close())
  beforeEach(async () => {
    await base.db.delete(demandes)
  })

  it('« prendre la suivante » choisit la demande que la règle désigne, sur des files tirées au hasard', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Mostly requests a médiateur may call now, so that the order is what is tested.
        fc.array(ligne, { minLength: 1, maxLength: 25 }),
        fc.constantFrom([], [], ['93'], ['93', '04']),
        fc.constantFrom(['fr'], ['fr', 'ar']),
        async (lignes, regions, langues) => {
          await base.db.delete(demandes)
          const rangs = lignes.map(versBase)
          if (rangs.length) await base.db.insert(demandes).values(rangs)
          const anna: Mediateur = { id: 'anna', regions, langues }
          const attendue = suivantePour(
            rangs.filter((r) => r.statut === 'en-attente').map(versRegle),
            anna,
            MAINTENANT,
          )
          const prise = await prendreSuivante(base.db, anna, MAINTENANT)
          expect(prise?.id).toBe(attendue?.id)
          if (prise)
            expect(prise).toMatchObject({ statut: 'prise', mediateurId: 'anna', mediateurPrecedent: 'anna' })
        },
      ),
      { numRuns: moteur === 'pglite' ? 40 : 60 },
    )
  }, 120_000)

  it('deux médiateurs qui prennent la suivante au même instant n’ont jamais la même demande', async () => {
    const rangs = Array.from({ length: 30 }, (_, i) =>
      versBase(
        { arnaque: false, isolement: false, depot: -i, echeance: 60, langue: 'fr', prise: false } as Ligne,
        i,
      ),
    )
    await base.db.insert(demandes).values(rangs)
    const mediateurs = Array.from(
      { length: 12 },
      (_, i): Mediateur => ({ id: `m${i}`, regions: [], langues: ['fr'] }),
    )
    const prises = await Promise.all(mediateurs.map((m) => prendreSuivante(base.db, m, MAINTENANT)))
    const ids = prises.map((p) => p?.id).filter(Boolean)
    expect(ids).toHaveLength(12)
    expect(new Set(ids).size).toBe(12)
  })
})
