import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DISPOSITIFS_PROGRAMMES_NATIONAUX,
  MODALITES_ACCOMPAGNEMENT,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
  SERVICES,
} from '../domain/vocabulaires'
import { filtresApi, lireFiltresRapide } from './filtres-api'

/** Values as a query string gives them: valid ones, and near-misses of every kind. */
const texte = (...valides: string[]) =>
  fc.oneof(
    fc.constantFrom(...valides),
    fc.constantFrom('', ' ', '0', '-1', '1e2', '20.0', ' 5', '5.', 'abc', '|', 'Inconnu', '100000', '10001'),
    fc.string({ maxLength: 8 }),
  )
const liste = (vocabulaire: readonly string[]) =>
  fc.oneof(
    texte(...vocabulaire.slice(0, 3)),
    fc
      .array(fc.constantFrom(...vocabulaire.slice(0, 4), '', 'Inconnu'), { maxLength: 3 })
      .map((v) => v.join('|')),
    fc.array(texte(...vocabulaire.slice(0, 3)), { maxLength: 3 }),
  )
const requete = fc.record(
  {
    near: texte('43.2965,5.3698', ' 44.5 , 6.07 ', '-21.1,55.5', '91,0', '43,181', '43.1;5.2'),
    radius: texte('5', '10', '0.5', '200', '200.5', '2.123456'),
    services: liste(SERVICES),
    publics: liste(PUBLICS_SPECIFIQUEMENT_ADRESSES),
    modalites: liste(MODALITES_ACCOMPAGNEMENT),
    dispositifs: liste(DISPOSITIFS_PROGRAMMES_NATIONAUX),
    gratuit: texte('1', '0', 'true', 'false', 'oui', 'non', 'OUI'),
    ouvert: texte('1', '0', 'true'),
    limit: texte('1', '10', '100', '101', '020'),
    page: texte('1', '2', '10000'),
    autre: fc.string(),
  },
  { requiredKeys: [] },
)

describe('lecture rapide des filtres de l’API', () => {
  it('propriété : même résultat que le schéma zod quand elle répond, et ne répond jamais à une requête que zod refuse', () => {
    fc.assert(
      fc.property(requete, (q) => {
        const rapide = lireFiltresRapide(q)
        const zod = filtresApi.safeParse(q)
        if (!zod.success) expect(rapide).toBeUndefined()
        else if (rapide !== undefined) expect(rapide).toEqual(zod.data)
      }),
      { numRuns: 2_000 },
    )
  })

  it('lit sans zod les requêtes courantes', () => {
    const q = {
      near: '43.2965,5.3698',
      radius: '10',
      services: 'Aide aux démarches administratives',
      gratuit: '1',
      dispositifs: 'France Services',
      limit: '10',
    }
    expect(lireFiltresRapide(q)).toEqual(filtresApi.parse(q))
    expect(lireFiltresRapide({})).toEqual(filtresApi.parse({}))
  })
})
