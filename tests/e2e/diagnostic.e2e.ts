import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { MOT_DE_PASSE_DEMO } from '../../src/demo/seed'
import { baseUrl, lancerChromium, menuPrincipal, sansChromium, verifierAccessibilite } from './outils'

type Mode = 'clavier' | 'souris'

/**
 * A whole diagnostic with axe on each page, and by keyboard one Tab at a time: about a minute on
 * a quiet machine, more on a shared CI runner. The file's default (60 s) is for shorter journeys.
 */
const PARCOURS_COMPLET_MS = 150_000

/** Keyboard only: Tab until the element has the focus (proves it is reachable), never a click. */
async function tabJusqua(page: Page, cible: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await cible.evaluate((e) => e === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`élément jamais atteint au clavier : ${cible}`)
}

/**
 * Activates a control like a person: with the mouse, a click (on the label for DSFR's styled radios
 * and check boxes); with the keyboard, Tab to it then Enter or Space, and the arrow keys inside a
 * group of radio buttons (a single tab stop, as in every browser).
 */
async function activer(page: Page, cible: Locator, mode: Mode, touche = 'Enter') {
  const type = await cible.evaluate((e) => (e instanceof HTMLInputElement ? e.type : ''))
  if (mode === 'souris') {
    if (type === 'radio' || type === 'checkbox') {
      const id = await cible.getAttribute('id')
      return page.locator(`label[for="${id}"]`).click()
    }
    return cible.click()
  }
  if (type === 'radio') {
    const nom = await cible.getAttribute('name')
    const groupe = page.locator(`input[type="radio"][name="${nom}"]`)
    const entree =
      (await groupe.evaluateAll((l) => l.findIndex((e) => (e as HTMLInputElement).checked))) >= 0
        ? groupe.locator(':scope:checked')
        : groupe.first()
    await tabJusqua(page, entree)
    for (let i = 0; i < 10 && !(await cible.evaluate((e) => e === document.activeElement)); i++)
      await page.keyboard.press('ArrowDown')
    // Tab alone focuses the first radio without checking it; Space checks the focused one.
    await page.keyboard.press('Space')
    return
  }
  await tabJusqua(page, cible)
  await page.keyboard.press(touche)
}

async function saisir(page: Page, cible: Locator, texte: string, mode: Mode) {
  if (mode === 'souris') await cible.click()
  else await tabJusqua(page, cible)
  await page.keyboard.type(texte)
}

const REPONSES_QUESTIONS: Record<string, string> = {
  equipement: 'smartphone',
  internet: 'telephone',
  lecture: 'facile',
  confiance: 'moyen',
  demarche: 'faire_pour_moi',
}

