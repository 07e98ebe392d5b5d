import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, ouvrirBase } from '../../src/app'
import { loadConfig } from '../../src/config'
import { MOT_DE_PASSE_DEMO, TOTP_DEMO } from '../../src/demo/seed'
import { clientsPartenaires } from '../../src/domains/aidants/db/schema'
import { codeTotp } from '../../src/domains/comptes'
import type { DatabaseHandle } from '../../src/platform/db/database'
import { baseUrl, lancerChromium, sansChromium, verifierAccessibilite } from './outils'
import { demarrerPartenaire } from './partenaire'

/** A TOTP code is accepted once per account: wait for the next 30-second step before reusing the account. */
async function codeFrais(dernierPas: { valeur: number }): Promise<string> {
  for (;;) {
    const pas = Math.floor(Date.now() / 30_000)
    if (pas > dernierPas.valeur) {
      dernierPas.valeur = pas
      return codeTotp(TOTP_DEMO, new Date())
    }
    await new Promise((r) => setTimeout(r, 500))
  }
}

describe.skipIf(sansChromium())(
  'aidants : mandat, FranceConnect et connexion à une démarche partenaire',
  () => {
    let navigateur: Browser
    let contexte: BrowserContext
    let page: Page
    const dernierPas = { valeur: 0 }
    beforeAll(async () => {
      navigateur = await lancerChromium()
      contexte = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
      page = await contexte.newPage()
    })
    afterAll(async () => navigateur?.close())

    it('un aidant crée un mandat avec un usager identifié par FranceConnect, puis se connecte à la démarche partenaire en son nom', async () => {
      await page.goto('/connexion')
      await page.getByLabel('Adresse e-mail').fill('aidant.marseille@demo.escale.localhost')
      await page.getByLabel('Mot de passe').fill(MOT_DE_PASSE_DEMO)
      await page.getByRole('button', { name: 'Se connecter' }).click()
      await page.waitForURL('**/connexion/totp')
      await page.getByLabel('Code à 6 chiffres').fill(await codeFrais(dernierPas))
      await page.getByRole('button', { name: 'Valider' }).click()
      await page.waitForURL('**/espace')

      await page.goto('/aidants/espace')
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mes usagers')
      await verifierAccessibilite(page)
      await page.getByRole('link', { name: 'Créer un mandat' }).click()
      await page.waitForURL('**/aidants/mandats/nouveau')
      await verifierAccessibilite(page)
      await page.getByLabel('Social - Santé').check({ force: true })
      await page.getByLabel('Logement').check({ force: true })
      await page.getByLabel('12 mois (mandat long)').check({ force: true })
      await page.getByRole('button', { name: 'Identifier l’usager avec FranceConnect' }).click()

      // The FranceConnect simulator, a real OpenID Connect provider on the same server.
      await page.waitForURL('**/simulateurs/franceconnect/interaction/**')
      await verifierAccessibilite(page)
      await page.getByLabel(/Jean Martin/).check({ force: true })
      await page.getByRole('button', { name: 'Continuer sur le service' }).click()
      await page.waitForURL('**/aidants/mandats/recapitulatif/**')
      expect(await page.locator('main').textContent()).toContain('Jean Martin')
      await verifierAccessibilite(page)
      await page
        .getByLabel('L’usager a été informé de ses droits et a donné son accord pour ce mandat.')
        .check({ force: true })
      await page
        .getByLabel('Code à 6 chiffres de votre carte ou application')
        .fill(await codeFrais(dernierPas))
      await page.getByRole('button', { name: 'Signer le mandat' }).click()
      await page.waitForURL('**/aidants/mandats/*/attestation')
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Attestation de mandat')
      await verifierAccessibilite(page)
      const verification = await page.locator('a[href*="/aidants/verifier/"]').getAttribute('href')
      expect(verification).toBeTruthy()
      // The printable PDF carries the same verification address.
      const lienPdf = await page
        .getByRole('link', { name: 'Télécharger l’attestation (PDF à imprimer)' })
        .getAttribute('href')
      const pdf = await page.request.get(lienPdf ?? '/')
      expect(pdf.status()).toBe(200)
      expect(pdf.headers()['content-type']).toBe('application/pdf')
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')

      // The public verification page confirms the attestation without personal data.
      await page.goto(new URL(verification ?? '/').pathname)
      expect(await page.locator('main').textContent()).toContain('Cette attestation est authentique.')
      expect(await page.locator('main').textContent()).not.toContain('Martin')
      await verifierAccessibilite(page)

      // The partner démarche logs in through our identity provider.
      await page.goto('/demarche-partenaire')
      await verifierAccessibilite(page)
      await page.getByRole('button', { name: 'Se connecter avec Aidants Connect' }).click()
      await page.waitForURL('**/aidants/connexion-demarche/**')
      await verifierAccessibilite(page)
      await page.getByLabel(/Jean Martin/).check({ force: true })
      await page.getByRole('button', { name: 'Continuer' }).click()
      await verifierAccessibilite(page)
      await page.getByLabel('Logement').check({ force: true })
      await page.getByRole('button', { name: 'Se connecter au nom de l’usager' }).click()
      await page.waitForURL('**/demarche-partenaire/retour**')
      const texte = await page.locator('main').textContent()
      expect(texte).toContain('Connecté au nom de l’usager')
      expect(texte).toContain('Usager : Jean Martin')
      expect(texte).toContain('Démarche : Logement')
      await verifierAccessibilite(page)
    })

    it('l’usager se connecte avec FranceConnect, voit qui a utilisé son mandat et le révoque', async () => {
      const usager = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
      const p = await usager.newPage()
      await p.goto('/mes-mandats')
      await verifierAccessibilite(p)
      await p.getByRole('button', { name: 'S’identifier avec FranceConnect' }).click()
      await p.waitForURL('**/simulateurs/franceconnect/interaction/**')
      await p.getByLabel(/Jean Martin/).check({ force: true })
      await p.getByRole('button', { name: 'Continuer sur le service' }).click()
      await p.waitForURL((u) => u.pathname === '/mes-mandats')
      const texte = await p.locator('main').textContent()
      expect(texte).toContain('France services Marseille 3e')
      expect(texte).toContain('Sophie Lambert')
      await verifierAccessibilite(p)
      // Asked twice, without JavaScript: the first button only unfolds the consequence and the real one.
      const premierMandat = p
        .locator('details.escale-confirmation', { hasText: 'Révoquer tout le mandat' })
        .first()
      await premierMandat.locator('summary').click()
      expect(await premierMandat.textContent()).toContain('On ne peut pas revenir en arrière')
      await verifierAccessibilite(p)
      await premierMandat.getByRole('button', { name: 'Confirmer la révocation du mandat' }).click()
      await p.waitForURL((u) => u.pathname === '/mes-mandats')
      expect(await p.getByRole('status').first().textContent()).toContain('Votre mandat est révoqué.')
      expect(await p.locator('main').textContent()).toContain('Révoqué')
      await verifierAccessibilite(p)
      await usager.close()
    })

    it('un aidant se connecte sans mot de passe : e-mail et code, puis le lien reçu par e-mail', async () => {
      const aidant = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
      const p = await aidant.newPage()
      await p.goto('/aidants/connexion')
      await verifierAccessibilite(p)
      await p.getByLabel('Adresse e-mail').fill('aidant.marseille@demo.escale.localhost')
      await p.getByLabel('Code à 6 chiffres').fill(await codeFrais(dernierPas))
      await p.getByRole('button', { name: 'Recevoir mon lien de connexion' }).click()
      expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('Vérifiez votre messagerie')
      await verifierAccessibilite(p)
      await p.goto('/boite-mail')
      const lien = /\/aidants\/connexion\/lien\/[\w-]+/.exec(await p.content())?.[0]
      expect(lien).toBeTruthy()
      await p.goto(lien ?? '/')
      await verifierAccessibilite(p)
      await p.getByRole('button', { name: 'Me connecter' }).click()
      await p.waitForURL((u) => u.pathname === '/aidants/espace')
      expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('Mes usagers')
      await aidant.close()
    })

    it('l’équipe nationale examine une demande d’habilitation et demande des compléments', async () => {
      const equipe = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
      const p = await equipe.newPage()
      // Through the demo login page: the admin's TOTP code of this 30-second step stays free for the
      // socle journey, which signs the same account in with it.
      await p.goto('/demo')
      await p.getByRole('button', { name: /Camille Morel/ }).click()
      await p.waitForURL((u) => u.pathname !== '/demo')
      await p.goto('/aidants/admin/habilitations')
      await verifierAccessibilite(p)
      await p.getByRole('link', { name: 'Mairie de Quimper' }).click()
      await verifierAccessibilite(p)
      await p.getByLabel('Demander des modifications').check({ force: true })
      await p.getByLabel(/Message au demandeur/).fill('Merci de préciser le numéro de la rue.')
      await p.getByRole('button', { name: 'Enregistrer la décision' }).click()
      expect(await p.locator('main').textContent()).toContain('Modifications demandées')
      expect(await p.locator('main').textContent()).toContain('Merci de préciser le numéro de la rue.')
      await verifierAccessibilite(p)
      await equipe.close()
    })

    it('une structure demande son habilitation en cinq étapes, puis confirme son adresse', async () => {
      const demandeur = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
      const p = await demandeur.newPage()
      const email = `demandeur.${Date.now()}@exemple.fr`
      await p.goto('/aidants/habilitation')
      await verifierAccessibilite(p)
      await p.getByLabel('Vos prénom et nom').fill('Claire Morvan')
      await p.getByLabel('Votre adresse e-mail professionnelle').fill(email)
      await p.getByRole('button', { name: 'Continuer' }).click()
      await p.getByText('Étape 2 sur 5').waitFor()
      await p.getByLabel('Nom de la structure').fill('CCAS de Lannion')
      await p.getByLabel('SIRET').fill('732 829 320 00074')
      await p.getByLabel('Type de structure').selectOption('ccas')
      await p.getByLabel('Adresse', { exact: true }).fill('1 place du Marché')
      await p.getByLabel('Code INSEE de la commune').fill('22113')
      await p.getByLabel('Région').selectOption('53')
      await p.getByLabel('Oui, privée').check({ force: true })
      await p.getByRole('button', { name: 'Continuer' }).click()
      // A private structure must name its partner administration: the step comes back with the error.
      await p
        .getByText('Administration partenaire : obligatoire pour une structure privée.')
        .first()
        .waitFor()
      await verifierAccessibilite(p)
      await p.getByLabel('Non, publique').check({ force: true })
      await p.getByRole('button', { name: 'Continuer' }).click()
      await p.getByText('Étape 3 sur 5').waitFor()
      await verifierAccessibilite(p)
      await p.getByLabel('Prénom et nom du référent').fill('Yann Le Gall')
      await p.getByLabel('E-mail du référent').fill(`referent.${email}`)
      await p.getByRole('button', { name: 'Continuer' }).click()
      await p.getByText('Étape 4 sur 5').waitFor()
      await verifierAccessibilite(p)
      await p.getByLabel(/Aidants à habiliter/).fill(`Maëlle Kerhervé, aidante.${email}, Secrétaire`)
      await p.getByRole('button', { name: 'Continuer' }).click()
      await p.getByText('Étape 5 sur 5').waitFor()
      expect(await p.locator('main').textContent()).toContain('CCAS de Lannion')
      await verifierAccessibilite(p)
      for (const case_ of await p.locator('input[name^="engagement_"]').all())
        await case_.check({ force: true })
      await p.getByRole('button', { name: 'Envoyer la demande' }).click()
      await p.waitForURL('**/aidants/habilitation/envoyee')
      await verifierAccessibilite(p)
      await demandeur.close()
    })
  },
)

