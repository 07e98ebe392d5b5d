import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { connecterTous } from '../../../../tests/support/matrice'
import type { Navigateur } from '../../../../tests/support/navigateur'
import { texteDe } from '../../../../tests/support/tableau-de-bord'
import type { Habilitation, Role } from '../domain/roles'

/** The blocks each role finds on its home: the role × block matrix of `/espace`. */
const BLOCS: Record<Role, readonly string[]> = {
  candidat: ['tdb-recrutement-candidat'],
  conseiller: ['tdb-activites-conseiller', 'tdb-diagnostic-conseiller'],
  gestionnaire: ['tdb-recrutement-structure-1', 'tdb-activites-structure-1'],
  aidant: ['tdb-aidants-aidant'],
  referent: ['tdb-aidants-referent-1'],
  prefecture: ['tdb-recrutement-prefecture'],
  coordinateur: ['tdb-activites-coordination'],
  admin: [
    'tdb-recrutement-national',
    'tdb-formation-national',
    'tdb-activites-national',
    'tdb-aidants-national',
  ],
  formateur: ['tdb-formation-formateur'],
  mediateur: ['tdb-solidarite-mediateur', 'tdb-lieux-mediateur'],
}
const TOUS = [...new Set(Object.values(BLOCS).flat())]

describe.each(MOTEURS)('« Mon espace » : les blocs de chaque rôle (%s)', (moteur) => {
  let t: AppDeTest
  let navigateurs = new Map<Role | 'anonyme', Navigateur>()
  beforeAll(async () => {
    t = await appDeTest(moteur)
    const { creerStructure } = await import('../../recrutement')
    const { creerOrganisation } = await import('../../aidants')
    const s = await creerStructure(t.base.db, {
      nom: 'Médiathèque de Gap',
      type: 'epci',
      codeCommune: '05061',
      codeDepartement: '05',
      codeRegion: '93',
    })
    const o = await creerOrganisation(t.base.db, {
      nom: 'France services Gap',
      type: 'france_services',
      codeCommune: '05061',
      codeDepartement: '05',
      codeRegion: '93',
    })
    const habilitations: Record<Role, Habilitation[]> = {
      candidat: H.candidat(),
      conseiller: H.conseiller(s.id),
      gestionnaire: H.gestionnaire(s.id),
      aidant: H.aidant(o.id),
      referent: H.referent(o.id),
      prefecture: H.prefecture('05'),
      coordinateur: H.coordinateur('93'),
      admin: H.admin(),
      formateur: [{ role: 'formateur', portee: { type: 'structure', code: s.id, libelle: s.nom } }],
      mediateur: [{ role: 'mediateur', portee: { type: 'national', code: '', libelle: '' } }],
    }
    navigateurs = (await connecterTous(t, habilitations)).navigateurs
  })
  afterAll(async () => t.fermer())

  it.each(Object.keys(BLOCS) as Role[])('%s : ses blocs, aucun autre, rien d’illisible', async (role) => {
    const r = await navigateurs.get(role)!.get('/espace')
    expect(r.statusCode).toBe(200)
    const ids = [...r.body.matchAll(/<section class="fr-mt-4w" id="(tdb-[\w-]+)"/g)].map((m) => m[1])
    expect(ids.sort()).toEqual([...BLOCS[role]].sort())
    for (const autre of TOUS.filter((b) => !BLOCS[role].includes(b)))
      expect(r.body).not.toContain(`id="${autre}"`)
    expect(r.body).not.toContain('n’a pas pu être lue')
    const texte = texteDe(r.body)
    expect(texte).not.toMatch(/arrive(nt)? bientôt/)
    expect(texte).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    expect(texte).not.toContain('(s)')
  })

  it('un bloc illisible n’emporte pas la page : alerte, et les autres blocs restent', async () => {
    const { makeTableauDeBord } = await import('../use-cases/tableau-de-bord')
    const journal = { error: () => undefined } as unknown as Parameters<
      ReturnType<typeof makeTableauDeBord>
    >[1]
    const bloc = { role: 'admin' as const, ordre: 1, id: 'tdb-test', titre: 'Test' }
    const lire = makeTableauDeBord(
      [
        async () => [bloc],
        async () => {
          throw new Error('base indisponible')
        },
      ],
      () => new Date(),
    )
    const u = { habilitations: H.admin() } as unknown as Parameters<typeof lire>[0]
    const r = await lire(u, journal)
    expect(r.echecs).toBe(1)
    expect(r.blocs).toEqual([bloc])
  })

  it('range les blocs dans l’ordre des rôles de la personne, puis dans l’ordre de chaque domaine', async () => {
    const { ordonner } = await import('../use-cases/tableau-de-bord')
    const b = (role: Role, ordre: number) => ({ role, ordre, id: `${role}-${ordre}`, titre: '' })
    const u = { habilitations: [...H.prefecture('05'), ...H.conseiller('x')] } as unknown as Parameters<
      typeof ordonner
    >[1]
    expect(
      ordonner([b('conseiller', 20), b('prefecture', 10), b('conseiller', 10)], u).map((x) => x.id),
    ).toEqual(['prefecture-10', 'conseiller-10', 'conseiller-20'])
  })
})
