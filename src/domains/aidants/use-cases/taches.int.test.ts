import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { creerCompteTest } from '../../../../tests/support/app'
import { MOTEURS, nouvelleBase } from '../../../../tests/support/bases'
import type { DatabaseHandle } from '../../../platform/db/database'
import { outboxMessages } from '../../../platform/outbox/schema'
import { codeTotp, habilitationsDe, portComptes, reserverPasTotp, trouverCompte } from '../../comptes'
import { verifierJournal } from '../db/journal-repository'
import { creerOrganisation } from '../db/organisations-repository'
import { etatsAidant, habilitationsAidant, journal, mandats, sessionsUsager, usagers } from '../db/schema'
import type { DepsAidants } from './deps'
import { makeTaches } from './taches'

const JOUR = 86_400_000

describe.each(MOTEURS)('tâches planifiées : inactivité des aidants, rappels d’expiration (%s)', (moteur) => {
  let base: DatabaseHandle
  const maintenant = { valeur: new Date('2026-06-01T08:00:00Z') }
  let taches: ReturnType<typeof makeTaches>
  let orgId: string
  const mails = async (destinataire: string) =>
    base.db.select().from(outboxMessages).where(eq(outboxMessages.destinataire, destinataire))
  const aidantInscritIlYa = async (email: string, jours: number) => {
    const compte = await creerCompteTest(base, {
      habilitations: [{ role: 'aidant', portee: { type: 'organisation', code: orgId, libelle: 'Org' } }],
      email,
    })
    const [h] = await base.db
      .insert(habilitationsAidant)
      .values({
        organisationId: orgId,
        email,
        prenom: 'Paul',
        nom: 'Durand',
        profession: 'Agent',
        statut: 'active',
        compteId: compte.id,
        creeLe: new Date(maintenant.valeur.getTime() - jours * JOUR),
      })
      .returning()
    return { compte, h }
  }

  beforeAll(async () => {
    base = await nouvelleBase(moteur)
    const horloge = () => maintenant.valeur
    const deps: DepsAidants = {
      db: base.db,
      horloge,
      baseUrl: 'http://127.0.0.1',
      simulateurs: true,
      secret: 'secret-de-test-aidants-connect-0123456789',
      franceConnect: { issuer: undefined, clientId: 'x', clientSecret: 'y' },
      formationTerminee: async () => undefined,
      comptes: {
        trouver: (id) => trouverCompte(base.db, id),
        codeTotp,
        reserverPasTotp: (id, pas) => reserverPasTotp(base.db, id, pas),
      },
      portComptes: portComptes({ db: base.db, horloge, baseUrl: 'http://127.0.0.1', inactiviteParRole: {} }),
    }
    taches = makeTaches(deps)
    orgId = (
      await creerOrganisation(base.db, {
        nom: 'Org',
        type: 'ccas',
        codeCommune: '59350',
        codeDepartement: '59',
        codeRegion: '32',
      })
    ).id
  })
  afterAll(async () => base?.close())

  it('avertit après 5 mois sans activité, une seule fois, puis retire le rôle d’aidant un mois après', async () => {
    const { compte, h } = await aidantInscritIlYa('inactif@exemple.fr', 151)
    await aidantInscritIlYa('actif@exemple.fr', 20)
    expect(await taches.traiterInactivite()).toEqual({ avertis: 1, desactives: 0 })
    expect(await taches.traiterInactivite()).toEqual({ avertis: 0, desactives: 0 })
    const [avertissement] = await mails('inactif@exemple.fr')
    expect(avertissement?.sujet).toContain('sera suspendue dans un mois')
    expect(await mails('actif@exemple.fr')).toEqual([])

    maintenant.valeur = new Date(maintenant.valeur.getTime() + 31 * JOUR)
    expect((await taches.traiterInactivite()).desactives).toBe(1)
    const [apres] = await base.db
      .select()
      .from(habilitationsAidant)
      .where(eq(habilitationsAidant.id, h?.id ?? ''))
    expect(apres).toMatchObject({ statut: 'annulee', motifRetrait: 'Inactivité (6 mois sans connexion)' })
    expect(await habilitationsDe(base.db, compte.id)).toEqual([])
    const actions = (await base.db.select().from(journal).where(eq(journal.aidantId, compte.id))).map(
      (e) => e.action,
    )
    expect(actions).toContain('desactivation_inactivite')
  })

  it('annule l’avertissement si l’aidant agit avant l’échéance', async () => {
    const { compte } = await aidantInscritIlYa('revenu@exemple.fr', 151)
    await taches.traiterInactivite()
    expect((await mails('revenu@exemple.fr')).length).toBe(1)
    maintenant.valeur = new Date(maintenant.valeur.getTime() + 10 * JOUR)
    await base.db
      .update(etatsAidant)
      .set({ derniereActiviteLe: maintenant.valeur })
      .where(eq(etatsAidant.compteId, compte.id))
    maintenant.valeur = new Date(maintenant.valeur.getTime() + 25 * JOUR)
    await taches.traiterInactivite()
    expect(await habilitationsDe(base.db, compte.id)).toHaveLength(1)
    const [etat] = await base.db.select().from(etatsAidant).where(eq(etatsAidant.compteId, compte.id))
    expect(etat?.averti).toBeNull()
  })

  it('rappelle une fois aux aidants actifs de la structure les mandats qui expirent dans 7 jours', async () => {
    await aidantInscritIlYa('rappel@exemple.fr', 1)
    const [u] = await base.db
      .insert(usagers)
      .values({
        subHash: 'h-rappel',
        prenoms: 'Jeanne',
        nom: 'Petit',
        dateNaissance: '1950-01-01',
        genre: 'female',
        lieuNaissance: '59350',
        paysNaissance: '99100',
      })
      .returning()
    const mandat = (jours: number) => ({
      organisationId: orgId,
      usagerId: u?.id ?? '',
      creeParId: crypto.randomUUID(),
      creeLe: maintenant.valeur,
      expireLe: new Date(maintenant.valeur.getTime() + jours * JOUR),
      duree: 'mois',
      versionTexte: 'test',
      consentement: 'sur_place' as const,
      hashAttestation: crypto.randomUUID(),
    })
    await base.db.insert(mandats).values([mandat(3), mandat(10)])
    expect(await taches.rappelerExpirations()).toBe(1)
    expect(await taches.rappelerExpirations()).toBe(0)
    const [m] = await mails('rappel@exemple.fr')
    expect(m?.texte).toContain('même si vous n’avez pas créé ce mandat')
    expect(m?.texte).not.toContain('Petit')
  })

  it('pseudonymise l’usager 3 ans après la fin de son dernier mandat, garde le journal vérifiable', async () => {
    const ANNEE = 365 * JOUR
    const usager = async (nom: string, creeIlYa: number) => {
      const [u] = await base.db
        .insert(usagers)
        .values({
          subHash: `h-retention-${nom}`,
          prenoms: 'Lucie',
          nom,
          dateNaissance: '1948-03-02',
          genre: 'female',
          lieuNaissance: '59350',
          paysNaissance: '99100',
          email: `${nom.toLowerCase()}@exemple.fr`,
          creeLe: new Date(maintenant.valeur.getTime() - creeIlYa),
        })
        .returning()
      if (!u) throw new Error('usager')
      return u.id
    }
    const mandat = async (usagerId: string, expireIlYa: number, revoqueIlYa?: number) => {
      await base.db.insert(mandats).values({
        organisationId: orgId,
        usagerId,
        creeParId: crypto.randomUUID(),
        creeLe: new Date(maintenant.valeur.getTime() - expireIlYa - ANNEE),
        expireLe: new Date(maintenant.valeur.getTime() - expireIlYa),
        revoqueLe: revoqueIlYa === undefined ? null : new Date(maintenant.valeur.getTime() - revoqueIlYa),
        duree: 'annee',
        versionTexte: 'test',
        consentement: 'sur_place' as const,
        hashAttestation: crypto.randomUUID(),
      })
    }
    // Last mandate ended 3 years and 2 days ago: pseudonymised.
    const ancien = await usager('Ancien', 5 * ANNEE)
    await mandat(ancien, 4 * ANNEE)
    await mandat(ancien, 3 * ANNEE + 2 * JOUR)
    // An old mandate, but a more recent one ended only 2 years ago: kept.
    const recent = await usager('Recent', 5 * ANNEE)
    await mandat(recent, 4 * ANNEE)
    await mandat(recent, 2 * ANNEE)
    // Revoked 4 years ago although it would have expired 2 years ago: the revocation ends it.
    const revoque = await usager('Revoque', 6 * ANNEE)
    await mandat(revoque, 2 * ANNEE, 4 * ANNEE)
    // Signed in to the usager space 4 years ago, never gave a mandate: pseudonymised.
    const sansMandat = await usager('SansMandat', 4 * ANNEE)
    // Mandate still in force: kept.
    const actif = await usager('Actif', 5 * ANNEE)
    await mandat(actif, -30 * JOUR)
    await base.db.insert(sessionsUsager).values({
      jetonHash: 'session-de-ancien',
      usagerId: ancien,
      expireLe: new Date(maintenant.valeur.getTime() + JOUR),
    })

    expect(await taches.purgerRetention(2)).toBe(3)
    expect(await taches.purgerRetention()).toBe(0)

    const lignes = await base.db.select().from(usagers)
    const de = (id: string) => lignes.find((u) => u.id === id)
    for (const id of [ancien, revoque, sansMandat]) {
      expect(de(id)).toMatchObject({ prenoms: '', nom: '', dateNaissance: '', email: null })
      expect(de(id)?.pseudonymiseLe).not.toBeNull()
    }
    for (const [id, nom] of [
      [recent, 'Recent'],
      [actif, 'Actif'],
    ] as const)
      expect(de(id)).toMatchObject({ nom, pseudonymiseLe: null })
    expect(await base.db.select().from(sessionsUsager).where(eq(sessionsUsager.usagerId, ancien))).toEqual([])
    // Mandates stay (statistics, verification page); the journal records the purge and stays verifiable.
    expect(await base.db.select().from(mandats).where(eq(mandats.usagerId, ancien))).toHaveLength(2)
    const entrees = await base.db.select().from(journal).where(eq(journal.action, 'pseudonymisation_usager'))
    expect(entrees.map((e) => e.usagerId).sort()).toEqual([ancien, revoque, sansMandat].sort())
    expect(JSON.stringify(entrees)).not.toContain('Ancien')
    expect((await verifierJournal(base.db)).ok).toBe(true)
  })
})