/**
 * A partner on another origin, as in production: the CSP's form-action, the provider's session across
 * two logins and the ID token's acr all show only there (the demo partner lives on our own origin). This
 * journey has its own Escale (demo data, its own database) so that the test can register the partner's
 * address, which is known once it listens.
 */
describe.skipIf(sansChromium())('aidants : connexion à un partenaire sur une autre origine', () => {
  let navigateur: Browser
  let escale: FastifyInstance
  let base: DatabaseHandle
  let dossier: string
  let origineEscale: string
  let partenaire: Awaited<ReturnType<typeof demarrerPartenaire>>

  beforeAll(async () => {
    dossier = mkdtempSync(path.join(os.tmpdir(), 'escale-e2e-partenaire-'))
    const config = loadConfig({
      DATA_DIR: dossier,
      DEMO_DATA: '1',
      LOG_LEVEL: 'silent',
      ESCALE_MODE: 'demo',
    })
    base = await ouvrirBase(config)
    escale = await buildApp(config, { base })
    origineEscale = (await escale.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1')
    partenaire = await demarrerPartenaire({
      escale: origineEscale,
      clientId: 'partenaire-autre-origine',
      secret: 'secret-du-partenaire-sur-une-autre-origine',
    })
    await base.db.insert(clientsPartenaires).values({
      clientId: 'partenaire-autre-origine',
      nom: 'Partenaire sur une autre origine',
      secret: 'secret-du-partenaire-sur-une-autre-origine',
      redirectUris: [partenaire.redirectUri],
      postLogoutRedirectUris: [`${partenaire.origine}/`],
    })
    navigateur = await lancerChromium()
  })
  afterAll(async () => {
    await navigateur?.close()
    await partenaire?.fermer()
    await escale?.close()
    await base?.close()
    if (dossier) rmSync(dossier, { recursive: true, force: true })
  })

  it('l’aidant arrive sur le retour du partenaire avec un id_token signé portant l’acr, deux fois de suite', async () => {
    expect(new URL(partenaire.origine).origin).not.toBe(new URL(origineEscale).origin)
    const contexte = await navigateur.newContext({ locale: 'fr-FR' })
    const p = await contexte.newPage()
    const bloques: string[] = []
    p.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) bloques.push(m.text())
    })
    await p.goto(`${origineEscale}/demo`)
    await p.getByRole('button', { name: /Sophie Lambert/ }).click()
    await p.waitForURL((u) => u.pathname !== '/demo')

    const seConnecter = async (demarche: string) => {
      await p.goto(`${partenaire.origine}/`)
      await p.getByRole('button', { name: 'Se connecter avec Aidants Connect' }).click()
      await p.waitForURL('**/aidants/connexion-demarche/**')
      await p.getByLabel(/Ahmed Benyoucef/).check({ force: true })
      await p.getByRole('button', { name: 'Continuer' }).click()
      await p.getByLabel(demarche).check({ force: true })
      await p.getByRole('button', { name: 'Se connecter au nom de l’usager' }).click()
      await p.waitForURL((u) => u.origin === partenaire.origine && u.pathname === '/retour')
      return p.locator('main').textContent()
    }

    const premiere = await seConnecter('Logement')
    expect(premiere).toContain('Connecté avec Aidants Connect')
    expect(premiere).toContain('acr : eidas1')
    expect(premiere).toContain('Démarche : logement')
    expect(partenaire.connexions.at(-1)?.claims).toMatchObject({ acr: 'eidas1', demarche: 'logement' })

    // Same browser, another démarche: the provider ends its session for the previous authorisation
    // first (a form the page submits itself), then resumes the login.
    const seconde = await seConnecter('Social - Santé')
    expect(seconde).toContain('acr : eidas1')
    expect(seconde).toContain('Démarche : social')
    expect(partenaire.connexions.map((c) => c.erreur)).toEqual([undefined, undefined])
    expect(bloques).toEqual([])
    await contexte.close()
  })
})
