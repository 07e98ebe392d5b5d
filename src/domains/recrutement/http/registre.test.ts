import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import type { ReponseRegistre } from '../../../platform/connecteurs/entreprises/port'
import { SIRET_REGISTRE_EN_PANNE } from '../../../platform/connecteurs/entreprises/simulateur'
import { creerStructure } from '../db/structures-repository'
import { makeReverifierRegistre } from '../use-cases/registre'

const lignes = <T>(r: unknown) => (r as { rows: T[] }).rows
const dansJours = (jours: number) => new Date(Date.now() + jours * 86_400_000).toISOString().slice(0, 10)

/** A complete public application; the test sets its identifiers. */
const candidature = (nom: string, identifiants: { siret?: string; rna?: string }) => ({
  nom,
  siret: '',
  rna: '',
  ...identifiants,
  type: 'commune',
  adresse: '1 place de la Mairie',
  code_commune: '84007',
  contact_prenom: 'Rose',
  contact_nom: 'Blanc',
  contact_fonction: 'Directrice',
  contact_email: `${nom.replace(/\W/g, '').toLowerCase()}@exemple.fr`,
  contact_telephone: '0490000000',
  postes_souhaites: '1',
  date_debut: dansJours(60),
  projet: 'Ateliers numériques pour les habitants du quartier.',
  zone_intervention: 'La commune',
  engagement: 'oui',
})

