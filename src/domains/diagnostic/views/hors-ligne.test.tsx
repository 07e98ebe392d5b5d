import { describe, expect, it } from 'vitest'
import { ITEMS } from '../domain/contenu'
import { EtapePage } from './etape.page'
import { FinHorsLignePage } from './hors-ligne'

const etape = { type: 'exercice', item: ITEMS.find((i) => i.id === 'formulaire_simple')! } as const
const base = { etape, faites: 7, restantesMax: 4, csrf: 'jeton', suiviParConseiller: false }

describe('vues du test sans réseau', () => {
  it('donne à l’îlot de quoi continuer sans réseau, échappé, et sans bandeau tant qu’il y a du réseau', () => {
    const html = EtapePage({
      ...base,
      horsLigne: {
        passation: 'abc123',
        reponses: [{ item: 'equipement', resultat: 'reussi' }],
        module: '/assets/js/diagnostic-hors-ligne.0123456789.js',
      },
    }) as string
    expect(html).toContain('data-passation="abc123"')
    expect(html).toContain(
      'data-reponses="[{&#34;item&#34;:&#34;equipement&#34;,&#34;resultat&#34;:&#34;reussi&#34;}]"',
    )
    expect(html).toContain('data-module-hors-ligne="/assets/js/diagnostic-hors-ligne.0123456789.js"')
    expect(html).not.toContain('id="hors-ligne"')
  })

  it('dit juste après le titre qu’il n’y a pas de réseau et que rien n’est perdu', () => {
    const html = EtapePage({ ...base, sansReseau: true }) as string
    const titre = html.indexOf('</h1>')
    const bandeau = html.indexOf('id="hors-ligne"')
    expect(bandeau).toBeGreaterThan(titre)
    expect(bandeau).toBeLessThan(html.indexOf('data-consigne'))
    expect(html).toContain('Elles seront envoyées dès le retour du réseau.')
    expect(html).not.toContain('data-passation')
  })

  it('termine honnêtement : le résultat viendra avec le réseau, la page doit rester ouverte', () => {
    const html = FinHorsLignePage({ faites: 12 }) as string
    expect(html).toContain('12 étapes faites : c’est fini !')
    expect(html).toContain('Vos réponses seront envoyées dès le retour du réseau.')
    expect(html).toContain('Gardez cette page ouverte.')
    expect(html).toContain('data-envoyer')
    expect(html).toContain('aria-live="polite" id="etat-envoi"')
  })
})
