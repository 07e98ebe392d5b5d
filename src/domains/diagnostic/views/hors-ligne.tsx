import { Confort, Progression } from './composants'

/**
 * What the test shows when the network is gone (ADR 010). These views are rendered by the server
 * like the others, and in the browser by the offline island through `client.ts`: one renderer.
 */

/** Above a step done without network: the person may go on, nothing is lost. */
export function BandeauHorsLigne() {
  return (
    <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w" id="hors-ligne" role="status">
      <p data-lire>
        Pas de connexion internet. Vous pouvez continuer le test : vos réponses sont gardées sur cet appareil.
        Elles seront envoyées dès le retour du réseau.
      </p>
    </div>
  )
}

/**
 * The end of a test finished without network. The real result needs the server (the places near
 * the person): it comes by itself once the answers are sent.
 */
export function FinHorsLignePage(p: { faites: number }) {
  return (
    <div class="escale-diagnostic" data-fin-hors-ligne>
      <Progression faites={p.faites} restantesMax={0} />
      <Confort />
      <h1 class="fr-h3 fr-mt-2w" tabindex="-1" data-lire>
        Le test est fini
      </h1>
      <p class="fr-text--lead" data-lire>
        Bravo, vous avez répondu à tout !
      </p>
      <div class="fr-alert fr-alert--info fr-mb-3w">
        <h2 class="fr-alert__title" data-lire>
          Pas de connexion internet pour l’instant
        </h2>
        <p data-lire>Vos réponses seront envoyées dès le retour du réseau.</p>
        <p data-lire>En attendant, elles restent sur cet appareil.</p>
      </div>
      <p data-lire>
        Ensuite, votre résultat s’affichera ici tout seul : ce que vous savez faire, et où trouver de l’aide
        près de chez vous.
      </p>
      <p data-lire>
        <strong>Gardez cette page ouverte.</strong> Si vous fermez le navigateur, vos réponses ne pourront pas
        être envoyées.
      </p>
      <p class="fr-mt-2w" aria-live="polite" id="etat-envoi" />
      <button class="fr-btn fr-btn--secondary" type="button" data-envoyer>
        Envoyer mes réponses maintenant
      </button>
    </div>
  )
}
