import { describe, expect, it } from 'vitest'
import { Case, ChampFichier, Radios, ZoneTexte } from './champs'
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

describe('variantes des champs', () => {
  it('un champ peut porter un id distinct de son nom : libellé, aide et erreur le suivent', () => {
    const html = String(<Champ nom="email" id="invite-email" libelle="E-mail" aide="Pro." erreur="Vide." />)
    const entree = balises(html, '<input')[0] ?? ''
    expect(entree).toContain('id="invite-email"')
    expect(entree).toContain('name="email"')
    expect(entree).toContain('aria-describedby="invite-email-aide invite-email-erreur"')
    expect(html).toContain('for="invite-email"')
    expect(html).toContain('id="invite-email-erreur"')
    expect(html).not.toContain('id="email')
  })

  it('une case envoie la valeur donnée (plusieurs cases d’un même nom), « oui » sinon', () => {
    const d = String(<Case nom="demarches" id="demarches-impots" valeur="impots" libelle="Impôts" coche />)
    const entree = balises(d, '<input')[0] ?? ''
    expect(entree).toContain('name="demarches"')
    expect(entree).toContain('value="impots"')
    expect(entree).toContain('id="demarches-impots"')
    expect(entree).toMatch(/\schecked[\s>/]/)
    expect(d).toContain('for="demarches-impots"')
    expect(balises(String(<Case nom="c" libelle="C" />), '<input')[0]).toContain('value="oui"')
  })

  it('une liste à choix multiples sélectionne chaque valeur choisie', () => {
    const html = String(
      <ChoixListe
        nom="t"
        libelle="T"
        multiple
        valeurs={['b']}
        options={[...OPTIONS, { valeur: 'c', libelle: 'C' }]}
      />,
    )
    expect(balises(html, '<select')[0]).toMatch(/\smultiple(="")?[\s>]/)
    const choisies = balises(html, '<option').filter((o) => /\sselected[\s>]/.test(o))
    expect(choisies).toEqual(['<option value="b" selected>'])
    // A single list selects its one value only.
    const simple = String(<ChoixListe nom="t" libelle="T" valeur="a" options={OPTIONS} />)
    expect(balises(simple, '<option').filter((o) => o.includes('selected'))).toHaveLength(1)
    expect(balises(simple, '<select')[0]).not.toContain('multiple')
  })

  it('un champ de fichier a le libellé, l’aide et l’erreur partagés', () => {
    const html = String(
      <ChampFichier nom="cv" libelle="CV" aide="PDF." accepte=".pdf" requis={false} erreur="Trop gros." />,
    )
    const entree = balises(html, '<input')[0] ?? ''
    expect(entree).toContain('type="file"')
    expect(entree).toContain('accept=".pdf"')
    expect(entree).toContain('aria-describedby="cv-aide cv-erreur"')
    expect(entree).toContain('aria-invalid="true"')
    expect(html).toContain('CV (facultatif)')
    expect(html).toContain('fr-input-group--error')
  })

  it('des boutons radio peuvent porter une classe sur leur groupe', () => {
    const html = String(<Radios nom="r" legende="R" options={OPTIONS} classe="fr-mb-0" />)
    expect(balises(html, '<fieldset')[0]).toContain('class="fr-fieldset fr-mb-0"')
    const erreur = String(<Radios nom="r" legende="R" options={OPTIONS} erreur="E" classe="x" />)
    expect(balises(erreur, '<fieldset')[0]).toContain('class="fr-fieldset fr-fieldset--error x"')
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
