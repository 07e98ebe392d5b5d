import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { boiteAutour, classer, evaluer, type ProfilCandidat } from './classement'
import { calculerCouverture, classeDistance } from './couverture'
import {
  ajouterMois,
  categorieDe,
  echeancier,
  finDeContrat,
  tauxApplicable,
  verifierBudget,
} from './financement'
import { rnaValide, siretValide } from './identifiants'
import { candidaturePeutPasser, miseEnRelationPeutPasser, structurePeutPasser } from './statuts'

describe('SIRET et RNA', () => {
  it('accepte un SIRET dont la clé de Luhn est juste et refuse une erreur de frappe', () => {
    expect(siretValide('73282932000074')).toBe(true)
    expect(siretValide('732 829 320 00074')).toBe(true)
    expect(siretValide('73282932000075')).toBe(false)
    expect(siretValide('7328293200007')).toBe(false)
    expect(siretValide('7328293200007A')).toBe(false)
  })
  it('applique l’exception de La Poste : somme des chiffres multiple de 5', () => {
    expect(siretValide('35600000000048')).toBe(true) // siège, Luhn
    expect(siretValide('35600000049837')).toBe(true) // somme = 45
    expect(siretValide('35600000049838')).toBe(false)
  })
  it('détecte toute modification d’un seul chiffre d’un SIRET valide (hors La Poste)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const s = '73282932000074'.split('')
        s[pos] = String((Number(s[pos]) + delta) % 10)
        return !siretValide(s.join(''))
      }),
    )
  })
  it('vérifie la forme d’un numéro RNA (W + 9 chiffres, sans clé)', () => {
    expect(rnaValide('W751234567')).toBe(true)
    expect(rnaValide('w751234567')).toBe(true)
    expect(rnaValide('W75123456')).toBe(false)
  })
})

describe('financement', () => {
  const taux = [
    { categorie: 'public' as const, territoire: '*', montantEuros: 50_000 },
    { categorie: 'prive' as const, territoire: '*', montantEuros: 40_000 },
    { categorie: 'public' as const, territoire: '971', montantEuros: 70_000 },
  ]
  it('applique le taux public aux collectivités et le taux privé aux associations et entreprises de l’ESS', () => {
    expect(categorieDe('commune')).toBe('public')
    expect(categorieDe('epci')).toBe('public')
    expect(categorieDe('autre_public')).toBe('public')
    expect(categorieDe('association')).toBe('prive')
    expect(categorieDe('entreprise_ess')).toBe('prive')
    expect(tauxApplicable(taux, 'public', '13')?.montantEuros).toBe(50_000)
    expect(tauxApplicable(taux, 'prive', '13')?.montantEuros).toBe(40_000)
  })
  it('préfère le taux du territoire (outre-mer) au taux général', () => {
    expect(tauxApplicable(taux, 'public', '971')?.montantEuros).toBe(70_000)
    expect(tauxApplicable(taux, 'prive', '971')?.montantEuros).toBe(40_000)
  })
  const phase = {
    quotaPostes: 4000,
    enveloppeEuros: 200_000_000,
    postesAttribues: 3998,
    montantEngage: 199_900_000,
  }
  it('refuse de dépasser le quota national, l’enveloppe ou l’allocation du département', () => {
    expect(verifierBudget(phase, undefined, 3, 150_000)).toEqual({ code: 'QUOTA_DEPASSE', restant: 2 })
    expect(verifierBudget(phase, undefined, 2, 100_001)).toEqual({
      code: 'ENVELOPPE_DEPASSEE',
      restantEuros: 100_000,
    })
    expect(verifierBudget(phase, { postesMax: 10, postesAttribues: 10 }, 1, 50_000)).toEqual({
      code: 'ALLOCATION_DEPASSEE',
      restant: 0,
    })
    expect(verifierBudget(phase, undefined, 2, 100_000)).toBeUndefined()
  })
  it('laisse toujours rendre des postes', () => {
    expect(verifierBudget({ ...phase, postesAttribues: 4000 }, undefined, -1, -50_000)).toBeUndefined()
  })
  it('échelonne exactement le montant de la convention', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }),
        (m, parts) => {
          const v = echeancier(m, '2021-01-31', parts)
          return v.reduce((a, x) => a + x.montantEuros, 0) === m && v.length === parts.length
        },
      ),
    )
    expect(echeancier(100_000, '2021-03-01', [60, 40]).map((v) => [v.datePrevue, v.montantEuros])).toEqual([
      ['2021-03-01', 60_000],
      ['2022-03-01', 40_000],
    ])
  })
  it('calcule la fin d’un contrat de 2 ou 3 ans (veille de l’anniversaire)', () => {
    expect(finDeContrat('2021-03-01', '2ans')).toBe('2023-02-28')
    expect(finDeContrat('2021-03-01', '3ans')).toBe('2024-02-29')
    expect(ajouterMois('2021-01-31', 1)).toBe('2021-02-28')
  })
})

