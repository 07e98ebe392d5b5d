import { count } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { Navigateur } from '../../../../tests/support/navigateur'
import { sha256 } from '../../../platform/crypto'
import { outboxMessages } from '../../../platform/outbox/schema'
import { creerOrganisation } from '../db/organisations-repository'
import {
  brouillonsMandat,
  consentementsSms,
  demandesHabilitation,
  dispositifs,
  habilitationsAidant,
  mandats,
  messagesDemande,
  organisations,
  regionsOuvertes,
  usagers,
} from '../db/schema'
import { jetonDemande } from '../use-cases/habilitation'
import { habilitationForm } from './aidants.form'
import { formulaireHabilitation } from './habilitation.exemple'

/**
 * Whatever an Aidants Connect form receives — missing fields, arrays, huge or odd strings, values that are
 * almost right — the answer is never a 5xx; a 400 carries a French message on the field; and a refused form
 * writes nothing (no row, no e-mail, no SMS).
 */
const valeur = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 300, maxLength: 6000 }),
  fc.constantFrom(
    '',
    ' ',
    'oui',
    'non',
    'valider',
    'refuser',
    'demander_modifications',
    'cloturer',
    'social',
    'argent',
    'mois',
    '32',
    '11',
    '99',
    'GADT0000001',
    '000000',
    '123456',
    '0612345678',
    '+33712345678',
    'x@exemple.fr',
    '73282932000074',
    '59350',
    '<script>alert(1)</script>',
    '\u0000',
    '💥',
  ),
)
const corps = (champs: string[]) =>
  fc.dictionary(fc.constantFrom(...champs, 'autre'), valeur, { maxKeys: champs.length + 1 })

