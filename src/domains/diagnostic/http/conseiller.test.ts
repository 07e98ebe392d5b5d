import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { resultatsDiagnosticDeLaFiche } from '..'
import { diagnosticBeneficiaires, diagnosticPassations, diagnosticReponses } from '../db/schema'

const etapeDe = (html: string) => /name="etape" value="([^"]+)"/.exec(html)?.[1]
const QUESTIONS: Record<string, string> = {
  equipement: 'ordinateur',
  internet: 'oui',
  lecture: 'facile',
  confiance: 'moyen',
  demarche: 'non',
}

describe.each(MOTEURS)('côté conseiller (%s)', (moteur) => {
  let t: AppDeTest
  beforeEach(async () => {
    t = await appDeTest(moteur)
  })
  afterEach(async () => t.fermer())

  const conseiller = async (structure: string) => {
    const n = new Navigateur(t.app)
    await connecter(n, t, await creerCompteTest(t.base, { habilitations: H.conseiller(structure) }))
    return n
  }
  const creerCode = async (n: Navigateur, libelle = 'Atelier du mardi') => {
    await n.get('/diagnostic/sessions')
    const r = await n.post('/diagnostic/sessions', { libelle })
    expect(r.statusCode).toBe(303)
    const code = /\/diagnostic\/sessions\/([A-Z0-9]+)$/.exec(r.headers.location as string)![1]!
    return code
  }
  /** The person's side: joins with the code as typed on a phone, then answers until the end. */
  const rejoindre = async (code: string) => {
    const p = new Navigateur(t.app)
    await p.get('/diagnostic/code')
    const saisie = `${code.slice(0, 3).toLowerCase()} ${code.slice(3, 6)} ${code.slice(6)}`
    const r = await p.post('/diagnostic/code', { code: saisie })
    expect(r.headers.location).toBe('/diagnostic/etape')
    return p
  }
  const finir = async (p: Navigateur, reussir: boolean) => {
    for (let i = 0; i < 20; i++) {
      const etape = etapeDe((await p.get('/diagnostic/etape')).body)
      if (!etape) return
      const q = QUESTIONS[etape]
      await p.post(
        '/diagnostic/etape',
        q
          ? { etape, choix: q }
          : reussir
            ? { etape, termine: 'oui', choix: 'a14' }
            : { etape, termine: 'non' },
      )
    }
  }

  it('crée un code, la personne le rejoint et le conseiller suit en direct', async () => {
    const c = await conseiller('s-a')
    const code = await creerCode(c)
    expect(code).toMatch(/^[A-HJKMNP-Z]{6}[2-9]{3}$/)
    const page = await c.get(`/diagnostic/sessions/${code}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<svg')
    expect(page.body).toContain(`/diagnostic/code?code=${code}`)
    expect(page.body).toContain('Personne n’a encore rejoint')

    const p = await rejoindre(code)
    await p.get('/diagnostic/etape')
    await p.post('/diagnostic/etape', { etape: 'equipement', choix: 'smartphone' })
    await p.get('/diagnostic/etape')
    const suivi = await c.get(`/diagnostic/sessions/${code}/suivi`)
    expect(suivi.statusCode).toBe(200)
    expect(suivi.body).toContain('Personne 1')
    expect(suivi.body).toContain('Avez-vous internet chez vous ?')
    expect(suivi.body).toContain('1 faites')
  })

  it('mode accompagné : le conseiller répond et marque « observé », la page de la personne suit', async () => {
    const c = await conseiller('s-a')
    const code = await creerCode(c)
    // The person is there with their phone, the conseiller marks what they see.
    const p = await rejoindre(code)
    await p.get('/diagnostic/etape')
    const [passation] = await t.base.db.select().from(diagnosticPassations)
    const url = `/diagnostic/passations/${passation!.id}`
    for (let i = 0; i < 20; i++) {
      const page = await c.get(url)
      const etape = etapeDe(page.body)
      if (!etape) break
      const avant = (await (await p.get('/diagnostic/etat')).json()) as { etape: string }
      expect(avant.etape).toBe(etape)
      const q = QUESTIONS[etape]
      const r = await c.post(`${url}/etape`, q ? { etape, choix: q } : { etape, observe: 'reussi' })
      expect(r.statusCode, etape).toBe(303)
    }
    expect(((await (await p.get('/diagnostic/etat')).json()) as { etape: string }).etape).toBe('fin')
    const reponses = await t.base.db.select().from(diagnosticReponses)
    expect(reponses.filter((r) => r.source === 'conseiller')).toHaveLength(reponses.length)
    const detail = await c.get(url)
    expect(detail.body).toContain('Réussi (observé)')
    expect(detail.body).toContain('déduit, pas posé')
    expect(detail.body).toContain('Toutes les compétences sont positionnées')
  })

  it('garde le résultat dans un dossier seulement avec l’accord, puis montre les progrès d’un nouveau test', async () => {
    const c = await conseiller('s-a')
    const code = await creerCode(c)
    const p = await rejoindre(code)
    await finir(p, false)
    const [passation] = await t.base.db.select().from(diagnosticPassations)
    const url = `/diagnostic/passations/${passation!.id}`
    await c.get(url)
    const sansAccord = await c.post(`${url}/dossier`, { reference: 'BEN-014' })
    expect(sansAccord.statusCode).toBe(422)
    expect(sansAccord.body).toContain('la personne doit être d’accord')
    expect(await t.base.db.select().from(diagnosticBeneficiaires)).toHaveLength(0)
    const nom = await c.post(`${url}/dossier`, { reference: '<Rose>', accord: 'oui' })
    expect(nom.statusCode).toBe(422)

    // The person agrees on their own screen.
    await p.get('/diagnostic/resultat')
    expect((await p.post('/diagnostic/resultat/consentement')).statusCode).toBe(303)
    await c.get(url)
    const garde = await c.post(`${url}/dossier`, { reference: 'BEN-014' })
    expect(garde.statusCode).toBe(303)
    const [b] = await t.base.db.select().from(diagnosticBeneficiaires)
    expect(b).toMatchObject({ reference: 'BEN-014', structureCode: 's-a' })

    // Re-test later: a new code bound to the record; the result joins it, with the person's consent.
    t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + 5 * 60_000)
    await c.get(`/diagnostic/beneficiaires/${b!.id}`)
    const retest = await c.post(`/diagnostic/beneficiaires/${b!.id}/retest`)
    const code2 = /([A-Z0-9]{9})$/.exec(retest.headers.location as string)![1]!
    const p2 = await rejoindre(code2)
    await finir(p2, true)
    const deuxieme = (await t.base.db.select().from(diagnosticPassations)).find(
      (x) => x.id !== passation!.id,
    )!
    await c.get(`/diagnostic/passations/${deuxieme.id}`)
    const r2 = await c.post(`/diagnostic/passations/${deuxieme.id}/dossier`, { reference: '', accord: 'oui' })
    expect(r2.statusCode).toBe(303)
    const progres = await c.get(`/diagnostic/beneficiaires/${b!.id}`)
    expect(progres.body).toContain('Progrès par compétence')
    expect(progres.body).toContain('0 / 3')
    expect(progres.body).toContain('3 / 3')
    expect(progres.body).toContain('+3')

    const csv = await c.get('/diagnostic/export.csv')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    const lignes = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
    expect(lignes[0]).toContain('reference_beneficiaire')
    expect(lignes).toHaveLength(3)
    expect(lignes.filter((l) => l.includes('BEN-014'))).toHaveLength(2)
  })

  it('rattache un dossier à une fiche de suivi de « Mes activités », qui reçoit alors ses diagnostics gardés', async () => {
    const c = await conseiller('s-a')
    const autre = await conseiller('s-b')
    const code = await creerCode(c)
    const p = await rejoindre(code)
    await finir(p, false)
    await p.get('/diagnostic/resultat')
    await p.post('/diagnostic/resultat/consentement')
    const [passation] = await t.base.db.select().from(diagnosticPassations)
    await c.get(`/diagnostic/passations/${passation!.id}`)
    await c.post(`/diagnostic/passations/${passation!.id}/dossier`, { reference: 'BEN-020' })
    const [b] = await t.base.db.select().from(diagnosticBeneficiaires)

    // The follow-up file, created by the same conseiller in the activities domain.
    await c.get('/activites/beneficiaires/nouveau')
    const fiche = await c.post('/activites/beneficiaires', {
      prenom: 'Rose',
      tranche_age: '60_69',
      situation: 'retraite',
      consentement: 'oui',
    })
    expect(fiche.statusCode).toBe(303)
    const ficheId = /\/activites\/beneficiaires\/([0-9a-f-]{36})$/.exec(fiche.headers.location as string)![1]!
    expect(await resultatsDiagnosticDeLaFiche(t.base.db, ficheId)).toEqual([])

    const page = await c.get(`/diagnostic/beneficiaires/${b!.id}`)
    expect(page.body).toContain('Adresse de la fiche de suivi')
    const faux = await c.post(`/diagnostic/beneficiaires/${b!.id}/fiche`, { fiche: 'Rose Martin' })
    expect(faux.statusCode).toBe(400)
    expect(faux.body).toContain('Collez l’adresse de la fiche de suivi')
    expect(faux.body).toContain('value="Rose Martin"')
    expect((await t.base.db.select().from(diagnosticBeneficiaires))[0]?.ficheSuiviId).toBeNull()
    await autre.get('/diagnostic/sessions')
    const ailleurs = await autre.post(`/diagnostic/beneficiaires/${b!.id}/fiche`, { fiche: ficheId })
    expect(ailleurs.statusCode).toBe(404)

    await c.get(`/diagnostic/beneficiaires/${b!.id}`)
    const lie = await c.post(`/diagnostic/beneficiaires/${b!.id}/fiche`, {
      fiche: `http://127.0.0.1:3000/activites/beneficiaires/${ficheId}`,
    })
    expect(lie.statusCode).toBe(303)
    expect((await c.get(`/diagnostic/beneficiaires/${b!.id}`)).body).toContain(
      `href="/activites/beneficiaires/${ficheId}"`,
    )
    const resultats = await resultatsDiagnosticDeLaFiche(t.base.db, ficheId)
    expect(resultats).toHaveLength(1)
    expect(resultats[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(resultats[0]!.resume).toContain('souris 0/3')
    expect(resultats[0]!.resume).toContain('débutant')
    expect(resultats[0]!.resume).toContain('Orientations : ')
    // Another file, or a malformed id, sees nothing.
    expect(await resultatsDiagnosticDeLaFiche(t.base.db, crypto.randomUUID())).toEqual([])
    expect(await resultatsDiagnosticDeLaFiche(t.base.db, 'pas-un-uuid')).toEqual([])

    await c.get(`/diagnostic/beneficiaires/${b!.id}`)
    expect((await c.post(`/diagnostic/beneficiaires/${b!.id}/fiche`, { fiche: '' })).statusCode).toBe(303)
    expect(await resultatsDiagnosticDeLaFiche(t.base.db, ficheId)).toEqual([])
  })

  it('un conseiller ne voit rien d’une autre structure', async () => {
    const a = await conseiller('s-a')
    const b = await conseiller('s-b')
    const code = await creerCode(a)
    const p = await rejoindre(code)
    await finir(p, true)
    const [passation] = await t.base.db.select().from(diagnosticPassations)
    await p.get('/diagnostic/resultat')
    await p.post('/diagnostic/resultat/consentement')
    await a.get(`/diagnostic/passations/${passation!.id}`)
    await a.post(`/diagnostic/passations/${passation!.id}/dossier`, { reference: 'BEN-A' })
    const [ben] = await t.base.db.select().from(diagnosticBeneficiaires)

    expect((await b.get(`/diagnostic/sessions/${code}`)).statusCode).toBe(404)
    expect((await b.get(`/diagnostic/sessions/${code}/suivi`)).statusCode).toBe(404)
    expect((await b.get(`/diagnostic/passations/${passation!.id}`)).statusCode).toBe(404)
    expect((await b.get(`/diagnostic/beneficiaires/${ben!.id}`)).statusCode).toBe(404)
    await b.get('/diagnostic/sessions')
    expect(
      (await b.post(`/diagnostic/passations/${passation!.id}/etape`, { etape: 'cliquer', observe: 'reussi' }))
        .statusCode,
    ).toBe(404)
    expect((await b.post(`/diagnostic/beneficiaires/${ben!.id}/retest`)).statusCode).toBe(404)
    expect((await b.post(`/diagnostic/sessions/${code}/accompagne`)).statusCode).toBe(404)
    const liste = await b.get('/diagnostic/sessions')
    expect(liste.body).not.toContain(code)
    expect((await b.get('/diagnostic/beneficiaires')).body).not.toContain('BEN-A')
    const csv = await b.get('/diagnostic/export.csv')
    expect(
      csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toHaveLength(1)
  })

  it('échappe le nom de séance saisi par le conseiller', async () => {
    const c = await conseiller('s-a')
    const code = await creerCode(c, '<img src=x onerror=alert(1)>')
    for (const url of ['/diagnostic/sessions', `/diagnostic/sessions/${code}`]) {
      const r = await c.get(url)
      expect(r.body).not.toContain('<img src=x')
      expect(r.body).toContain('&lt;img src=x')
    }
  })

  it('un code expiré ne s’ouvre plus', async () => {
    const c = await conseiller('s-a')
    const code = await creerCode(c)
    t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + 8 * 24 * 3600_000)
    const p = new Navigateur(t.app)
    await p.get('/diagnostic/code')
    expect((await p.post('/diagnostic/code', { code })).statusCode).toBe(422)
  })
})
