import Html from '@kitajs/html'
import { Bouton, GroupeBoutons } from '../../../platform/layout/boutons'
import { Csrf } from '../../../platform/layout/components'
import type { Item } from '../domain/contenu'
import type { Correction } from '../domain/marquage'

/** What every exercise is made of: its props, its form, its correction summary. */

export interface ProprietesExercice {
  item: Item
  csrf: string
  action: string
  correction?: Correction | undefined
  essaisRestants?: number | undefined
  valeurs?: Record<string, string | undefined>
}

/** Hidden fields and buttons common to every exercise; `mesures` is filled by the page's script. */
export function Cadre(p: ProprietesExercice & { children: Html.Children; valider?: string | false }) {
  return (
    <form method="post" action={p.action} novalidate class="escale-exercice" data-exercice={p.item.id}>
      <Csrf jeton={p.csrf} />
      <input type="hidden" name="etape" value={p.item.id} />
      <input type="hidden" name="mesures" value="" data-mesures />
      {p.item.aBesoinDeJs ? <input type="hidden" name="termine" value="" data-termine /> : ''}
      {p.correction ? <Bilan correction={p.correction} essaisRestants={p.essaisRestants ?? 0} /> : ''}
      {p.children}
      {/* The form is `novalidate`: « passer » is never stopped by the browser's own checks. */}
      <GroupeBoutons enLigne="md" classe="fr-mt-4w">
        {p.valider === false ? '' : <Bouton>{Html.escapeHtml(p.valider ?? 'Valider')}</Bouton>}
        <Bouton variante="secondaire" nom="passer" valeur="oui">
          Je n’y arrive pas, passer
        </Bouton>
      </GroupeBoutons>
    </form>
  )
}

function Bilan({ correction, essaisRestants }: { correction: Correction; essaisRestants: number }) {
  const erreurs = Object.values(correction.champs).filter((c) => !c.ok).length
  return (
    // `autofocus`: the summary takes the focus on load even without JavaScript (the script focuses it
    // too, for a step rendered in the page without network).
    <div class="fr-alert fr-alert--info fr-mb-3w" role="alert" tabindex="-1" id="bilan" autofocus>
      <h2 class="fr-alert__title">
        {erreurs > 1 ? `Presque : ${erreurs} choses à corriger` : 'Presque : une chose à corriger'}
      </h2>
      <p safe>
        {`Lisez le message en rouge, corrigez et validez. Vous avez encore ${essaisRestants} essai${essaisRestants > 1 ? 's' : ''}. Prenez votre temps.`}
      </p>
    </div>
  )
}
