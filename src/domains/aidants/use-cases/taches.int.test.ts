import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { creerCompteTest } from '../../../../tests/support/app'
import { MOTEURS, nouvelleBase } from '../../../../tests/support/bases'
import type { DatabaseHandle } from '../../../platform/db/database'
import { outboxMessages } from '../../../platform/outbox/schema'
import { codeTotp, habilitationsDe, trouverCompte } from '../../comptes'
import { creerOrganisation } from '../db/organisations-repository'
import { etatsAidant, habilitationsAidant, journal, mandats, usagers } from '../db/schema'
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
      comptes: { trouver: (id) => trouverCompte(base.db, id), codeTotp },
      depsComptes: { db: base.db, horloge, baseUrl: 'http://127.0.0.1', inactiviteParRole: {} },
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
})
