import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { creerStructure } from '../../recrutement'

const uuid = () => crypto.randomUUID()
const aujourdhui = () => new Date().toISOString().slice(0, 10)

/** The usual case: an individual help in one of my places. */
const atelier = (lieu: string, extra: Record<string, string> = {}) => ({
  id: uuid(),
  type: 'collectif',
  date: aujourdhui(),
  duree: '90',
  lieu_type: 'lieu_activite',
  lieu_id: lieu,
  participants: '8',
  niveau: 'debutant',
  titre: 'Premiers pas sur la tablette',
  themes: 'equipement',
  materiels: 'tablette',
  age_70_plus: '5',
  orientation: 'aucune',
  ...extra,
})

async function compter(t: AppDeTest, table: string): Promise<number> {
  const { sql } = await import('drizzle-orm')
  const r = await t.base.db.execute(sql.raw(`select count(*)::int as n from ${table}`))
  return (r as unknown as { rows: { n: number }[] }).rows[0]!.n
}

describe.each(MOTEURS)('activités : saisie, liste, statistiques (%s)', (moteur) => {
  let t: AppDeTest
  let gap: { id: string }
  let marseille: { id: string }
  let ines: Navigateur
  let karim: Navigateur
  let lieuGap: string
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
    lieuGap = `structure:${gap.id}`
    ines = new Navigateur(t.app)
    await connecter(ines, t, await creerCompteTest(t.base, { habilitations: H.conseiller(gap.id) }))
    karim = new Navigateur(t.app)
    await connecter(karim, t, await creerCompteTest(t.base, { habilitations: H.conseiller(marseille.id) }))
  })
  afterAll(async () => t.fermer())

  it('un conseiller enregistre un atelier par le formulaire, le retrouve dans sa liste et ses statistiques', async () => {
    const page = await ines.get('/activites/nouvelle')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('name="id"')
    expect(page.body).toContain(`value="${lieuGap}"`)
    const r = await ines.post('/activites', atelier(lieuGap))
    expect(r.statusCode).toBe(303)
    expect(r.headers.location).toBe('/activites')
    const liste = await ines.get('/activites')
    expect(liste.body).toContain('Activité enregistrée.')
    expect(liste.body).toContain('Premiers pas sur la tablette')
    const stats = await ines.get('/activites/statistiques')
    expect(stats.statusCode).toBe(200)
    expect(stats.body).toMatch(/<p class="fr-h3 fr-mb-1v">8<\/p>\s*<p class="fr-mb-0">Personnes accompagnées/)
    expect(stats.body).toContain('<svg')
    expect(stats.body).toContain('<caption>Activités, personnes accompagnées et heures par mois</caption>')
  })

  it('refuse un formulaire sans thème (400, message qui nomme le champ, rien d’écrit) et garde les valeurs', async () => {
    const avant = await compter(t, 'activites')
    await ines.get('/activites/nouvelle')
    const r = await ines.post('/activites', atelier(lieuGap, { themes: '', titre: 'Atelier courriel' }))
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain('Thèmes : cochez au moins un thème.')
    expect(r.body).toContain('value="Atelier courriel"')
    expect(await compter(t, 'activites')).toBe(avant)
  })

  it('refuse un lieu qui n’est pas un des miens et une date future', async () => {
    await ines.get('/activites/nouvelle')
    const r = await ines.post('/activites', atelier(`structure:${marseille.id}`))
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain('Lieu : choisissez un de vos lieux d’activité.')
    await ines.get('/activites/nouvelle')
    const f = await ines.post('/activites', atelier(lieuGap, { date: '2099-01-01' }))
    expect(f.statusCode).toBe(400)
    expect(f.body).toContain('Date : l’activité ne peut pas être dans le futur.')
  })

  it('une synchronisation rejouée n’enregistre jamais deux fois (identifiant client)', async () => {
    await ines.get('/activites/nouvelle')
    const a = atelier(lieuGap, { titre: 'Atelier hors ligne' })
    const avant = await compter(t, 'activites')
    const envoyer = () =>
      t.app.inject({
        method: 'POST',
        url: '/activites/synchronisation',
        headers: {
          cookie: [...ines.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/json',
          'csrf-token': ines.dernierCsrf!,
        },
        payload: { activites: [a, { ...a, id: 'pas-un-uuid' }] },
      })
    const [r1, r2] = await Promise.all([envoyer(), envoyer()])
    const statuts = [r1, r2]
      .map((r) => (r.json() as { resultats: { statut: string }[] }).resultats[0]!.statut)
      .sort()
    expect(statuts).toEqual(['deja', 'enregistree'])
    expect((r1.json() as { resultats: { statut: string }[] }).resultats[1]!.statut).toBe('refusee')
    const r3 = await envoyer()
    expect((r3.json() as { resultats: { statut: string }[] }).resultats[0]!.statut).toBe('deja')
    expect(await compter(t, 'activites')).toBe(avant + 1)
    const sansCsrf = await t.app.inject({
      method: 'POST',
      url: '/activites/synchronisation',
      headers: {
        cookie: [...ines.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': 'application/json',
      },
      payload: { activites: [a] },
    })
    expect(sansCsrf.statusCode).toBe(403)
    const mauvaisCorps = await t.app.inject({
      method: 'POST',
      url: '/activites/synchronisation',
      headers: {
        cookie: [...ines.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': 'application/json',
        'csrf-token': ines.dernierCsrf!,
      },
      payload: { activites: 'non' },
    })
    expect(mauvaisCorps.statusCode).toBe(400)
    expect(mauvaisCorps.json()).toEqual({ erreur: 'activites : une liste de 1 à 50 activités est attendue.' })
  })

  it('modifie, duplique et supprime une activité, puis plus rien après 30 jours', async () => {
    await ines.get('/activites/nouvelle')
    const a = atelier(lieuGap, { titre: 'Atelier à modifier' })
    await ines.post('/activites', a)
    const form = await ines.get(`/activites/${a.id}/modifier`)
    expect(form.body).toContain('value="Atelier à modifier"')
    const m = await ines.post(`/activites/${a.id}`, { ...a, titre: 'Atelier modifié', participants: '10' })
    expect(m.statusCode).toBe(303)
    expect((await ines.get('/activites')).body).toContain('Atelier modifié')
    const dup = await ines.get(`/activites/${a.id}/dupliquer`)
    expect(dup.body).toContain('value="Atelier modifié"')
    expect(dup.body).not.toContain(`value="${a.id}"`)
    // Karim cannot touch Inès's activity.
    await karim.get('/activites')
    expect((await karim.post(`/activites/${a.id}/supprimer`)).statusCode).toBe(404)
    expect((await karim.get(`/activites/${a.id}/modifier`)).statusCode).toBe(404)
    expect((await ines.post(`/activites/${a.id}/supprimer`)).statusCode).toBe(303)
    expect((await ines.get('/activites')).body).not.toContain('Atelier modifié')
    // Recorded 31 days ago: neither editable nor deletable.
    const vieille = atelier(lieuGap, { titre: 'Atelier ancien' })
    await ines.post('/activites', vieille)
    const { sql } = await import('drizzle-orm')
    await t.base.db.execute(
      sql`update activites set cree_le = now() - interval '31 days' where id = ${vieille.id}`,
    )
    const liste = await ines.get('/activites')
    expect(liste.body).not.toContain(`/activites/${vieille.id}/modifier`)
    const tard = await ines.post(`/activites/${vieille.id}/supprimer`)
    expect(tard.statusCode).toBe(303)
    expect((await ines.get('/activites')).body).toContain('ne peut plus être modifiée ni supprimée')
    const modif = await ines.post(`/activites/${vieille.id}`, { ...vieille, titre: 'trop tard' })
    expect(modif.statusCode).toBe(422)
  })

  it('le calendrier montre les activités du mois', async () => {
    const r = await ines.get(`/activites/calendrier?mois=${aujourdhui().slice(0, 7)}`)
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain('Atelier collectif : Premiers pas sur la tablette')
  })

  it('fiche de suivi : accord obligatoire, activités, export, effacement', async () => {
    await ines.get('/activites/beneficiaires/nouveau')
    const refus = await ines.post('/activites/beneficiaires', {
      prenom: 'Josiane',
      tranche_age: '70_plus',
      situation: 'retraite',
    })
    expect(refus.statusCode).toBe(400)
    expect(refus.body).toContain('Accord de la personne : cochez la case')
    const ok = await ines.post('/activites/beneficiaires', {
      prenom: 'Josiane',
      tranche_age: '70_plus',
      situation: 'retraite',
      consentement: 'oui',
    })
    expect(ok.statusCode).toBe(303)
    const id = ok.headers.location!.split('/').pop()!
    await ines.get('/activites/nouvelle')
    const a = {
      id: uuid(),
      type: 'individuel',
      date: aujourdhui(),
      duree: '30',
      lieu_type: 'distance',
      themes: 'email',
      beneficiaire_id: id,
      autonomie: 'partiel',
    }
    expect((await ines.post('/activites', a)).statusCode).toBe(303)
    const fiche = await ines.get(`/activites/beneficiaires/${id}`)
    expect(fiche.body).toContain('Fiche de suivi : Josiane')
    expect(fiche.body).toContain('E-mail')
    const exp = await ines.get(`/activites/beneficiaires/${id}/export.json`)
    expect(exp.json()).toMatchObject({
      fiche: { prenom: 'Josiane' },
      activites: [{ type: 'individuel', themes: ['email'] }],
    })
    expect((await karim.get(`/activites/beneficiaires/${id}`)).statusCode).toBe(404)
    await ines.get(`/activites/beneficiaires/${id}`)
    expect((await ines.post(`/activites/beneficiaires/${id}/effacer`)).statusCode).toBe(303)
    expect((await ines.get(`/activites/beneficiaires/${id}`)).statusCode).toBe(404)
    expect((await ines.get('/activites')).body).toContain('E-mail')
  })

  it('exporte mes activités en CSV et les statistiques en CSV et XLSX', async () => {
    const csv = await ines.get('/activites/export.csv')
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body).toContain('Premiers pas sur la tablette')
    const s = await ines.get('/activites/statistiques.csv?du=2024-01&au=2099-12')
    expect(s.statusCode).toBe(400)
    const s2 = await ines.get(
      `/activites/statistiques.csv?du=${aujourdhui().slice(0, 7)}&au=${aujourdhui().slice(0, 7)}`,
    )
    expect(s2.statusCode).toBe(200)
    expect(s2.body).toContain('repartition;type;collectif;Atelier collectif;')
    expect(s2.body.startsWith('\ufeff')).toBe(true)
    const mois = aujourdhui().slice(0, 7)
    const standard = await ines.get(`/activites/statistiques.csv?du=${mois}&au=${mois}&format=csv-standard`)
    expect(standard.statusCode).toBe(200)
    expect(standard.body.startsWith('\ufeff')).toBe(false)
    expect(standard.body).toContain('repartition,type,collectif,Atelier collectif,')
    const csvStandard = await ines.get('/activites/export.csv?format=csv-standard')
    expect(csvStandard.body.split('\n')[0]).toBe(
      csv.body.split('\n')[0]?.replace('\ufeff', '').replaceAll(';', ','),
    )
    const x = await t.app.inject({
      method: 'GET',
      url: '/activites/statistiques.xlsx',
      headers: { cookie: [...ines.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    })
    expect(x.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Chiffres clés', 'Par mois', 'Répartitions'])
    expect(String(wb.getWorksheet('Chiffres clés')!.getRow(4).getCell(1).value)).toBe(
      'Personnes accompagnées',
    )
  })

  it('la préfecture voit son département et pas un autre ; l’open data masque les petits nombres', async () => {
    await karim.get('/activites/nouvelle')
    await karim.post(
      '/activites',
      atelier(`structure:${marseille.id}`, { participants: '3', age_70_plus: '' }),
    )
    const pref = new Navigateur(t.app)
    await connecter(pref, t, await creerCompteTest(t.base, { habilitations: H.prefecture('13') }))
    const r = await pref.get('/activites/statistiques')
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain('Statistiques du département 13 — Bouches-du-Rhône')
    expect(r.body).toMatch(/<p class="fr-h3 fr-mb-1v">3<\/p>\s*<p class="fr-mb-0">Personnes accompagnées/)
    expect((await pref.get('/activites/statistiques?territoire=departement:05')).statusCode).toBe(403)
    expect((await pref.get('/activites/statistiques?territoire=national')).statusCode).toBe(403)
    expect((await pref.get(`/activites/statistiques?territoire=structure:${gap.id}`)).statusCode).toBe(403)
    expect((await pref.get(`/activites/statistiques?territoire=structure:${marseille.id}`)).statusCode).toBe(
      200,
    )
    const refuse = await pref.get('/activites/statistiques?territoire=n%27importe')
    expect(refuse.statusCode).toBe(400)
    // The refused filter's summary takes the focus, without JavaScript, like every refused form.
    expect(refuse.body).toMatch(
      /<div class="fr-alert fr-alert--error[^"]*"[^>]*id="resume-erreurs"[^>]*autofocus/,
    )
    expect(refuse.body).toContain('Territoire : choisissez dans la liste.')
    const periode = await pref.get('/activites/statistiques?du=2025-13')
    expect(periode.statusCode).toBe(400)
    expect(periode.body).toMatch(/id="resume-erreurs"[^>]*autofocus/)
    expect(periode.body).toContain('href="#du"')

    const api = await t.app.inject({ method: 'GET', url: '/api/v1/statistiques?territoire=departement:13' })
    expect(api.statusCode).toBe(200)
    const j = api.json() as {
      seuil_k_anonymat: number
      totaux: { personnes: number | null }
      repartitions: { type: { valeur: string; activites: number | null }[] }
    }
    expect(j.seuil_k_anonymat).toBe(5)
    expect(j.totaux.personnes).toBeNull()
    const national = (await t.app.inject({ method: 'GET', url: '/api/v1/statistiques' })).json() as {
      totaux: { personnes: number | null }
    }
    expect(national.totaux.personnes).toBeGreaterThanOrEqual(5)
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/statistiques?territoire=structure:x' })).statusCode,
    ).toBe(400)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/statistiques?du=2025-13' })).statusCode).toBe(
      400,
    )
    const pub = await t.app.inject({ method: 'GET', url: '/statistiques?territoire=departement:13' })
    expect(pub.statusCode).toBe(200)
    expect(pub.body).toContain('secret')
    expect(pub.body).toContain('Secret statistique')
  })

  it('sert le service worker à une adresse stable', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/activites/sw.js' })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toContain('javascript')
    expect(r.headers['service-worker-allowed']).toBe('/activites/')
  })
})
