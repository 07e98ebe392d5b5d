import { describe, expect, it } from 'vitest'
import { QUESTIONS } from '../domain/contenu'
import { resultat } from '../domain/resultat'
import { ResultatPage } from './resultat.page'

const lieu = (id: string, nom: string) => ({
  id,
  nom,
  adresse: '2 place',
  commune: 'Gap',
  distanceKm: 2.35,
  url: `/lieux/${id}`,
})

describe('page de résultat', () => {
  const r = resultat([
    ...QUESTIONS.map((q) => ({
      item: q,
      resultat: 'reussi' as const,
      valeur: q === 'demarche' ? 'apprendre' : '',
    })),
    { item: 'double_cliquer', resultat: 'reussi' as const },
  ])
  const pourMoi = resultat(
    QUESTIONS.map((q) => ({
      item: q,
      resultat: 'reussi' as const,
      valeur: q === 'demarche' ? 'faire_pour_moi' : q === 'confiance' ? 'peur' : '',
    })),
  )

  it('montre les lieux proches sous l’orientation qui les demande, textes échappés', () => {
    const html = String(
      <ResultatPage
        resultat={r}
        csrf="x"
        action="/diagnostic/resultat"
        commune="05000"
        pageAidantsConnect="/aidants"
        lieux={{
          commune: 'Gap',
          parOrientation: [{ orientation: 'aide_demarche', lieux: [lieu('1', 'France services <Gap>')] }],
        }}
        actions={{ avecConseiller: true, consentement: false }}
      />,
    )
    expect(html).toContain('Être aidé pour faire votre démarche')
    expect(html).toContain('France services &lt;Gap')
    expect(html).not.toContain('<Gap>')
    expect(html).toContain('à 2,4 km')
    expect(html).toContain('Les lieux près de Gap (05000)')
    expect(html).toContain('Je suis d’accord pour qu’il garde mon résultat')
    expect(html).toContain('Je sais ouvrir un dossier.')
  })

  it('envoie qui veut qu’on agisse pour lui vers la page Aidants Connect de l’application et ses France services', () => {
    const html = String(
      <ResultatPage
        resultat={pourMoi}
        csrf="x"
        action="/diagnostic/resultat"
        commune="05000"
        pageAidantsConnect="/aidants"
        lieux={{
          commune: 'Gap',
          parOrientation: [
            {
              orientation: 'aidants_connect',
              dispositif: 'France Services',
              lieux: [lieu('fs', 'France services du Champsaur')],
            },
            { orientation: 'atelier_bases', lieux: [lieu('m', 'Médiathèque')] },
            {
              orientation: 'accompagnement_individuel',
              lieux: [lieu('m', 'Médiathèque')],
              memesQue: 'atelier_bases',
            },
          ],
        }}
      />,
    )
    expect(html).toContain('href="/aidants"')
    expect(html).not.toContain('aidantsconnect.beta.gouv.fr')
    expect(html).toContain('demandez à faire votre démarche avec un aidant Aidants Connect')
    expect(html).toContain('France services du Champsaur')
    // The same places are not listed twice: the second orientation points to the first one.
    expect(html.match(/Médiathèque/g)).toHaveLength(1)
    expect(html).toContain('Les mêmes lieux que pour « Apprendre les bases avec un conseiller numérique »')
  })

  it('sans le module Aidants Connect, renvoie vers le site national', () => {
    const html = String(
      <ResultatPage
        resultat={pourMoi}
        csrf="x"
        action="/diagnostic/resultat"
        pageAidantsConnect="https://aidantsconnect.beta.gouv.fr/"
      />,
    )
    expect(html).toContain('href="https://aidantsconnect.beta.gouv.fr/" rel="noopener"')
  })

  it('en lecture seule (lien reçu), n’offre ni envoi ni effacement mais cherche des lieux', () => {
    const html = String(
      <ResultatPage resultat={r} csrf="x" action="/diagnostic/lien/abc" pageAidantsConnect="/aidants" />,
    )
    expect(html).not.toContain('/diagnostic/effacer')
    expect(html).not.toContain('/diagnostic/resultat/envoyer')
    expect(html).toContain('action="/diagnostic/lien/abc"')
  })
})
