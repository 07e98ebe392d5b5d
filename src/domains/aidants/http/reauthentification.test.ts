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
import { codeTotp } from '../../comptes'
import { creerOrganisation } from '../db/organisations-repository'
import { journal } from '../db/schema'

const MINUTE = 60_000

describe.each(MOTEURS)('ressaisie du code après 15 minutes sans acte sensible (%s)', (moteur) => {
  let t: AppDeTest
  let orgId: string
  const avancer = (minutes: number) => {
    t.maintenant.valeur = new Date(t.maintenant.valeur.getTime() + minutes * MINUTE)
  }
  /** A right code of a step later than any used before (a code serves once). */
  const bonCode = () => {
    avancer(1)
    return codeTotp(SECRET_TOTP_TEST, t.maintenant.valeur)
  }
  const mauvaisCode = () => {
    const bon = codeTotp(SECRET_TOTP_TEST, t.maintenant.valeur)
    return bon === '000000' ? '111111' : '000000'
  }

  beforeAll(async () => {
    t = await appDeTest(moteur)
    orgId = (
      await creerOrganisation(t.base.db, {
        nom: 'CCAS de Roubaix',
        type: 'ccas',
        codeCommune: '59512',
        codeDepartement: '59',
        codeRegion: '32',
      })
    ).id
  })
  afterAll(async () => t?.fermer())

  const aidantConnecte = async (ip: string) => {
    const compte = await creerCompteTest(t.base, { habilitations: H.aidant(orgId), totp: true })
    const n = new Navigateur(t.app, undefined, ip)
    await connecter(n, t, compte)
    return { n, compte }
  }

  it('demande le code avant un acte sensible après 15 minutes, puis revient où l’aidant allait', async () => {
    const { n, compte } = await aidantConnecte('10.9.0.1')
    expect((await n.get('/aidants/mandats/nouveau')).statusCode).toBe(200)
    avancer(14)
    expect((await n.get('/aidants/mandats/nouveau')).statusCode).toBe(200)
    avancer(2)
    // Viewing the list is not sensitive; creating a mandate is.
    expect((await n.get('/aidants/espace')).statusCode).toBe(200)
    const r = await n.get('/aidants/mandats/nouveau')
    expect(r.statusCode).toBe(303)
    expect(r.headers.location).toBe(
      `/aidants/reauthentification?retour=${encodeURIComponent('/aidants/mandats/nouveau')}`,
    )
    await n.get(String(r.headers.location))
    const faux = await n.post(String(r.headers.location), { code: mauvaisCode() })
    expect(faux.statusCode).toBe(400)
    expect(faux.body).toContain('Code : code incorrect ou déjà utilisé.')
    await n.get(String(r.headers.location))
    const ok = await n.post(String(r.headers.location), { code: bonCode() })
    expect(ok.statusCode).toBe(303)
    expect(ok.headers.location).toBe('/aidants/mandats/nouveau')
    expect((await n.get('/aidants/mandats/nouveau')).statusCode).toBe(200)
    const actions = (await t.base.db.select().from(journal).where(eq(journal.aidantId, compte.id))).map(
      (e) => e.action,
    )
    expect(actions).toContain('reauthentification_aidant')
  })

  it('ne renvoie qu’à une adresse de ce site après la ressaisie', async () => {
    const { n } = await aidantConnecte('10.9.0.2')
    const url = `/aidants/reauthentification?retour=${encodeURIComponent('//pirate.example/')}`
    await n.get(url)
    const ok = await n.post(url, { code: bonCode() })
    expect(ok.statusCode).toBe(303)
    expect(ok.headers.location).toBe('/aidants/espace')
  })

  it('bloque la ressaisie pour ce compte après 5 codes faux, même avec le bon code, sans le dire', async () => {
    const { n } = await aidantConnecte('10.9.0.3')
    avancer(16)
    const url = `/aidants/reauthentification?retour=${encodeURIComponent('/aidants/mandats/nouveau')}`
    for (let i = 0; i < 5; i++) {
      await n.get(url)
      expect((await n.post(url, { code: mauvaisCode() })).statusCode).toBe(400)
    }
    await n.get(url)
    const bloque = await n.post(url, { code: bonCode() })
    expect(bloque.statusCode).toBe(400)
    expect(bloque.body).toContain('Code : code incorrect ou déjà utilisé.')
    // The lock ends after 15 minutes.
    avancer(15)
    await n.get(url)
    const apres = await n.post(url, { code: bonCode() })
    expect(apres.statusCode).toBe(303)
  })
})
