/**
 * Pieces shared by the diagnostic's public pages. The comfort bar and the print button need the
 * page's script: they are rendered hidden and the script reveals them, so that a page without
 * JavaScript never shows a button that does nothing.
 */
export function Confort() {
  return (
    <div class="escale-confort" data-confort hidden>
      <button
        type="button"
        class="fr-btn fr-btn--secondary fr-btn--sm fr-icon-volume-up-line fr-btn--icon-left"
        aria-pressed="false"
        data-lecture
      >
        Lire à voix haute
      </button>
      <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm" data-relire hidden>
        Réécouter
      </button>
      <span class="escale-confort__taille">
        <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm" data-taille="moins">
          Texte plus petit
        </button>
        <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm" data-taille="plus">
          Texte plus grand
        </button>
      </span>
    </div>
  )
}

/** A DSFR icon used as a pictogram: always next to a text that says the same thing. */
export function Picto({ icone, grand }: { icone: string; grand?: boolean }) {
  return <span class={`escale-picto${grand ? ' escale-picto--grand' : ''} ${icone}`} aria-hidden="true" />
}

/** Progress as pictures (done, current, still possible), with the same thing in words. */
export function Progression({ faites, restantesMax }: { faites: number; restantesMax: number }) {
  const total = faites + restantesMax
  const etapes = Array.from({ length: total }, (_, i) =>
    i < faites ? 'faite' : i === faites ? 'courante' : 'a-venir',
  )
  return (
    <div class="escale-progression">
      <p class="fr-text--sm fr-mb-1w" safe>
        {texteProgression(faites, restantesMax)}
      </p>
      <ul class="escale-etapes" aria-hidden="true">
        {etapes.map((e) => (
          <li class={`escale-etape escale-etape--${e}`} />
        ))}
      </ul>
    </div>
  )
}

export function SansJavascript({ texte }: { texte: string }) {
  return (
    <noscript>
      <div class="fr-alert fr-alert--warning fr-mb-3w">
        <h2 class="fr-alert__title">Cet exercice a besoin de JavaScript</h2>
        <p safe>{texte}</p>
        <p>
          Vous pouvez passer cet exercice avec le bouton « Je n’y arrive pas, passer ». Ou faites le
          diagnostic avec un conseiller numérique : il le fait avec vous, en mode accompagné.
        </p>
      </div>
    </noscript>
  )
}

export function RetourChamp({ id, message, ok }: { id: string; message: string | undefined; ok: boolean }) {
  if (!message) return ''
  return (
    <p class={ok ? 'fr-valid-text' : 'fr-error-text'} id={`${id}-retour`} safe>
      {message}
    </p>
  )
}

export function texteProgression(faites: number, restantesMax: number): string {
  if (restantesMax === 0) return `${faites} étapes faites : c’est fini !`
  const apres = restantesMax - 1
  return `Étape ${faites + 1}. ${apres === 0 ? 'C’est peut-être la dernière.' : `Encore ${apres} étape${apres > 1 ? 's' : ''} au plus après celle-ci.`}`
}
