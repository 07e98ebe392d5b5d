import { PassThrough } from 'node:stream'
import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { outboxMessages } from '../../../platform/outbox/schema'
import { seedLieux } from '../../lieux'
import { diagnosticPassations, diagnosticReponses } from '../db/schema'

const etapeDe = (html: string) => /name="etape" value="([^"]+)"/.exec(html)?.[1]

/** Answers the current step; `reponses` gives the fields per step id, otherwise the step is skipped. */
async function repondre(n: Navigateur, reponses: Record<string, Record<string, string>>) {
  const page = await n.get('/diagnostic/etape')
  const etape = etapeDe(page.body)
  if (!etape) return { etape: undefined, r: page }
  const champs = reponses[etape] ?? { passer: 'oui' }
  return { etape, r: await n.post('/diagnostic/etape', { etape, ...champs }) }
}

/** A right answer for every item, to reach a given item without M6 stopping the test. */
const REUSSITES: Record<string, Record<string, string>> = {
  cliquer: { termine: 'oui' },
  double_cliquer: { termine: 'oui' },
  glisser: { termine: 'oui' },
  defiler: { choix: 'a14' },
  parties_courriel: { termine: 'oui' },
  arnaque_sms: { choix: 'supprimer' },
}

/** The hidden fields of the step's form, as a browser sends them (`_csrf` aside: the Navigateur adds it). */
const champsCaches = (html: string): Record<string, string> =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)]
      .filter((m) => m[1] !== '_csrf')
      .map((m) => [m[1]!, m[2]!]),
  )

/** Right answers of the exercises that are forms. */
const BONNES_REPONSES: Record<string, Record<string, string>> = {
  defiler: { choix: 'a14' },
  lien: { choix: 'mercredi' },
  ecrire_courriel: {
    destinataire: 'contact@mediatheque-villebelle.fr',
    objet: 'Horaires',
    message: 'Bonjour, vos horaires ?',
  },
  formulaire_simple: { nom: 'Martin', prenom: 'Rose', code_postal: '05000' },
  formulaire_complet: {
    date_naissance: '14/03/1956',
    email: 'rose.martin@exemple.fr',
    situation: 'retraite',
    certifie: 'oui',
  },
  arnaque_sms: { choix: 'supprimer' },
  arnaque_courriel: { choix: 'remboursement' },
}

const QUESTIONS_OK = {
  equipement: { choix: 'smartphone' },
  internet: { choix: 'telephone' },
  lecture: { choix: 'facile' },
  confiance: { choix: 'peur' },
  demarche: { choix: 'faire_pour_moi' },
}

