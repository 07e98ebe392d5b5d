import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { connecterTous, lectures } from '../../../../tests/support/matrice'
import { Navigateur } from '../../../../tests/support/navigateur'
import type { Habilitation } from '../../comptes'
import { creerStructure } from '../db/structures-repository'

type Qui =
  | 'anonyme'
  | 'candidat'
  | 'conseiller'
  | 'gestionnaire'
  | 'prefecture'
  | 'coordinateur'
  | 'admin'
  | 'formateur'
  | 'aidant'

const lignes = <T>(r: unknown) => (r as { rows: T[] }).rows
/** A date `jours` days from now (forms refuse past dates and dates beyond two years). */
const dansJours = (jours: number) => new Date(Date.now() + jours * 86_400_000).toISOString().slice(0, 10)

const structureDe = (t: AppDeTest, nom: string, dep: string, commune: string, statut = 'deposee') =>
  creerStructure(t.base.db, {
    nom,
    type: 'commune',
    codeCommune: commune,
    codeDepartement: dep,
    codeRegion: '93',
    latitude: 43.28,
    longitude: 5.38,
    statut,
    contactEmail: `${nom.replace(/\W/g, '').toLowerCase()}@exemple.fr`,
  })

describe.each(MOTEURS)('recrutement : autorisations et périmètres (%s)', (moteur) => {
  let t: AppDeTest
  let n = new Map<Qui, Navigateur>()
  let s13: { id: string }
  let s84: { id: string }
  beforeAll(async () => {
    t = await appDeTest(moteur)
    s13 = await structureDe(t, 'Mairie Treize', '13', '13055')
    s84 = await structureDe(t, 'Mairie Vaucluse', '84', '84007')
    const habilitations: Record<Exclude<Qui, 'anonyme'>, Habilitation[]> = {
      candidat: H.candidat(),
      conseiller: H.conseiller(s13.id),
      gestionnaire: H.gestionnaire(s13.id),
      prefecture: H.prefecture('13'),
      coordinateur: H.coordinateur('93'),
      admin: H.admin(),
      formateur: [{ role: 'formateur', portee: { type: 'structure', code: s13.id, libelle: 'OF' } }],
      aidant: H.aidant('org-a'),
    }
    n = (await connecterTous(t, habilitations)).navigateurs
  })
  afterAll(async () => t.fermer())

  const tous: Qui[] = [
    'anonyme',
    'candidat',
    'conseiller',
    'gestionnaire',
    'prefecture',
    'coordinateur',
    'admin',
    'formateur',
    'aidant',
  ]
  const seul =
    (...roles: Qui[]) =>
    (qui: Qui) =>
      qui === 'anonyme' ? 303 : roles.includes(qui) ? 200 : 403
  const ATTENDU: Record<string, (qui: Qui) => number> = {
    '/candidature/conseiller': () => 200,
    '/candidature/structure': () => 200,
    '/api/v1/recrutement/postes': () => 200,
    '/candidat': (qui) => (qui === 'anonyme' ? 303 : qui === 'candidat' ? 303 : 403),
    '/structure': seul('gestionnaire'),
    '/structure/candidats': seul('gestionnaire'),
    '/structure/candidature': seul('gestionnaire'),
    '/prefecture/structures': seul('prefecture', 'admin'),
    '/prefecture/carte': seul('prefecture', 'admin'),
    '/comite': seul('admin'),
    '/comite/programme': seul('admin'),
    '/pilotage': seul('admin', 'coordinateur', 'prefecture'),
    '/pilotage/export.csv': seul('admin', 'coordinateur', 'prefecture'),
    '/formation': seul('admin', 'formateur'),
    '/formation/mon-parcours': (qui) => (qui === 'anonyme' ? 303 : 200),
    '/formation/parcours': seul('admin'),
  }
  lectures({ navigateurs: () => n, qui: tous, attendu: ATTENDU })

  it('une préfecture ne voit jamais un autre département', async () => {
    const p = n.get('prefecture')!
    const fiche = await p.get(`/prefecture/structures/${s13.id}`)
    expect(fiche.statusCode).toBe(200)
    expect(fiche.body).toContain('Lieux référencés à moins de 10 km (annuaire des lieux)')
    expect((await p.get(`/prefecture/structures/${s84.id}`)).statusCode).toBe(404)
    expect((await p.get('/prefecture/structures?departement=84')).statusCode).toBe(403)
    expect((await p.get('/prefecture/carte?departement=84')).statusCode).toBe(403)
    const liste = await p.get('/prefecture/structures')
    expect(liste.body).toContain('Mairie Treize')
    expect(liste.body).not.toContain('Mairie Vaucluse')
    await p.get(`/prefecture/structures/${s13.id}`)
    const r = await p.post(`/prefecture/structures/${s84.id}/avis`, {
      avis: 'favorable',
      rang: '1',
      commentaire: 'Avis hors périmètre',
      postes_proposes: '1',
    })
    expect(r.statusCode).toBe(404)
    const pilotage = await p.get('/pilotage/export.csv')
    expect(pilotage.body).toContain('13;')
    expect(pilotage.body).not.toContain('84;')
  })

  it('la préfecture propose, le comité valide avec le taux public, la structure voit sa convention', async () => {
    const p = n.get('prefecture')!
    await p.get(`/prefecture/structures/${s13.id}`)
    const vide = await p.post(`/prefecture/structures/${s13.id}/avis`, { avis: 'favorable' })
    expect(vide.statusCode).toBe(400)
    expect(vide.body).toContain('Saisissez le rang')
    const ok = await p.post(`/prefecture/structures/${s13.id}/avis`, {
      avis: 'favorable',
      rang: '1',
      commentaire: 'Quartier prioritaire sans médiation.',
      postes_proposes: '2',
    })
    expect(ok.statusCode).toBe(303)
    const a = n.get('admin')!
    expect((await a.get('/comite')).body).toContain('Mairie Treize')
    await a.get(`/comite/structures/${s13.id}`)
    const d = await a.post(`/comite/structures/${s13.id}/decision`, { avis: 'validee', postes_accordes: '2' })
    expect(d.statusCode).toBe(303)
    const [conv] = lignes<{ montant_euros: number }>(
      await t.base.db.execute(
        sql`select montant_euros from recrutement_conventions where structure_id = ${s13.id}`,
      ),
    )
    expect(conv?.montant_euros).toBe(100_000)
    const mails = lignes<{ destinataire: string }>(
      await t.base.db.execute(
        sql`select destinataire from outbox_messages where sujet like 'Décision du comité%'`,
      ),
    )
    expect(mails.map((m) => m.destinataire)).toContain('mairietreize@exemple.fr')
    const g = n.get('gestionnaire')!
    const page = await g.get('/structure')
    expect(page.body).toContain('CONV-2020-')
    const id = /\/structure\/conventions\/([0-9a-f-]{36})\/pdf/.exec(page.body)?.[1]
    const pdf = await g.get(`/structure/conventions/${id}/pdf`)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4')
  })
})

