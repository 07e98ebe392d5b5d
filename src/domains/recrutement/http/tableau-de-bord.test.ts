import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { texteDuBloc } from '../../../../tests/support/tableau-de-bord'
import { phaseActive } from '../db/programme-repository'
import { vagues } from '../db/schema'
import { creerStructure, majStructure } from '../db/structures-repository'
import type { StatutStructure } from '../domain/statuts'

describe.each(MOTEURS)('tableau de bord : recrutement par rôle (%s)', (moteur) => {
  let t: AppDeTest
  const n = {} as Record<'prefecture' | 'admin' | 'gestionnaire' | 'candidat', Navigateur>
  beforeAll(async () => {
    t = await appDeTest(moteur)
    t.maintenant.valeur = new Date('2026-03-15T10:00:00Z')
    const phase = await phaseActive(t.base.db)
    await t.base.db
      .insert(vagues)
      .values({ phaseId: phase!.id, libelle: 'Vague de printemps', dateLimiteAvis: '2026-03-18' })
    const structure = async (nom: string, dep: string, statut: StatutStructure, creeLe: string) => {
      const s = await creerStructure(t.base.db, {
        nom,
        type: 'commune',
        codeCommune: dep === '13' ? '13055' : '84007',
        codeDepartement: dep,
        codeRegion: '93',
        creeLe: new Date(creeLe),
      })
      if (statut !== 'deposee')
        await majStructure(t.base.db, s.id, { statut, postesValides: statut === 'validee' ? 3 : 0 })
      return s
    }
    await structure('Mairie de Marseille', '13', 'deposee', '2026-02-01T09:00:00Z')
    await structure('Centre social Belle de Mai', '13', 'deposee', '2026-01-10T09:00:00Z')
    await structure('Association déjà proposée', '13', 'proposee', '2026-01-05T09:00:00Z')
    await structure('Mairie d’Avignon', '84', 'deposee', '2026-01-01T09:00:00Z')
    const geree = await structure('Médiathèque validée', '13', 'validee', '2026-01-02T09:00:00Z')

    const comptes = {
      prefecture: await creerCompteTest(t.base, { habilitations: H.prefecture('13') }),
      admin: await creerCompteTest(t.base, { habilitations: H.admin(), totp: true }),
      gestionnaire: await creerCompteTest(t.base, { habilitations: H.gestionnaire(geree.id) }),
      candidat: await creerCompteTest(t.base, { habilitations: H.candidat() }),
    }
    for (const [qui, c] of Object.entries(comptes) as [keyof typeof n, (typeof comptes)['admin']][]) {
      n[qui] = new Navigateur(t.app)
      await connecter(n[qui], t, c)
    }
  })
  afterAll(async () => t.fermer())

  it('la préfecture voit les dossiers de son département qui attendent son avis et l’échéance de la vague', async () => {
    const b = texteDuBloc((await n.prefecture.get('/espace')).body, 'tdb-recrutement-prefecture')
    expect(b).toContain('Avis attendus pour Vague de printemps avant le 18 mars 2026 (dans 3 jours)')
    expect(b).toContain('2 dossiers attendent votre avis')
    // Oldest first; neither the one already proposed nor the Vaucluse one.
    expect(b.indexOf('Centre social Belle de Mai')).toBeLessThan(b.indexOf('Mairie de Marseille'))
    expect(b).toContain('Déposé le 10 janvier 2026')
    expect(b).not.toContain('Association déjà proposée')
    expect(b).not.toContain('Avignon')
  })

  it('l’équipe nationale voit le pipeline du recrutement compté par état', async () => {
    const b = texteDuBloc((await n.admin.get('/espace')).body, 'tdb-recrutement-national')
    expect(b).toContain('3 structures chez les préfectures')
    expect(b).toContain('1 structure à passer en comité')
    expect(b).toContain('1 structure validée à conventionner')
    expect(b).toContain('0 structure conventionnée')
  })

  it('le gestionnaire voit l’état de sa structure et ses postes, le candidat sans dossier est invité à postuler', async () => {
    const g = texteDuBloc((await n.gestionnaire.get('/espace')).body, 'tdb-recrutement-structure-1')
    expect(g).toContain('Médiathèque validée')
    expect(g).toContain('Candidature de la structure : Validée par le comité.')
    expect(g).toContain('3 postes validés')
    const c = texteDuBloc((await n.candidat.get('/espace')).body, 'tdb-recrutement-candidat')
    expect(c).toContain('Vous n’avez pas encore déposé de candidature.')
    expect(c).toContain('Déposer ma candidature')
  })
})
