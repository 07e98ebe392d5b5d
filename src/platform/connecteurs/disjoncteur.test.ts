import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { creerDisjoncteur } from './disjoncteur'

function avecHorloge(seuil = 3, reouvertureMs = 1000) {
  let t = 0
  const d = creerDisjoncteur({ seuil, reouvertureMs, horloge: () => new Date(t) })
  return { d, avancer: (ms: number) => (t += ms) }
}

describe('disjoncteur', () => {
  it('reste fermé sous le seuil, un succès remet le compte à zéro', () => {
    const { d } = avecHorloge()
    d.echec()
    d.echec()
    d.succes()
    d.echec()
    d.echec()
    expect(d.etat()).toBe('ferme')
    d.echec()
    expect(d.etat()).toBe('ouvert')
    expect(d.autoriser()).toEqual({ autorise: false })
  })

  it('passe demi-ouvert après le délai, laisse un seul essai à la fois', () => {
    const { d, avancer } = avecHorloge(1, 1000)
    d.echec()
    avancer(999)
    expect(d.etat()).toBe('ouvert')
    avancer(1)
    expect(d.etat()).toBe('demi-ouvert')
    expect(d.autoriser()).toEqual({ autorise: true, essai: true })
    expect(d.autoriser()).toEqual({ autorise: false })
    d.echec()
    expect(d.etat()).toBe('ouvert')
    avancer(1000)
    expect(d.autoriser()).toEqual({ autorise: true, essai: true })
    d.succes()
    expect(d.etat()).toBe('ferme')
    expect(d.autoriser()).toEqual({ autorise: true, essai: false })
  })

  it('propriété : ouvert exactement quand les derniers échecs consécutifs atteignent le seuil (sans délai)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.boolean(), { maxLength: 40 }),
        (seuil, suite) => {
          const { d } = avecHorloge(seuil, 1e9)
          let consecutifs = 0
          let ouvert = false
          for (const reussi of suite) {
            if (!d.autoriser().autorise) {
              expect(ouvert).toBe(true)
              continue
            }
            if (reussi) d.succes()
            else d.echec()
            consecutifs = reussi ? 0 : consecutifs + 1
            ouvert = consecutifs >= seuil
            expect(d.etat()).toBe(ouvert ? 'ouvert' : 'ferme')
          }
        },
      ),
    )
  })
})
