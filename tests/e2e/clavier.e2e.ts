import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, lancerChromium, sansChromium, verifierAccessibilite } from './outils'

/**
 * Keyboard only, on a 320 px screen (issue 21). Nothing is clicked: every control is reached with
 * Tab (or the arrow keys inside a group of radio buttons) and activated with Enter or Space. At each
 * Tab stop the focus must be visible (a DSFR focus outline, on screen); after each action the test
 * says where the focus is. Every page reached is checked with axe and must not be wider than 320 px.
 */

const LARGEUR = 320
/** A whole diagnostic one key at a time, axe on each page, on a shared 2-core machine. */
const PARCOURS_MS = 180_000

/** Why the focused element cannot be seen, or '' when it can. */
async function focusInvisible(page: Page): Promise<string> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null
    if (!e || e === document.body) return 'le focus est sur la page entière (body)'
    const nom = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} « ${(e.textContent ?? (e as HTMLInputElement).value ?? '').trim().slice(0, 50)} »`
    const contour = (el: Element, pseudo?: string) => {
      const s = getComputedStyle(el, pseudo)
      return s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 1
    }
    // DSFR draws some focus outlines on a pseudo-element: an enlarged link's ::before (the header's
    // brand), the box of a radio button or a check box on its label (the input itself is hidden).
    const entree = e instanceof HTMLInputElement && (e.type === 'radio' || e.type === 'checkbox')
    // Inside a date or month field, Tab moves between its parts: Chromium highlights the part being
    // edited (its own focus indicator, seen in screenshots) while the field loses :focus and its outline.
    const parties = e instanceof HTMLInputElement && ['date', 'month', 'time', 'week'].includes(e.type)
    const visible =
      contour(e) ||
      parties ||
      contour(e, '::before') ||
      (entree && !!e.labels?.[0] && contour(e.labels[0], '::before'))
    if (!visible) return `${nom} : aucun contour de focus`
    const r = (entree && e.labels?.[0] ? e.labels[0] : e).getBoundingClientRect()
    if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth)
      return `${nom} : hors de l’écran`
    return ''
  })
}

const aLeFocus = (cible: Locator) => cible.evaluate((e) => e === document.activeElement)

/** Asserts where the focus is now, and that it shows. */
async function focusSur(page: Page, cible: Locator, quoi: string): Promise<void> {
  expect(await aLeFocus(cible), `le focus devrait être sur ${quoi}`).toBe(true)
  expect(await focusInvisible(page), quoi).toBe('')
}

/** Tab, one stop at a time, until `cible` has the focus; the focus must show at every stop. */
async function tabJusqua(page: Page, cible: Locator, max = 60): Promise<void> {
  if (await aLeFocus(cible)) return
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    expect(await focusInvisible(page), `tabulation ${i + 1} vers ${cible}`).toBe('')
    if (await aLeFocus(cible)) return
  }
  throw new Error(`jamais atteint au clavier : ${cible}`)
}

/** A key that loads another page; resolves once it is loaded. */
async function toucheQuiCharge(page: Page, touche: string): Promise<void> {
  const navigation = page.waitForEvent('framenavigated')
  await page.keyboard.press(touche)
  await navigation
  await page.waitForLoadState('load')
}

/** A new page starts with the focus at its top; the first Tab shows « Contenu », which leads into the page. */
async function allerAuContenu(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => document.activeElement === document.body),
    'une page neuve commence en haut',
  ).toBe(true)
  await page.keyboard.press('Tab')
  await focusSur(page, page.locator('.fr-skiplinks a[href="#contenu"]'), 'le lien d’évitement « Contenu »')
  await page.keyboard.press('Enter')
  await focusSur(page, page.locator('main#contenu'), 'le contenu principal')
}

/**
 * Pages without JavaScript: axe runs in the page, which they forbid. Such a page is checked in a
 * twin page (scripts on) given the same HTML as the last document received, without its scripts and
 * with its <noscript> blocks shown: what a browser without JavaScript renders.
 */
const sansJavaScript = new WeakMap<Page, { document?: Response; jumeau: Page }>()

async function axe(page: Page): Promise<void> {
  const s = sansJavaScript.get(page)
  if (!s) return verifierAccessibilite(page)
  if (!s.document) throw new Error('aucun document reçu')
  const html = (await s.document.text())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<(\/?)noscript>/g, '<$1div>')
  const url = page.url()
  await s.jumeau.route(url, (r) => r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }))
  await s.jumeau.goto(url)
  await s.jumeau.unroute(url)
  await verifierAccessibilite(s.jumeau)
}

const verifiees = new Set<string>()
/** Axe once per distinct page (a step is its path and its id), and never wider than the screen. */
async function verifierPage(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `largeur de ${page.url()}`,
  ).toBeLessThanOrEqual(LARGEUR)
  const etape = await page
    .locator('input[name="etape"]')
    .first()
    .getAttribute('value', { timeout: 500 })
    .catch(() => '')
  const cle = `${sansJavaScript.has(page) ? 'sans-js:' : ''}${new URL(page.url()).pathname}#${etape}`
  if (verifiees.has(cle)) return
  await axe(page)
  verifiees.add(cle)
}

