import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { texteDuBloc } from '../../../../tests/support/tableau-de-bord'
import { creerPassation, creerSession, mettreAJourPassation } from '../db/diagnostic-repository'

describe.each(MOTEURS)('tableau de bord : diagnostics en cours du conseiller (%s)', (moteur) => {
  let t: AppDeTest
  let conseiller: Navigateur
  beforeAll(async () => {
    t = await appDeTest(moteur)
    const maintenant = new Date('2026-03-15T10:00:00Z')
    t.maintenant.valeur = maintenant
    const structure = crypto.randomUUID()
    const compte = await creerCompteTest(t.base, { habilitations: H.conseiller(structure) })
    const session = (code: string, libelle: string, expireLe: string, structureCode = structure) =>
      creerSession(t.base.db, {
        code,
        structureCode,
        creePar: compte.id,
        libelle,
        expireLe: new Date(expireLe),
      })
    const ouverte = await session('TDB111', 'Atelier du mardi', '2026-03-16T18:00:00Z')
    await session('TDB222', 'Session expirée', '2026-03-14T18:00:00Z')
    await session('TDB333', 'Session d’une autre structure', '2026-03-20T18:00:00Z', crypto.randomUUID())
    const passation = (jeton: string) =>
      creerPassation(t.base.db, {
        jetonHash: `${jeton}-${moteur}`,
        sessionId: ouverte.id,
        structureCode: structure,
        mode: 'accompagne',
        maintenant,
      })
    await passation('a')
    await passation('b')
    const finie = await passation('c')
    await mettreAJourPassation(t.base.db, finie.id, { termineLe: maintenant, fin: 'tout_positionne' })
    conseiller = new Navigateur(t.app)
    await connecter(conseiller, t, compte)
  })
  afterAll(async () => t.fermer())

  it('compte les sessions ouvertes de sa structure et les diagnostics qui y sont en cours', async () => {
    const b = texteDuBloc((await conseiller.get('/espace')).body, 'tdb-diagnostic-conseiller')
    expect(b).toContain('1 session ouverte')
    expect(b).toContain('2 diagnostics en cours')
    expect(b).toContain('Atelier du mardi 2 en cours, 1 terminé · ouverte jusqu’au 16 mars 2026')
    expect(b).not.toContain('Session expirée')
    expect(b).not.toContain('autre structure')
  })
})
