import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, lancerChromium, ouvrirProfil, relais, sansChromium, verifierAccessibilite } from './outils'

/** With CAPTURES=<folder>, keeps a full-page picture to look at. */
async function capturer(page: Page, nom: string): Promise<void> {
  if (!process.env.CAPTURES) return
  mkdirSync(process.env.CAPTURES, { recursive: true })
  await page.screenshot({ path: path.join(process.env.CAPTURES, nom), fullPage: true })
}

const etapeAffichee = (page: Page) =>
  page.evaluate(() => document.querySelector('.escale-diagnostic[data-etape]')?.getAttribute('data-etape'))

/** Waits until the page shows another step (rendered in place offline, or a new page online). */
async function attendreAutreEtape(page: Page, avant: string): Promise<void> {
  await page.waitForFunction(
    (a) => {
      if (window.location.pathname === '/diagnostic/resultat') return true
      const r = document.querySelector(
        '.escale-diagnostic[data-etape], .escale-diagnostic[data-fin-hors-ligne]',
      )
      return !!r && r.getAttribute('data-etape') !== a
    },
    avant,
    { timeout: 15_000 },
  )
}

const CHOIX: Record<string, string> = {
  equipement: 'smartphone',
  internet: 'oui',
  lecture: 'facile',
  confiance: 'moyen',
  demarche: 'apprendre',
}

/** Does the step on screen with the mouse, succeeding (the formulaire after one wrong attempt). */
async function faireEtape(page: Page, etape: string): Promise<void> {
  const valider = page.getByRole('button', { name: 'Valider' })
  switch (etape) {
    case 'equipement':
    case 'internet':
    case 'lecture':
    case 'confiance':
    case 'demarche':
      await page.locator(`label[for="choix-${CHOIX[etape]}"]`).click()
      await page.getByRole('button', { name: 'Suivant' }).click()
      return
    case 'cliquer':
      for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Ballon' }).click()
      return
    case 'double_cliquer':
      await page.getByRole('button', { name: 'Photos' }).dblclick()
      return
    case 'glisser': {
      await page.locator('[data-rangement]').scrollIntoViewIfNeeded()
      const photo = (await page.locator('[data-photo]').boundingBox())!
      const dossier = (await page.locator('[data-depot="vacances"]').boundingBox())!
      await page.mouse.move(photo.x + photo.width / 2, photo.y + photo.height / 2)
      await page.mouse.down()
      await page.mouse.move(dossier.x + dossier.width / 2, dossier.y + dossier.height / 2, { steps: 12 })
      await page.mouse.up()
      return
    }
    case 'defiler':
      await page.locator('[data-defilement]').hover()
      await page.mouse.wheel(0, 600)
      await page.getByRole('button', { name: 'Atelier « Découvrir la tablette »' }).click()
      return
    case 'lien':
      // The linked page, then back (offline, both come from the service worker's cache).
      await page.getByRole('link', { name: 'Horaires d’ouverture' }).click()
      await page.waitForURL('**/diagnostic/exercice/horaires')
      await expect(page.locator('main').textContent()).resolves.toContain('Mercredi : Fermé')
      await page.getByRole('link', { name: 'Revenir à l’exercice' }).click()
      await page.waitForURL('**/diagnostic/etape')
      await page.waitForFunction(
        // Offline, the kept page shows an older step until the island renders the copy's one.
        () =>
          document.querySelector('[data-etape="lien"]') &&
          (navigator.onLine || document.getElementById('hors-ligne')),
      )
      await page.locator('label[for="jour-mercredi"]').click()
      await valider.click()
      return
    case 'parties_courriel':
      for (const partie of ['Expéditeur', 'Objet', 'Pièce jointe'])
        await page.getByRole('button', { name: new RegExp(`^${partie} :`) }).click()
      return
    case 'ecrire_courriel':
      await page.getByLabel('À').fill('contact@mediatheque-villebelle.fr')
      await page.getByLabel('Objet').fill('Horaires')
      await page.getByLabel('Message').fill('Bonjour, quels sont vos horaires ?')
      await page.getByRole('button', { name: 'Envoyer l’e-mail' }).click()
      return
    case 'formulaire_simple':
      await page.getByLabel('Nom', { exact: true }).fill('Dupont')
      await page.getByLabel('Prénom').fill('Rose')
      await page.getByLabel('Code postal').fill('05000')
      await valider.click()
      // Marked in the browser with the server's rules, shown with the server's correction view.
      await page.locator('#bilan').waitFor()
      await expect(page.locator('#bilan').textContent()).resolves.toContain('Presque : une chose à corriger')
      await expect(page.locator('#nom-retour').textContent()).resolves.toBe('Ce n’est pas le nom de Rose.')
      await expect(page.getByLabel('Nom', { exact: true }).inputValue()).resolves.toBe('Dupont')
      await verifierAccessibilite(page)
      await capturer(
        page,
        `diagnostic-correction-${(await page.evaluate(() => navigator.onLine)) ? 'en-ligne' : 'hors-ligne'}.png`,
      )
      await page.getByLabel('Nom', { exact: true }).fill('Martin')
      await page.getByRole('button', { name: 'Valider' }).click()
      return
    case 'formulaire_complet':
      await page.getByLabel('Date de naissance').fill('14/03/1956')
      await page.getByLabel('Adresse e-mail').fill('rose.martin@exemple.fr')
      await page.getByLabel('Situation').selectOption('retraite')
      await page.locator('label[for="certifie"]').click()
      await valider.click()
      return
    case 'arnaque_sms':
      await page.locator('label[for="sms-supprimer"]').click()
      await valider.click()
      return
    case 'arnaque_courriel':
      await page.locator('label[for="courriel-remboursement"]').click()
      await valider.click()
      return
    default:
      throw new Error(`étape inconnue : ${etape}`)
  }
}

