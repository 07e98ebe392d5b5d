import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  type AppDeTest,
  appDeTest,
  connecter,
  creerCompteTest,
  H,
  MOT_DE_PASSE_TEST,
} from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { journalAdmin } from '../../../platform/journal/schema'
import { outboxMessages } from '../../../platform/outbox/schema'

describe.each(MOTEURS)('back-office des comptes (%s)', (moteur) => {
  let t: AppDeTest
  let admin: Navigateur
  let adminId: string
  beforeEach(async () => {
    t = await appDeTest(moteur)
    const a = await creerCompteTest(t.base, { habilitations: H.admin(), totp: true })
    adminId = a.id
    admin = new Navigateur(t.app)
    await connecter(admin, t, a)
  })
  afterEach(async () => t.fermer())

  it('cherche les comptes par nom ou e-mail, filtre par rôle et pagine', async () => {
    for (let i = 0; i < 23; i++)
      await creerCompteTest(t.base, {
        habilitations: H.conseiller('s1'),
        email: `conseiller${String(i).padStart(2, '0')}@exemple.fr`,
      })
    await creerCompteTest(t.base, { habilitations: H.prefecture('13'), email: 'pref@exemple.fr' })
    const p1 = await admin.get('/admin/comptes?role=conseiller')
    expect(p1.body).toContain('23 comptes')
    expect(p1.body).toMatch(/href="\/admin\/comptes\?role=conseiller&(amp;)?page=2"/)
    const p2 = await admin.get('/admin/comptes?role=conseiller&page=2')
    expect((p2.body.match(/@exemple\.fr/g) ?? []).length).toBe(3)
    const recherche = await admin.get('/admin/comptes?q=PREF')
    expect(recherche.body).toContain('pref@exemple.fr')
    expect(recherche.body).not.toContain('conseiller00@exemple.fr')
    const vide = await admin.get('/admin/comptes?q=personne-inexistante')
    expect(vide.body).toContain('Aucun compte ne correspond')
  })

  it('invite une personne, qui active son compte avec le lien puis se connecte', async () => {
    await admin.get('/equipe/inviter')
    const r = await admin.post('/equipe/inviter', {
      prenom: 'Jeanne',
      nom: 'Roche',
      email: 'jeanne.roche@exemple.fr',
      role: 'prefecture',
      portee: 'departement:84',
    })
    expect(r.statusCode).toBe(303)
    const [m] = await t.base.db.select().from(outboxMessages)
    expect(m!.destinataire).toBe('jeanne.roche@exemple.fr')
    expect(m!.texte).toContain('« Préfecture » (84 — Vaucluse)')
    const chemin = /\/invitation\/[A-Za-z0-9_-]+/.exec(m!.texte)![0]
    const invitee = new Navigateur(t.app)
    expect(
      (
        await invitee.soumettre('/connexion', '/connexion', {
          email: 'jeanne.roche@exemple.fr',
          mot_de_passe: MOT_DE_PASSE_TEST,
        })
      ).statusCode,
    ).toBe(401)
    const active = await invitee.soumettre(chemin, chemin, {
      mot_de_passe: 'ma phrase de passe à moi',
      confirmation: 'ma phrase de passe à moi',
    })
    expect(active.headers.location).toBe('/espace')
    const espace = await invitee.get('/espace')
    expect(espace.body).toContain('Votre compte est activé.')
    expect(espace.body).toContain('84 — Vaucluse')
    expect((await new Navigateur(t.app).get(chemin)).statusCode).toBe(410)
    // Even with a valid form token from another page, a used link stays dead.
    const autre = new Navigateur(t.app)
    await autre.get('/connexion')
    const rejoue = await autre.post(chemin, {
      mot_de_passe: 'encore une autre phrase',
      confirmation: 'encore une autre phrase',
    })
    expect(rejoue.statusCode).toBe(410)
    const journal = await t.base.db.select().from(journalAdmin)
    expect(journal.map((j) => j.action)).toEqual(['invitation'])
    expect(journal[0]!.acteurId).toBe(adminId)
  })

  it('refuse une invitation incomplète avec les erreurs par champ et les valeurs gardées', async () => {
    await admin.get('/equipe/inviter')
    const r = await admin.post('/equipe/inviter', {
      prenom: 'Jeanne',
      nom: '',
      email: 'pas-un-email',
      role: '',
      portee: '',
    })
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain('<title>Erreur : Inviter une personne — Escale</title>')
    expect(r.body).toContain('Saisissez le nom.')
    expect(r.body).toContain('Saisissez une adresse e-mail valide')
    expect(r.body).toContain('value="Jeanne"')
    expect(r.body).toContain('href="#nom"')
    expect(await t.base.db.select().from(outboxMessages)).toHaveLength(0)
  })

  it('ajoute et retire un rôle, désactive un compte et ferme ses sessions, le tout journalisé', async () => {
    const c = await creerCompteTest(t.base, { habilitations: H.conseiller('s1') })
    const sa = new Navigateur(t.app)
    await connecter(sa, t, c)
    await admin.get(`/admin/comptes/${c.id}`)
    const ajout = await admin.post(`/admin/comptes/${c.id}/roles`, {
      role: 'coordinateur',
      portee: 'region:93',
    })
    expect(ajout.statusCode).toBe(303)
    const fiche = await admin.get(`/admin/comptes/${c.id}`)
    expect(fiche.body).toContain('value="coordinateur|region:93"')
    const incoherent = await admin.post(`/admin/comptes/${c.id}/roles`, {
      role: 'prefecture',
      portee: 'region:93',
    })
    expect(incoherent.statusCode).toBe(400)
    // The focus goes to the list of what to fix, as on every refused form.
    expect(incoherent.body).toMatch(/<div[^>]*id="resume-erreurs"[^>]*autofocus/)
    expect(incoherent.body).toMatch(/<a href="#portee">/)
    await admin.get(`/admin/comptes/${c.id}`)
    await admin.post(`/admin/comptes/${c.id}/roles/retirer`, { cle: 'coordinateur|region:93' })
    expect((await admin.get(`/admin/comptes/${c.id}`)).body).not.toContain('value="coordinateur|region:93"')
    expect((await sa.get('/espace')).statusCode).toBe(303)

    await connecter(sa, t, c)
    await admin.post(`/admin/comptes/${c.id}/activation`, { actif: 'non' })
    expect((await sa.get('/espace')).statusCode).toBe(303)
    expect(
      (
        await new Navigateur(t.app).soumettre('/connexion', '/connexion', {
          email: c.email,
          mot_de_passe: MOT_DE_PASSE_TEST,
        })
      ).statusCode,
    ).toBe(401)
    await admin.get(`/admin/comptes/${c.id}`)
    await admin.post(`/admin/comptes/${c.id}/activation`, { actif: 'oui' })
    const journal = await admin.get('/admin/journal')
    for (const action of ['Rôle donné', 'Rôle retiré', 'Compte désactivé', 'Compte réactivé'])
      expect(journal.body).toContain(action)
  })

  it('ne laisse pas désactiver le dernier administrateur actif', async () => {
    await admin.get(`/admin/comptes/${adminId}`)
    await admin.post(`/admin/comptes/${adminId}/activation`, { actif: 'non' })
    const fiche = await admin.get(`/admin/comptes/${adminId}`)
    expect(fiche.body).toContain('dernier administrateur national actif')
    expect(fiche.body).toContain('Désactiver le compte')
  })

  it('répond 404 pour un compte inconnu ou un identifiant mal formé', async () => {
    expect((await admin.get('/admin/comptes/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404)
    expect((await admin.get('/admin/comptes/pas-un-uuid')).statusCode).toBe(404)
  })
})

describe.each(MOTEURS)('journal d’administration en mots (%s)', (moteur) => {
  let t: AppDeTest
  afterEach(async () => t?.fermer())

  it('dit qui a fait quoi sur quoi, sans code ni JSON, et chaque lien mène à une page', async () => {
    // The demo data write the journal of every domain: committee, prefecture, convention, training.
    t = await appDeTest(moteur, { DEMO_DATA: '1' })
    const a = await creerCompteTest(t.base, { habilitations: H.admin(), totp: true })
    const admin = new Navigateur(t.app)
    await connecter(admin, t, a)
    const page = await admin.get('/admin/journal')
    expect(page.statusCode).toBe(200)
    const tableau = page.body.slice(page.body.indexOf('<table'), page.body.indexOf('</table>'))
    const texte = tableau.replace(/<[^>]+>/g, ' ').replace(/&[#\w]+;/g, ' ')
    expect(texte).toContain('Décision du comité')
    expect(texte).toContain('Avis de la préfecture')
    expect(texte).not.toMatch(/[{}]/)
    expect(texte).not.toMatch(/\w_\w/)
    expect(texte).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    expect(texte).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/)
    expect(texte).not.toContain('(s)')
    const liens = [
      ...new Set([...tableau.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'))),
    ]
    expect(liens.length).toBeGreaterThanOrEqual(4)
    for (const lien of liens) expect((await admin.get(lien)).statusCode, lien).toBe(200)
  }, 180_000)
})