describe.each(MOTEURS)('recrutement : formulaires publics (%s)', (moteur) => {
  let t: AppDeTest
  beforeAll(async () => {
    t = await appDeTest(moteur)
  })
  afterAll(async () => t.fermer())

  const candidature = {
    prenom: 'Lina',
    nom: 'Morel',
    email: 'lina.morel@exemple.fr',
    telephone: '06 12 34 56 78',
    code_commune: '13055',
    rayon_km: '20',
    disponible_le: dansJours(45),
    situation: 'demandeur_emploi',
    motivation: 'Aider les personnes éloignées du numérique dans mon quartier.',
  }

  it('un candidat postule : compte créé, e-mail de confirmation en file, candidature à confirmer', async () => {
    const nav = new Navigateur(t.app)
    const r = await nav.soumettre('/candidature/conseiller', '/candidature/conseiller', candidature)
    expect(r.statusCode).toBe(303)
    expect(r.headers.location).toBe('/candidature/conseiller/envoyee')
    const [c] = lignes<{ statut: string }>(
      await t.base.db.execute(
        sql`select statut from recrutement_candidatures where email = 'lina.morel@exemple.fr'`,
      ),
    )
    expect(c?.statut).toBe('email_a_confirmer')
    const [m] = lignes<{ texte: string }>(
      await t.base.db.execute(
        sql`select texte from outbox_messages where destinataire = 'lina.morel@exemple.fr'`,
      ),
    )
    expect(m?.texte).toMatch(/\/invitation\/[A-Za-z0-9_-]+/)
    const encore = await nav.soumettre('/candidature/conseiller', '/candidature/conseiller', candidature)
    expect(encore.statusCode).toBe(422)
    expect(encore.body).toContain('Un compte existe déjà avec cette adresse e-mail')
  })

  it('refuse un formulaire incomplet en 400, en nommant le champ et en gardant les valeurs', async () => {
    const nav = new Navigateur(t.app)
    const r = await nav.soumettre('/candidature/conseiller', '/candidature/conseiller', {
      ...candidature,
      email: 'x@exemple.fr',
      code_commune: '99999',
    })
    expect(r.statusCode).toBe(422)
    expect(r.body).toContain('Cette commune est introuvable')
    const r2 = await nav.soumettre('/candidature/conseiller', '/candidature/conseiller', {
      ...candidature,
      rayon_km: '7',
    })
    expect(r2.statusCode).toBe(400)
    expect(r2.body).toContain('Choisissez jusqu’où vous pouvez vous déplacer.')
    expect(r2.body).toContain('value="Lina"')
  })

  it('accepte un CV PDF en multipart avec le jeton CSRF du formulaire, refuse un autre type de fichier', async () => {
    const nav = new Navigateur(t.app)
    await nav.get('/candidature/conseiller')
    const envoyer = async (fichier: Buffer, nom: string, csrf = nav.dernierCsrf ?? '') => {
      const frontiere = '----escale'
      const champs = { ...candidature, email: `cv.${Date.now()}.${nom}@exemple.fr`, _csrf: csrf }
      const parts = Object.entries(champs).map(
        ([k, v]) => `--${frontiere}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
      )
      const corps = Buffer.concat([
        Buffer.from(parts.join('')),
        Buffer.from(
          `--${frontiere}\r\nContent-Disposition: form-data; name="cv"; filename="${nom}"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        fichier,
        Buffer.from(`\r\n--${frontiere}--\r\n`),
      ])
      return t.app.inject({
        method: 'POST',
        url: '/candidature/conseiller',
        headers: {
          'content-type': `multipart/form-data; boundary=${frontiere}`,
          cookie: [...nav.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
        payload: corps,
      })
    }
    const bon = await envoyer(Buffer.from('%PDF-1.4\n%%EOF\n'), 'cv.pdf')
    expect(bon.statusCode).toBe(303)
    const faux = await envoyer(Buffer.from('MZ pas un pdf'), 'cv.pdf')
    expect(faux.statusCode).toBe(422)
    expect(faux.body).toContain('Le CV doit être un fichier PDF.')
    const gros = await envoyer(
      Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(2 * 1024 * 1024 + 10)]),
      'cv.pdf',
    )
    expect(gros.statusCode).toBe(422)
    expect(gros.body).toContain('Le CV dépasse 2 Mo')
    const sansJeton = await envoyer(Buffer.from('%PDF-1.4'), 'cv.pdf', 'faux')
    expect(sansJeton.statusCode).toBe(403)
    const [{ n } = { n: 0 }] = lignes<{ n: number }>(
      await t.base.db.execute(sql`select count(*)::int as n from recrutement_cv`),
    )
    expect(n).toBe(1)
  })

  it('un corps multipart mal formé reçoit 400, jamais 500, et rien n’est écrit', async () => {
    const nav = new Navigateur(t.app)
    await nav.get('/candidature/conseiller')
    const avant = lignes<{ n: number }>(
      await t.base.db.execute(sql`select count(*)::int as n from recrutement_cv`),
    )
    const illisibles = ['Z>w', 'abc', '--x', '--x\r\n', '--x\r\nContent-Disposition: form-data; name="a"\r\n']
    for (const [i, corps] of illisibles.entries()) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/candidature/conseiller',
        // One address each: the public form's rate limit is not what this test is about.
        remoteAddress: `203.0.113.${i + 1}`,
        headers: {
          'content-type': 'multipart/form-data; boundary=x',
          cookie: [...nav.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
        payload: corps,
      })
      expect(r.statusCode, JSON.stringify(corps)).toBe(400)
      expect(r.body).toContain('Demande invalide')
    }
    const apres = lignes<{ n: number }>(
      await t.base.db.execute(sql`select count(*)::int as n from recrutement_cv`),
    )
    expect(apres).toEqual(avant)
  })

  it('refuse un SIRET dont la clé est fausse, accepte un SIRET valide et crée le compte du contact', async () => {
    const nav = new Navigateur(t.app)
    const structure = {
      nom: 'Association Les Clés',
      siret: '73282932000075',
      type: 'association',
      adresse: '1 rue de la Paix',
      code_commune: '84007',
      contact_prenom: 'Rose',
      contact_nom: 'Blanc',
      contact_fonction: 'Présidente',
      contact_email: 'rose.blanc@exemple.fr',
      contact_telephone: '0490000000',
      postes_souhaites: '2',
      date_debut: dansJours(90),
      projet: 'Ateliers numériques pour les seniors du quartier.',
      zone_intervention: 'Avignon',
      engagement: 'oui',
    }
    const faux = await nav.soumettre('/candidature/structure', '/candidature/structure', structure)
    expect(faux.statusCode).toBe(400)
    expect(faux.body).toContain('Ce SIRET n’existe pas : un chiffre est faux')
    const ok = await nav.soumettre('/candidature/structure', '/candidature/structure', {
      ...structure,
      siret: '73282932000074',
    })
    expect(ok.statusCode).toBe(303)
    const [s] = lignes<{ statut: string; siret: string }>(
      await t.base.db.execute(sql`select statut, siret from structures where nom = 'Association Les Clés'`),
    )
    expect(s).toEqual({ statut: 'deposee', siret: '73282932000074' })
    const doublon = await nav.soumettre('/candidature/structure', '/candidature/structure', {
      ...structure,
      nom: 'Doublon',
      siret: '73282932000074',
    })
    expect(doublon.statusCode).toBe(422)
    const [{ n } = { n: 0 }] = lignes<{ n: number }>(
      await t.base.db.execute(sql`select count(*)::int as n from structures where nom = 'Doublon'`),
    )
    expect(n).toBe(0)
  })

  it('propriété : aucun formulaire public ne répond 5xx, quelles que soient les saisies', async () => {
    const nav = new Navigateur(t.app, undefined, '10.0.0.9')
    const texte = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('', ' ', '0', '-1', '99999', '2021-02-30', '<script>', 'W123456789', '73282932000074'),
    )
    const champs = (noms: string[]) =>
      fc.record(Object.fromEntries(noms.map((k) => [k, texte])) as Record<string, fc.Arbitrary<string>>, {
        requiredKeys: [],
      })
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/candidature/conseiller', '/candidature/structure'),
        champs([
          'prenom',
          'nom',
          'email',
          'telephone',
          'code_commune',
          'rayon_km',
          'disponible_le',
          'situation',
          'motivation',
          'niveau_pix',
          'siret',
          'rna',
          'type',
          'postes_souhaites',
          'date_debut',
          'projet',
          'engagement',
        ]),
        async (url, valeurs) => {
          await nav.get(url)
          // Each run is a new address for the rate limit of public forms.
          const r = await t.app.inject({
            method: 'POST',
            url,
            remoteAddress: `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              cookie: [...nav.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            },
            payload: new URLSearchParams({ _csrf: nav.dernierCsrf ?? '', ...valeurs }).toString(),
          })
          expect(r.statusCode).toBeLessThan(500)
          if (r.statusCode === 400) expect(r.body).toContain('fr-error-text')
        },
      ),
      { numRuns: 60 },
    )
  })
})