/** Checks a radio button with the arrow keys from its group's single Tab stop, or a check box with Space. */
async function cocher(page: Page, cible: Locator): Promise<void> {
  const type = await cible.getAttribute('type')
  if (type === 'radio') {
    const nom = await cible.getAttribute('name')
    const groupe = page.locator(`input[type="radio"][name="${nom}"]`)
    const coche = await groupe.evaluateAll((l) => l.some((e) => (e as HTMLInputElement).checked))
    await tabJusqua(page, coche ? groupe.locator(':scope:checked') : groupe.first())
    for (let i = 0; i < 10 && !(await aLeFocus(cible)); i++) await page.keyboard.press('ArrowDown')
    await focusSur(page, cible, 'le bouton radio choisi')
  } else await tabJusqua(page, cible)
  if (!(await cible.isChecked())) await page.keyboard.press('Space')
  expect(await cible.isChecked()).toBe(true)
}

async function saisir(page: Page, cible: Locator, texte: string): Promise<void> {
  await tabJusqua(page, cible)
  await page.keyboard.type(texte)
}

const REPONSES: Record<string, string> = {
  equipement: 'smartphone',
  internet: 'telephone',
  lecture: 'facile',
  confiance: 'moyen',
  demarche: 'apprendre',
}

type Plan = Partial<Record<string, 'passer' | 'faire'>>

/**
 * Does the current step by keyboard (`plan` says which exercises to skip), and waits for the next
 * page. The first form of the test is sent empty first: the focus must land on what to fix.
 */
