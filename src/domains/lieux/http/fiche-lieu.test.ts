import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { referentielCommunes } from '../../../platform/geo/referentiel-communes'
import { outboxMessages } from '../../../platform/outbox/schema'
import { creerCatalogueLieux } from '../use-cases/catalogue-lieux'
import { makeImporterLieux } from '../use-cases/importer-lieux'

const STRUCTURE = '5b0e6c1e-0000-4000-8000-000000000042'

/** Two places of Gap: one placed by the file with a phone, one known only by its commune, without phone. */
const LIGNES = [
  {
    id: 'fiche-1',
    nom: 'Médiathèque du Centre',
    commune: 'Gap',
    code_postal: '05000',
    code_insee: '05061',
    adresse: '2 rue Colonel Roux',
    latitude: 44.5594,
    longitude: 6.0786,
    telephone: '+33492533000',
    date_maj: '2026-10-14',
    services: 'Aide aux démarches administratives',
    fiche_acces_libre:
      'https://acceslibre.beta.gouv.fr/app/05-gap/a/bibliotheque-mediatheque/erp/mediatheque-du-centre-gap/',
  },
  {
    id: 'fiche-2',
    nom: 'Permanence numérique des Alpes',
    commune: 'Gap',
    code_postal: '05000',
    code_insee: '05061',
    adresse: 'Lieu-dit Les Eyssagnières',
    date_maj: '2026-09-01',
    services: 'Aide aux démarches administratives',
    horaires: '',
  },
]