describe.each(MOTEURS)('diagnostic public (%s)', (moteur) => {
  let t: AppDeTest
  beforeEach(async () => {
    t = await appDeTest(moteur)
  })
  afterEach(async () => t.fermer())

  const commencer = async () => {
    const n = new Navigateur(t.app)
    const accueil = await n.get('/diagnostic')
    expect(accueil.statusCode).toBe(200)
    expect(accueil.body).toContain('Faire le point sur mes usages numériques')
    expect(accueil.body).toContain('href="/diagnostic/accompagnement"')
    const r = await n.post('/diagnostic/commencer')
    expect(r.statusCode).toBe(303)
    expect(r.headers.location).toBe('/diagnostic/etape')
    const cookie = (r.cookies as { name: string; path?: string; httpOnly?: boolean }[]).find(
      (c) => c.name === 'escale_diagnostic',
    )
    expect(cookie).toMatchObject({ path: '/diagnostic', httpOnly: true })
    return n
  }

  it('fait tout le parcours sans compte, adapte les exercices et oriente vers Aidants Connect', async () => {
    const n = await commencer()
    const vus: string[] = []
    for (let i = 0; i < 20; i++) {
      const { etape, r } = await repondre(n, {
        ...QUESTIONS_OK,
        // Success at level 2 of the mouse: level 1 is credited, never asked.
        double_cliquer: {
          termine: 'oui',
          mesures: JSON.stringify({ intervalleDoubleClicMs: 380, clavier: 1 }),
        },
        glisser: { termine: 'non' },
        defiler: { choix: 'a14' },
        lien: { choix: 'mercredi' },
        parties_courriel: { termine: 'oui' },
        ecrire_courriel: {
          destinataire: 'contact@mediatheque-villebelle.fr',
          objet: 'Horaires',
          message: 'Bonjour, vos horaires ?',
        },
        formulaire_simple: { nom: 'martin', prenom: 'ROSE', code_postal: '05000' },
      })
      if (!etape) break
      // A wrong attempt re-renders the item with its correction (200); the step then stays the same.
      if (vus[vus.length - 1] !== etape) vus.push(etape)
      expect([200, 303], etape).toContain(r.statusCode)
    }
    expect(vus.slice(0, 5)).toEqual(['equipement', 'internet', 'lecture', 'confiance', 'demarche'])
    expect(vus).not.toContain('cliquer')
    expect(new Set(vus).size).toBe(vus.length)
    // "lien" was answered right without opening the page: it must not count as a success.
    const passation = (await t.base.db.select().from(diagnosticPassations))[0]!
    expect(passation.termineLe).not.toBeNull()
    const reponses = await t.base.db.select().from(diagnosticReponses)
    expect(reponses.find((x) => x.item === 'lien')).toMatchObject({ resultat: 'echoue', essais: 3 })
    expect(reponses.find((x) => x.item === 'double_cliquer')?.mesures).toEqual({
      intervalleDoubleClicMs: 380,
      clavier: 1,
    })
    expect(reponses.find((x) => x.item === 'equipement')?.valeur).toBe('smartphone')

    const resultat = await n.get('/diagnostic/resultat')
    expect(resultat.statusCode).toBe(200)
    expect(resultat.body).toContain('Je sais cliquer sur un bouton.')
    expect(resultat.body).toContain('Je sais ouvrir un dossier.')
    expect(resultat.body).toContain('Je vais apprendre à déplacer une image.')
    expect(resultat.body).toContain('Quelqu’un peut faire la démarche pour vous')
    // Aidants Connect is a module of this app: the result points to its page, not to another site.
    expect(resultat.body).toContain('href="/aidants"')
    expect(resultat.body).not.toContain('aidantsconnect.beta.gouv.fr')
    const lieux = await n.get('/diagnostic/resultat?commune=05000')
    expect(lieux.body).toContain('Nous n’avons pas encore de lieu à vous montrer')
    const inconnu = await n.get('/diagnostic/resultat?commune=99999')
    expect(inconnu.statusCode).toBe(400)
    expect(inconnu.body).toContain('Nous ne connaissons pas ce code postal')
  })

  it('passe chaque exercice de souris avec « Je n’y arrive pas, passer », champs cachés compris, et le résultat le dit', async () => {
    // A browser sends every field of the form, the hidden ones as they are: `termine` stays empty
    // when the exercise was not done (without JavaScript, or skipped).
    const envoyerLaPage = async (n: Navigateur, ajout: Record<string, string>) => {
      const page = await n.get('/diagnostic/etape')
      const etape = etapeDe(page.body)
      if (!etape) return { etape: undefined, r: page }
      return { etape, r: await n.post('/diagnostic/etape', { ...champsCaches(page.body), ...ajout }) }
    }
    const SOURIS = ['cliquer', 'double_cliquer', 'glisser', 'parties_courriel']

    // Skipped one after the other: the following exercise is reached each time.
    const n = await commencer()
    const vus: string[] = []
    for (let i = 0; i < 20; i++) {
      const page = await n.get('/diagnostic/etape')
      const etape = etapeDe(page.body)
      if (!etape) break
      if (etape === 'lien') await n.get('/diagnostic/exercice/horaires')
      const { r } = await envoyerLaPage(
        n,
        SOURIS.includes(etape)
          ? { passer: 'oui' }
          : ((QUESTIONS_OK as Record<string, Record<string, string>>)[etape] ?? BONNES_REPONSES[etape]!),
      )
      expect(r.statusCode, etape).toBe(303)
      vus.push(etape)
    }
    expect(vus.filter((e) => SOURIS.includes(e))).toEqual(['double_cliquer', 'cliquer', 'parties_courriel'])
    const reponses = await t.base.db.select().from(diagnosticReponses)
    for (const e of ['double_cliquer', 'cliquer', 'parties_courriel'])
      expect(reponses.find((x) => x.item === e)?.resultat, e).toBe('passe')
    const resultat = await n.get('/diagnostic/resultat')
    expect(resultat.statusCode).toBe(200)
    const passes = /<section aria-labelledby="titre-passes"[\s\S]*?<\/section>/.exec(resultat.body)?.[0] ?? ''
    expect(passes).toContain('Ouvrir un dossier')
    expect(passes).toContain('Attraper les ballons')
    expect(passes).toContain('Lire un e-mail')
    expect(passes).not.toContain('Trouver une information plus bas')

    // The drag is only asked after a double-click done: it can be skipped the same way.
    const m = await commencer()
    for (const [etape, choix] of Object.entries(QUESTIONS_OK))
      expect((await envoyerLaPage(m, choix)).etape).toBe(etape)
    expect((await envoyerLaPage(m, { termine: 'oui' })).etape).toBe('double_cliquer')
    const glisser = await envoyerLaPage(m, { passer: 'oui' })
    expect(glisser.etape).toBe('glisser')
    expect(glisser.r.statusCode).toBe(303)
    expect(etapeDe((await m.get('/diagnostic/etape')).body)).toBe('defiler')
  })

  it('donne à chaque étape son propre titre de page : son numéro et sa question', async () => {
    const n = await commencer()
    const titres: string[] = []
    for (let i = 0; i < 20; i++) {
      const page = await n.get('/diagnostic/etape')
      const etape = etapeDe(page.body)
      if (!etape) break
      if (etape === 'lien') await n.get('/diagnostic/exercice/horaires')
      titres.push(/<title>([^<]*)<\/title>/.exec(page.body)?.[1] ?? '')
      await n.post(
        '/diagnostic/etape',
        (QUESTIONS_OK as Record<string, Record<string, string>>)[etape]
          ? { etape, ...(QUESTIONS_OK as Record<string, Record<string, string>>)[etape] }
          : { etape, ...(REUSSITES[etape] ?? BONNES_REPONSES[etape] ?? { passer: 'oui' }) },
      )
    }
    expect(titres.length).toBeGreaterThan(10)
    expect(new Set(titres).size, titres.join('\n')).toBe(titres.length)
    titres.forEach((t, i) => {
      expect(t).toMatch(new RegExp(`^Étape ${i + 1} : .+ — Escale$`))
    })
    expect(titres[0]).toBe('Étape 1 : Quel appareil avez-vous chez vous ? — Escale')
    expect(titres[1]).toBe('Étape 2 : Avez-vous internet chez vous ? — Escale')
    // A question re-shown with its error says so first.
    await commencer().then(async (m) => {
      await m.get('/diagnostic/etape')
      const erreur = await m.post('/diagnostic/etape', { etape: 'equipement' })
      expect(erreur.body).toContain(
        '<title>Erreur : Étape 1 : Quel appareil avez-vous chez vous ? — Escale</title>',
      )
    })
  })

  it('compte l’ouverture réelle du lien : ouvrir la page puis revenir et répondre réussit', async () => {
    const n = await commencer()
    for (let i = 0; i < 8; i++) {
      const page = await n.get('/diagnostic/etape')
      const etape = etapeDe(page.body)!
      if (etape === 'lien') break
      const champs: Record<string, string> =
        (QUESTIONS_OK as Record<string, Record<string, string>>)[etape] ??
        (etape === 'defiler' ? { choix: 'a14' } : { termine: 'oui' })
      await n.post('/diagnostic/etape', { etape, ...champs })
    }
    expect(etapeDe((await n.get('/diagnostic/etape')).body)).toBe('lien')
    const horaires = await n.get('/diagnostic/exercice/horaires')
    expect(horaires.body).toContain('Mercredi : Fermé')
    await n.get('/diagnostic/etape')
    const r = await n.post('/diagnostic/etape', { etape: 'lien', choix: 'mercredi' })
    expect(r.statusCode).toBe(303)
    const lien = (await t.base.db.select().from(diagnosticReponses)).find((x) => x.item === 'lien')
    expect(lien).toMatchObject({ resultat: 'reussi', essais: 1 })
  })

  it('corrige un formulaire champ par champ et garde ce qui a été tapé', async () => {
    const n = await commencer()
    for (let i = 0; i < 12; i++) {
      const page = await n.get('/diagnostic/etape')
      const etape = etapeDe(page.body)!
      if (etape === 'formulaire_simple') break
      const champs = (QUESTIONS_OK as Record<string, Record<string, string>>)[etape] ??
        REUSSITES[etape] ?? { passer: 'oui' }
      await n.post('/diagnostic/etape', { etape, ...champs })
    }
    const r = await n.post('/diagnostic/etape', {
      etape: 'formulaire_simple',
      nom: 'Martin',
      prenom: 'Rose',
      code_postal: '5000',
    })
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain('Un code postal a 5 chiffres')
    expect(r.body).toContain('value="Martin"')
    expect(r.body).toContain('encore 2 essais')
    const ok = await n.post('/diagnostic/etape', {
      etape: 'formulaire_simple',
      nom: 'Martin',
      prenom: 'Rose',
      code_postal: '05000',
    })
    expect(ok.statusCode).toBe(303)
    const rep = (await t.base.db.select().from(diagnosticReponses)).find(
      (x) => x.item === 'formulaire_simple',
    )
    expect(rep).toMatchObject({ resultat: 'reussi', essais: 2 })
    // Nothing typed is stored: only the result, counts and durations.
    expect(JSON.stringify(rep)).not.toContain('Martin')
  })

  it('refuse une question sans réponse (400, message nommant le champ) sans rien écrire', async () => {
    const n = await commencer()
    await n.get('/diagnostic/etape')
    const r = await n.post('/diagnostic/etape', { etape: 'equipement' })
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain('Choisissez au moins une réponse.')
    const incoherent = await n.post('/diagnostic/etape', { etape: 'equipement', choix: 'aucun' })
    expect(incoherent.statusCode).toBe(303)
    await n.get('/diagnostic/etape')
    const mesures = await n.post('/diagnostic/etape', {
      etape: 'internet',
      choix: 'oui',
      mesures: '{"texte":"secret"}',
    })
    expect(mesures.statusCode).toBe(400)
    expect(mesures.body).toContain('Le champ « mesures » est invalide')
    expect((await t.base.db.select().from(diagnosticReponses)).map((x) => x.item)).toEqual(['equipement'])
  })

  it('ignore une page périmée (double envoi) sans enregistrer deux fois', async () => {
    const n = await commencer()
    await n.get('/diagnostic/etape')
    await n.post('/diagnostic/etape', { etape: 'equipement', choix: 'ordinateur' })
    const encore = await n.post('/diagnostic/etape', { etape: 'equipement', choix: 'tablette' })
    expect(encore.statusCode).toBe(303)
    const rows = await t.base.db.select().from(diagnosticReponses)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.valeur).toBe('ordinateur')
  })

  it('exige le jeton CSRF', async () => {
    const n = new Navigateur(t.app)
    await n.get('/diagnostic')
    const r = await n.post('/diagnostic/commencer', { _csrf: '' })
    expect(r.statusCode).toBe(403)
    expect(await t.base.db.select().from(diagnosticPassations)).toHaveLength(0)
  })

  it('s’arrête après 30 minutes d’inactivité (R4) et efface les réponses à la demande', async () => {
    const n = await commencer()
    await n.get('/diagnostic/etape')
    await n.post('/diagnostic/etape', { etape: 'equipement', choix: 'ordinateur' })
    t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + 31 * 60_000)
    const arrete = await n.get('/diagnostic/etape')
    expect(arrete.statusCode).toBe(410)
    expect(arrete.body).toContain('Votre test s’est arrêté')
    expect(n.cookies.has('escale_diagnostic')).toBe(false)

    const m = await commencer()
    await m.get('/diagnostic/etape')
    await m.post('/diagnostic/etape', { etape: 'equipement', choix: 'ordinateur' })
    await m.get('/diagnostic')
    const efface = await m.post('/diagnostic/effacer')
    expect(efface.statusCode).toBe(303)
    const restantes = await t.base.db.select().from(diagnosticPassations)
    expect(restantes).toHaveLength(1) // only the one stopped by inactivity remains (purged later by R1)
    expect((await m.get('/diagnostic/etape')).headers.location).toBe('/diagnostic')
  })

  it('envoie un lien vers le résultat par e-mail ou SMS, sans garder l’adresse', async () => {
    const n = await commencer()
    for (let i = 0; i < 20; i++) {
      const { etape } = await repondre(n, QUESTIONS_OK)
      if (!etape) break
    }
    await n.get('/diagnostic/resultat')
    const mauvais = await n.post('/diagnostic/resultat/envoyer', { canal: 'sms', destinataire: '12' })
    expect(mauvais.statusCode).toBe(400)
    expect(mauvais.body).toContain('numéro de téléphone portable')
    const r = await n.post('/diagnostic/resultat/envoyer', {
      canal: 'email',
      destinataire: 'rose@exemple.fr',
    })
    expect(r.statusCode).toBe(303)
    const [message] = await t.base.db.select().from(outboxMessages)
    expect(message?.destinataire).toBe('rose@exemple.fr')
    const lien = /\/diagnostic\/lien\/[A-Za-z0-9_-]+/.exec(message!.texte)![0]
    const lecture = await new Navigateur(t.app).get(lien)
    expect(lecture.statusCode).toBe(200)
    expect(lecture.body).toContain('Votre résultat')
    const [p] = await t.base.db.select().from(diagnosticPassations)
    expect(JSON.stringify(p)).not.toContain('rose@exemple.fr')
    await n.get('/diagnostic/resultat')
    const sms = await n.post('/diagnostic/resultat/envoyer', { canal: 'sms', destinataire: '06 12 34 56 78' })
    expect(sms.statusCode).toBe(303)
    expect(
      (await t.base.db.select().from(outboxMessages).where(eq(outboxMessages.canal, 'sms')))[0]?.destinataire,
    ).toBe('0612345678')
    t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + 8 * 24 * 3600_000)
    expect((await new Navigateur(t.app).get(lien)).statusCode).toBe(410)
  })

  it('refuse un code de session mal formé (400) ou inconnu (422)', async () => {
    const n = new Navigateur(t.app)
    await n.get('/diagnostic/code')
    const forme = await n.post('/diagnostic/code', { code: 'ABC' })
    expect(forme.statusCode).toBe(400)
    expect(forme.body).toContain('6 lettres puis 3 chiffres')
    const inconnu = await n.post('/diagnostic/code', { code: 'abc def 234' })
    expect(inconnu.statusCode).toBe(422)
    expect(inconnu.body).toContain('n’existe pas ou n’est plus valable')
  })

  it('la page « je préfère être accompagné » valide le code postal', async () => {
    const n = new Navigateur(t.app)
    expect((await n.get('/diagnostic/accompagnement')).statusCode).toBe(200)
    const faux = await n.get('/diagnostic/accompagnement?commune=%22%3E%3Cb%3E')
    expect(faux.statusCode).toBe(400)
    expect(faux.body).toContain('Écrivez un code postal à 5 chiffres')
    expect(faux.body).not.toContain('"><b>')
    const inconnu = await n.get('/diagnostic/accompagnement?commune=00000')
    expect(inconnu.statusCode).toBe(400)
    expect(inconnu.body).toContain('Nous ne connaissons pas ce code postal')
  })
})

