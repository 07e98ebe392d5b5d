import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { ajouterAuJournal } from '../db/journal-repository'
import { creerOrganisation } from '../db/organisations-repository'
import { habilitationsAidant, mandats, organisations, usagers } from '../db/schema'

/** The app's Aidants Connect secret in demo mode (config default): it signs the journal's end. */
const SECRET_AIDANTS_DEMO = 'demo-uniquement-secret-aidants-connect-0123456789'

/** Cells of the row whose first cell is `debut`, as plain text. */
const ligne = (html: string, debut: string) => {
  const tr = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((m) =>
      [...(m[1] ?? '').matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => (c[1] ?? '').replace(/<[^>]+>/g, '')),
    )
    .find((cells) => cells[0] === debut)
  return tr
}

describe.each(MOTEURS)('chiffres publics et API des structures habilitées (%s)', (moteur) => {
  let t: AppDeTest

  beforeAll(async () => {
    t = await appDeTest(moteur)
    const nord = await creerOrganisation(t.base.db, {
      nom: 'CCAS de Roubaix',
      type: 'ccas',
      codeCommune: '59512',
      codeDepartement: '59',
      codeRegion: '32',
    })
    const bzh = await creerOrganisation(t.base.db, {
      nom: 'France services Quimper',
      type: 'france_services',
      codeCommune: '29232',
      codeDepartement: '29',
      codeRegion: '53',
    })
    const fermee = await creerOrganisation(t.base.db, {
      nom: 'Structure fermée',
      type: 'association',
      codeCommune: '29019',
      codeDepartement: '29',
      codeRegion: '53',
    })
    await t.base.db.update(organisations).set({ active: false }).where(eq(organisations.id, fermee.id))
    await t.base.db.insert(habilitationsAidant).values(
      ['a@exemple.fr', 'b@exemple.fr', 'c@exemple.fr'].map((email, i) => ({
        organisationId: i === 2 ? bzh.id : nord.id,
        email,
        prenom: 'A',
        nom: 'B',
        profession: 'Agent',
        statut: i === 1 ? 'en_formation' : 'active',
        creeLe: new Date(),
      })),
    )
    const [u] = await t.base.db
      .insert(usagers)
      .values({
        subHash: 'h-stats',
        prenoms: 'Jeanne',
        nom: 'Confidentielle',
        dateNaissance: '1950-01-01',
        genre: 'female',
        lieuNaissance: '59350',
        paysNaissance: '99100',
      })
      .returning()
    const mandat = async (organisationId: string) => {
      const id = crypto.randomUUID()
      await t.base.db.insert(mandats).values({
        id,
        organisationId,
        usagerId: u?.id ?? '',
        creeParId: crypto.randomUUID(),
        creeLe: new Date(),
        expireLe: new Date(Date.now() + 86_400_000),
        duree: 'jour',
        versionTexte: 'test',
        consentement: 'sur_place',
        hashAttestation: crypto.randomUUID(),
      })
      return id
    }
    const m59 = await mandat(nord.id)
    await mandat(nord.id)
    const m29 = await mandat(bzh.id)
    const utiliser = (organisationId: string, mandatId: string, demarche: string) =>
      ajouterAuJournal(t.base.db, SECRET_AIDANTS_DEMO, {
        action: 'utilisation_autorisation',
        le: new Date(),
        organisationId,
        usagerId: u?.id ?? null,
        mandatId,
        demarche,
      })
    await utiliser(nord.id, m59, 'social')
    await utiliser(nord.id, m59, 'social')
    await utiliser(nord.id, m59, 'logement')
    await utiliser(bzh.id, m29, 'social')
  })
  afterAll(async () => t?.fermer())

  it('publie aidants et structures habilités, mandats, démarches par domaine et par département', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/aidants/statistiques' })
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain('2 aidants habilités')
    expect(r.body).toContain('2 structures habilitées')
    expect(r.body).toContain('3 mandats créés')
    expect(ligne(r.body, 'Social - Santé')?.[1]).toBe('3')
    expect(ligne(r.body, 'Logement')?.[1]).toBe('1')
    expect(ligne(r.body, 'Justice')?.[1]).toBe('0')
    expect(ligne(r.body, '59')?.slice(1)).toEqual(['2', '3'])
    expect(ligne(r.body, '29')?.slice(1)).toEqual(['1', '1'])
    expect(r.body).not.toContain('Confidentielle')
  })

  it('l’API publique liste les structures habilitées actives, sans donnée personnelle', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/aidants/organisations' })
    expect(r.statusCode).toBe(200)
    const corps = r.json() as { organisations: Record<string, unknown>[] }
    expect(corps.organisations.map((o) => o.nom)).toEqual(['France services Quimper', 'CCAS de Roubaix'])
    expect(Object.keys(corps.organisations[0] ?? {}).sort()).toEqual(
      [
        'codeCommune',
        'codeDepartement',
        'codeRegion',
        'id',
        'nom',
        'numeroFranceServices',
        'siret',
        'type',
      ].sort(),
    )
    const refus = await t.app.inject({ method: 'POST', url: '/api/v1/aidants/organisations' })
    expect(refus.statusCode).toBeGreaterThanOrEqual(400)
    expect(refus.statusCode).toBeLessThan(500)
  })
})
