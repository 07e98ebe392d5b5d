import { describe, expect, it } from 'vitest'
import { certificationAdmise, heures, joursDeSession, peutTerminer, placesRestantes } from './formation'

describe('règles de formation', () => {
  it('ne termine un parcours qu’avec toutes ses heures', () => {
    expect(peutTerminer(349 * 60, 350 * 60)).toBe(false)
    expect(peutTerminer(350 * 60, 350 * 60)).toBe(true)
  })
  it('n’admet que la certification prévue par le parcours', () => {
    expect(certificationAdmise('pix_ou_titre', 'pix')).toBe(true)
    expect(certificationAdmise('pix_ou_titre', 'titre')).toBe(true)
    expect(certificationAdmise('aucune', 'pix')).toBe(false)
    expect(certificationAdmise('titre', 'pix')).toBe(false)
  })
  it('compte les jours ouvrés d’une session et les places restantes', () => {
    expect(joursDeSession('2021-03-05', '2021-03-09')).toEqual(['2021-03-05', '2021-03-08', '2021-03-09'])
    expect(placesRestantes(12, 12)).toBe(0)
    expect(placesRestantes(12, 15)).toBe(0)
  })
  it('écrit les durées en heures (Aidants Connect : une journée et demie)', () => {
    expect(heures(630)).toBe('10 h 30')
    expect(heures(350 * 60)).toBe('350 h')
  })
})