async function faireEtape(page: Page, plan: Plan, corrige: { fait: boolean }): Promise<string | undefined> {
  if (new URL(page.url()).pathname !== '/diagnostic/etape') return undefined
  const etape = (await page.locator('input[name="etape"]').first().getAttribute('value')) ?? ''
  await verifierPage(page)
  await allerAuContenu(page)
  const bouton = (nom: string) => page.getByRole('button', { name: nom, exact: true })
  const valider = async (nom = 'Valider') => {
    await tabJusqua(page, bouton(nom))
    await toucheQuiCharge(page, 'Enter')
  }

  if (etape in REPONSES) {
    if (etape === 'equipement' && !corrige.fait) {
      // Sent without an answer: the page comes back with the focus on the first choice.
      await valider('Suivant')
      corrige.fait = true
      await focusSur(page, page.locator('input[name="choix"]').first(), 'le premier choix de la question')
      expect(await page.title()).toMatch(/^Erreur : Étape 1 : /)
      await axe(page)
      await cocher(page, page.locator(`#choix-${REPONSES[etape]}`))
      await valider('Suivant')
      return etape
    }
    await cocher(page, page.locator(`#choix-${REPONSES[etape]}`))
    await valider('Suivant')
    return etape
  }
  if (plan[etape] === 'passer') {
    await valider('Je n’y arrive pas, passer')
    return etape
  }
  switch (etape) {
    case 'double_cliquer': {
      const photos = page.getByRole('button', { name: 'Photos' })
      await tabJusqua(page, photos)
      // Enter opens the folder; the page says so, then moves on by itself.
      await toucheQuiCharge(page, 'Enter')
      break
    }
    case 'defiler': {
      const zone = page.locator('[data-defilement]')
      await tabJusqua(page, zone)
      await page.keyboard.press('PageDown')
      await focusSur(page, zone, 'la zone qui défile')
      await tabJusqua(page, bouton('Atelier « Découvrir la tablette »'))
      await toucheQuiCharge(page, 'Enter')
      break
    }
    case 'lien':
      await tabJusqua(page, page.getByRole('link', { name: 'Horaires d’ouverture' }))
      await toucheQuiCharge(page, 'Enter')
      await verifierPage(page)
      await allerAuContenu(page)
      await tabJusqua(page, page.getByRole('link', { name: 'Revenir à l’exercice' }))
      await toucheQuiCharge(page, 'Enter')
      await allerAuContenu(page)
      await cocher(page, page.getByLabel('Mercredi'))
      await valider()
      break
    case 'formulaire_simple':
      await saisir(page, page.getByLabel('Nom', { exact: true }), 'Martin')
      await saisir(page, page.getByLabel('Prénom'), 'Rose')
      await saisir(page, page.getByLabel('Code postal'), '05000')
      await valider()
      break
    case 'formulaire_complet':
      await saisir(page, page.getByLabel('Date de naissance'), '14/03/1956')
      await saisir(page, page.getByLabel('Adresse e-mail'), 'rose.martin@exemple.fr')
      // Sent with two fields missing: the correction summary takes the focus, without JavaScript too.
      await valider()
      await focusSur(page, page.locator('#bilan'), 'le bilan de la correction')
      await verifierPage(page)
      expect(
        await page.locator('#situation').getAttribute('aria-invalid'),
        'la liste en erreur est marquée',
      ).toBe('true')
      expect(
        await page.locator('#certifie').getAttribute('aria-invalid'),
        'la case en erreur est marquée',
      ).toBe('true')
      await tabJusqua(page, page.getByLabel('Situation'))
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowDown')
      expect(await page.getByLabel('Situation').inputValue()).toBe('retraite')
      await cocher(page, page.getByLabel('Je certifie que ces informations sont exactes'))
      await valider()
      break
    case 'ecrire_courriel':
      await saisir(page, page.getByLabel('À'), 'contact@mediatheque-villebelle.fr')
      await saisir(page, page.getByLabel('Objet'), 'Horaires')
      await saisir(page, page.getByLabel('Message'), 'Bonjour, quels sont vos horaires ?')
      await valider('Envoyer l’e-mail')
      break
    case 'arnaque_sms':
      await cocher(page, page.getByLabel('Je n’ouvre pas le lien et je supprime le SMS'))
      await valider()
      break
    case 'arnaque_courriel':
      await cocher(page, page.getByLabel(/remboursement de 248,50/))
      await valider()
      break
    default:
      throw new Error(`étape sans plan au clavier : ${etape}`)
  }
  return etape
}

async function faireLeTest(page: Page, plan: Plan): Promise<string[]> {
  await page.goto('/diagnostic')
  await verifierPage(page)
  await allerAuContenu(page)
  await tabJusqua(page, page.getByRole('button', { name: 'Commencer', exact: true }))
  await toucheQuiCharge(page, 'Enter')
  const faites: string[] = []
  const corrige = { fait: false }
  for (let i = 0; i < 25; i++) {
    const etape = await faireEtape(page, plan, corrige)
    if (!etape) break
    if (faites[faites.length - 1] !== etape) faites.push(etape)
  }
  expect(new URL(page.url()).pathname, `étapes faites : ${faites.join(', ')}`).toBe('/diagnostic/resultat')
  await verifierPage(page)
  return faites
}

/** The exercises the result lists as skipped. */
const passesDuResultat = (page: Page) =>
  page.locator('section[aria-labelledby="titre-passes"] li').allTextContents()