describe('statuts', () => {
  it('suit le parcours de l’AMI de « déposée » à « conventionnée »', () => {
    expect(structurePeutPasser('deposee', 'proposee')).toBe(true)
    expect(structurePeutPasser('proposee', 'validee')).toBe(true)
    expect(structurePeutPasser('validee', 'conventionnee')).toBe(true)
    expect(structurePeutPasser('deposee', 'validee')).toBe(false)
    expect(structurePeutPasser('refusee', 'proposee')).toBe(false)
    expect(structurePeutPasser('abandonnee', 'deposee')).toBe(false)
  })
  it('un candidat recruté ne peut pas être recruté une seconde fois avant son départ', () => {
    expect(candidaturePeutPasser('recrutee', 'recrutee')).toBe(false)
    expect(candidaturePeutPasser('recrutee', 'disponible')).toBe(true)
    expect(miseEnRelationPeutPasser('recrutee', 'recrutee')).toBe(false)
    expect(miseEnRelationPeutPasser('recrutee', 'terminee')).toBe(true)
    expect(miseEnRelationPeutPasser('non_retenue', 'recrutee')).toBe(false)
  })
})

const candidat = (o: Partial<ProfilCandidat> = {}): ProfilCandidat => ({
  id: 'c',
  latitude: 44.5594,
  longitude: 6.0786,
  rayonKm: 20,
  codeDepartement: '05',
  disponibleLe: '2021-01-01',
  diplomeMediationNumerique: false,
  niveauPix: null,
  experiencePublic: '',
  ...o,
})
const gap = { latitude: 44.5594, longitude: 6.0786, codeDepartement: '05', debut: '2021-03-01' }

describe('classement des candidats', () => {
  it('écarte un candidat dont le rayon de mobilité ne couvre pas la structure', () => {
    // Marseille est à ~140 km de Gap.
    expect(evaluer(candidat({ latitude: 43.2803, longitude: 5.3806, rayonKm: 100 }), gap)).toBeUndefined()
    expect(evaluer(candidat({ latitude: 44.6, longitude: 6.1, rayonKm: 5 }), gap)).toBeDefined()
  })
  it('n’associe un territoire d’outre-mer qu’à lui-même', () => {
    expect(evaluer(candidat({ codeDepartement: '974' }), gap)).toBeUndefined()
  })
  it('donne la raison de chaque point du score', () => {
    const r = evaluer(
      candidat({
        diplomeMediationNumerique: true,
        niveauPix: 3,
        experiencePublic: 'Accueil du public en mairie',
      }),
      gap,
    )
    expect(r?.score).toBe(100)
    expect(r?.raisons.join(' | ')).toMatch(
      /dans son rayon.*disponible à la date.*diplômé.*PIX niveau 3.*expérience/,
    )
  })
  it('classe le plus proche, disponible et qualifié en premier, de façon stable', () => {
    const liste = [
      candidat({ id: 'loin', latitude: 44.65, rayonKm: 40 }),
      candidat({ id: 'tard', disponibleLe: '2021-03-20' }),
      candidat({ id: 'ideal', diplomeMediationNumerique: true }),
      candidat({ id: 'hors', latitude: 45.5 }),
    ]
    expect(classer(liste, gap).map((c) => c.id)).toEqual(['ideal', 'tard', 'loin'])
    expect(classer(liste, gap, 1).map((c) => c.id)).toEqual(['ideal'])
  })
  it('la boîte de présélection contient tous les candidats du rayon', () => {
    const b = boiteAutour(gap.latitude, gap.longitude, 100)
    expect(b.latMin).toBeLessThan(43.7)
    expect(b.lonMax).toBeGreaterThan(7.2)
  })
})

describe('couverture', () => {
  it('calcule la population à 15 km d’un poste et les communes oubliées', () => {
    const communes = [
      { code: 'a', nom: 'A', latitude: 44.5, longitude: 6, population: 1000 },
      { code: 'b', nom: 'B', latitude: 45.5, longitude: 6, population: 500 },
      { code: 'c', nom: 'C', latitude: 46.5, longitude: 6, population: 200 },
    ]
    const c = calculerCouverture(
      communes,
      [{ nom: 'P', latitude: 44.5, longitude: 6.05, genre: 'structure' }],
      [{ nom: 'FS', latitude: 45.52, longitude: 6, genre: 'france_services' }],
    )
    expect(c.populationTotale).toBe(1700)
    expect(c.populationCouverte).toBe(1000)
    expect(c.oubliees.map((x) => x.code)).toEqual(['c'])
    expect(classeDistance(c.communes[0]?.distancePoste)).toBe('proche')
    expect(classeDistance(undefined)).toBe('loin')
  })
})
