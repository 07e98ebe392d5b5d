import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { baseUrl, lancerChromium, sansChromium, verifierAccessibilite } from './outils'

/** The e-mailed activation link of an address, read from the demo mailbox (newest message first). */
async function lienActivation(page: Page, email: string): Promise<string> {
  await page.goto('/boite-mail')
  const lien = page.locator('article', { hasText: email }).locator('a[href*="/invitation/"]').first()
  const href = await lien.getAttribute('href')
  if (!href) throw new Error(`aucun lien d’activation pour ${email}`)
  return new URL(href).pathname
}

async function activerCompte(page: Page, email: string) {
  await page.goto(await lienActivation(page, email))
  await verifierAccessibilite(page)
  await page.getByLabel('Nouveau mot de passe').fill('une phrase de passe bien longue 2030')
  await page.getByLabel('Confirmer le mot de passe').fill('une phrase de passe bien longue 2030')
  await page.getByRole('button', { name: /Enregistrer|Valider|Activer/ }).click()
  await page.waitForURL('**/espace')
}

/** A date `jours` days from now: the forms refuse past dates and dates beyond two years. */
const dansJours = (jours: number) => new Date(Date.now() + jours * 86_400_000).toISOString().slice(0, 10)

async function connexionDemo(page: Page, qui: RegExp) {
  await page.goto('/demo')
  await page.getByRole('button', { name: qui }).click()
  await page.waitForURL('**/espace')
}