describe.skipIf(sansChromium())('au clavier seul, sur un écran de 320 px', () => {
  let navigateur: Browser
  const contextes: BrowserContext[] = []
  const nouveauContexte = async (javaScript: boolean) => {
    const c = await navigateur.newContext({
      baseURL: baseUrl(),
      locale: 'fr-FR',
      viewport: { width: LARGEUR, height: 640 },
      javaScriptEnabled: javaScript,
    })
    contextes.push(c)
    return c
  }
  const nouvellePage = async (javaScript = true) => {
    const page = await (await nouveauContexte(javaScript)).newPage()
    if (!javaScript) {
      const suivi: { document?: Response; jumeau: Page } = {
        jumeau: await (await nouveauContexte(true)).newPage(),
      }
      page.on('response', (r) => {
        if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) suivi.document = r
      })
      sansJavaScript.set(page, suivi)
    }
    return page
  }

  beforeAll(async () => {
    navigateur = await lancerChromium()
  })
  afterAll(async () => {
    for (const c of contextes) await c.close()
    await navigateur?.close()
  })

  it(
    'fait tout le diagnostic avec JavaScript, en passant le double-clic, les ballons et l’e-mail à lire',
    async () => {
      const page = await nouvellePage()
      const faites = await faireLeTest(page, {
        double_cliquer: 'passer',
        cliquer: 'passer',
        parties_courriel: 'passer',
      })
      expect(faites).toContain('cliquer')
      expect(await passesDuResultat(page)).toEqual([
        'Ouvrir un dossier',
        'Attraper les ballons',
        'Lire un e-mail',
      ])

      // Sent empty, the link form comes back with the focus on its field; corrected, it goes.
      await allerAuContenu(page)
      await tabJusqua(page, page.getByRole('button', { name: 'Envoyer le lien' }))
      await toucheQuiCharge(page, 'Enter')
      const destinataire = page.getByLabel('Adresse e-mail ou numéro de téléphone portable')
      await focusSur(page, destinataire, 'le champ à corriger')
      expect(await destinataire.getAttribute('aria-invalid')).toBe('true')
      await verifierAccessibilite(page)
      await page.keyboard.type('rose.martin@exemple.fr')
      await toucheQuiCharge(page, 'Enter')
      expect(await page.locator('.fr-alert--success').textContent()).toContain('C’est envoyé')
    },
    PARCOURS_MS,
  )

  it(
    'avec JavaScript, ouvre le dossier à la touche Entrée puis passe le glisser-déposer',
    async () => {
      const page = await nouvellePage()
      const faites = await faireLeTest(page, {
        glisser: 'passer',
        defiler: 'passer',
        parties_courriel: 'passer',
      })
      expect(faites.slice(5, 7)).toEqual(['double_cliquer', 'glisser'])
      // Three skips in a row end the test (M6): the result says which.
      expect(await passesDuResultat(page)).toEqual([
        'Ranger une photo',
        'Trouver une information plus bas',
        'Lire un e-mail',
      ])
    },
    PARCOURS_MS,
  )

  it(
    'fait tout le diagnostic sans JavaScript, en passant chaque exercice de souris',
    async () => {
      const page = await nouvellePage(false)
      const faites = await faireLeTest(page, {
        double_cliquer: 'passer',
        cliquer: 'passer',
        parties_courriel: 'passer',
      })
      expect(faites.slice(5)).toEqual(
        expect.arrayContaining(['double_cliquer', 'cliquer', 'defiler', 'lien', 'parties_courriel']),
      )
      expect(await passesDuResultat(page)).toEqual([
        'Ouvrir un dossier',
        'Attraper les ballons',
        'Lire un e-mail',
      ])
    },
    PARCOURS_MS,
  )

  it('va de l’accueil à la recherche de lieux, cherche et ouvre la page d’un lieu', async () => {
    const page = await nouvellePage()
    await page.goto('/')
    await verifierPage(page)
    await allerAuContenu(page)
    await tabJusqua(page, page.getByRole('link', { name: 'Trouver de l’aide près de chez moi' }))
    await toucheQuiCharge(page, 'Enter')
    expect(new URL(page.url()).pathname).toBe('/lieux')
    await verifierPage(page)
    await allerAuContenu(page)
    await saisir(page, page.getByLabel('Commune ou code postal'), '05000')
    await tabJusqua(page, page.getByRole('button', { name: 'Rechercher', exact: true }))
    await toucheQuiCharge(page, 'Enter')
    await verifierPage(page)
    await allerAuContenu(page)
    const premier = page.locator('.lieux-resultat a').first()
    const nom = (await premier.textContent())?.trim()
    await tabJusqua(page, premier, 80)
    await toucheQuiCharge(page, 'Enter')
    expect(new URL(page.url()).pathname).toMatch(/^\/lieux\/./)
    expect((await page.getByRole('heading', { level: 1 }).textContent())?.trim()).toBe(nom)
    await verifierPage(page)
    await allerAuContenu(page)
  })

  it('lit les statistiques publiques : les tableaux défilent dans leur cadre, aux flèches', async () => {
    const page = await nouvellePage()
    await page.goto('/statistiques')
    await verifierPage(page)
    await allerAuContenu(page)
    // Each chart's table is folded under « Voir les données ». The first one wider than the screen
    // (measured unfolded, then folded back): its summary reached with Tab and opened with Enter,
    // the table reached with Tab, scrolled with the arrow key.
    const replis = page.locator('details.escale-donnees')
    const large = await replis.evaluateAll((l) =>
      l.findIndex((d) => {
        ;(d as HTMLDetailsElement).open = true
        const c = d.querySelector('.fr-table__container')
        const deborde = !!c && c.scrollWidth > c.clientWidth
        ;(d as HTMLDetailsElement).open = false
        return deborde
      }),
    )
    expect(large, 'au moins un tableau plus large que l’écran').toBeGreaterThanOrEqual(0)
    const repli = replis.nth(large)
    await tabJusqua(page, repli.locator('summary'), 150)
    await page.keyboard.press('Enter')
    expect(await repli.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
    const cadre = repli.locator('section.fr-table__container[aria-label]')
    await tabJusqua(page, cadre, 5)
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    // The browser may scroll smoothly: wait for the table to have moved.
    await cadre.evaluate(
      (e) =>
        new Promise<void>((ok, ko) => {
          const fin = Date.now() + 3000
          const voir = () =>
            e.scrollLeft > 0
              ? ok()
              : Date.now() > fin
                ? ko(new Error('pas défilé'))
                : requestAnimationFrame(voir)
          voir()
        }),
    )
    await focusSur(page, cadre, 'le tableau qui défile')
  })

  it('envoie le formulaire de connexion vide, suit le résumé des erreurs et corrige', async () => {
    const page = await nouvellePage()
    await page.goto('/connexion')
    await verifierPage(page)
    await allerAuContenu(page)
    await tabJusqua(page, page.getByRole('button', { name: 'Se connecter', exact: true }))
    await toucheQuiCharge(page, 'Enter')
    // Without any script: the summary takes the focus (autofocus), and its outline shows.
    await focusSur(page, page.locator('#resume-erreurs'), 'le résumé des erreurs')
    expect(await page.title()).toMatch(/^Erreur : /)
    await verifierAccessibilite(page)
    // The summary's first link leads to the field: Tab reaches the link, Enter follows it.
    const lien = page.locator('#resume-erreurs a[href="#email"]')
    await page.keyboard.press('Tab')
    await focusSur(page, lien, 'le premier lien du résumé')
    await page.keyboard.press('Enter')
    const email = page.getByLabel('Adresse e-mail')
    if (!(await aLeFocus(email))) await page.keyboard.press('Tab')
    await focusSur(page, email, 'le champ e-mail')
    expect(await email.getAttribute('aria-invalid')).toBe('true')
    await page.keyboard.type('ines.fabre@demo.escale.localhost')
    await saisir(page, page.getByLabel('Mot de passe', { exact: true }), 'escale-demo-2026')
    await toucheQuiCharge(page, 'Enter')
    expect(new URL(page.url()).pathname).not.toBe('/connexion')
    expect(await page.locator('#resume-erreurs').count()).toBe(0)
  })
})
