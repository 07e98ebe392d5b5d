import { eq } from 'drizzle-orm'
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { brancherAdresses } from '../../../platform/connecteurs/adresses'
import { referentielCommunes } from '../../../platform/geo/referentiel-communes'
import { lieux, lieuxAcceslibre } from '../db/schema'
import { creerCatalogueLieux } from '../use-cases/catalogue-lieux'
import { makeImporterLieux } from '../use-cases/importer-lieux'

const ligne = (id: string, adresse: string, extra: Record<string, string> = {}) => ({
  id,
  nom: `Lieu ${id}`,
  commune: 'Gap',
  code_postal: '05000',
  adresse,
  date_maj: '2026-10-01',
  services: 'Aide aux démarches administratives',
  ...extra,
})

describe.each(MOTEURS)('lieux : Base adresse nationale et Acceslibre simulées (%s)', (moteur) => {
  let t: AppDeTest
  let importer: ReturnType<typeof makeImporterLieux>
  const simulateurs = Fastify({ logger: false })
  beforeAll(async () => {
    t = await appDeTest(moteur)
    const adresses = (
      await brancherAdresses(simulateurs, { mode: 'simule', url: undefined, simulateurs: true })
    ).port
    await simulateurs.ready()
    importer = makeImporterLieux({
      db: t.base.db,
      horloge: () => t.maintenant.valeur,
      communes: referentielCommunes(),
      catalogue: creerCatalogueLieux(t.base.db),
      connecteurs: { adresses },
    })
  }, 120_000)
  afterAll(async () => {
    await simulateurs.close()
    await t.fermer()
  })

  const parId = async (idSource: string) =>
    (await t.base.db.select().from(lieux).where(eq(lieux.idSource, idSource)))[0]!

  it('place par lot les lieux sans coordonnées, garde la précision et le score, et le centre de la commune sinon', async () => {
    const r = await importer({
      contenu: Buffer.from(
        JSON.stringify([
          ligne('geo-1', '3 rue du Colonel Roux'),
          ligne('geo-2', '999 impasse Inconnue'),
          ligne('geo-3', 'Place Saint-Arnoux', { latitude: '44.5', longitude: '6.1' }),
        ]),
      ),
      fichier: 'geo.json',
      source: 'essai-geo',
      acteurId: null,
    })
    expect(r.ok).toBe(true)
    expect(await parId('geo-1')).toMatchObject({
      origineCoordonnees: 'adresse',
      precisionGeocodage: 'numero',
      scoreGeocodage: 0.89,
      latitude: 44.55981,
    })
    // Only its commune: placed, but « position approximative ».
    expect(await parId('geo-2')).toMatchObject({
      origineCoordonnees: 'adresse',
      precisionGeocodage: 'commune',
    })
    // The file's point is never replaced.
    expect(await parId('geo-3')).toMatchObject({ origineCoordonnees: 'fichier', precisionGeocodage: null })
    const rapport = r.ok ? r.rapport.details.find((d) => d.idSource === 'geo-1') : undefined
    expect(rapport?.problemes.map((p) => p.message).join(' ; ')).toContain(
      'placé par la Base adresse nationale (au numéro',
    )
    const fiche = await t.app.inject(`/lieux/${(await parId('geo-2')).id}`)
    expect(fiche.body).toContain('Position approximative')
  })

  it('une base en panne : les lieux gardent le centre de leur commune, l’import se fait', async () => {
    const r = await importer({
      contenu: Buffer.from(JSON.stringify([ligne('geo-4', '1 rue PANNE-ADRESSE')])),
      fichier: 'geo-panne.json',
      source: 'essai-geo',
      acteurId: null,
    })
    expect(r.ok && r.rapport.crees).toBe(1)
    expect(await parId('geo-4')).toMatchObject({ origineCoordonnees: 'commune', precisionGeocodage: null })
  })

  it('un gestionnaire change l’adresse : la nouvelle est placée par la base', async () => {
    const l = await parId('geo-4')
    await t.base.db.update(lieux).set({ structureId: 'structure-geo' }).where(eq(lieux.id, l.id))
    const g = await creerCompteTest(t.base, { habilitations: H.gestionnaire('structure-geo') })
    const n = new Navigateur(t.app)
    await connecter(n, t, g)
    await n.get(`/lieux/${l.id}/modifier`)
    const r = await n.post(`/lieux/${l.id}/modifier`, {
      nom: 'Lieu geo-4',
      adresse: '8 rue des Écoles',
      code_postal: '05000',
      commune: 'Gap',
      services: 'Aide aux démarches administratives',
    })
    expect(r.statusCode).toBe(303)
    expect(await parId('geo-4')).toMatchObject({
      adresse: '8 rue des Écoles',
      origineCoordonnees: 'adresse',
      precisionGeocodage: 'numero',
      latitude: 44.55803,
    })
  })

  it('montre le résumé Acceslibre d’un lieu qui a une fiche, le garde en cache, et le lien seul pour une fiche inconnue', async () => {
    await importer({
      contenu: Buffer.from(
        JSON.stringify([
          ligne('al-1', '2 rue Colonel Roux', {
            fiche_acces_libre:
              'https://acceslibre.beta.gouv.fr/app/05-gap/a/centre-social/erp/maison-des-solidarites-gap-cezanne/',
          }),
          ligne('al-2', '2 rue Colonel Roux', {
            fiche_acces_libre: 'https://acceslibre.beta.gouv.fr/app/05-gap/a/mairie/erp/fiche-inconnue/',
          }),
        ]),
      ),
      fichier: 'al.json',
      source: 'essai-al',
      acteurId: null,
    })
    const avec = await t.app.inject(`/lieux/${(await parId('al-1')).id}`)
    expect(avec.body).toContain('Entrée de plain-pied')
    expect(avec.body).toContain('Personnel sensibilisé ou formé au handicap')
    expect(avec.body).toContain('fiche mise à jour le 18 juin 2026')
    const cache = await t.base.db.select().from(lieuxAcceslibre)
    expect(cache.map((c) => c.identifiant)).toContain('maison-des-solidarites-gap-cezanne')
    const inconnue = await t.app.inject(`/lieux/${(await parId('al-2')).id}`)
    expect(inconnue.body).toContain('Voir la fiche d’accessibilité sur Acceslibre')
    expect(inconnue.body).not.toContain('Entrée de plain-pied')
  })

  it('/sante dit le mode et l’état du disjoncteur des deux connecteurs', async () => {
    const s = (await t.app.inject('/sante')).json() as {
      connecteurs: Record<string, string>
      disjoncteurs: Record<string, string>
    }
    expect(s.connecteurs).toMatchObject({ adresses: 'simule', acceslibre: 'simule' })
    expect(s.disjoncteurs).toMatchObject({ adresses: 'ferme', acceslibre: 'ferme' })
  })
})
