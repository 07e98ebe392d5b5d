import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest } from '../../../../tests/support/app'

/** `GET /api/v1/communes?q=`, the fixed entry point of the commune field (issue 17). */
describe('API des communes', () => {
  let t: AppDeTest
  beforeAll(async () => {
    t = await appDeTest('pglite')
  })
  afterAll(async () => t.fermer())

  const communes = async (q: string) => {
    const r = await t.app.inject({ url: `/api/v1/communes?q=${encodeURIComponent(q)}` })
    expect(r.statusCode).toBe(200)
    return (
      r.json() as { communes: { code: string; nom: string; libelle: string; codesPostaux: string[] }[] }
    ).communes
  }

  it('lit un code postal comme la Poste, jamais comme un code INSEE', async () => {
    const r = await communes('13003')
    expect(r.map((c) => [c.code, c.nom, c.libelle])).toEqual([['13055', 'Marseille', 'Marseille (13003)']])
    const gap = await communes('05000')
    expect(gap.length).toBeGreaterThan(1)
    expect(gap[0]).toMatchObject({
      code: '05061',
      nom: 'Gap',
      departement: '05',
      nomDepartement: 'Hautes-Alpes',
    })
    for (const c of gap) expect(c.codesPostaux).toContain('05000')
  })

  it('donne 20 communes au plus, le nom exact d’abord', async () => {
    const r = await communes('saint')
    expect(r).toHaveLength(20)
    const sd = await communes('Saint-Denis')
    expect(sd.slice(0, 2).map((c) => c.code)).toEqual(['97411', '93066'])
    expect(sd.findIndex((c) => c.nom !== 'Saint-Denis')).toBeGreaterThan(2)
    expect(await communes('Zzyzx')).toEqual([])
    expect((await t.app.inject({ url: '/api/v1/communes' })).json()).toEqual({ communes: [] })
  })

  it('est documentée dans l’OpenAPI', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json() as {
      paths: Record<string, { get?: { description?: string } }>
    }
    expect(doc.paths['/api/v1/communes']?.get?.description).toContain('20 au plus')
  })
})