describe.skipIf(sansChromium())('recrutement des conseillers numériques', () => {
  let navigateur: Browser
  let contexte: BrowserContext
  let page: Page
  beforeAll(async () => {
    navigateur = await lancerChromium()
  })
  afterAll(async () => navigateur?.close())
  beforeEach(async () => {
    await contexte?.close()
    contexte = await navigateur.newContext({ baseURL: baseUrl(), locale: 'fr-FR' })
    page = await contexte.newPage()
  })

  it('un candidat postule', async () => {
    const email = `lina.${Date.now()}@exemple.fr`
    await page.goto('/')
    await page.getByRole('link', { name: 'Devenir conseiller numérique' }).first().click()
    await page.waitForURL('**/candidature/conseiller')
    await verifierAccessibilite(page)
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click()
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('erreur')
    await verifierAccessibilite(page)

    await page.getByLabel('Prénom').fill('Lina')
    await page.getByLabel('Nom', { exact: true }).fill('Morel')
    await page.getByLabel('Adresse e-mail').fill(email)
    await page.getByLabel('Téléphone', { exact: true }).fill('06 12 34 56 78')
    // The commune by its postcode, never its INSEE code (champ-commune.tsx).
    await page.locator('input[name="code_commune_saisie"]').fill('13001')
    await page.getByLabel('Jusqu’où pouvez-vous vous déplacer pour travailler ?').selectOption('20')
    await page.getByLabel('Disponible à partir du').fill(dansJours(45))
    await page.getByLabel('Situation actuelle').selectOption('demandeur_emploi')
    await page.getByLabel('J’ai un diplôme de la médiation numérique').check({ force: true })
    await page
      .getByLabel('Votre motivation')
      .fill('Aider les habitants de mon quartier à faire leurs démarches en ligne.')
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click()
    await page.waitForURL('**/candidature/conseiller/envoyee')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
      'Votre candidature est enregistrée',
    )
    await verifierAccessibilite(page)

    await activerCompte(page, email)
    await page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Ma candidature' })
      .click()
    await page.waitForURL('**/candidat')
    expect(await page.locator('main').textContent()).toContain('Candidature visible par les structures')
    await verifierAccessibilite(page)
    await page.getByRole('button', { name: 'Retirer ma candidature' }).click()
    await page.waitForURL('**/candidat')
    expect(await page.locator('main').textContent()).toContain('Retirée')
    await verifierAccessibilite(page)
  })

  it('une structure répond à l’AMI, la préfecture la propose, le comité valide, la structure recrute le candidat', async () => {
    const email = `direction.${Date.now()}@exemple.fr`
    const nom = `Centre social du Panier ${Date.now()}`
    await page.goto('/')
    await page.getByRole('link', { name: 'Accueillir un conseiller' }).first().click()
    await page.waitForURL('**/candidature/structure')
    await verifierAccessibilite(page)
    await page.getByLabel('Nom de la structure').fill(nom)
    await page.locator('input[name="rna"]').fill('W133000123')
    await page.getByLabel('Type de structure').selectOption('association')
    await page.getByLabel('Adresse', { exact: true }).fill('2 rue du Panier')
    await page.locator('input[name="code_commune_saisie"]').fill('13001')
    await page.getByLabel('Prénom').fill('Samia')
    await page.getByLabel('Nom', { exact: true }).fill('Khelifi')
    await page.getByLabel('Fonction').fill('Directrice')
    await page.getByLabel('Adresse e-mail').fill(email)
    await page.getByLabel('Téléphone', { exact: true }).fill('04 91 00 00 00')
    await page.getByLabel('Nombre de postes souhaités').fill('1')
    await page.getByLabel('Date de début souhaitée').fill(dansJours(60))
    await page
      .getByLabel('Votre projet')
      .fill('Ateliers numériques et aide aux démarches pour les habitants du quartier.')
    await page.getByLabel('Zone d’intervention').fill('Marseille 2e arrondissement')
    await page.getByLabel(/quartier prioritaire/).check({ force: true })
    await page.getByLabel(/La structure s’engage/).check({ force: true })
    await page.getByRole('button', { name: 'Déposer la candidature' }).click()
    await page.waitForURL('**/candidature/structure/envoyee')
    await verifierAccessibilite(page)
    // The prefecture of the département is told of the new application.
    await page.goto('/boite-mail')
    await expect(
      page
        .locator('article', {
          hasText: `Nouvelle candidature Conseiller numérique dans votre département : ${nom}`,
        })
        .count(),
    ).resolves.toBeGreaterThan(0)

    // The prefecture of the Bouches-du-Rhône proposes it.
    await connexionDemo(page, /Nadia Benali, Préfecture/)
    await page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Structures candidates' })
      .click()
    await page.waitForURL('**/prefecture/structures')
    await verifierAccessibilite(page)
    await page.getByRole('link', { name: nom }).click()
    await verifierAccessibilite(page)
    await page.getByLabel('Favorable', { exact: true }).check({ force: true })
    await page.getByLabel('Rang dans le département').fill('1')
    await page.getByLabel('Nombre de postes proposés').fill('1')
    await page.getByLabel('Commentaire').fill('Quartier prioritaire sans médiation numérique.')
    await page.getByRole('button', { name: 'Enregistrer l’avis' }).click()
    await page.waitForURL('**/prefecture/structures?departement=13')
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('L’avis est enregistré.')
    await page.goto('/prefecture/carte')
    await verifierAccessibilite(page)
    expect(await page.locator('main').textContent()).toContain(nom)

    // The national committee validates one post.
    await connexionDemo(page, /Camille Morel/)
    await page.goto('/comite')
    await verifierAccessibilite(page)
    await page.getByRole('link', { name: nom }).click()
    await verifierAccessibilite(page)
    await page.getByLabel('Valider', { exact: true }).check({ force: true })
    await page.getByLabel('Postes accordés').fill('1')
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click()
    await page.waitForURL('**/comite')
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Décision n° CN-')
    await page.goto('/comite/programme')
    await verifierAccessibilite(page)
    await page.goto('/pilotage')
    await verifierAccessibilite(page)

    // The structure's contact activates the account and recruits Manon Leroy (Marseille, 20 km).
    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await activerCompte(page, email)
    await page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Ma structure' })
      .click()
    await page.waitForURL('**/structure')
    expect(await page.locator('main').textContent()).toContain('Validée par le comité')
    await verifierAccessibilite(page)
    await page.getByRole('link', { name: 'Voir les candidats classés' }).click()
    await verifierAccessibilite(page)
    await page.getByRole('link', { name: /Manon Leroy — score/ }).click()
    await verifierAccessibilite(page)
    await page.getByRole('button', { name: 'Présélectionner' }).click()
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Candidat présélectionné.',
    )
    await page.getByLabel('Date de l’entretien').fill('2026-01-02')
    await page.getByLabel('Notes d’entretien').fill('Très à l’aise avec le public.')
    await page.getByRole('button', { name: 'Enregistrer l’entretien' }).click()
    await page.getByLabel('Durée du contrat').selectOption('2ans')
    await page.getByLabel('Date de début du contrat').fill('2026-01-05')
    await page.getByRole('button', { name: 'Recruter ce candidat' }).click()
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Le candidat est recruté')
    await verifierAccessibilite(page)
    await page.goto('/structure')
    expect(await page.locator('main').textContent()).toContain('Manon Leroy')
    await verifierAccessibilite(page)

    // Manon Leroy is now a conseiller of the structure, enrolled in the 350-hour training path.
    await connexionDemo(page, /Manon Leroy/)
    await page.goto('/formation/mon-parcours')
    const formation = await page.locator('main').textContent()
    expect(formation).toContain('Formation initiale des conseillers numériques')
    expect(formation).toContain('350 h')
    await verifierAccessibilite(page)
    // Five people, a dozen pages each checked by axe: longer than the default minute on a loaded machine.
  }, 180_000)

  it('l’équipe nationale publie une nouvelle version d’un parcours de formation', async () => {
    await connexionDemo(page, /Camille Morel/)
    await page.goto('/formation')
    await page.getByRole('link', { name: 'Gérer les parcours et publier une nouvelle version' }).click()
    await page.waitForURL('**/formation/parcours')
    await verifierAccessibilite(page)
    await page.getByLabel('Code du parcours').fill('conseiller-numerique-105h')
    await page.getByLabel('Libellé').fill('Parcours court après positionnement')
    await page.getByLabel('Durée en heures').fill('deux cents')
    await page.getByLabel('Certification attendue').selectOption('pix_ou_titre')
    await page.getByRole('button', { name: 'Publier la version' }).click()
    await expect(page.locator('.fr-error-text').first().textContent()).resolves.toContain(
      'Saisissez la durée en heures',
    )
    await verifierAccessibilite(page)
    await page.getByLabel('Durée en heures').fill('105')
    await page.getByRole('button', { name: 'Publier la version' }).click()
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'La version 1 du parcours « Parcours court après positionnement » est en vigueur',
    )
    await verifierAccessibilite(page)
  })

  it('un organisme de formation suit sa session et un conseiller voit sa formation', async () => {
    await connexionDemo(page, /Hugo Mercier/)
    await page.goto('/formation')
    await verifierAccessibilite(page)
    await page.getByRole('link', { name: 'Conseillers numériques — promotion Sud' }).click()
    await verifierAccessibilite(page)
    await page.getByRole('button', { name: 'Enregistrer les présences' }).click()
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Les présences sont enregistrées.',
    )
    await connexionDemo(page, /Inès Fabre/)
    await page.goto('/formation/mon-parcours')
    expect(await page.locator('main').textContent()).toContain(
      'Formation initiale des conseillers numériques',
    )
    await verifierAccessibilite(page)
  })
})
