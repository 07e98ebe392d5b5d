import { describe, expect, it } from 'vitest'
import { ITEMS } from '../domain/contenu'
import { corriger } from '../domain/marquage'
import { EtapePage } from './etape.page'

const base = { faites: 7, restantesMax: 4, csrf: 'jeton', suiviParConseiller: false }
const exercice = (id: string) => ({ type: 'exercice', item: ITEMS.find((i) => i.id === id)! }) as const

/** The opening tags of the elements whose tag name is `nom`. */
const balises = (html: string, nom: string) => html.match(new RegExp(`<${nom}\\b[^>]*>`, 'g')) ?? []
const avecAutofocus = (html: string) => html.match(/<[a-z]+\b[^>]*\sautofocus[\s>/][^>]*>/g) ?? []

describe('focus et champs en erreur d’une étape', () => {
  it('une question sans réponse : le focus revient sur le premier choix, chaque choix dit qu’il est en erreur', () => {
    const html = EtapePage({
      ...base,
      etape: { type: 'question', question: 'equipement' },
      erreur: 'Choisissez au moins une réponse.',
    }) as string
    const focus = avecAutofocus(html)
    expect(focus).toHaveLength(1)
    expect(focus[0]).toContain('id="choix-')
    const choix = balises(html, 'input').filter((b) => b.includes('name="choix"'))
    expect(choix.length).toBeGreaterThan(1)
    for (const c of choix) expect(c).toContain('aria-invalid="true"')
    // Without the error, nothing takes the focus and nothing is invalid.
    const sans = EtapePage({ ...base, etape: { type: 'question', question: 'equipement' } }) as string
    expect(avecAutofocus(sans)).toEqual([])
    expect(sans).not.toContain('aria-invalid')
  })

  it('une correction : le résumé prend le focus sans JavaScript, et chaque champ faux porte aria-invalid', () => {
    const html = EtapePage({
      ...base,
      etape: exercice('formulaire_complet'),
      correction: corriger('formulaire_complet', {}),
      essaisRestants: 2,
    }) as string
    const focus = avecAutofocus(html)
    expect(focus).toHaveLength(1)
    expect(focus[0]).toContain('id="bilan"')
    expect(focus[0]).toContain('tabindex="-1"')
    for (const [nom, id] of [
      ['input', 'date_naissance'],
      ['input', 'email'],
      ['select', 'situation'],
      ['input', 'certifie'],
    ] as const)
      expect(
        balises(html, nom).find((b) => b.includes(`id="${id}"`)),
        id,
      ).toContain('aria-invalid="true"')
  })

  it('le message d’un e-mail à écrire en erreur est marqué invalide', () => {
    const html = EtapePage({
      ...base,
      etape: exercice('ecrire_courriel'),
      correction: corriger('ecrire_courriel', { destinataire: 'x', objet: '', message: '' }),
      essaisRestants: 2,
    }) as string
    expect(balises(html, 'textarea')[0]).toContain('aria-invalid="true"')
  })
})
