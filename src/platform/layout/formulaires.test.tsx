import { describe, expect, it } from 'vitest'
import { Case, Radios, ZoneTexte } from './champs'
import { Champ, ChoixListe, ResumeErreurs, Tableau } from './components'

const OPTIONS = [
  { valeur: 'a', libelle: 'A' },
  { valeur: 'b', libelle: 'B' },
]

/** The opening tag of each element matching `debut` (e.g. `<input`), for attribute checks. */
const balises = (html: string, debut: string) => html.match(new RegExp(`${debut}\\b[^>]*>`, 'g')) ?? []

describe('pièces de formulaire partagées', () => {
  it('le résumé des erreurs prend le focus au chargement, même sans JavaScript', () => {
    const html = String(<ResumeErreurs erreurs={{ nom: 'Écrivez votre nom.', email: undefined }} />)
    const resume = balises(html, '<div')[0] ?? ''
    expect(resume).toContain('role="alert"')
    // Focusable by script and by `autofocus`, never a Tab stop of its own.
    expect(resume).toContain('tabindex="-1"')
    expect(resume).toMatch(/\sautofocus[\s>=]/)
    expect(html).toContain('href="#nom"')
    expect(String(<ResumeErreurs erreurs={{ nom: undefined }} />)).toBe('')
  })

  it('chaque champ en erreur porte aria-invalid, quel que soit son type', () => {
    const erreur = 'À corriger.'
    const champs = {
      texte: [String(<Champ nom="t" libelle="T" erreur={erreur} />), '<input'],
      zone: [String(<ZoneTexte nom="z" libelle="Z" erreur={erreur} />), '<textarea'],
      liste: [String(<ChoixListe nom="l" libelle="L" options={OPTIONS} erreur={erreur} />), '<select'],
      caseACocher: [String(<Case nom="c" libelle="C" erreur={erreur} />), '<input'],
      radios: [String(<Radios nom="r" legende="R" options={OPTIONS} erreur={erreur} />), '<input'],
    } as const
    for (const [type, [html, balise]] of Object.entries(champs)) {
      const entrees = balises(html, balise)
      expect(entrees.length, type).toBeGreaterThan(0)
      for (const e of entrees) expect(e, type).toContain('aria-invalid="true"')
    }
    // Without an error, nothing says invalid.
    expect(String(<Case nom="c" libelle="C" />)).not.toContain('aria-invalid')
    expect(String(<Radios nom="r" legende="R" options={OPTIONS} />)).not.toContain('aria-invalid')
  })

  it('une case ou des boutons radio en erreur sont décrits par leur message', () => {
    const caseHtml = String(<Case nom="accord" libelle="J’accepte" erreur="Cochez la case." />)
    expect(balises(caseHtml, '<input')[0]).toContain('aria-describedby="accord-erreur"')
    expect(caseHtml).toContain('id="accord-erreur"')
  })
})

describe('tableaux', () => {
  it('un tableau défile dans son propre conteneur, une région nommée que le clavier atteint', () => {
    const html = String(
      <Tableau
        legende={'Activités "et" heures'}
        entetes={['Mois', 'Activités']}
        lignes={[['janvier', '3']]}
      />,
    )
    // A labelled <section> is a region landmark: the keyboard reaches it and a screen reader names it.
    const conteneur = html.match(/<section class="fr-table__container"[^>]*>/)?.[0] ?? ''
    expect(conteneur).toContain('tabindex="0"')
    expect(conteneur).toContain('aria-label="Activités &#34;et&#34; heures"')
  })
})
