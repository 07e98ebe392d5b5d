import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MOTEURS, nouvelleBase } from '../../../../tests/support/bases'
import type { DatabaseHandle } from '../../../platform/db/database'
import { diagnosticBeneficiaires, diagnosticPassations, diagnosticSessions } from '../db/schema'
import { prochaineEtape } from '../domain/moteur'
import { makeCommencerPassation, makeRejoindreSession } from './commencer-passation'
import { makeCreerSession } from './creer-session'
import type { DepsDiagnostic } from './deps'
import { makeGarderDansDossier } from './garder-dans-dossier'
import { makePurger } from './purger'
import { makeRepondre } from './repondre'

const JOUR = 24 * 3600_000

describe.each(MOTEURS)('conservation des données (%s)', (moteur) => {
  let base: DatabaseHandle
  const horloge = { t: new Date('2026-01-10T10:00:00Z') }
  let deps: DepsDiagnostic
  beforeEach(async () => {
    base = await nouvelleBase(moteur)
    deps = { db: base.db, horloge: () => horloge.t, baseUrl: 'http://x', trouverLieux: async () => [] }
  })
  afterEach(async () => base.close())

  /** A finished diagnostic (everything skipped) started at the current clock. */
  async function terminer(passationId: string) {
    const repondre = makeRepondre(deps)
    for (let i = 0; i < 20; i++) {
      const reps = await base.db.select().from(diagnosticPassations)
      const p = reps.find((x) => x.id === passationId)!
      if (p.termineLe) return
      const { reponsesDe, pourMoteur } = await import('../db/diagnostic-repository')
      const e = prochaineEtape(pourMoteur(await reponsesDe(base.db, passationId)))
      const etape = e.type === 'question' ? e.question : e.type === 'exercice' ? e.item.id : ''
      await repondre({
        passationId,
        etape,
        source: 'personne',
        passer: true,
        choix: [],
        valeurs: {},
        mesures: {},
      })
    }
  }

  it('applique R1 à R3 : anonymes après 7 jours, codes 30 jours après expiration, dossiers après 24 mois', async () => {
    const session = (await makeCreerSession(deps)({ structureCode: 's1', creePar: 'c1', libelle: '' }))!
    const rejoindre = makeRejoindreSession(deps)
    const garde = await rejoindre(session.code)
    const anonyme = await rejoindre(session.code)
    const seul = await makeCommencerPassation(deps)()
    if (!garde.ok || !anonyme.ok) throw new Error('code refusé')
    await terminer(garde.value.passationId)
    await terminer(anonyme.value.passationId)
    const r = await makeGarderDansDossier(deps)({
      structures: ['s1'],
      passationId: garde.value.passationId,
      reference: 'BEN-1',
      accordOral: true,
    })
    expect(r.ok).toBe(true)
    const purger = makePurger(deps)

    horloge.t = new Date(horloge.t.getTime() + 6 * JOUR)
    expect(await purger()).toEqual({ passations: 0, sessions: 0, beneficiaires: 0 })

    horloge.t = new Date(horloge.t.getTime() + 2 * JOUR)
    expect(await purger()).toEqual({ passations: 2, sessions: 0, beneficiaires: 0 })
    const restantes = await base.db.select().from(diagnosticPassations)
    expect(restantes.map((p) => p.id)).toEqual([garde.value.passationId])
    expect(seul.passationId).not.toBe(garde.value.passationId)

    horloge.t = new Date(horloge.t.getTime() + 30 * JOUR)
    expect(await purger()).toMatchObject({ sessions: 1 })
    expect(await base.db.select().from(diagnosticSessions)).toHaveLength(0)
    // The kept diagnostic survives its code (structure copied on the diagnostic).
    expect((await base.db.select().from(diagnosticPassations))[0]?.structureCode).toBe('s1')

    horloge.t = new Date('2028-01-11T10:00:00Z')
    expect(await purger()).toMatchObject({ beneficiaires: 1 })
    expect(await base.db.select().from(diagnosticBeneficiaires)).toHaveLength(0)
    expect(await base.db.select().from(diagnosticPassations)).toHaveLength(0)
  })
})
