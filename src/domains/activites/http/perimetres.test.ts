import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { creerStructure } from '../../recrutement'

/**
 * Every role reads the figures of its own scope: a workshop of 8 people in Gap (05) and an individual
 * help in Marseille (13), both in région 93; each page shows the people accompanied it should count.
 */

const personnes = (corps: string) =>
  Number(
    /<p class="fr-h3 fr-mb-1v">([\d\s  ]+)<\/p>\s*<p class="fr-mb-0">Personnes accompagnées/
      .exec(corps)?.[1]
      ?.replace(/\s/g, '') ?? Number.NaN,
  )

describe.each(MOTEURS)('activités : chaque rôle voit les chiffres de son périmètre (%s)', (moteur) => {
  let t: AppDeTest
  const qui = new Map<string, Navigateur>()
  const ids = new Map<string, string>()
  let gap: { id: string }
  let marseille: { id: string }
  beforeAll(async () => {
    t = await appDeTest(moteur)
    gap = await creerStructure(t.base.db, {
      nom: 'Médiathèque de Gap',
      type: 'epci',
      codeCommune: '05061',
      codeDepartement: '05',
      codeRegion: '93',
    })
    marseille = await creerStructure(t.base.db, {
      nom: 'CCAS de Marseille',
      type: 'commune',
      codeCommune: '13055',
      codeDepartement: '13',
      codeRegion: '93',
    })
    const comptes = {
      ines: H.conseiller(gap.id),
      karim: H.conseiller(marseille.id),
      gestionnaireGap: H.gestionnaire(gap.id),
      prefecture05: H.prefecture('05'),
      prefecture13: H.prefecture('13'),
      coordinateur93: H.coordinateur('93'),
      admin: H.admin(),
    }
    for (const [nom, habilitations] of Object.entries(comptes)) {
      const n = new Navigateur(t.app)
      const compte = await creerCompteTest(t.base, { habilitations, totp: nom === 'admin' })
      await connecter(n, t, compte)
      qui.set(nom, n)
      ids.set(nom, compte.id)
    }
    const jour = new Date().toISOString().slice(0, 10)
    const ines = qui.get('ines')!
    await ines.get('/activites/nouvelle')
    const a = await ines.post('/activites', {
      id: crypto.randomUUID(),
      type: 'collectif',
      date: jour,
      duree: '90',
      lieu_type: 'lieu_activite',
      lieu_id: `structure:${gap.id}`,
      participants: '8',
      niveau: 'debutant',
      themes: 'equipement',
    })
    expect(a.statusCode).toBe(303)
    const karim = qui.get('karim')!
    await karim.get('/activites/nouvelle')
    const b = await karim.post('/activites', {
      id: crypto.randomUUID(),
      type: 'individuel',
      date: jour,
      duree: '30',
      lieu_type: 'distance',
      themes: 'email',
    })
    expect(b.statusCode).toBe(303)
  })
  afterAll(async () => t.fermer())

  const page = async (nom: string, territoire?: string) => {
    const r = await qui
      .get(nom)!
      .get(`/activites/statistiques${territoire ? `?territoire=${territoire}` : ''}`)
    return { statut: r.statusCode, personnes: r.statusCode === 200 ? personnes(r.body) : undefined }
  }

  it('conseiller, gestionnaire, préfecture, coordinateur et administration : le bon total par défaut', async () => {
    expect(await page('ines')).toEqual({ statut: 200, personnes: 8 })
    expect(await page('karim')).toEqual({ statut: 200, personnes: 1 })
    expect(await page('gestionnaireGap')).toEqual({ statut: 200, personnes: 8 })
    expect(await page('prefecture05')).toEqual({ statut: 200, personnes: 8 })
    expect(await page('prefecture13')).toEqual({ statut: 200, personnes: 1 })
    expect(await page('coordinateur93')).toEqual({ statut: 200, personnes: 9 })
    expect(await page('admin', 'national')).toEqual({ statut: 200, personnes: 9 })
  })

  it('dans son périmètre, un rôle descend d’un niveau ; hors de lui, 403', async () => {
    expect(await page('coordinateur93', 'departement:13')).toEqual({ statut: 200, personnes: 1 })
    expect(await page('admin', 'region:93')).toEqual({ statut: 200, personnes: 9 })
    expect(await page('admin', `structure:${gap.id}`)).toEqual({ statut: 200, personnes: 8 })
    expect(await page('prefecture13', `structure:${marseille.id}`)).toEqual({ statut: 200, personnes: 1 })
    expect((await page('gestionnaireGap', `structure:${marseille.id}`)).statut).toBe(403)
    expect((await page('gestionnaireGap', 'departement:05')).statut).toBe(403)
    expect((await page('prefecture05', 'departement:13')).statut).toBe(403)
    expect((await page('prefecture05', `structure:${marseille.id}`)).statut).toBe(403)
    expect((await page('coordinateur93', 'region:84')).statut).toBe(403)
    expect((await page('coordinateur93', 'national')).statut).toBe(403)
    expect((await page('ines', `structure:${gap.id}`)).statut).toBe(403)
  })

  it('un conseiller d’une autre structure est hors du périmètre d’un gestionnaire : 403, pas des zéros', async () => {
    const ines = `conseiller:${ids.get('ines')}`
    const karim = `conseiller:${ids.get('karim')}`
    expect(await page('gestionnaireGap', ines)).toEqual({ statut: 200, personnes: 8 })
    expect((await page('gestionnaireGap', karim)).statut).toBe(403)
    expect((await page('gestionnaireGap', `conseiller:${crypto.randomUUID()}`)).statut).toBe(403)
    expect(
      (await qui.get('gestionnaireGap')!.get(`/activites/statistiques.csv?territoire=${karim}`)).statusCode,
    ).toBe(403)
    expect((await page('ines', karim)).statut).toBe(403)
    expect((await page('prefecture13', karim)).statut).toBe(403)
    expect((await page('coordinateur93', karim)).statut).toBe(403)
    expect(await page('admin', karim)).toEqual({ statut: 200, personnes: 1 })
    // Not an account id: a wrong request, answered in French rather than by a database error.
    expect((await page('admin', 'conseiller:pas-un-identifiant')).statut).toBe(400)
  })

  it('les exports suivent le même périmètre', async () => {
    const csv = await qui.get('prefecture13')!.get('/activites/statistiques.csv')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(
      (await qui.get('prefecture13')!.get('/activites/statistiques.csv?territoire=departement:05'))
        .statusCode,
    ).toBe(403)
    expect(
      (
        await qui
          .get('gestionnaireGap')!
          .get(`/activites/statistiques.xlsx?territoire=structure:${marseille.id}`)
      ).statusCode,
    ).toBe(403)
  })
})
