import { describe, expect, it } from 'vitest'
import { QUESTIONS } from '../domain/contenu'
import { resultat } from '../domain/resultat'
import { ResultatPage } from './resultat.page'

describe('page de résultat', () => {
  const r = resultat([
    ...QUESTIONS.map((q) => ({
      item: q,
      resultat: 'reussi' as const,
      valeur: q === 'demarche' ? 'apprendre' : '',
    })),
    { item: 'double_cliquer', resultat: 'reussi' as const },
  ])

  it('montre les lieux proches sous l’orientation qui les demande, textes échappés', () => {
    const html = String(
      <ResultatPage
        resultat={r}
        csrf="x"
        action="/diagnostic/resultat"
        commune="05000"
        lieux={[
          {
            service: 'Aide aux démarches administratives',
            lieux: [
              {
                id: '1',
                nom: 'France services <Gap>',
                adresse: '2 place',
                commune: 'Gap',
                distanceKm: 2.35,
                url: '/lieux/1',
              },
            ],
          },
        ]}
        actions={{ avecConseiller: true, consentement: false }}
      />,
    )
    expect(html).toContain('Être aidé pour faire votre démarche')
    expect(html).toContain('France services &lt;Gap')
    expect(html).not.toContain('<Gap>')
    expect(html).toContain('à 2,4 km')
    expect(html).toContain('Je suis d’accord pour qu’il garde mon résultat')
    expect(html).toContain('Je sais ouvrir un dossier.')
  })

  it('en lecture seule (lien reçu), n’offre ni envoi ni effacement', () => {
    const html = String(<ResultatPage resultat={r} csrf="x" action="/diagnostic/lien/abc" />)
    expect(html).not.toContain('/diagnostic/effacer')
    expect(html).not.toContain('/diagnostic/resultat/envoyer')
  })
})
