import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { SIRET_REGISTRE_EN_PANNE } from '../../../platform/connecteurs/entreprises/simulateur'
import { demandesHabilitation, regionsOuvertes } from '../db/schema'
import { formulaireHabilitation } from './habilitation.exemple'

describe.each(MOTEURS)('habilitation : SIRET au registre des entreprises (%s)', (moteur) => {
  let t: AppDeTest
  let n = 100
  beforeAll(async () => {
    t = await appDeTest(moteur)
    await t.base.db
      .insert(regionsOuvertes)
      .values({ codeRegion: '32', vague: 'Vague 1', ouverteLe: new Date() })
  })
  afterAll(async () => t.fermer())

  const deposer = async (siret: string) => {
    n++
    const d = new Navigateur(t.app, undefined, `10.2.0.${n}`)
    const champs: Record<string, string> = { ...formulaireHabilitation(n), siret }
    const r = await d.soumettre('/aidants/habilitation', '/aidants/habilitation', champs)
    const demandes = await t.base.db
      .select()
      .from(demandesHabilitation)
      .where(eq(demandesHabilitation.emailDemandeur, champs.email_demandeur ?? ''))
    return { d, r, demande: demandes[0] }
  }

  it('garde ce que dit le registre : catégorie juridique et secteur de la structure', async () => {
    const { r, demande } = await deposer('268 400 314 00012')
    expect(r.statusCode).toBe(303)
    expect(demande?.donnees.registre).toEqual({
      verification: 'verifiee',
      denomination: "CENTRE COMMUNAL D'ACTION SOCIALE DE CAVAILLON",
      categorieJuridique: '7361',
      secteur: 'public',
    })
  })

  it('refuse un établissement fermé ou inconnu sur l’étape de la structure, sans rien écrire', async () => {
    for (const [siret, message] of [
      ['78351204900025', 'cet établissement est fermé au registre des entreprises'],
      ['81245609300028', 'il n’est pas dans le registre des entreprises'],
    ] as const) {
      const { r, demande } = await deposer(siret)
      expect(r.statusCode).toBe(400)
      expect(r.body).toContain(message)
      expect(r.body).toContain('étape 2 sur 5')
      expect(demande).toBeUndefined()
    }
  })

  it('registre muet : la demande part, marquée à vérifier, et le dit', async () => {
    const { d, r, demande } = await deposer(SIRET_REGISTRE_EN_PANNE)
    expect(r.statusCode).toBe(303)
    expect(demande?.donnees.registre).toEqual({ verification: 'a_verifier' })
    const page = await d.get(String(r.headers.location))
    expect(page.body).toContain('la vérification du SIRET sera faite plus tard')
  })
})