/** The places listed on a page, as "name — address, commune — at N km". */
const lieuxDe = (html: string) =>
  [...html.matchAll(/<li class="escale-lieu">([\s\S]*?)<\/li>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  )

describe.each(MOTEURS)('résultat avec les vrais lieux de démonstration (%s)', (moteur) => {
  let t: AppDeTest
  beforeAll(async () => {
    t = await appDeTest(moteur)
    await seedLieux(t.base.db)
  }, 120_000)
  afterAll(async () => t.fermer())

  it('montre les lieux les plus proches du code postal (13001 est Marseille, pas Aix) et les France services pour Aidants Connect', async () => {
    const n = new Navigateur(t.app)
    await n.get('/diagnostic')
    await n.post('/diagnostic/commencer')
    for (let i = 0; i < 20; i++) {
      const { etape } = await repondre(n, QUESTIONS_OK)
      if (!etape) break
    }
    const marseille = await n.get('/diagnostic/resultat?commune=13001')
    expect(marseille.statusCode).toBe(200)
    expect(marseille.body).toContain('Les lieux près de Marseille (13001)')
    const lieux = lieuxDe(marseille.body)
    expect(lieux.length).toBeGreaterThanOrEqual(6)
    expect(
      lieux.every((l) => /marseille/i.test(l)),
      lieux.join('\n'),
    ).toBe(true)
    // O1: someone to act for the person: France services (no place carries Aidants Connect in the demo data).
    expect(marseille.body).toContain('demandez à faire votre démarche avec un aidant Aidants Connect')
    const aidants = marseille.body.slice(marseille.body.indexOf('Quelqu’un peut faire la démarche'))
    expect(lieuxDe(aidants)[0]).toMatch(/France services/i)
    expect(marseille.body).toContain('href="/aidants"')

    const gap = await n.get('/diagnostic/resultat?commune=05000')
    expect(gap.body).toContain('Les lieux près de Gap (05000)')
    expect(lieuxDe(gap.body).some((l) => /\bgap\b/i.test(l))).toBe(true)
    // A place appears once per list even when two source files both list it.
    for (const liste of gap.body.split('<ul class="escale-lieux">').slice(1)) {
      const noms = lieuxDe(`<ul>${liste.slice(0, liste.indexOf('</ul>'))}`).map((l) =>
        l.split(' — ')[0]!.toLowerCase(),
      )
      expect(new Set(noms).size).toBe(noms.length)
    }

    const accompagnement = await n.get('/diagnostic/accompagnement?commune=13001')
    expect(accompagnement.statusCode).toBe(200)
    expect(accompagnement.body).toContain('Les lieux les plus proches de Marseille')
    expect(lieuxDe(accompagnement.body).every((l) => /marseille/i.test(l))).toBe(true)
  })
})

describe('journaux du diagnostic', () => {
  it('ne contiennent ni ce qui est tapé, ni l’adresse de la personne, ni le jeton du lien', async () => {
    const flux = new PassThrough()
    const lignes: string[] = []
    flux.on('data', (d: Buffer) => lignes.push(d.toString()))
    const t = await appDeTest('pglite', {}, flux)
    try {
      const n = new Navigateur(t.app)
      await n.get('/diagnostic')
      await n.post('/diagnostic/commencer')
      for (let i = 0; i < 20; i++) {
        const etape = etapeDe((await n.get('/diagnostic/etape')).body)
        if (!etape) break
        const q = (QUESTIONS_OK as Record<string, Record<string, string>>)[etape]
        await n.post('/diagnostic/etape', q ? { etape, ...q } : { etape, passer: 'oui', nom: 'Zorglub' })
      }
      await n.get('/diagnostic/resultat')
      await n.post('/diagnostic/resultat/envoyer', { canal: 'email', destinataire: 'secret.rose@exemple.fr' })
      const [m] = await t.base.db.select().from(outboxMessages)
      const jeton = /\/diagnostic\/lien\/([A-Za-z0-9_-]+)/.exec(m!.texte)![1]!
      expect((await new Navigateur(t.app).get(`/diagnostic/lien/${jeton}`)).statusCode).toBe(200)
      const journal = lignes.join('')
      expect(journal).toContain('/diagnostic/etape')
      expect(journal).not.toContain('secret.rose')
      expect(journal).not.toContain('Zorglub')
      expect(journal).not.toContain(jeton)
      expect(journal).not.toContain(n.cookies.get('escale_diagnostic')!)
    } finally {
      await t.fermer()
    }
  })
})
