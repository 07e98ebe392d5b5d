import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { lireFormulaire } from '../http/formulaire'
import { avecCommunes, champCommune, lireCommunes, resoudreCommune } from './champ-commune'
import { normaliserNom } from './communes'
import { referentielCommunes } from './referentiel-communes'

const ref = referentielCommunes()
const toutes = (['01', '05', '13', '2A', '59', '69', '75', '80', '93', '971', '974'] as const).flatMap((d) =>
  ref.duDepartement(d),
)
const commune = fc.constantFrom(...toutes)
const sansAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '')

describe('recherche des communes par nom ou code postal', () => {
  it('trouve chaque commune par son nom, écrit avec ou sans accents, tirets ni majuscules', () => {
    fc.assert(
      fc.property(
        commune,
        fc.constantFrom('tel quel', 'minuscules', 'sans accents', 'espaces'),
        (c, forme) => {
          const texte =
            forme === 'minuscules'
              ? c.nom.toLowerCase()
              : forme === 'sans accents'
                ? sansAccents(c.nom).toUpperCase()
                : forme === 'espaces'
                  ? c.nom.replace(/[-']/g, ' ')
                  : c.nom
          expect(ref.suggerer(texte, 20).map((s) => s.commune)).toContain(c)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('trouve chaque commune par chacun de ses codes postaux, seul ou avec son nom', () => {
    fc.assert(
      fc.property(
        commune.filter((c) => c.codesPostaux.length > 0),
        fc.nat(),
        (c, i) => {
          const cp = c.codesPostaux[i % c.codesPostaux.length] as string
          expect(ref.suggerer(cp, 100).map((s) => s.commune)).toContain(c)
          expect(ref.suggerer(`${c.nom} ${cp}`, 20)[0]?.commune).toBe(c)
          const r = resoudreCommune({ texte: `${c.nom} (${cp})` })
          expect(r.etat === 'retenue' ? r.commune : undefined).toBe(c)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('ne lit jamais un code postal comme un code INSEE', () => {
    fc.assert(
      fc.property(commune, (c) => {
        for (const s of ref.suggerer(c.code, 100))
          expect(s.commune.codesPostaux, `${c.code} → ${s.commune.nom}`).toContain(c.code)
      }),
      { numRuns: 300 },
    )
    expect(ref.suggerer('13003').map((s) => s.commune.nom)).toEqual(['Marseille'])
    expect(resoudreCommune({ texte: '13003' })).toMatchObject({
      etat: 'retenue',
      libelle: 'Marseille (13003)',
    })
  })

  it('range les noms exacts, puis les débuts de nom, puis les mots du nom', () => {
    fc.assert(
      fc.property(commune, fc.integer({ min: 2, max: 6 }), (c, longueur) => {
        const texte = normaliserNom(c.nom).slice(0, longueur).trim()
        if (texte.length < 2) return
        const rangs = ref
          .suggerer(texte, 20)
          .map((s) => normaliserNom(s.commune.nom))
          .map((n) => (n === texte ? 0 : n.startsWith(texte) ? 1 : 2))
        expect(rangs).toEqual([...rangs].sort())
        expect(rangs.length).toBeLessThanOrEqual(20)
      }),
    )
  })

  it('lit les arrondissements de Paris, Lyon et Marseille comme leur commune', () => {
    for (const [texte, nom, cp] of [
      ['Marseille 3e', 'Marseille', '13003'],
      ['marseille 3e arrondissement', 'Marseille', '13003'],
      ['Paris 16e', 'Paris', '75016'],
      ['75116', 'Paris', '75116'],
      ['Lyon 5e', 'Lyon', '69005'],
    ] as const) {
      const r = resoudreCommune({ texte })
      expect(r.etat === 'retenue' && [r.commune.nom, r.libelle], texte).toEqual([nom, `${nom} (${cp})`])
    }
    expect(ref.suggerer('Marseille').filter((s) => s.commune.nom === 'Marseille')).toHaveLength(1)
  })
})

describe('lecture d’un champ commune', () => {
  const gap = ref.parCode('05061')!

  it('propose un choix quand un code postal est partagé, retient la commune choisie', () => {
    const r = resoudreCommune({ texte: '05000' })
    expect(r.etat).toBe('choix')
    expect(r.etat === 'choix' && r.suggestions.map((s) => s.commune)).toContain(gap)
    expect(resoudreCommune({ texte: '05000', code: '05061' })).toMatchObject({
      etat: 'retenue',
      commune: gap,
    })
    // A code the text does not name is ignored: the text decides.
    expect(resoudreCommune({ texte: '05000', code: '13055' }).etat).toBe('choix')
  })

  it('retient un nom exact porté par une seule commune, refuse un texte qui n’en désigne aucune', () => {
    expect(resoudreCommune({ texte: 'gap' })).toMatchObject({ etat: 'retenue', commune: gap })
    expect(resoudreCommune({ texte: 'Saint-Denis' }).etat).toBe('choix')
    expect(resoudreCommune({ texte: 'Zzyzx' }).etat).toBe('inconnue')
    expect(resoudreCommune({ texte: '  ' }).etat).toBe('vide')
  })

  it('garde le code INSEE seul envoyé par un client sans texte', () => {
    expect(resoudreCommune({ code: '05061' })).toMatchObject({ etat: 'retenue', commune: gap })
    expect(resoudreCommune({ code: '99999' }).etat).toBe('inconnue')
  })

  it('rend un code INSEE au schéma et une erreur en français à côté des autres', () => {
    const schema = avecCommunes(
      z.object({
        commune: champCommune({ requis: true }),
        autre: champCommune(),
        nom: z.string().min(2, 'Nom court.'),
      }),
    )
    const refus = lireFormulaire(schema, { commune_saisie: '05000', nom: 'a' })
    expect(refus.ok).toBe(false)
    expect(!refus.ok && refus.erreurs).toEqual({
      commune: 'Plusieurs communes correspondent à « 05000 » : choisissez la vôtre dans la liste.',
      nom: 'Nom court.',
    })
    expect(!refus.ok && refus.valeurs.commune_saisie).toBe('05000')
    const ok = lireFormulaire(schema, {
      commune_saisie: '05000',
      commune: '05061',
      nom: 'Léa',
      autre_saisie: '',
    })
    expect(ok).toEqual({ ok: true, donnees: { commune: '05061', autre: '', nom: 'Léa' } })
  })

  it('lit les champs commune d’un corps lu à la main, avec le préfixe du formulaire', () => {
    const lu = lireCommunes(
      { a_saisie: 'Marseille 3e', b_saisie: 'Zzyzx', c: '05061' },
      { a: {}, b: { prefixe: 'Commune B' }, c: {} },
    )
    expect(lu.corps).toEqual({ a: '13055', b: '', c: '05061' })
    expect(lu.erreurs).toEqual({
      b: 'Commune B : aucune commune ne correspond à « Zzyzx ». Vérifiez l’orthographe, ou saisissez le code postal.',
    })
  })
})
