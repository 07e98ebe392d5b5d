import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  accorder,
  BlocsTableauDeBord,
  ecartEnJours,
  jourAParis,
  jourEnLettres,
  moisEnLettres,
} from './tableau-de-bord'

const jour = fc
  .integer({ min: 0, max: 365 * 80 })
  .map((n) => new Date(Date.UTC(1990, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))

describe('tableau de bord : textes et mise en page des blocs', () => {
  it('écrit un jour en lettres, « 1er » le premier du mois, sans chiffres à tirets', () => {
    expect(jourEnLettres('2026-03-01')).toBe('1er mars 2026')
    expect(jourEnLettres('2026-12-25')).toBe('25 décembre 2026')
    expect(moisEnLettres('2026-08')).toBe('août 2026')
    fc.assert(
      fc.property(jour, (iso) => {
        const t = jourEnLettres(iso)
        expect(t).not.toMatch(/\d{4}-\d{2}/)
        expect(t.endsWith(iso.slice(0, 4))).toBe(true)
      }),
    )
  })

  it('dit l’écart entre deux jours en mots, quel que soit l’écart', () => {
    fc.assert(
      fc.property(jour, fc.integer({ min: -2000, max: 2000 }), (aujourdhui, k) => {
        const cible = new Date(Date.parse(aujourdhui) + k * 86_400_000).toISOString().slice(0, 10)
        const attendu =
          k === 0
            ? 'aujourd’hui'
            : k === 1
              ? 'demain'
              : k === -1
                ? 'hier'
                : k > 0
                  ? `dans ${k} jours`
                  : `il y a ${-k} jours`
        expect(ecartEnJours(cible, aujourdhui)).toBe(attendu)
      }),
    )
  })

  it('prend le jour de Paris : 23 h 30 UTC le 31 décembre est déjà le 1er janvier', () => {
    expect(jourAParis(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
    expect(jourAParis(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01')
  })

  it('accorde les libellés : 0 et 1 au singulier, 2 et plus au pluriel', () => {
    const mots = ['activité', 'activités'] as const
    expect(accorder(0, mots)).toBe('activité')
    expect(accorder(1, mots)).toBe('activité')
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1e9 }), (n) => {
        expect(accorder(n, mots)).toBe('activités')
      }),
    )
  })

  it('rend un bloc : titre relié à sa section, grand bouton libellé, chiffres accordés, liste ou phrase vide', () => {
    const html = String(
      <BlocsTableauDeBord
        aujourdhui="2026-03-15"
        blocs={[
          {
            role: 'conseiller',
            ordre: 1,
            id: 'tdb-essai',
            titre: 'Mes activités <de mars>',
            echeance: { libelle: 'À rendre avant le', date: '2026-03-18' },
            actions: [
              {
                libelle: 'Enregistrer une activité',
                href: '/activites/nouvelle',
                principale: true,
                icone: 'fr-icon-add-line',
              },
              { libelle: 'Toutes mes activités', href: '/activites' },
            ],
            chiffres: [{ valeur: 1200, libelle: ['activité', 'activités'] }],
            liste: { titre: 'Dernières', lignes: [], vide: 'Rien encore.' },
          },
        ]}
      />,
    )
    expect(html).toContain('<section class="fr-mt-4w" id="tdb-essai" aria-labelledby="tdb-essai-titre">')
    expect(html).toContain('Mes activités &lt;de mars>')
    expect(html).toContain('À rendre avant le <strong>18 mars 2026</strong> <span>(dans 3 jours)</span>')
    expect(html).toMatch(
      /class="fr-btn fr-btn--lg fr-icon-add-line fr-btn--icon-left" href="\/activites\/nouvelle">Enregistrer une activité/,
    )
    expect(html).toMatch(/1\s200<\/p>/)
    expect(html).toContain('activités</p>')
    expect(html).toContain('Rien encore.')
  })
})
