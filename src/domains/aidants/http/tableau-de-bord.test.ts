import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { texteDuBloc } from '../../../../tests/support/tableau-de-bord'
import type { Habilitation } from '../../comptes'
import { creerOrganisation } from '../db/organisations-repository'
import { dispositifs, habilitationsAidant, mandats, usagers } from '../db/schema'

const JOUR = 86_400_000

describe.each(MOTEURS)('tableau de bord : aidant et référent Aidants Connect (%s)', (moteur) => {
  let t: AppDeTest
  let aidant: Navigateur
  let referent: Navigateur
  beforeAll(async () => {
    t = await appDeTest(moteur)
    const maintenant = new Date('2026-03-15T10:00:00Z')
    t.maintenant.valeur = maintenant
    const org = await creerOrganisation(t.base.db, {
      nom: 'France services Lille',
      type: 'france_services',
      codeCommune: '59350',
      codeDepartement: '59',
      codeRegion: '32',
    })
    const autre = await creerOrganisation(t.base.db, {
      nom: 'CCAS Arras',
      type: 'ccas',
      codeCommune: '62041',
      codeDepartement: '62',
      codeRegion: '32',
    })
    const role = (r: 'aidant' | 'referent'): Habilitation[] => [
      { role: r, portee: { type: 'organisation', code: org.id, libelle: `${org.nom} (59)` } },
    ]
    const compteAidant = await creerCompteTest(t.base, { habilitations: role('aidant'), totp: true })
    const compteReferent = await creerCompteTest(t.base, { habilitations: role('referent'), totp: true })

    let n = 0
    const mandat = async (
      organisationId: string,
      prenoms: string,
      expireDansJours: number,
      revoque = false,
    ) => {
      n++
      const [u] = await t.base.db
        .insert(usagers)
        .values({
          subHash: `sub-${n}-${moteur}`,
          prenoms,
          nom: 'Durand',
          dateNaissance: '1950-01-01',
          genre: 'female',
          lieuNaissance: '59350',
          paysNaissance: '99100',
        })
        .returning()
      await t.base.db.insert(mandats).values({
        organisationId,
        usagerId: u!.id,
        creeParId: compteAidant.id,
        creeLe: new Date(maintenant.getTime() - 300 * JOUR),
        expireLe: new Date(maintenant.getTime() + expireDansJours * JOUR),
        duree: 'an',
        versionTexte: '1',
        consentement: 'sur_place',
        hashAttestation: `attestation-${n}-${moteur}`,
        ...(revoque ? { revoqueLe: maintenant } : {}),
      })
    }
    await mandat(org.id, 'Jeanne', 3)
    await mandat(org.id, 'Marcel', 20)
    await mandat(org.id, 'Lucienne', 200)
    await mandat(org.id, 'Expiré', -2)
    await mandat(org.id, 'Révoqué', 5, true)
    await mandat(autre.id, 'Ailleurs', 4)

    const [h] = await t.base.db
      .insert(habilitationsAidant)
      .values([
        {
          organisationId: org.id,
          email: 'sophie@exemple.fr',
          prenom: 'Sophie',
          nom: 'Lambert',
          profession: 'Agente France services',
          statut: 'active',
          compteId: compteAidant.id,
          creeLe: maintenant,
        },
        {
          organisationId: org.id,
          email: 'nora@exemple.fr',
          prenom: 'Nora',
          nom: 'Vidal',
          profession: 'Médiatrice',
          statut: 'en_formation',
          creeLe: maintenant,
        },
      ])
      .returning()
    await t.base.db.insert(dispositifs).values({
      type: 'carte',
      numeroSerie: 'GADT0001234',
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      compteId: h!.compteId,
      organisationId: org.id,
      confirmeLe: maintenant,
    })
    aidant = new Navigateur(t.app)
    await connecter(aidant, t, compteAidant)
    referent = new Navigateur(t.app)
    await connecter(referent, t, compteReferent)
  })
  afterAll(async () => t.fermer())

  it('l’aidant voit ses mandats en cours et ceux qui expirent dans les 30 jours, les plus proches d’abord', async () => {
    const b = texteDuBloc((await aidant.get('/espace')).body, 'tdb-aidants-aidant')
    expect(b).toContain('Créer un mandat')
    // Running: Jeanne, Marcel, Lucienne (not the expired, the revoked, nor another organisation's).
    expect(b).toContain('3 mandats en cours')
    expect(b).toContain('2 expirent dans les 30 jours')
    expect(b.indexOf('Jeanne Durand')).toBeLessThan(b.indexOf('Marcel Durand'))
    expect(b).toContain('Expire le 18 mars 2026')
    for (const absent of ['Lucienne', 'Expiré', 'Révoqué', 'Ailleurs']) expect(b).not.toContain(absent)
  })

  it('le référent voit ses aidants et leurs cartes', async () => {
    const b = texteDuBloc((await referent.get('/espace')).body, 'tdb-aidants-referent-1')
    expect(b).toContain('Les aidants de France services Lille')
    expect(b).toContain('2 aidants')
    expect(b).toContain('1 sans carte confirmée')
    expect(b).toContain('Sophie Lambert Compte activé · carte GADT0001234')
    expect(b).toContain(
      'Nora Vidal Éligibilité validée, formation à suivre · aucune carte ni application confirmée',
    )
  })
})