/** Does the current step for real, the way a person would, and waits for the next page. */
async function faireEtape(page: Page, mode: Mode): Promise<string | undefined> {
  if (new URL(page.url()).pathname !== '/diagnostic/etape') return undefined
  const etape = await page.locator('input[name="etape"]').first().getAttribute('value')
  const valider = page.getByRole('button', { name: 'Valider' })
  let navigation = page.waitForEvent('framenavigated')
  switch (etape) {
    case 'equipement':
    case 'internet':
    case 'lecture':
    case 'confiance':
    case 'demarche':
      await activer(page, page.locator(`#choix-${REPONSES_QUESTIONS[etape]}`), mode, 'Space')
      await activer(page, page.getByRole('button', { name: 'Suivant' }), mode)
      break
    case 'cliquer':
      for (let i = 0; i < 3; i++) await activer(page, page.getByRole('button', { name: 'Ballon' }), mode)
      break
    case 'double_cliquer':
      if (mode === 'souris') await page.getByRole('button', { name: 'Photos' }).dblclick()
      else await activer(page, page.getByRole('button', { name: 'Photos' }), mode)
      break
    case 'glisser':
      if (mode === 'souris') {
        await page.locator('[data-rangement]').scrollIntoViewIfNeeded()
        const photo = (await page.locator('[data-photo]').boundingBox())!
        const dossier = (await page.locator('[data-depot="vacances"]').boundingBox())!
        await page.mouse.move(photo.x + photo.width / 2, photo.y + photo.height / 2)
        await page.mouse.down()
        await page.mouse.move(dossier.x + dossier.width / 2, dossier.y + dossier.height / 2, { steps: 12 })
        await page.mouse.up()
      } else {
        await activer(page, page.getByRole('button', { name: 'Photo de la plage' }), mode)
        await activer(page, page.getByRole('button', { name: 'Déposer dans « Vacances »' }), mode)
      }
      break
    case 'defiler': {
      const cible = page.getByRole('button', { name: 'Atelier « Découvrir la tablette »' })
      if (mode === 'souris') {
        await page.locator('[data-defilement]').hover()
        await page.mouse.wheel(0, 600)
      }
      await activer(page, cible, mode)
      break
    }
    case 'lien':
      await activer(page, page.getByRole('link', { name: 'Horaires d’ouverture' }), mode)
      await page.waitForURL('**/diagnostic/exercice/horaires')
      if (!etapesVerifiees.has('horaires')) {
        await verifierAccessibilite(page)
        etapesVerifiees.add('horaires')
      }
      await activer(page, page.getByRole('link', { name: 'Revenir à l’exercice' }), mode)
      await page.waitForURL('**/diagnostic/etape')
      await page.waitForLoadState('load')
      navigation = page.waitForEvent('framenavigated')
      await activer(page, page.getByLabel('Mercredi'), mode, 'Space')
      await activer(page, page.getByRole('button', { name: 'Valider' }), mode)
      break
    case 'parties_courriel':
      for (const partie of ['Expéditeur', 'Objet', 'Pièce jointe'])
        await activer(page, page.getByRole('button', { name: new RegExp(`^${partie} :`) }), mode)
      break
    case 'ecrire_courriel':
      await saisir(page, page.getByLabel('À'), 'contact@mediatheque-villebelle.fr', mode)
      await saisir(page, page.getByLabel('Objet'), 'Horaires', mode)
      await saisir(page, page.getByLabel('Message'), 'Bonjour, quels sont vos horaires ?', mode)
      await activer(page, page.getByRole('button', { name: 'Envoyer l’e-mail' }), mode)
      break
    case 'formulaire_simple':
      await saisir(page, page.getByLabel('Nom', { exact: true }), 'Martin', mode)
      await saisir(page, page.getByLabel('Prénom'), 'Rose', mode)
      await saisir(page, page.getByLabel('Code postal'), '05000', mode)
      await activer(page, valider, mode)
      break
    case 'formulaire_complet':
      await saisir(page, page.getByLabel('Date de naissance'), '14/03/1956', mode)
      await saisir(page, page.getByLabel('Adresse e-mail'), 'rose.martin@exemple.fr', mode)
      if (mode === 'souris') await page.getByLabel('Situation').selectOption('retraite')
      else {
        await tabJusqua(page, page.getByLabel('Situation'))
        for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown')
      }
      await activer(page, page.getByLabel('Je certifie que ces informations sont exactes'), mode, 'Space')
      await activer(page, valider, mode)
      break
    case 'arnaque_sms':
      await activer(page, page.getByLabel('Je n’ouvre pas le lien et je supprime le SMS'), mode, 'Space')
      await activer(page, valider, mode)
      break
    case 'arnaque_courriel':
      await activer(page, page.getByLabel(/remboursement de 248,50/), mode, 'Space')
      await activer(page, valider, mode)
      break
    default:
      throw new Error(`étape inconnue : ${etape}`)
  }
  await navigation
  await page.waitForLoadState('load')
  return etape ?? undefined
}

/**
 * Step pages already checked with axe in this file. The journeys answer the same way, so they go
 * through the same pages (same HTML): each distinct step is checked once, by the first journey that
 * reaches it, which keeps every page checked and the file about a third faster.
 */
const etapesVerifiees = new Set<string>()

async function verifierEtapeUneFois(page: Page): Promise<void> {
  const cle = `${new URL(page.url()).pathname}#${await page.locator('input[name="etape"]').first().getAttribute('value')}`
  if (etapesVerifiees.has(cle)) return
  await verifierAccessibilite(page)
  etapesVerifiees.add(cle)
}

async function fairePasserLeTest(page: Page, mode: Mode): Promise<string[]> {
  const faites: string[] = []
  for (let i = 0; i < 25; i++) {
    if (new URL(page.url()).pathname !== '/diagnostic/etape') break
    await verifierEtapeUneFois(page)
    const etape = await faireEtape(page, mode)
    if (!etape) break
    faites.push(etape)
  }
  expect(new URL(page.url()).pathname, `étapes faites : ${faites.join(', ')}`).toBe('/diagnostic/resultat')
  return faites
}

