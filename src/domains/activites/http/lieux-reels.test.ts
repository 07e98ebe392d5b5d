import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { seedLieux } from '../../lieux'
import { creerStructure } from '../../recrutement'

/**
 * The app wiring (src/app.ts) with the real `lieux` and `recrutement` domains: a structure that
 * manages places in `lieux` records activities in those places, not in its premises, and the form
 * suggests the nearest France Services found by `lieux`.
 */
describe.each(MOTEURS)('activités avec les vrais lieux et structures (%s)', (moteur) => {
  let t: AppDeTest
  let gap: { id: string }
  let ines: Navigateur
  let lieuxDeGap: { id: string; nom: string }[]
  beforeAll(async () => {
    t = await appDeTest(moteur)
    gap = await creerStructure(t.base.db, {
      nom: 'Médiathèque de Gap',
      type: 'epci',
      codeCommune: '05061',
      codeDepartement: '05',
      codeRegion: '93',
    })
    // The demonstration places of PACA and the France Services; those of Gap (05000) go to the structure.
    await seedLieux(t.base.db, { structureGap: gap.id })
    ines = new Navigateur(t.app)
    await connecter(ines, t, await creerCompteTest(t.base, { habilitations: H.conseiller(gap.id) }))
    const page = await ines.get('/activites/nouvelle')
    const select = /<select[^>]*name="lieu_id"[\s\S]*?<\/select>/.exec(page.body)?.[0] ?? ''
    lieuxDeGap = [...select.matchAll(/<option value="([^"]+)"[^>]*>([^<]+)<\/option>/g)]
      .map((m) => ({ id: m[1]!, nom: m[2]! }))
      .filter((l) => l.id !== '')
  }, 240_000)
  afterAll(async () => t.fermer())

  it('le formulaire propose les lieux que la structure gère dans `lieux`, pas ses locaux', async () => {
    expect(lieuxDeGap.length).toBeGreaterThan(0)
    expect(lieuxDeGap.every((l) => !l.id.startsWith('structure:'))).toBe(true)
  })

  it('enregistre une activité dans un de ces lieux, avec son nom ; refuse les locaux de la structure', async () => {
    const lieu = lieuxDeGap[0]!
    const id = crypto.randomUUID()
    const r = await ines.post('/activites', {
      id,
      type: 'individuel',
      date: new Date().toISOString().slice(0, 10),
      duree: '30',
      lieu_type: 'lieu_activite',
      lieu_id: lieu.id,
      themes: 'email',
      orientation: 'aucune',
    })
    expect(r.statusCode).toBe(303)
    const modifier = await ines.get(`/activites/${id}/modifier`)
    expect(modifier.statusCode).toBe(200)
    expect(modifier.body).toContain(`value="${lieu.id}" selected`)

    await ines.get('/activites/nouvelle')
    const locaux = await ines.post('/activites', {
      id: crypto.randomUUID(),
      type: 'individuel',
      date: new Date().toISOString().slice(0, 10),
      duree: '30',
      lieu_type: 'lieu_activite',
      lieu_id: `structure:${gap.id}`,
      themes: 'email',
    })
    expect(locaux.statusCode).toBe(400)
    expect(locaux.body).toContain('Lieu : choisissez un de vos lieux d’activité.')
  })

  it('suggère la France Services la plus proche de la structure, trouvée par `lieux`', async () => {
    const page = await ines.get('/activites/nouvelle')
    expect(page.body).toMatch(/France Services la plus proche : [^<]+/)
    const id = /name="france_services_id" value="([^"]+)"/.exec(page.body)?.[1]
    expect(id).toBeTruthy()
  })
})
