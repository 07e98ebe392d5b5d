import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { action } from '../domain/journal'
import { precisions } from './lire-journal'

const noms = new Map([
  ['structure', new Map([['3f2b6c1e-0000-4000-8000-000000000001', { libelle: 'Médiathèque de Gap' }]])],
] as const)

describe('journal d’administration en mots', () => {
  it('dit les actions connues et inconnues en mots, jamais en code', () => {
    expect(action('role_ajoute')).toEqual({ libelle: 'Rôle donné', objet: 'compte' })
    expect(action('constructor').libelle).toBe('Constructor')
    expect(action('mise_en_relation_acceptee')).toEqual({
      libelle: 'Mise en relation : acceptee',
      objet: 'candidature',
    })
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]+(_[a-z]+){0,3}$/), (code) => {
        expect(action(code).libelle).not.toContain('_')
      }),
    )
  })

  it('dit les précisions en mots : rôles, postes, montants, avis, objets nommés', () => {
    expect(
      precisions(
        {
          avis: 'a_completer',
          rang: 2,
          postes: 1,
          montant: 100000,
          structureId: '3f2b6c1e-0000-4000-8000-000000000001',
          role: 'prefecture',
          portee: { type: 'departement', code: '84' },
        },
        noms,
      ),
    ).toBe(
      'avis à compléter, rang 2, 1 poste, 100\u202f000 €, structure : Médiathèque de Gap, rôle Préfecture, Vaucluse',
    )
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.oneof(
            fc.stringMatching(/^[a-z][a-zA-Z]{0,10}$/),
            fc.constantFrom('constructor', 'toString', '__proto__'),
          ),
          fc.oneof(
            fc.string().filter((s) => !/[{}]/.test(s)),
            fc.integer(),
            fc.boolean(),
            fc.uuid(),
            fc.constant(null),
            fc.object(),
          ),
        ),
        (details) => {
          const texte = precisions(details, noms)
          expect(texte).not.toMatch(/[{}]/)
          expect(texte).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)
          expect(texte).not.toMatch(/^\d{4}-\d{2}-\d{2}$/)
        },
      ),
    )
  })
})