/** The worker controls the page and keeps what every step needs. */
async function attendreLeCache(page: Page): Promise<void> {
  const module = await page.locator('[data-module-hors-ligne]').getAttribute('data-module-hors-ligne')
  await page.waitForFunction(() => !!navigator.serviceWorker.controller)
  await page.waitForFunction(
    async (m) =>
      // The files' cache is named after the deployment (`escale-diagnostic-fichiers-<version>`).
      !!(await caches.match(m!)) &&
      !!(await caches.match('/diagnostic/exercice/horaires')) &&
      !!(await (await caches.open('escale-diagnostic-pages-v1')).match('/diagnostic/etape')),
    module,
    { timeout: 15_000 },
  )
}

/** Does the step on screen and returns its id, once the next one (or the result) is shown. */
async function etapeSuivante(page: Page): Promise<string> {
  const etape = (await etapeAffichee(page))!
  await faireEtape(page, etape)
  await attendreAutreEtape(page, etape)
  await page.waitForLoadState('load')
  return etape
}

describe.skipIf(sansChromium())('diagnostic : tout le test sans réseau une fois commencé', () => {
  let navigateur: Browser
  let conseiller: BrowserContext
  let personne: BrowserContext
  let reseau: ReturnType<typeof relais>
  beforeAll(async () => {
    navigateur = await lancerChromium()
    reseau = relais(new URL(baseUrl()))
  })
  afterAll(async () => {
    await navigateur?.close()
    await reseau?.fermer()
  })

  it('une personne commence en ligne, finit hors ligne, et le serveur reçoit tout une seule fois au retour du réseau', async () => {
    // A conseiller hands out a code, to see the answers from the other side afterwards.
    conseiller = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
    const pro = await conseiller.newPage()
    await pro.goto('/demo')
    await pro.getByRole('button', { name: /Inès Fabre/ }).click()
    await pro.waitForURL('**/espace')
    await pro.goto('/diagnostic/sessions')
    await pro.getByRole('button', { name: 'Créer un code' }).click()
    await pro.waitForURL(/\/diagnostic\/sessions\/[A-Z0-9]{9}$/)
    const code = pro.url().slice(-9)

    personne = await navigateur.newContext({
      baseURL: await reseau.ecouter(),
      locale: 'fr-FR',
      viewport: { width: 412, height: 915 },
    })
    const page = await personne.newPage()
    await page.goto('/diagnostic/code')
    await page.getByLabel(/^Code/).fill(code)
    await page.getByRole('button', { name: 'Commencer avec ce code' }).click()
    await page.waitForURL('**/diagnostic/etape')

    const faites = [await etapeSuivante(page), await etapeSuivante(page)]
    await attendreLeCache(page)

    // The network drops: the rest of the test is done without it.
    reseau.couper()
    await personne.setOffline(true)
    const horsLigne: string[] = []
    for (let i = 0; i < 20; i++) {
      const etape = await etapeAffichee(page)
      if (!etape) break
      await faireEtape(page, etape)
      await attendreAutreEtape(page, etape)
      horsLigne.push(etape)
      if (horsLigne.length === 1) {
        // Rendered in the page, with the offline notice; the next step is the engine's choice.
        await expect(page.locator('#hors-ligne').textContent()).resolves.toContain(
          'Elles seront envoyées dès le retour du réseau',
        )
        await verifierAccessibilite(page)
      }
      if (horsLigne.length === 4) {
        // A reload without network comes back to the same step, from the kept page and the copy.
        const avant = await etapeAffichee(page)
        await page.reload()
        await page.waitForFunction((a) => document.querySelector(`[data-etape="${a}"] #hors-ligne`), avant)
      }
    }
    expect(horsLigne).toEqual([
      'lecture',
      'confiance',
      'demarche',
      'double_cliquer',
      'glisser',
      'defiler',
      'lien',
      'parties_courriel',
      'ecrire_courriel',
      'formulaire_simple',
      'formulaire_complet',
      'arnaque_sms',
      'arnaque_courriel',
    ])

    // The honest end: the result needs the server; the answers wait on this device.
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Le test est fini')
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Vos réponses seront envoyées dès le retour du réseau.',
    )
    await expect(page.title()).resolves.toBe('Le test est fini — Escale')
    await verifierAccessibilite(page)
    await capturer(page, 'diagnostic-fin-hors-ligne.png')
    // The copy holds results, counts and durations: nothing that was typed.
    const copie = (await page.evaluate(() => localStorage.getItem('escale.diagnostic.hors-ligne')))!
    expect(JSON.parse(copie).enAttente).toHaveLength(horsLigne.length)
    for (const tape of ['Dupont', 'Martin', 'mediatheque', '1956', 'Bonjour', 'a14', 'mercredi'])
      expect(copie).not.toContain(tape)

    // The network comes back, but the first reply is lost on its way: the server has recorded the
    // answers, the page does not know it and sends them again.
    let envois = 0
    await page.route('**/diagnostic/synchronisation', async (route) => {
      envois++
      if (envois === 1) {
        await route.fetch()
        await route.abort('connectionreset')
      } else await route.continue()
    })
    reseau.retablir()
    await personne.setOffline(false)
    await expect
      .poll(() => page.locator('#etat-envoi').textContent(), { timeout: 15_000 })
      .toContain('Toujours pas de connexion')
    await page.getByRole('button', { name: 'Envoyer mes réponses maintenant' }).click()
    await page.waitForURL('**/diagnostic/resultat', { timeout: 15_000 })
    expect(envois).toBe(2)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Votre résultat')
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Je sais remplir un formulaire de démarche.',
    )
    await verifierAccessibilite(page)
    await expect
      .poll(() =>
        page.evaluate(async () => [
          localStorage.getItem('escale.diagnostic.hors-ligne'),
          await caches.has('escale-diagnostic-pages-v1'),
        ]),
      )
      .toEqual([null, false])

    // The conseiller sees the whole test, each step once, in order, the offline ones marked so.
    await pro.goto(`/diagnostic/sessions/${code}`)
    await pro.getByRole('link', { name: 'Personne 1' }).click()
    await pro.waitForURL('**/diagnostic/passations/**')
    const lignes = pro.getByRole('table', { name: 'Réponses, dans l’ordre' }).locator('tbody tr')
    await expect(lignes.count()).resolves.toBe(faites.length + horsLigne.length)
    const premieres = await lignes.locator('td:first-child').allTextContents()
    expect(new Set(premieres).size).toBe(premieres.length)
    const formulaire = lignes.filter({ hasText: 'Écrire dans un formulaire' })
    await expect(formulaire.locator('td').allTextContents()).resolves.toEqual([
      'Écrire dans un formulaire',
      expect.stringMatching(/^Réussi/),
      expect.stringMatching(/^\d+ s$/),
      '2',
      expect.stringContaining('fait sans réseau'),
    ])
    await expect(lignes.filter({ hasText: 'fait sans réseau' }).count()).resolves.toBe(10)
    await expect(pro.locator('main').textContent()).resolves.toContain('terminé le')
    await personne.close()
    await conseiller.close()
  }, 180_000)

  it('le réseau revient puis repart au milieu du test : chaque fois, la suite est la bonne', async () => {
    const personne = await navigateur.newContext({ baseURL: await reseau.ecouter(), locale: 'fr-FR' })
    const page = await personne.newPage()
    await page.goto('/diagnostic')
    await page.getByRole('button', { name: 'Commencer' }).click()
    await page.waitForURL('**/diagnostic/etape')
    const faites = [await etapeSuivante(page)]
    await attendreLeCache(page)

    reseau.couper()
    await personne.setOffline(true)
    faites.push(await etapeSuivante(page), await etapeSuivante(page))
    reseau.retablir()
    await personne.setOffline(false)
    // Sent by themselves when the network comes back; the step on screen stays, nothing to redo.
    await expect
      .poll(() => page.locator('#hors-ligne').textContent(), { timeout: 15_000 })
      .toContain('vos réponses sont envoyées')
    await expect(
      page.evaluate(() => localStorage.getItem('escale.diagnostic.hors-ligne')),
    ).resolves.toBeNull()

    // Gone again before the next answer, without leaving the page.
    reseau.couper()
    await personne.setOffline(true)
    faites.push(await etapeSuivante(page))
    await expect(etapeAffichee(page)).resolves.toBe('demarche')
    reseau.retablir()
    await personne.setOffline(false)
    await expect
      .poll(() => page.locator('#hors-ligne').textContent(), { timeout: 15_000 })
      .toContain('vos réponses sont envoyées')

    // Online again: the next answers go to the server as without script, up to the result.
    for (let i = 0; i < 20 && new URL(page.url()).pathname === '/diagnostic/etape'; i++)
      faites.push(await etapeSuivante(page))
    expect(new URL(page.url()).pathname).toBe('/diagnostic/resultat')
    expect(faites.slice(0, 6)).toEqual([
      'equipement',
      'internet',
      'lecture',
      'confiance',
      'demarche',
      'double_cliquer',
    ])
    expect(new Set(faites).size).toBe(faites.length)
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Je sais remplir un formulaire de démarche.',
    )
    await personne.close()
  })
  it('le navigateur est fermé hors ligne puis rouvert : les réponses gardées partent', async () => {
    const dossier = mkdtempSync(path.join(os.tmpdir(), 'escale-profil-'))
    const adresse = await reseau.ecouter()
    let profil = await ouvrirProfil(dossier, adresse)
    let page = profil.pages()[0] ?? (await profil.newPage())
    await page.goto('/diagnostic')
    await page.getByRole('button', { name: 'Commencer' }).click()
    await page.waitForURL('**/diagnostic/etape')
    await etapeSuivante(page)
    await attendreLeCache(page)

    reseau.couper()
    await profil.setOffline(true)
    await etapeSuivante(page)
    await etapeSuivante(page)
    const enCours = await etapeAffichee(page)
    const copie = await page.evaluate(() => localStorage.getItem('escale.diagnostic.hors-ligne'))
    expect(JSON.parse(copie ?? '{}').enAttente).toHaveLength(2)
    // The person closes the browser without network, and opens it again once the network is back.
    await profil.close()
    reseau.retablir()

    profil = await ouvrirProfil(dossier, adresse)
    page = profil.pages()[0] ?? (await profil.newPage())
    await page.goto('/diagnostic/etape')
    // The server's page is the one before the answers kept here; they leave, the server moves on.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('escale.diagnostic.hors-ligne')), {
        timeout: 20_000,
      })
      .toBeNull()
    await page.waitForLoadState('load')
    await expect.poll(() => etapeAffichee(page), { timeout: 10_000 }).toBe(enCours)
    expect(new URL(page.url()).pathname).toBe('/diagnostic/etape')
    await profil.close()
    rmSync(dossier, { recursive: true, force: true })
  }, 120_000)
})
