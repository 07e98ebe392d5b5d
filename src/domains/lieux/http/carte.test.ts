import { afterAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest } from '../../../../tests/support/app'

/** The map's street background: configured source, CSP entry, and none at all with `aucune`. */
describe('carte des lieux : fond de plan', () => {
  const apps: AppDeTest[] = []
  afterAll(async () => Promise.all(apps.map((t) => t.fermer())))

  it('Plan IGN par défaut : l’îlot reçoit l’adresse des tuiles, la CSP autorise leurs images', async () => {
    const t = await appDeTest('pglite')
    apps.push(t)
    const r = await t.app.inject({ url: '/lieux/carte?q=Gap' })
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain('data-tuiles="https://data.geopf.fr/wmts?')
    expect(r.body).toContain('data-attribution="Plan IGN © IGN – Géoplateforme"')
    expect(r.body).toContain('data-fond="/lieux/fond-de-carte.json"')
    const csp = String(r.headers['content-security-policy'])
    expect(csp).toContain("img-src 'self' data: https://data.geopf.fr;")
    expect(csp).toContain("connect-src 'self'")
  })

  it('CARTE_TUILES=aucune : les contours seuls, aucune origine de plus', async () => {
    const t = await appDeTest('pglite', { CARTE_TUILES: 'aucune' })
    apps.push(t)
    const r = await t.app.inject({ url: '/lieux/carte?q=Gap' })
    expect(r.body).toContain('data-tuiles=""')
    expect(String(r.headers['content-security-policy'])).toContain("img-src 'self' data:;")
  })
})