describe.each(MOTEURS)('fiche d’un lieu : position, contact, accessibilité, signalement (%s)', (moteur) => {
  let t: AppDeTest
  const ids: Record<string, string> = {}
  let gestionnaire: string
  beforeAll(async () => {
    t = await appDeTest(moteur)
    const importer = makeImporterLieux({
      db: t.base.db,
      horloge: () => t.maintenant.valeur,
      communes: referentielCommunes(),
      catalogue: creerCatalogueLieux(t.base.db),
    })
    // The first place is managed by a structure, the second by none.
    for (const [i, structureId] of [STRUCTURE, null].entries()) {
      const r = await importer({
        contenu: Buffer.from(JSON.stringify([LIGNES[i]])),
        fichier: 'fiche.json',
        source: 'essai-fiche',
        acteurId: null,
        structureId,
      })
      expect(r.ok).toBe(true)
    }
    const api = await t.app.inject('/api/v1/lieux?near=44.5594,6.0786&radius=5&limit=10')
    for (const l of api.json().resultats as { id: string; nom: string }[]) ids[l.nom] = l.id
    gestionnaire = (await creerCompteTest(t.base, { habilitations: H.gestionnaire(STRUCTURE) })).email
    await creerCompteTest(t.base, { habilitations: H.admin(), email: `admin.${Date.now()}@exemple.fr` })
  }, 120_000)
  afterAll(async () => t.fermer())

  it('un lieu connu par sa seule commune dit « position approximative », jamais « à 10 m »', async () => {
    const liste = await t.app.inject('/lieux?q=05000')
    expect(liste.statusCode).toBe(200)
    const bloc = liste.body.slice(liste.body.indexOf('Permanence numérique des Alpes'))
    expect(bloc.slice(0, 600)).toContain('Commune de Gap, position approximative')
    expect(liste.body).not.toMatch(/Permanence numérique des Alpes[\s\S]{0,400}À \d+ m/)
    const fiche = await t.app.inject(`/lieux/${ids['Permanence numérique des Alpes']}`)
    expect(fiche.body).toContain('Position approximative')
    expect(fiche.body).not.toContain('Coordonnées GPS')
    const orientation = await t.app.inject(`/api/v1/lieux/${ids['Permanence numérique des Alpes']}`)
    expect(orientation.json().coordonnees_approchees).toBe(true)
  })

  it('ne dit « appelez » que s’il y a un numéro, et donne la date des informations', async () => {
    const sans = await t.app.inject(`/lieux/${ids['Permanence numérique des Alpes']}`)
    expect(sans.body).not.toMatch(/appelez/i)
    expect(sans.body).toContain('renseignez-vous avant de vous déplacer')
    expect(sans.body).toContain('Informations mises à jour le 1 septembre 2026')
    const avec = await t.app.inject(`/lieux/${ids['Médiathèque du Centre']}`)
    expect(avec.body).toContain('04 92 53 30 00')
    expect(avec.body).toContain('Informations mises à jour le 14 octobre 2026')
  })

  it('sans fiche Acceslibre, l’accessibilité est « non renseigné »', async () => {
    const sans = await t.app.inject(`/lieux/${ids['Permanence numérique des Alpes']}`)
    expect(sans.body).toContain('Accessibilité : non renseigné.')
    expect(sans.body).toContain(`/lieux/${ids['Permanence numérique des Alpes']}/signaler`)
  })

  it('un signalement incomplet revient en 400 avec des messages en français et ce qui a été saisi', async () => {
    const n = new Navigateur(t.app, undefined, '10.0.0.1')
    const id = ids['Médiathèque du Centre']!
    const page = await n.get(`/lieux/${id}/signaler`)
    expect(page.statusCode).toBe(200)
    const r = await n.post(`/lieux/${id}/signaler`, { message: 'court', courriel: 'pas-une-adresse' })
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain('Choisissez ce qui est faux')
    expect(r.body).toContain('10 caractères au moins')
    expect(r.body).toContain('Saisissez une adresse e-mail valide')
    expect(r.body).toContain('pas-une-adresse')
    expect(await t.base.db.select().from(outboxMessages)).toHaveLength(0)
  })

  it('un signalement part par e-mail aux gestionnaires du lieu ; le pot de miel n’envoie rien', async () => {
    const n = new Navigateur(t.app, undefined, '10.0.0.2')
    const id = ids['Médiathèque du Centre']!
    await n.get(`/lieux/${id}/signaler`)
    const r = await n.post(`/lieux/${id}/signaler`, {
      nature: 'horaires',
      message: 'Le lieu est fermé le lundi, pas le mardi.',
      courriel: 'habitant@exemple.fr',
    })
    expect(r.statusCode).toBe(303)
    expect(r.headers.location).toBe(`/lieux/${id}`)
    const messages = await t.base.db.select().from(outboxMessages)
    expect(messages.map((m) => m.destinataire)).toEqual([gestionnaire])
    expect(messages[0]!.texte).toContain('Le lieu est fermé le lundi, pas le mardi.')
    expect(messages[0]!.texte).toContain('Ce qui est faux : Les horaires')
    expect(messages[0]!.texte).toContain('habitant@exemple.fr')
    await n.get(`/lieux/${id}/signaler`)
    const robot = await n.post(`/lieux/${id}/signaler`, {
      nature: 'autre',
      message: 'Achetez nos montres pas chères',
      site_internet: 'https://spam.example',
    })
    expect(robot.statusCode).toBe(303)
    expect(await t.base.db.select().from(outboxMessages)).toHaveLength(1)
  })

  it('un lieu sans structure gestionnaire : le signalement va à l’équipe nationale ; limite de 5 envois par minute', async () => {
    const n = new Navigateur(t.app, undefined, '10.0.0.3')
    const id = ids['Permanence numérique des Alpes']!
    await t.base.db.delete(outboxMessages)
    const statuts: number[] = []
    for (let i = 0; i < 6; i++) {
      await n.get(`/lieux/${id}/signaler`)
      statuts.push(
        (await n.post(`/lieux/${id}/signaler`, { nature: 'ferme', message: `Le lieu a déménagé (${i}).` }))
          .statusCode,
      )
    }
    expect(statuts.slice(0, 5)).toEqual([303, 303, 303, 303, 303])
    expect(statuts[5]).toBe(429)
    const messages = await t.base.db.select().from(outboxMessages)
    expect(messages).toHaveLength(5)
    expect(messages.every((m) => m.destinataire.startsWith('admin.'))).toBe(true)
  })
})
