import { describe, expect, it } from 'vitest'
import { Bouton, GroupeBoutons, GroupeChamps, LienBouton } from './boutons'

describe('boutons et groupes de champs DSFR', () => {
  it('écrit les classes d’un bouton selon sa variante, sa taille et son icône', () => {
    expect(String(<Bouton>Envoyer</Bouton>)).toBe('<button class="fr-btn" type="submit">Envoyer</button>')
    const b = String(
      <Bouton variante="secondaire" taille="sm" icone="fr-icon-add-line" type="button" nom="etape" valeur="2">
        Ajouter
      </Bouton>,
    )
    expect(b).toContain('class="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left"')
    expect(b).toContain('type="button"')
    expect(b).toContain('name="etape"')
    expect(
      String(
        <LienBouton href="/a?b=1&c=2" variante="tertiaire">
          Voir
        </LienBouton>,
      ),
    ).toBe('<a class="fr-btn fr-btn--tertiary" href="/a?b=1&c=2">Voir</a>')
  })

  it('met chaque bouton d’un groupe dans sa propre ligne de liste', () => {
    const g = String(
      <GroupeBoutons enLigne="md">
        <Bouton>Un</Bouton>
        <Bouton variante="secondaire">Deux</Bouton>
      </GroupeBoutons>,
    )
    expect(g.startsWith('<ul class="fr-btns-group fr-btns-group--inline-md">')).toBe(true)
    expect(g.match(/<li>/g)).toHaveLength(2)
    const sansVide = String(
      <GroupeBoutons>
        {''}
        <Bouton>Seul</Bouton>
      </GroupeBoutons>,
    )
    expect(sansVide.match(/<li>/g)).toHaveLength(1)
  })

  it('garde le libellé d’un bouton à icône dans un groupe (sinon le DSFR le réduit à son icône)', () => {
    const avec = String(
      <GroupeBoutons enLigne="md">
        <LienBouton icone="fr-icon-add-line" href="/activites/nouvelle">
          Enregistrer une activité
        </LienBouton>
        <LienBouton variante="secondaire" href="/activites/calendrier">
          Calendrier
        </LienBouton>
      </GroupeBoutons>,
    )
    expect(avec).toContain('<ul class="fr-btns-group fr-btns-group--icon-left fr-btns-group--inline-md">')
    const sans = String(
      <GroupeBoutons>
        <Bouton>Un</Bouton>
      </GroupeBoutons>,
    )
    expect(sans).not.toContain('fr-btns-group--icon-left')
  })

  it('nomme un groupe de champs par sa légende et, en erreur, par son message', () => {
    const sans = String(
      <GroupeChamps id="duree" legende="Durée <estimée>">
        <input name="a" />
      </GroupeChamps>,
    )
    expect(sans).toContain('aria-labelledby="duree-legende"')
    expect(sans).toContain('Durée &lt;estimée>')
    const avec = String(
      <GroupeChamps id="duree" legende="Durée" erreur="Choisissez une durée.">
        <input name="a" />
      </GroupeChamps>,
    )
    expect(avec).toContain('class="fr-fieldset fr-fieldset--error"')
    expect(avec).toContain('aria-labelledby="duree-legende duree-erreur"')
    expect(avec).toContain(
      '<p class="fr-error-text fr-fieldset__element" id="duree-erreur">Choisissez une durée.</p>',
    )
  })

  it('un bouton qui ne marche qu’avec le script est caché jusqu’à ce qu’il le montre', () => {
    const b = String(
      <Bouton type="button" avecScript donnees={{ 'data-relire': '' }}>
        Relire
      </Bouton>,
    )
    expect(b).toMatch(/^<button [^>]*\shidden[\s>]/)
    expect(String(<Bouton>Envoyer</Bouton>)).not.toContain('hidden')
  })

  it('une légende peut n’être lue que par les lecteurs d’écran', () => {
    const g = String(
      <GroupeChamps id="d" legende="Démarches" legendeMasquee>
        <span>x</span>
      </GroupeChamps>,
    )
    expect(g).toContain('<legend class="fr-fieldset__legend fr-sr-only" id="d-legende">Démarches</legend>')
    expect(
      String(
        <GroupeChamps id="d" legende="D">
          x
        </GroupeChamps>,
      ),
    ).not.toContain('fr-sr-only')
  })
})
