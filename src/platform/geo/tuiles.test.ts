import { describe, expect, it } from 'vitest'
import { lireTuiles, origineDesTuiles, TUILES_PLAN_IGN } from './tuiles'

describe('fond de carte', () => {
  it('prend le Plan IGN de la Géoplateforme par défaut, rien avec « aucune »', () => {
    expect(lireTuiles(undefined, undefined)).toBe(TUILES_PLAN_IGN)
    expect(TUILES_PLAN_IGN.url).toContain('LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2')
    expect(origineDesTuiles(TUILES_PLAN_IGN)).toBe('https://data.geopf.fr')
    expect(lireTuiles('aucune', undefined)).toBeUndefined()
    expect(origineDesTuiles(undefined)).toBeUndefined()
  })

  it('accepte une autre source avec {z}, {x} et {y}, refuse le reste', () => {
    const t = lireTuiles('http://127.0.0.1:8080/t/{z}/{x}/{y}.png', 'Mes tuiles')
    expect(t).toEqual({ url: 'http://127.0.0.1:8080/t/{z}/{x}/{y}.png', attribution: 'Mes tuiles' })
    expect(origineDesTuiles(t as never)).toBe('http://127.0.0.1:8080')
    expect(typeof lireTuiles('http://x/{z}/{x}.png', undefined)).toBe('string')
    expect(typeof lireTuiles('javascript:alert(1)/{z}{x}{y}', undefined)).toBe('string')
  })
})
