import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COMPETENCES, QUESTIONS } from './contenu'
import type { Reponse } from './moteur'
import { ORIENTATIONS_IDS, orienter, REGLES } from './orientation'
import { type ProfilBesoins, profilBesoins } from './profil'

const profil = (p: Partial<ProfilBesoins> = {}): ProfilBesoins => ({
  acces: 'equipe',
  competences: 'intermediaire',
  confiance: 'moyenne',
  demarcheUrgente: false,
  fairePourMoi: false,
  lecture: 'aisee',
  niveaux: { souris: 2, navigation: 1, courriel: 1, formulaire: 1, securite: 1 },
  aApprendre: ['souris', 'navigation', 'courriel', 'formulaire', 'securite'],
  ...p,
})
const ids = (p: ProfilBesoins) => orienter(p).orientations.map((o) => o.id)

describe('table d’orientation', () => {
  it('propose Aidants Connect en premier quand la personne veut qu’on fasse pour elle (O1)', () => {
    expect(ids(profil({ demarcheUrgente: true, fairePourMoi: true }))[0]).toBe('aidants_connect')
    expect(ids(profil({ demarcheUrgente: true }))).not.toContain('aidants_connect')
  })

  it('une démarche urgente sans « faire pour moi » mène à l’aide aux démarches (O2)', () => {
    expect(ids(profil({ demarcheUrgente: true }))[0]).toBe('aide_demarche')
  })

  it('sans appareil, propose un accès et du matériel solidaire (O3)', () => {
    expect(ids(profil({ acces: 'aucun' }))).toEqual(
      expect.arrayContaining(['acces_materiel', 'materiel_solidaire']),
    )
  })

  it('débutant : atelier des bases ; peur de se tromper : accompagnement seul à seul (O5, O6)', () => {
    const o = orienter(profil({ competences: 'debutant', confiance: 'faible' }))
    expect(o.orientations.map((x) => x.id)).toEqual(
      expect.arrayContaining(['atelier_bases', 'accompagnement_individuel']),
    )
    expect(o.regles).toEqual(expect.arrayContaining(['O5', 'O6']))
  })

  it('lecture difficile : l’atelier plutôt que le parcours en ligne (O8, O9)', () => {
    expect(ids(profil({ lecture: 'aisee' }))).toContain('parcours')
    expect(ids(profil({ lecture: 'difficile' }))).toEqual(expect.arrayContaining(['atelier_bases']))
    expect(ids(profil({ lecture: 'difficile' }))).not.toContain('parcours')
  })

  it('autonome sans démarche : « vous êtes à l’aise » et rien d’autre', () => {
    expect(ids(profil({ competences: 'autonome', aApprendre: [] }))).toEqual(['autonome'])
  })

  it('chaque règle a un identifiant unique et ne cite que des orientations connues', () => {
    expect(new Set(REGLES.map((r) => r.id)).size).toBe(REGLES.length)
    for (const r of REGLES) for (const o of r.alors) expect(ORIENTATIONS_IDS).toContain(o)
  })

  it('donne toujours au moins une orientation, sans doublon, quel que soit le profil', () => {
    const arb = fc.record({
      acces: fc.constantFrom('equipe', 'partiel', 'aucun'),
      competences: fc.constantFrom('debutant', 'intermediaire', 'autonome'),
      confiance: fc.constantFrom('faible', 'moyenne', 'bonne'),
      demarcheUrgente: fc.boolean(),
      fairePourMoi: fc.boolean(),
      lecture: fc.constantFrom('aisee', 'difficile'),
      aApprendre: fc.subarray([...COMPETENCES]),
    })
    fc.assert(
      fc.property(arb, (p) => {
        const o = ids(
          profil({ ...(p as Partial<ProfilBesoins>), fairePourMoi: p.fairePourMoi && p.demarcheUrgente }),
        )
        expect(o.length).toBeGreaterThan(0)
        expect(new Set(o).size).toBe(o.length)
      }),
    )
  })
})

describe('profil de besoins', () => {
  const avec = (valeurs: Record<string, string>, exercices: Reponse[] = []) =>
    profilBesoins([
      ...QUESTIONS.map((q) => ({ item: q, resultat: 'reussi' as const, valeur: valeurs[q] ?? '' })),
      ...exercices,
    ])

  it('déduit l’accès de l’équipement et de la box (P1)', () => {
    expect(avec({ equipement: 'aucun' }).acces).toBe('aucun')
    expect(avec({ equipement: 'smartphone', internet: 'telephone' }).acces).toBe('partiel')
    expect(avec({ equipement: 'smartphone,ordinateur', internet: 'oui' }).acces).toBe('equipe')
  })

  it('classe les compétences par part de niveaux acquis (P2)', () => {
    expect(avec({}).competences).toBe('debutant')
    const tout = ['glisser', 'lien', 'ecrire_courriel', 'formulaire_complet', 'arnaque_courriel'].map(
      (item) => ({
        item,
        resultat: 'reussi' as const,
      }),
    )
    const p = avec({}, tout)
    expect(p.competences).toBe('autonome')
    expect(p.aApprendre).toEqual([])
  })

  it('lit la confiance, la démarche et la lecture (P3, P4, P5)', () => {
    const p = avec({ confiance: 'peur', demarche: 'faire_pour_moi', lecture: 'ecouter' })
    expect(p).toMatchObject({
      confiance: 'faible',
      demarcheUrgente: true,
      fairePourMoi: true,
      lecture: 'difficile',
    })
  })
})