describe.each(MOTEURS)('recrutement : SIRET au registre des entreprises (%s)', (moteur) => {
  let t: AppDeTest
  // Each navigator its own address: the public form is rate-limited per address.
  let ip = 0
  const nav = () => new Navigateur(t.app, undefined, `10.1.0.${++ip}`)
  /** Posts the public form from a fresh browser. */
  const deposer = (nom: string, identifiants: { siret?: string; rna?: string }) =>
    nav().soumettre('/candidature/structure', '/candidature/structure', candidature(nom, identifiants))
  const structure = async (nom: string) =>
    lignes<{
      siret: string | null
      rna: string | null
      verification_registre: string | null
      categorie_juridique: string | null
      categorie_registre: string | null
    }>(
      await t.base.db.execute(
        sql`select siret, rna, verification_registre, categorie_juridique, categorie_registre from structures where nom = ${nom}`,
      ),
    )
  beforeAll(async () => {
    t = await appDeTest(moteur)
  })
  afterAll(async () => t.fermer())

  it('« Vérifier le SIRET » remplit nom, adresse et commune depuis le registre, sans JavaScript ni écriture', async () => {
    const r = await nav().get('/candidature/structure?verifier_siret=218+400+554+00018')
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain('Établissement trouvé au registre des entreprises')
    expect(r.body).toContain('value="COMMUNE DE MORIERES-LES-AVIGNON"')
    expect(r.body).toContain('value="PLACE DE LA MAIRIE"')
    expect(r.body).toContain('value="21840055400018"')
    expect(r.body).toMatch(/name="code_commune"[^>]*value="84081"|value="84081"[^>]*name="code_commune"/)
    expect(r.body).toContain('Commune et commune nouvelle (organisme public)')
    const invalide = await nav().get('/candidature/structure?verifier_siret=W842003417')
    expect(invalide.statusCode).toBe(200)
    expect(invalide.body).toContain('saisissez-le dans le champ « Numéro RNA »')
  })

  it('refuse un établissement fermé, à la vérification comme au dépôt, sans rien écrire', async () => {
    const vu = await nav().get('/candidature/structure?verifier_siret=78351204900025')
    expect(vu.body).toContain('Cet établissement est fermé')
    expect(vu.body).not.toContain('value="LES CLES DU NUMERIQUE"')
    const r = await deposer('Association fermée', { siret: '78351204900025' })
    expect(r.statusCode).toBe(422)
    expect(r.body).toContain('Cet établissement est fermé au registre des entreprises')
    expect(r.body).toContain('value="Association fermée"')
    expect(await structure('Association fermée')).toEqual([])
  })

  it('la catégorie juridique du registre décide public ou privé, quel que soit le type déclaré', async () => {
    const n = nav()
    const publique = await n.soumettre(
      '/candidature/structure',
      '/candidature/structure',
      candidature('CCAS de Cavaillon', { siret: '26840031400012' }),
    )
    expect(publique.statusCode).toBe(303)
    expect(await structure('CCAS de Cavaillon')).toEqual([
      {
        siret: '26840031400012',
        rna: null,
        verification_registre: 'verifiee',
        categorie_juridique: '7361',
        categorie_registre: 'public',
      },
    ])
    // Declared « commune », but the register knows an association: private.
    await deposer('Les Clés', { siret: '78351204900017' })
    expect((await structure('Les Clés'))[0]).toMatchObject({
      categorie_registre: 'prive',
      categorie_juridique: '9220',
    })
  })

  it('registre en panne : le dossier est accepté, dit « vérification plus tard » et la tâche du jour le reprend', async () => {
    const n = nav()
    const r = await n.soumettre(
      '/candidature/structure',
      '/candidature/structure',
      candidature('Mairie sans réponse', { siret: SIRET_REGISTRE_EN_PANNE }),
    )
    expect(r.statusCode).toBe(303)
    const envoyee = await n.get(String(r.headers.location))
    expect(envoyee.body).toContain('la vérification du SIRET sera faite plus tard')
    expect((await structure('Mairie sans réponse'))[0]).toMatchObject({
      verification_registre: 'a_verifier',
      categorie_registre: null,
    })
    // The next day, still down for this one; then the register answers (a commune: public).
    const reponses: ReponseRegistre[] = [{ statut: 'indisponible' }]
    const entreprises = {
      parSiret: async (siret: string): Promise<ReponseRegistre> =>
        reponses.shift() ?? {
          statut: 'trouve',
          etablissement: {
            siret,
            siren: siret.slice(0, 9),
            denomination: 'COMMUNE SANS REPONSE',
            adresse: '',
            codePostal: '',
            commune: '84007',
            libelleCommune: '',
            categorieJuridique: { code: '7210', libelle: '' },
            activite: { code: '84.11Z', libelle: '' },
            actif: true,
          },
        },
    }
    const reverifier = makeReverifierRegistre({ db: t.base.db, horloge: () => new Date(), entreprises })
    expect(await reverifier()).toEqual({ verifiees: 0, refusees: 0, enAttente: 1 })
    expect(await reverifier()).toEqual({ verifiees: 1, refusees: 0, enAttente: 0 })
    expect((await structure('Mairie sans réponse'))[0]).toMatchObject({
      verification_registre: 'verifiee',
      categorie_registre: 'public',
      categorie_juridique: '7210',
    })
    expect(await reverifier()).toEqual({ verifiees: 0, refusees: 0, enAttente: 0 })
  })

  it('le numéro RNA a son champ : gardé à part, jamais pris pour un SIRET, ni l’inverse', async () => {
    const comme = await deposer('Association RNA en SIRET', { siret: 'W842003417' })
    expect(comme.statusCode).toBe(400)
    expect(comme.body).toContain('saisissez-le dans le champ « Numéro RNA »')
    const inverse = await deposer('Association SIRET en RNA', { rna: '73282932000074' })
    expect(inverse.statusCode).toBe(400)
    expect(inverse.body).toContain('c’est un SIRET, saisissez-le dans le champ « SIRET »')
    const aucun = await deposer('Association sans numéro', {})
    expect(aucun.statusCode).toBe(422)
    expect(aucun.body).toContain('ou son numéro RNA si c’est une association sans SIRET')
    const ok = await deposer('Association RNA', { rna: 'w 842 003 417' })
    expect(ok.statusCode).toBe(303)
    expect(await structure('Association RNA')).toEqual([
      {
        siret: null,
        rna: 'W842003417',
        verification_registre: null,
        categorie_juridique: null,
        categorie_registre: null,
      },
    ])
  })

  it('le complément de dossier a la même étape : le registre remplit par-dessus ce qui est enregistré', async () => {
    const s = await creerStructure(t.base.db, {
      nom: 'Mairie à compléter',
      type: 'commune',
      codeCommune: '84007',
      codeDepartement: '84',
      codeRegion: '93',
      contactPrenom: 'Paul',
      statut: 'a_completer',
    })
    const g = nav()
    await connecter(g, t, await creerCompteTest(t.base, { habilitations: H.gestionnaire(s.id) }))
    const r = await g.get('/structure/candidature?verifier_siret=21840055400026')
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain('value="COMMUNE DE MORIERES-LES-AVIGNON"')
    expect(r.body).toContain('value="CHEMIN DES ECOLES"')
    expect(r.body).toContain('value="Paul"')
    expect(r.body).toContain('action="/structure/candidature"')
    // Sent with a SIRET the register does not answer for: accepted, marked, and said.
    const {
      nom: _n,
      contact_email: _e,
      engagement: _g,
      ...champs
    } = candidature('Mairie à compléter', {
      siret: SIRET_REGISTRE_EN_PANNE,
    })
    const envoi = await g.post('/structure/candidature', { ...champs, nom: 'Mairie à compléter' })
    expect(envoi.statusCode).toBe(303)
    expect((await g.get('/structure')).body).toContain('la vérification du SIRET sera faite plus tard')
    expect((await structure('Mairie à compléter'))[0]).toMatchObject({ verification_registre: 'a_verifier' })
  })
})