describe.skipIf(sansChromium())('diagnostic : faire le point sur ses usages numériques', () => {
  let navigateur: Browser
  let contexte: BrowserContext
  let page: Page
  beforeAll(async () => {
    navigateur = await lancerChromium()
  })
  afterAll(async () => navigateur?.close())
  beforeEach(async () => {
    await contexte?.close()
    contexte = await navigateur.newContext({
      baseURL: baseUrl(),
      locale: 'fr-FR',
      viewport: { width: 390, height: 844 },
    })
    page = await contexte.newPage()
  })

  it(
    'une personne fait tout le diagnostic au clavier seulement et obtient un résultat avec une orientation',
    async () => {
      await page.goto('/')
      await activer(
        page,
        page.getByRole('link', { name: 'Faire le point sur mes usages numériques' }),
        'clavier',
      )
      await page.waitForURL('**/diagnostic')
      await verifierAccessibilite(page)
      // The comfort bar appears with the script; read-aloud is off by default.
      await expect(
        page.getByRole('button', { name: 'Lire à voix haute' }).getAttribute('aria-pressed'),
      ).resolves.toBe('false')
      await activer(page, page.getByRole('button', { name: 'Texte plus grand' }), 'clavier')
      await expect(page.evaluate(() => document.documentElement.className)).resolves.toContain(
        'escale-texte-1',
      )
      await activer(page, page.getByRole('button', { name: 'Commencer' }), 'clavier')
      await page.waitForURL('**/diagnostic/etape')
      const faites = await fairePasserLeTest(page, 'clavier')
      expect(faites).toEqual(expect.arrayContaining(['double_cliquer', 'glisser', 'lien', 'ecrire_courriel']))
      expect(faites).not.toContain('cliquer')
      await verifierAccessibilite(page)
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Votre résultat')
      await expect(page.locator('main').textContent()).resolves.toContain('Je sais déplacer une image.')
      await expect(
        page
          .getByRole('heading', { name: 'Quelqu’un peut faire la démarche pour vous, en toute sécurité' })
          .isVisible(),
      ).resolves.toBe(true)
      await saisir(page, page.getByLabel('Votre code postal'), '05000', 'clavier')
      await page.keyboard.press('Enter')
      await page.waitForURL('**/diagnostic/resultat?commune=05000')
      await verifierAccessibilite(page)
      // Real places of the demo data, nearest first, under the orientation that needs them; the
      // person who wants someone to act for them is sent to this app's Aidants Connect page.
      await expect(page.locator('main').textContent()).resolves.toContain('Les lieux près de Gap (05000)')
      const lieux = await page.locator('.escale-lieu').allTextContents()
      expect(lieux.length).toBeGreaterThanOrEqual(3)
      expect(lieux.some((l) => /\bgap\b/i.test(l))).toBe(true)
      await expect(
        page.getByRole('link', { name: 'Comment marche Aidants Connect' }).getAttribute('href'),
      ).resolves.toBe('/aidants')
      await activer(page, page.getByRole('button', { name: 'Effacer mes réponses' }), 'clavier')
      await page.waitForURL((u) => u.pathname === '/diagnostic')
      await expect(page.getByRole('status').first().textContent()).resolves.toContain(
        'Vos réponses sont effacées',
      )
    },
    PARCOURS_COMPLET_MS,
  )

  it('une autre personne le fait à la souris : double-clic et glisser-déposer réels', async () => {
    await page.goto('/diagnostic')
    await page.getByRole('button', { name: 'Commencer' }).click()
    await page.waitForURL('**/diagnostic/etape')
    const faites = await fairePasserLeTest(page, 'souris')
    expect(faites).toEqual(expect.arrayContaining(['double_cliquer', 'glisser']))
    await expect(page.locator('main').textContent()).resolves.toContain('Je sais déplacer une image.')
  })

  it(
    'un conseiller crée un code, suit la personne en direct et garde le résultat avec son accord',
    async () => {
      await page.goto('/connexion')
      await page.getByLabel('Adresse e-mail').fill('ines.fabre@demo.escale.localhost')
      await page.getByLabel('Mot de passe').fill(MOT_DE_PASSE_DEMO)
      await page.getByRole('button', { name: 'Se connecter' }).click()
      await page.waitForURL('**/espace')
      await (await menuPrincipal(page)).getByRole('link', { name: 'Diagnostics' }).click()
      await page.waitForURL('**/diagnostic/sessions')
      await verifierAccessibilite(page)
      await page.getByLabel('Nom de la séance (facultatif)').fill('Permanence du jeudi')
      await page.getByRole('button', { name: 'Créer un code' }).click()
      await page.waitForURL(/\/diagnostic\/sessions\/[A-Z0-9]{9}$/)
      await verifierAccessibilite(page)
      const code = page.url().slice(-9)
      await expect(page.locator('.escale-code--grand').textContent()).resolves.toBe(
        `${code.slice(0, 3)} ${code.slice(3, 6)} ${code.slice(6)}`,
      )
      await expect(page.locator('.escale-qr svg').count()).resolves.toBe(1)

      // The person, on another device, opens the code.
      const personne = await (await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })).newPage()
      await personne.goto('/diagnostic/code')
      await verifierAccessibilite(personne)
      await personne.getByLabel(/^Code/).fill(code.toLowerCase())
      await personne.getByRole('button', { name: 'Commencer avec ce code' }).click()
      await personne.waitForURL('**/diagnostic/etape')
      await faireEtape(personne, 'souris')

      // The live list updates by itself (polling), without reloading the conseiller's page.
      // A poll may land between joining and the first answer: wait for the one that shows the answer.
      await page.getByRole('link', { name: 'Personne 1' }).waitFor({ timeout: 15_000 })
      await page.locator('[data-suivi-session]', { hasText: '1 faites' }).waitFor({ timeout: 15_000 })

      await fairePasserLeTest(personne, 'souris')
      await personne.getByRole('button', { name: 'Je suis d’accord pour qu’il garde mon résultat' }).click()
      await personne.waitForURL('**/diagnostic/resultat')
      await verifierAccessibilite(personne)

      await page.getByRole('cell', { name: 'Terminé, accord donné' }).waitFor({ timeout: 15_000 })
      await page.getByRole('link', { name: 'Personne 1' }).click()
      await page.waitForURL('**/diagnostic/passations/**')
      await verifierAccessibilite(page)
      await page.getByLabel('Référence du dossier').fill('BEN-2026-014')
      await page.getByRole('button', { name: 'Garder le résultat' }).click()
      await page.waitForURL('**/diagnostic/beneficiaires/**')
      await verifierAccessibilite(page)
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Dossier BEN-2026-014',
      )
      await expect(page.getByRole('table').textContent()).resolves.toContain('3 / 3')
      // Attaching the record to a follow-up file of « Mes activités »: a name is refused on the field.
      await page.getByLabel('Adresse de la fiche de suivi').fill('Rose Martin')
      await page.getByRole('button', { name: 'Rattacher à cette fiche' }).click()
      await page.waitForLoadState('load')
      await expect(page.locator('#fiche-erreur').textContent()).resolves.toContain(
        'Collez l’adresse de la fiche de suivi',
      )
      await verifierAccessibilite(page)
      await personne.context().close()
    },
    PARCOURS_COMPLET_MS,
  )

  it('en mode accompagné, le conseiller marque ce qu’il observe jusqu’au résultat', async () => {
    await page.goto('/connexion')
    await page.getByLabel('Adresse e-mail').fill('karim.haddad@demo.escale.localhost')
    await page.getByLabel('Mot de passe').fill(MOT_DE_PASSE_DEMO)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForURL('**/espace')
    await page.goto('/diagnostic/sessions')
    await page.getByRole('button', { name: 'Créer un code' }).click()
    await page.waitForURL(/\/diagnostic\/sessions\/[A-Z0-9]{9}$/)
    await page.getByRole('button', { name: 'Démarrer en mode accompagné' }).click()
    await page.waitForURL('**/diagnostic/passations/**')
    await verifierAccessibilite(page)
    for (let i = 0; i < 20; i++) {
      const enregistrer = page.getByRole('button', { name: 'Enregistrer la réponse' })
      if (await enregistrer.count()) {
        await page.locator('.escale-choix label').first().click()
        await enregistrer.click()
      } else if (await page.getByRole('button', { name: 'Réussi (observé)' }).count())
        await page.getByRole('button', { name: i % 2 ? 'Non réussi' : 'Réussi (observé)' }).click()
      else break
      await page.waitForLoadState('load')
    }
    await verifierAccessibilite(page)
    await expect(page.locator('main').textContent()).resolves.toContain('Profil de besoins et orientation')
  })
})
