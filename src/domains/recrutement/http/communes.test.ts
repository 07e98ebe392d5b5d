import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'

/** Both application forms ask for a commune by name or postal code (issue 17.2), never an INSEE code. */

const lignes = <T>(r: unknown) => (r as { rows: T[] }).rows
const dansJours = (jours: number) => new Date(Date.now() + jours * 86_400_000).toISOString().slice(0, 10)

describe.each(MOTEURS)('recrutement : communes par nom ou code postal (%s)', (moteur) => {
  let t: AppDeTest
  beforeAll(async () => {
    t = await appDeTest(moteur)
  })
  afterAll(async () => t.fermer())

  it('candidature : un code postal partagé donne la liste à choisir, puis la commune choisie est gardée', async () => {
    const nav = new Navigateur(t.app)
    const page = await nav.get('/candidature/conseiller')
    expect(page.body).toContain('name="code_commune_saisie"')
    expect(page.body).not.toContain('INSEE')
    const candidature = {
      prenom: 'Lou',
      nom: 'Garnier',
      email: 'lou.garnier@exemple.fr',
      telephone: '06 12 34 56 78',
      code_commune_saisie: '05000',
      rayon_km: '20',
      disponible_le: dansJours(45),
      situation: 'demandeur_emploi',
      motivation: 'Aider les personnes éloignées du numérique dans ma vallée.',
    }
    const choix = await nav.post('/candidature/conseiller', candidature)
    expect(choix.statusCode).toBe(400)
    expect(choix.body).toContain('Plusieurs communes correspondent à « 05000 »')
    expect(choix.body).toMatch(/type="radio"[^>]*name="code_commune"[^>]*value="05061"/)
    expect(choix.body).toContain('value="Lou"')
    const avant = lignes<{ n: number }>(
      await t.base.db.execute(sql`select count(*)::int as n from recrutement_candidatures`),
    )
    expect(avant).toEqual([{ n: 0 }])

    const ok = await nav.post('/candidature/conseiller', { ...candidature, code_commune: '05061' })
    expect(ok.statusCode).toBe(303)
    expect(
      lignes(
        await t.base.db.execute(
          sql`select code_commune from recrutement_candidatures where email = 'lou.garnier@exemple.fr'`,
        ),
      ),
    ).toEqual([{ code_commune: '05061' }])
  })

  it('structure : « 13003 » est Marseille (Bouches-du-Rhône), jamais Alleins ; « 05000 » fait choisir', async () => {
    const nav = new Navigateur(t.app)
    const structure = {
      nom: 'Centre social du 3e',
      // Both names of the identifier field, while the form moves from one field to two (issue 19).
      identifiant: '73282932000074',
      siret: '73282932000074',
      type: 'association',
      adresse: '1 rue de la République',
      code_commune_saisie: '13003',
      contact_prenom: 'Rose',
      contact_nom: 'Blanc',
      contact_fonction: 'Directrice',
      contact_email: 'rose.blanc.13@exemple.fr',
      contact_telephone: '0491000000',
      postes_souhaites: '1',
      date_debut: dansJours(90),
      projet: 'Ateliers numériques pour les familles du quartier.',
      zone_intervention: 'Marseille 3e',
      engagement: 'oui',
    }
    const choix = await nav.soumettre('/candidature/structure', '/candidature/structure', {
      ...structure,
      code_commune_saisie: '05000',
    })
    expect(choix.statusCode).toBe(400)
    expect(choix.body).toContain('Plusieurs communes correspondent à « 05000 »')
    expect(choix.body).toMatch(/type="radio"[^>]*name="code_commune"[^>]*value="05061"/)
    expect(choix.body).toContain('value="Centre social du 3e"')
    const r = await nav.soumettre('/candidature/structure', '/candidature/structure', structure)
    expect(r.statusCode, r.body.slice(0, 200)).toBe(303)
    expect(
      lignes(
        await t.base.db.execute(
          sql`select code_commune, code_departement from structures where nom = 'Centre social du 3e'`,
        ),
      ),
    ).toEqual([{ code_commune: '13055', code_departement: '13' }])
  })
})
