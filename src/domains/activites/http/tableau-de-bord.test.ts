import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { blocDe as bloc, texteDe as texte } from '../../../../tests/support/tableau-de-bord'
import { creerStructure } from '../../recrutement'
import type { SaisieActivite } from '../domain/activite'
import { depsDeTest } from '../tests/fabriques'
import { makeEnregistrerActivite } from '../use-cases/enregistrer-activite'

const saisie = (date: string, o: Partial<SaisieActivite> = {}): SaisieActivite => ({
  id: crypto.randomUUID(),
  type: 'collectif',
  date,
  duree: 90,
  lieuType: 'distance',
  lieuId: null,
  codeCommuneLieu: null,
  participants: 6,
  niveau: null,
  titre: null,
  materiels: [],
  themes: ['equipement'],
  autonomie: null,
  orientation: 'aucune',
  orientationPrecision: null,
  franceServicesId: null,
  ages: { nc: 6 },
  situations: { nc: 6 },
  codeCommuneBeneficiaire: null,
  beneficiaireId: null,
  ...o,
})

describe.each(MOTEURS)('tableau de bord : activités du conseiller et du coordinateur (%s)', (moteur) => {
  let t: AppDeTest
  const n = {} as Record<'ines' | 'karim' | 'lucie' | 'nord', Navigateur>
  beforeAll(async () => {
    t = await appDeTest(moteur)
    // The 15th of March 2026 in Paris: the month shown is March.
    t.maintenant.valeur = new Date('2026-03-15T10:00:00Z')
    const structure = (nom: string, dep: string, region: string) =>
      creerStructure(t.base.db, {
        nom,
        type: 'commune',
        codeCommune: '05061',
        codeDepartement: dep,
        codeRegion: region,
      })
    const gap = await structure('Médiathèque de Gap', '05', '93')
    const marseille = await structure('CCAS de Marseille', '13', '93')
    const lille = await structure('Centre social de Lille', '59', '32')
    const compte = async (h: ReturnType<typeof H.conseiller>, nom: string) => {
      const c = await creerCompteTest(t.base, { habilitations: h })
      const { sql } = await import('drizzle-orm')
      await t.base.db.execute(
        sql`update comptes set prenom = ${nom.split(' ')[0]}, nom = ${nom.split(' ')[1]} where id = ${c.id}`,
      )
      return c
    }
    const ines = await compte(H.conseiller(gap.id), 'Inès Fabre')
    const karim = await compte(H.conseiller(marseille.id), 'Karim Haddad')
    const nord = await compte(H.conseiller(lille.id), 'Nora Lefebvre')
    const lucie = await compte(H.coordinateur('93'), 'Lucie Garnier')

    const enregistrer = makeEnregistrerActivite(depsDeTest(t.base.db))
    const par = (c: { id: string }, s: { id: string }) => ({ compteId: c.id, structureId: s.id })
    for (const s of [
      saisie('2026-03-02', { titre: 'Premiers pas sur la tablette' }),
      saisie('2026-03-10', {
        type: 'individuel',
        participants: 1,
        ages: { nc: 1 },
        situations: { nc: 1 },
        duree: 30,
      }),
      saisie('2026-02-20', { titre: 'Atelier de février' }),
    ])
      expect((await enregistrer({ par: par(ines, gap), saisie: s })).ok).toBe(true)
    // Karim wrote only in January; Nora, outside the région, in March.
    expect((await enregistrer({ par: par(karim, marseille), saisie: saisie('2026-01-12') })).ok).toBe(true)
    expect((await enregistrer({ par: par(nord, lille), saisie: saisie('2026-03-05') })).ok).toBe(true)

    for (const [cle, c] of [
      ['ines', ines],
      ['karim', karim],
      ['lucie', lucie],
      ['nord', nord],
    ] as const) {
      n[cle] = new Navigateur(t.app)
      await connecter(n[cle], t, c)
    }
  })
  afterAll(async () => t.fermer())

  it('le conseiller voit un grand bouton libellé, les chiffres du mois et ses dernières activités', async () => {
    const page = (await n.ines.get('/espace')).body
    const b = bloc(page, 'tdb-activites-conseiller')
    expect(texte(b)).toContain('Mes activités de mars 2026')
    expect(b).toMatch(
      /<a class="fr-btn fr-btn--lg fr-icon-add-line fr-btn--icon-left" href="\/activites\/nouvelle">\s*Enregistrer une activité/,
    )
    // March only: 2 activities, 6 + 1 people, 90 + 30 minutes = 2 hours.
    expect(texte(b)).toContain('2 activités')
    expect(texte(b)).toContain('7 personnes accompagnées')
    expect(texte(b)).toContain('2 heures d’accompagnement')
    // Latest first, February's included in the list, with dates in words.
    const liste = texte(b.slice(b.indexOf('Mes dernières activités')))
    expect(liste.indexOf('10 mars 2026')).toBeLessThan(liste.indexOf('Premiers pas sur la tablette'))
    expect(liste).toContain('Atelier de février')
    expect(liste).toContain('20 février 2026')
    expect(liste).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  })

  it('un conseiller sans activité ce mois-ci est invité à enregistrer la première', async () => {
    const b = texte(bloc((await n.karim.get('/espace')).body, 'tdb-activites-conseiller'))
    expect(b).toContain('Aucune activité ce mois-ci — enregistrez la première.')
    expect(b).toContain('12 janvier 2026')
  })

  it('le coordinateur voit les conseillers de sa région et leur activité, pas ceux d’ailleurs', async () => {
    const page = (await n.lucie.get('/espace')).body
    const b = texte(bloc(page, 'tdb-activites-coordination'))
    expect(b).toContain('Les conseillers de la région Provence-Alpes-Côte d’Azur')
    expect(b).toContain('2 conseillers')
    expect(b).toContain('1 actif en mars 2026')
    expect(b).toContain('2 activités en mars 2026')
    // Karim, silent since January, comes before Inès.
    expect(b.indexOf('Karim Haddad')).toBeGreaterThan(-1)
    expect(b.indexOf('Karim Haddad')).toBeLessThan(b.indexOf('Inès Fabre'))
    expect(b).toContain('0 activité ce mois-ci · dernière le 12 janvier 2026')
    expect(b).toContain('2 activités ce mois-ci · dernière le 10 mars 2026')
    expect(b).not.toContain('Nora')
    // A coordinator has no conseiller's block.
    expect(page).not.toContain('id="tdb-activites-conseiller"')
  })

  it('un conseiller d’une autre région ne voit que ses propres chiffres', async () => {
    const page = (await n.nord.get('/espace')).body
    expect(texte(bloc(page, 'tdb-activites-conseiller'))).toContain('1 activité')
    expect(page).not.toContain('id="tdb-activites-coordination"')
  })
})
