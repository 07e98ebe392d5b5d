import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { creerStructure } from '../../recrutement'

/** The commune fields of the activity form and the follow-up file: a name or a postal code, never an INSEE code. */

const aujourdhui = () => new Date().toISOString().slice(0, 10)
const aDomicile = (extra: Record<string, string>) => ({
  id: crypto.randomUUID(),
  type: 'individuel',
  date: aujourdhui(),
  duree: '30',
  lieu_type: 'domicile',
  themes: 'email',
  autonomie: 'partiel',
  ...extra,
})

async function lignes(t: AppDeTest, requete: string): Promise<Record<string, unknown>[]> {
  const { sql } = await import('drizzle-orm')
  const r = await t.base.db.execute(sql.raw(requete))
  return (r as unknown as { rows: Record<string, unknown>[] }).rows
}

describe.each(MOTEURS)('activités : communes par nom ou code postal (%s)', (moteur) => {
  let t: AppDeTest
  let ines: Navigateur
  beforeAll(async () => {
    t = await appDeTest(moteur)
    const gap = await creerStructure(t.base.db, {
      nom: 'Médiathèque de Gap',
      type: 'epci',
      codeCommune: '05061',
      codeDepartement: '05',
      codeRegion: '93',
    })
    ines = new Navigateur(t.app)
    await connecter(ines, t, await creerCompteTest(t.base, { habilitations: H.conseiller(gap.id) }))
  })
  afterAll(async () => t.fermer())

  it('le formulaire demande un nom ou un code postal, jamais un code INSEE', async () => {
    const r = await ines.get('/activites/nouvelle')
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain('name="commune_lieu_saisie"')
    expect(r.body).toContain('Nom ou code postal')
    expect(r.body).not.toContain('INSEE')
    expect(r.body).toMatch(/<script type="module" src="[^"]*commune[^"]*\.js"/)
  })

  it('un code postal partagé par plusieurs communes : la liste à choisir, rien d’écrit, puis le choix retenu', async () => {
    const avant = await lignes(t, 'select count(*)::int as n from activites')
    const a = aDomicile({ commune_lieu_saisie: '05000' })
    const r = await ines.post('/activites', a)
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain('Commune du domicile : plusieurs communes correspondent à « 05000 »')
    expect(r.body).toMatch(/type="radio"[^>]*name="commune_lieu"[^>]*value="05061"/)
    expect(r.body).toContain('La Freissinouse (05000)')
    expect(r.body).toContain('value="05000"')
    expect(await lignes(t, 'select count(*)::int as n from activites')).toEqual(avant)

    const ok = await ines.post('/activites', { ...a, commune_lieu: '05061' })
    expect(ok.statusCode).toBe(303)
    expect(await lignes(t, `select code_commune_lieu as c from activites where id = '${a.id}'`)).toEqual([
      { c: '05061' },
    ])
  })

  it('« 13003 » est Marseille 3e, jamais Alleins ; un texte inconnu est refusé en français', async () => {
    const a = aDomicile({ commune_lieu_saisie: '13003', commune_beneficiaire_saisie: 'Lyon 5e' })
    expect((await ines.post('/activites', a)).statusCode).toBe(303)
    expect(
      await lignes(
        t,
        `select code_commune_lieu as l, code_commune_beneficiaire as b from activites where id = '${a.id}'`,
      ),
    ).toEqual([{ l: '13055', b: '69123' }])

    const r = await ines.post('/activites', aDomicile({ commune_lieu_saisie: 'Zzyzx' }))
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain('aucune commune ne correspond à « Zzyzx »')
    expect(r.body).toContain('value="Zzyzx"')
  })

  it('la modification montre la commune par son nom', async () => {
    const a = aDomicile({ commune_lieu_saisie: 'Gap' })
    expect((await ines.post('/activites', a)).statusCode).toBe(303)
    const r = await ines.get(`/activites/${a.id}/modifier`)
    expect(r.body).toMatch(
      /name="commune_lieu_saisie"[^>]*value="Gap \(05000\)"|value="Gap \(05000\)"[^>]*name="commune_lieu_saisie"/,
    )
    expect(r.body).toMatch(/type="hidden" name="commune_lieu" value="05061"/)
  })

  it('fiche de suivi : code postal partagé, choix, puis la commune enregistrée', async () => {
    const fiche = { prenom: 'Josiane', tranche_age: '70_plus', situation: 'retraite', consentement: 'oui' }
    await ines.get('/activites/beneficiaires/nouveau')
    const avant = await lignes(t, 'select count(*)::int as n from activites_beneficiaires')
    const r = await ines.post('/activites/beneficiaires', { ...fiche, code_commune_saisie: '05000' })
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain('Commune de résidence : plusieurs communes correspondent à « 05000 »')
    expect(r.body).toMatch(/type="radio"[^>]*name="code_commune"[^>]*value="05061"/)
    expect(r.body).toContain('value="Josiane"')
    expect(await lignes(t, 'select count(*)::int as n from activites_beneficiaires')).toEqual(avant)

    const ok = await ines.post('/activites/beneficiaires', {
      ...fiche,
      code_commune_saisie: '05000',
      code_commune: '05061',
    })
    expect(ok.statusCode).toBe(303)
    const id = ok.headers.location!.split('/').pop()!
    expect(
      await lignes(t, `select code_commune as c from activites_beneficiaires where id = '${id}'`),
    ).toEqual([{ c: '05061' }])
  })
})
