import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { creerCandidature, creerMiseEnRelation } from '../db/candidatures-repository'
import { creerStructure } from '../db/structures-repository'

const lignes = <T>(r: unknown) => (r as { rows: T[] }).rows
const dansJours = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)

/** Every table these forms write to: a refused form must leave each one exactly as it was. */
const TABLES = [
  'structures',
  'recrutement_candidatures',
  'recrutement_avis_prefecture',
  'recrutement_decisions',
  'recrutement_conventions',
  'recrutement_versements',
  'recrutement_phases',
  'recrutement_taux',
  'recrutement_allocations',
  'recrutement_vagues',
  'recrutement_mises_en_relation',
  'formation_parcours',
  'formation_sessions',
  'formation_inscriptions',
  'formation_objectifs',
  'outbox_messages',
  'journal_admin',
]

describe.each(MOTEURS)(
  'recrutement et formation : formulaires professionnels, saisies arbitraires (%s)',
  (moteur) => {
    let t: AppDeTest
    const nav: Record<'prefecture' | 'admin' | 'gestionnaire' | 'candidat' | 'validee', Navigateur> =
      {} as never
    let deposee: { id: string }
    let candidatId: string
    beforeAll(async () => {
      t = await appDeTest(moteur)
      deposee = await creerStructure(t.base.db, {
        nom: 'Mairie déposée',
        type: 'commune',
        codeCommune: '13055',
        codeDepartement: '13',
        codeRegion: '93',
        latitude: 43.28,
        longitude: 5.38,
        statut: 'deposee',
        dateDebutSouhaitee: dansJours(30),
      })
      const validee = await creerStructure(t.base.db, {
        nom: 'Mairie validée',
        type: 'commune',
        codeCommune: '13055',
        codeDepartement: '13',
        codeRegion: '93',
        latitude: 43.28,
        longitude: 5.38,
        statut: 'validee',
        postesValides: 1,
      })
      const compteCandidat = await creerCompteTest(t.base, { habilitations: H.candidat() })
      const c = await creerCandidature(t.base.db, {
        compteId: compteCandidat.id,
        prenom: 'Léa',
        nom: 'Prop',
        email: compteCandidat.email,
        telephone: '0600000000',
        codeCommune: '13055',
        nomCommune: 'Marseille',
        codeDepartement: '13',
        codeRegion: '93',
        latitude: 43.28,
        longitude: 5.38,
        rayonKm: 20,
        disponibleLe: dansJours(10),
        situation: 'autre',
        motivation: 'Motivation de test assez longue.',
        statut: 'en_cours_de_recrutement',
      })
      candidatId = c.id
      await creerMiseEnRelation(t.base.db, {
        structureId: validee.id,
        candidatureId: c.id,
        statut: 'preselectionnee',
      })
      const comptes = {
        prefecture: await creerCompteTest(t.base, { habilitations: H.prefecture('13') }),
        admin: await creerCompteTest(t.base, { habilitations: H.admin(), totp: true }),
        gestionnaire: await creerCompteTest(t.base, { habilitations: H.gestionnaire(deposee.id) }),
        candidat: compteCandidat,
        validee: await creerCompteTest(t.base, { habilitations: H.gestionnaire(validee.id) }),
      }
      for (const [qui, compte] of Object.entries(comptes)) {
        const n = new Navigateur(t.app)
        await connecter(n, t, compte)
        nav[qui as keyof typeof nav] = n
      }
    })
    afterAll(async () => t.fermer())

    /** One query for every table: the content hash of each, side by side. */
    const REQUETE_EMPREINTE = `select concat_ws(',', ${TABLES.map(
      (t) => `(select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from ${t} x)`,
    ).join(', ')}) as h`
    const empreinte = async () =>
      lignes<{ h: string }>(await t.base.db.execute(sql.raw(REQUETE_EMPREINTE)))[0]?.h ?? ''

    it('propriété : jamais de 5xx, un refus nomme le champ en français et n’écrit rien', async () => {
      const formulaires: { qui: keyof typeof nav; page: string; action: string; champs: string[] }[] = [
        {
          qui: 'prefecture',
          page: `/prefecture/structures/${deposee.id}`,
          action: `/prefecture/structures/${deposee.id}/avis`,
          champs: ['avis', 'rang', 'commentaire', 'postes_proposes'],
        },
        {
          qui: 'admin',
          page: `/comite/structures/${deposee.id}`,
          action: `/comite/structures/${deposee.id}/decision`,
          champs: ['avis', 'postes_accordes'],
        },
        {
          qui: 'admin',
          page: '/comite/programme',
          action: '/comite/programme/phases',
          champs: [
            'code',
            'libelle_phase',
            'quota_postes',
            'enveloppe_euros',
            'duree_mois',
            'taux_public',
            'taux_prive',
            'echeancier',
          ],
        },
        {
          qui: 'admin',
          page: '/comite/programme',
          action: '/comite/programme/taux',
          champs: ['categorie', 'territoire', 'montant_euros'],
        },
        {
          qui: 'admin',
          page: '/comite/programme',
          action: '/comite/programme/allocations',
          champs: ['departement', 'postes_max'],
        },
        {
          qui: 'admin',
          page: '/comite/programme',
          action: '/comite/programme/vagues',
          champs: ['libelle', 'date_limite'],
        },
        {
          qui: 'admin',
          page: '/formation',
          action: '/formation/sessions',
          champs: ['parcours', 'libelle', 'debut', 'fin', 'lieu', 'departement', 'capacite'],
        },
        {
          qui: 'admin',
          page: '/formation',
          action: '/formation/objectifs',
          champs: ['code_parcours', 'annee', 'cible'],
        },
        {
          qui: 'gestionnaire',
          page: '/structure/candidature',
          action: '/structure/candidature',
          champs: [
            'nom',
            'siret',
            'rna',
            'type',
            'adresse',
            'code_commune',
            'contact_prenom',
            'contact_nom',
            'contact_fonction',
            'contact_telephone',
            'postes_souhaites',
            'date_debut',
            'projet',
            'zone_intervention',
          ],
        },
        {
          qui: 'candidat',
          page: '/candidat',
          action: '/candidat',
          champs: [
            'prenom',
            'nom',
            'telephone',
            'code_commune',
            'rayon_km',
            'disponible_le',
            'situation',
            'motivation',
            'niveau_pix',
          ],
        },
        {
          qui: 'validee',
          page: `/structure/candidats/${candidatId}`,
          action: `/structure/candidats/${candidatId}/entretien`,
          champs: ['note', 'le'],
        },
        {
          qui: 'validee',
          page: `/structure/candidats/${candidatId}`,
          action: `/structure/candidats/${candidatId}/recrutement`,
          champs: ['type_contrat', 'debut'],
        },
      ]
      const valeur = fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom(
          '',
          ' ',
          '0',
          '-1',
          '1',
          '13',
          '2A',
          '*',
          '999999999999',
          '2021-02-30',
          dansJours(-5),
          dansJours(20),
          dansJours(2000),
          '<b>',
          'favorable',
          'validee',
          'public',
          '60, 40',
          '3ans',
          'association',
          '13055',
          'Un commentaire assez long pour passer.',
        ),
      )
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...formulaires),
          fc.array(valeur, { minLength: 13, maxLength: 13 }),
          fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }),
          async (f, valeurs, presents) => {
            const n = nav[f.qui]
            await n.get(f.page)
            const champs = Object.fromEntries(
              f.champs.flatMap((c, i) => (presents[i] ? [[c, valeurs[i] ?? '']] : [])),
            ) as Record<string, string>
            const avant = await empreinte()
            const r = await n.post(f.action, champs)
            expect(r.statusCode, `${f.action} ${JSON.stringify(champs)}`).toBeLessThan(500)
            if (r.statusCode === 400 || r.statusCode === 422) {
              expect(r.body).toMatch(/fr-error-text|fr-alert--error/)
              expect(await empreinte(), `${f.action} a écrit malgré le refus`).toBe(avant)
            }
          },
        ),
        { numRuns: 60 },
      )
    }, 180_000)
  },
)
