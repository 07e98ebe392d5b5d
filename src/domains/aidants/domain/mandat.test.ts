import { describe, expect, it } from 'vitest'
import { DEMARCHES, DUREES } from './demarches'
import {
  etapeInactivite,
  PREMIERE_VAGUE,
  siretValide,
  statutApresDepot,
  transitionPermise,
} from './habilitation'
import {
  aPseudonymiser,
  autorisationsRemplacees,
  dateExpiration,
  demarchesARenouveler,
  expireBientot,
  type Mandat,
  mandatActif,
  statutMandat,
  validerDemarches,
} from './mandat'

const maintenant = new Date('2026-05-10T10:00:00Z')
const mandat = (o: Partial<Mandat> = {}): Mandat => ({
  id: 'm1',
  organisationId: 'o1',
  usagerId: 'u1',
  creeLe: maintenant,
  expireLe: new Date('2027-05-10T23:59:59Z'),
  duree: 'annee',
  revoqueLe: null,
  autorisations: [
    { id: 'a1', mandatId: 'm1', demarche: 'social', revoqueeLe: null },
    { id: 'a2', mandatId: 'm1', demarche: 'logement', revoqueeLe: null },
  ],
  ...o,
})

describe('règles du mandat', () => {
  it('garde les dix démarches avec leurs titres exacts', () => {
    expect(DEMARCHES.map((d) => d.cle)).toEqual([
      'papiers',
      'famille',
      'social',
      'travail',
      'logement',
      'transports',
      'argent',
      'justice',
      'etranger',
      'loisirs',
    ])
    expect(DEMARCHES.find((d) => d.cle === 'papiers')?.titre).toBe('Papiers - Citoyenneté - Élections')
    expect(DEMARCHES.find((d) => d.cle === 'etranger')?.titre).toBe('Étranger - Europe')
  })

  it('propose quatre durées : 1 jour, 1 mois, 6 mois, 12 mois', () => {
    expect(DUREES.map((d) => d.jours)).toEqual([1, 31, 182, 365])
    expect(dateExpiration(maintenant, 'jour').toISOString()).toBe('2026-05-11T23:59:59.000Z')
    expect(dateExpiration(maintenant, 'annee').toISOString()).toBe('2027-05-10T23:59:59.000Z')
  })

  it('refuse un mandat sans démarche ou avec une démarche non autorisée dans la structure', () => {
    expect(validerDemarches([], ['social'])).toEqual({ ok: false, error: { code: 'AUCUNE_DEMARCHE' } })
    expect(validerDemarches(['argent'], ['social'])).toEqual({
      ok: false,
      error: { code: 'DEMARCHE_NON_AUTORISEE', demarche: 'argent' },
    })
    expect(validerDemarches(['social', 'social'], ['social'])).toEqual({ ok: true, demarches: ['social'] })
  })

  it('un nouveau mandat remplace les autorisations actives des mêmes démarches seulement', () => {
    const remplacees = autorisationsRemplacees([mandat()], ['logement', 'papiers'], maintenant)
    expect(remplacees.map((a) => a.id)).toEqual(['a2'])
    const expire = mandat({ expireLe: new Date('2026-01-01T00:00:00Z') })
    expect(autorisationsRemplacees([expire], ['logement'], maintenant)).toEqual([])
  })

  it('statut : actif, expiré, révoqué (toutes les démarches révoquées)', () => {
    expect(statutMandat(mandat(), maintenant)).toBe('actif')
    expect(statutMandat(mandat(), new Date('2028-01-01'))).toBe('expire')
    const revoque = mandat({
      autorisations: mandat().autorisations.map((a) => ({ ...a, revoqueeLe: maintenant })),
    })
    expect(statutMandat(revoque, maintenant)).toBe('revoque')
    expect(mandatActif(revoque, maintenant)).toBe(false)
  })

  it('renouvelle les démarches encore en vigueur, rien pour un mandat révoqué', () => {
    expect(demarchesARenouveler(mandat(), maintenant)).toEqual(['social', 'logement'])
    expect(demarchesARenouveler(mandat({ revoqueLe: maintenant }), new Date('2028-01-01'))).toEqual([])
  })

  it('rappelle l’expiration des mandats longs dans les 30 jours', () => {
    expect(expireBientot(mandat(), new Date('2027-04-20T00:00:00Z'))).toBe(true)
    expect(expireBientot(mandat(), maintenant)).toBe(false)
    expect(expireBientot(mandat({ duree: 'mois' }), new Date('2027-04-20T00:00:00Z'))).toBe(false)
  })

  it('pseudonymise l’usager 3 ans après l’expiration de son dernier mandat', () => {
    expect(aPseudonymiser(new Date('2023-05-01'), new Date('2022-01-01'), maintenant)).toBe(true)
    expect(aPseudonymiser(new Date('2024-05-01'), new Date('2022-01-01'), maintenant)).toBe(false)
  })
})

describe('règles d’habilitation', () => {
  it('vérifie la clé de contrôle du SIRET', () => {
    expect(siretValide('73282932000074')).toBe(true)
    expect(siretValide('73282932000075')).toBe(false)
    expect(siretValide('1234')).toBe(false)
    expect(siretValide('35600000000010')).toBe(true)
  })
  it('met en liste d’attente une région pas encore ouverte', () => {
    expect(statutApresDepot('32', PREMIERE_VAGUE)).toBe('en_attente')
    expect(statutApresDepot('93', PREMIERE_VAGUE)).toBe('liste_attente')
    expect(transitionPermise('en_attente', 'eligibilite_validee')).toBe(true)
    expect(transitionPermise('refusee', 'cloturee')).toBe(false)
  })
  it('avertit après 5 mois d’inactivité puis désactive un mois plus tard', () => {
    const mois = 30 * 86_400_000
    const t0 = new Date('2026-01-01')
    expect(etapeInactivite(t0, null, new Date(t0.getTime() + 5 * mois))).toBe('avertir')
    expect(etapeInactivite(t0, new Date(t0.getTime() + 5 * mois), new Date(t0.getTime() + 6 * mois))).toBe(
      'desactiver',
    )
    expect(etapeInactivite(t0, null, new Date(t0.getTime() + mois))).toBe('rien')
  })
})
