import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AppDeTest,
  appDeTest,
  connecter,
  creerCompteTest,
  H,
  SECRET_TOTP_TEST,
} from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { sha256 } from '../../../platform/crypto'
import { dateLongue } from '../../../platform/http/dates'
import { codeTotp } from '../../comptes'
import { creerOrganisation } from '../db/organisations-repository'
import { brouillonsMandat, mandats, sessionsUsager, usagers } from '../db/schema'
import { VERSION_TEXTE_MANDAT } from '../domain/mandat'

describe.each(MOTEURS)('attestations imprimables (PDF) et leur vérification publique (%s)', (moteur) => {
  let t: AppDeTest
  let aidant: Navigateur
  let aidantId: string
  let orgId: string
  let autreOrgId: string
  let usagerId: string

  beforeAll(async () => {
    t = await appDeTest(moteur)
    const org = await creerOrganisation(t.base.db, {
      nom: 'CCAS de Roubaix',
      type: 'ccas',
      codeCommune: '59512',
      codeDepartement: '59',
      codeRegion: '32',
    })
    orgId = org.id
    autreOrgId = (
      await creerOrganisation(t.base.db, {
        nom: 'France services Lille',
        type: 'france_services',
        codeCommune: '59350',
        codeDepartement: '59',
        codeRegion: '32',
      })
    ).id
    const a = await creerCompteTest(t.base, { habilitations: H.aidant(org.id), totp: true })
    aidantId = a.id
    aidant = new Navigateur(t.app)
    await connecter(aidant, t, a)
    const [u] = await t.base.db
      .insert(usagers)
      .values({
        subHash: 'h-attestation',
        prenoms: 'Łucja',
        nom: 'Bernard',
        dateNaissance: '1948-02-03',
        genre: 'female',
        lieuNaissance: '59350',
        paysNaissance: '99100',
      })
      .returning()
    usagerId = u?.id ?? ''
  })
  afterAll(async () => t?.fermer())

  const signerMandat = async () => {
    const [b] = await t.base.db
      .insert(brouillonsMandat)
      .values({
        aidantId,
        organisationId: orgId,
        usagerId,
        demarches: ['social', 'logement'],
        duree: 'semestre',
        expireLe: new Date(t.maintenant.valeur.getTime() + 30 * 60_000),
      })
      .returning()
    const recap = `/aidants/mandats/recapitulatif/${b?.id}`
    await aidant.get(recap)
    const r = await aidant.post(recap, {
      consentement: 'oui',
      code: codeTotp(SECRET_TOTP_TEST, new Date(t.maintenant.valeur.getTime() + 30_000)),
    })
    expect(r.statusCode).toBe(303)
    const [m] = await t.base.db.select().from(mandats).where(eq(mandats.usagerId, usagerId))
    if (!m) throw new Error('mandat')
    return m
  }
  /** The PDF as latin-1 text (the platform's writer does not compress): title, page count, printed text. */
  const lirePdf = async (r: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer }) => {
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toBe('application/pdf')
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const texte = r.rawPayload.toString('latin1')
    expect(texte.trimEnd().endsWith('%%EOF')).toBe(true)
    return {
      titre: /\/Title \(([^)]*)\)/.exec(texte)?.[1] ?? '',
      pages: Number(/\/Type \/Pages \/Count (\d+)/.exec(texte)?.[1]),
      imprime: [...texte.matchAll(/\(((?:[^()\\]|\\.)*)\) Tj/g)].map((m) => m[1]).join('\n'),
    }
  }

  it('donne l’attestation de mandat en PDF, avec son empreinte vérifiable et le texte de sa version', async () => {
    const m = await signerMandat()
    const page = await aidant.get(`/aidants/mandats/${m.id}/attestation`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(`/aidants/mandats/${m.id}/attestation.pdf`)
    expect(page.body).toContain('articles 1984 et suivants du Code civil')
    expect(page.body).toContain(`version du ${dateLongue(VERSION_TEXTE_MANDAT)}`)
    expect(page.body).not.toContain(VERSION_TEXTE_MANDAT)

    const pdf = await lirePdf(await aidant.get(`/aidants/mandats/${m.id}/attestation.pdf`))
    expect(pdf.pages).toBe(1)
    expect(pdf.titre).toContain('Attestation de mandat')
    expect(pdf.titre).toContain(m.hashAttestation)
    expect(pdf.imprime).toContain(m.hashAttestation)
    expect(pdf.imprime).toContain('/aidants/verifier/')
    expect(pdf.imprime).toContain('articles 1984 et suivants du Code civil')
    expect(pdf.imprime).toContain('Social - Santé')
    // A letter outside the PDF fonts loses its diacritic instead of printing « ? ».
    expect(pdf.imprime).toContain('Lucja Bernard')

    // The public page confirms it, says it is in force, and shows nothing personal.
    const verif = await new Navigateur(t.app).get(`/aidants/verifier/${m.hashAttestation}`)
    expect(verif.statusCode).toBe(200)
    expect(verif.body).toContain('Cette attestation est authentique.')
    expect(verif.body).toContain('État actuel du mandat : Actif')
    expect(verif.body).not.toContain('Bernard')
    // A forged hash is not confirmed.
    const faux = `${m.hashAttestation.slice(0, 63)}${m.hashAttestation.endsWith('0') ? '1' : '0'}`
    expect((await new Navigateur(t.app).get(`/aidants/verifier/${faux}`)).statusCode).toBe(404)
  })

  it('donne l’attestation de révocation en PDF et la page de vérification dit le mandat révoqué', async () => {
    const [m] = await t.base.db.select().from(mandats).where(eq(mandats.usagerId, usagerId))
    if (!m) throw new Error('mandat')
    await aidant.get(`/aidants/usagers/${usagerId}`)
    expect((await aidant.post(`/aidants/mandats/${m.id}/revoquer`, {})).statusCode).toBe(303)
    const [revoque] = await t.base.db.select().from(mandats).where(eq(mandats.id, m.id))
    expect(revoque?.hashRevocation).toMatch(/^[0-9a-f]{64}$/)
    const pdf = await lirePdf(await aidant.get(`/aidants/mandats/${m.id}/attestation.pdf?revocation=1`))
    expect(pdf.titre).toContain('révocation')
    expect(pdf.imprime).toContain(revoque?.hashRevocation ?? 'absent')
    const verif = await new Navigateur(t.app).get(`/aidants/verifier/${revoque?.hashRevocation}`)
    expect(verif.body).toContain('Attestation de révocation')
    expect(verif.body).toContain('Révoqué')
    // The original attestation now reads as revoked too.
    expect((await new Navigateur(t.app).get(`/aidants/verifier/${m.hashAttestation}`)).body).toContain(
      'Révoqué',
    )
  })

  it('ne donne l’attestation qu’aux aidants de la structure et à l’usager lui-même', async () => {
    const [m] = await t.base.db.select().from(mandats).where(eq(mandats.usagerId, usagerId))
    const url = `/aidants/mandats/${m?.id}/attestation.pdf`
    const autre = new Navigateur(t.app)
    await connecter(
      autre,
      t,
      await creerCompteTest(t.base, { habilitations: H.aidant(autreOrgId), totp: true }),
    )
    expect((await autre.get(url)).statusCode).toBe(404)
    expect((await new Navigateur(t.app).get(url)).statusCode).not.toBe(200)

    const anonyme = await new Navigateur(t.app).get(`/mes-mandats/${m?.id}/attestation.pdf`)
    expect(anonyme.statusCode).toBe(303)
    expect(anonyme.headers.location).toBe('/mes-mandats')

    // The usager, signed in to their space, gets their own attestation, and not someone else's.
    const jeton = 'jeton-de-session-usager-de-test'
    await t.base.db.insert(sessionsUsager).values({
      jetonHash: sha256(jeton),
      usagerId,
      expireLe: new Date(t.maintenant.valeur.getTime() + 10 * 60_000),
    })
    const usager = new Navigateur(t.app)
    usager.cookies.set('escale_usager', t.app.signCookie(jeton))
    await lirePdf(await usager.get(`/mes-mandats/${m?.id}/attestation.pdf`))
    const [autreUsager] = await t.base.db
      .insert(usagers)
      .values({
        subHash: 'h-autre',
        prenoms: 'Marc',
        nom: 'Autre',
        dateNaissance: '1950-01-01',
        genre: 'male',
        lieuNaissance: '59350',
        paysNaissance: '99100',
      })
      .returning()
    const id = crypto.randomUUID()
    await t.base.db.insert(mandats).values({
      id,
      organisationId: orgId,
      usagerId: autreUsager?.id ?? '',
      creeParId: aidantId,
      creeLe: t.maintenant.valeur,
      expireLe: new Date(t.maintenant.valeur.getTime() + 86_400_000),
      duree: 'jour',
      versionTexte: VERSION_TEXTE_MANDAT,
      consentement: 'sur_place',
      hashAttestation: 'a'.repeat(64),
    })
    expect((await usager.get(`/mes-mandats/${id}/attestation.pdf`)).statusCode).toBe(404)
  })
})
