import { describe, expect, it } from 'vitest'
import { INACTIVITE_MINUTES } from '../../domains/diagnostic/domain/retention'
import { DUREE_PAGE_GARDEE_MS } from './copie-locale'

describe('page gardée par le service worker du diagnostic', () => {
  it('ne sert pas une page d’un test arrêté par R4', () => {
    expect(DUREE_PAGE_GARDEE_MS).toBe(INACTIVITE_MINUTES * 60_000)
  })
})