describe('formulaires Aidants Connect face à des saisies arbitraires (pglite)', () => {
  let t: AppDeTest
  const connectes: Record<'admin' | 'referent' | 'aidant', Navigateur> = {} as never
  let lienDemande: string
  let demandeId: string
  let habilitationId: string
  let brouillonId: string
  let adresse = 0
  /** A fresh address for each run (rate limits are per address), with the cookies of `qui` if given. */
  const depuis = (qui?: Navigateur) => {
    adresse++
    const n = new Navigateur(t.app, undefined, `10.9.${Math.floor(adresse / 250)}.${adresse % 250}`)
    if (qui) for (const [k, v] of qui.cookies) n.cookies.set(k, v)
    return n
  }
  const empreinte = async () => {
    const tables = [
      demandesHabilitation,
      messagesDemande,
      outboxMessages,
      regionsOuvertes,
      dispositifs,
      organisations,
      consentementsSms,
      mandats,
      habilitationsAidant,
    ]
    const n = await Promise.all(
      tables.map(async (x) => (await t.base.db.select({ n: count() }).from(x))[0]?.n ?? 0),
    )
    return n.join(',')
  }

  beforeAll(async () => {
    t = await appDeTest('pglite')
    await t.base.db
      .insert(regionsOuvertes)
      .values({ codeRegion: '32', vague: 'Vague 1', ouverteLe: new Date() })
    const org = await creerOrganisation(t.base.db, {
      nom: 'Org',
      type: 'ccas',
      codeCommune: '59350',
      codeDepartement: '59',
      codeRegion: '32',
    })
    const roles = { admin: H.admin(), referent: H.referent(org.id), aidant: H.aidant(org.id) }
    let aidantId = ''
    for (const [qui, h] of Object.entries(roles) as [keyof typeof roles, (typeof roles)['admin']][]) {
      const n = new Navigateur(t.app)
      const compte = await creerCompteTest(t.base, { habilitations: h, totp: true })
      await connecter(n, t, compte)
      connectes[qui] = n
      if (qui === 'aidant') aidantId = compte.id
      t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + 61_000)
    }
    demandeId = crypto.randomUUID()
    const jeton = jetonDemande('demo-uniquement-secret-aidants-connect-0123456789', demandeId)
    await t.base.db.insert(demandesHabilitation).values({
      id: demandeId,
      jetonHash: sha256(jeton),
      statut: 'en_attente',
      emailDemandeur: 'd@exemple.fr',
      emailVerifieLe: new Date(),
      nomDemandeur: 'D',
      donnees: habilitationForm.parse(formulaireHabilitation(0)) as unknown as Record<string, unknown>,
      codeRegion: '32',
      creeLe: new Date(),
      deposeeLe: new Date(),
    })
    lienDemande = `/aidants/habilitation/lien/${jeton}`
    const aidantCompte = await creerCompteTest(t.base, { habilitations: H.aidant(org.id) })
    const [h] = await t.base.db
      .insert(habilitationsAidant)
      .values({
        organisationId: org.id,
        email: aidantCompte.email,
        prenom: 'A',
        nom: 'B',
        profession: 'C',
        statut: 'active',
        compteId: aidantCompte.id,
        creeLe: new Date(),
      })
      .returning()
    habilitationId = h?.id ?? ''
    const [u] = await t.base.db
      .insert(usagers)
      .values({
        subHash: 'h-prop',
        prenoms: 'U',
        nom: 'V',
        dateNaissance: '1950-01-01',
        genre: 'male',
        lieuNaissance: '59350',
        paysNaissance: '99100',
      })
      .returning()
    const [b] = await t.base.db
      .insert(brouillonsMandat)
      .values({
        aidantId,
        organisationId: org.id,
        usagerId: u?.id ?? '',
        demarches: ['social'],
        duree: 'mois',
        expireLe: new Date(Date.now() + 365 * 86_400_000),
      })
      .returning()
    brouillonId = b?.id ?? ''
  })
  afterAll(async () => t?.fermer())

  const formulaires: [
    string,
    () => string,
    () => string,
    string[],
    'admin' | 'referent' | 'aidant' | undefined,
  ][] = [
    [
      'demande d’habilitation',
      () => '/aidants/habilitation',
      () => '/aidants/habilitation',
      Object.keys(formulaireHabilitation(0)),
      undefined,
    ],
    [
      'connexion des aidants',
      () => '/aidants/connexion',
      () => '/aidants/connexion',
      ['email', 'code'],
      undefined,
    ],
    ['message du demandeur', () => lienDemande, () => `${lienDemande}/messages`, ['texte'], undefined],
    [
      'décision de l’équipe',
      () => `/aidants/admin/habilitations/${demandeId}`,
      () => `/aidants/admin/habilitations/${demandeId}/decision`,
      ['decision', 'message'],
      'admin',
    ],
    [
      'message de l’équipe',
      () => `/aidants/admin/habilitations/${demandeId}`,
      () => `/aidants/admin/habilitations/${demandeId}/messages`,
      ['texte'],
      'admin',
    ],
    [
      'ouverture d’une région',
      () => '/aidants/admin/regions',
      () => '/aidants/admin/regions',
      ['region', 'vague'],
      'admin',
    ],
    [
      'carte d’un aidant',
      () => `/aidants/referent/aidants/${habilitationId}`,
      () => `/aidants/referent/aidants/${habilitationId}/carte`,
      ['numero_serie', 'code'],
      'referent',
    ],
    [
      'démarches autorisées',
      () => '/aidants/referent',
      () => '/aidants/referent/demarches',
      ['demarches'],
      'referent',
    ],
    [
      'SMS de consentement',
      () => `/aidants/mandats/recapitulatif/${brouillonId}`,
      () => `/aidants/mandats/recapitulatif/${brouillonId}/sms`,
      ['telephone'],
      'aidant',
    ],
    [
      'signature du mandat',
      () => `/aidants/mandats/recapitulatif/${brouillonId}`,
      () => `/aidants/mandats/recapitulatif/${brouillonId}`,
      ['consentement', 'code'],
      'aidant',
    ],
  ]

  it.each(formulaires)(
    '%s : jamais de 5xx, 400 en français sur le champ, rien d’écrit si refusé',
    async (_nom, page, action, champs, qui) => {
      await fc.assert(
        fc.asyncProperty(corps(champs), async (c) => {
          const n = depuis(qui ? connectes[qui] : undefined)
          await n.get(page())
          const avant = await empreinte()
          const r = await n.post(action(), c as Record<string, string>)
          expect(r.statusCode, JSON.stringify(c)).toBeLessThan(500)
          expect(r.statusCode).not.toBe(429)
          // The field's (or the group's) message names it (« Décision : … »), or the edge says it removed an
          // invisible character.
          if (r.statusCode === 400)
            expect(r.body).toMatch(
              /class="fr-error-text[^"]*"[^>]*>\s*([A-ZÉ][^<]* : |Ce champ contenait un caractère invisible)/,
            )
          if (r.statusCode === 401) expect(r.body).toContain('fr-error-text')
          if (r.statusCode === 400 || r.statusCode === 401) expect(await empreinte()).toBe(avant)
        }),
        { numRuns: 30 },
      )
    },
  )
})
