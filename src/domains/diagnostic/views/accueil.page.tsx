import { Bouton, GroupeBoutons, LienBouton } from '../../../platform/layout/boutons'
import { decritPar, ErreurChamp, LibelleChamp } from '../../../platform/layout/champs'
import { Csrf } from '../../../platform/layout/components'
import { INACTIVITE_MINUTES } from '../domain/retention'
import type { LieuProche } from '../use-cases/deps'
import { Confort, Picto } from './composants'

export function AccueilDiagnosticPage(p: { csrf: string; enCours: boolean }) {
  return (
    // No test open in this browser: an offline copy of answers could never be sent.
    <div class="escale-diagnostic" data-copie-locale={p.enCours ? undefined : 'effacer'}>
      <h1 class="fr-mt-4w" data-lire>
        Faire le point sur mes usages numériques
      </h1>
      <Confort />
      <p class="fr-text--lead" data-lire>
        Un petit test gratuit, pour savoir ce que vous savez déjà faire avec un ordinateur ou un téléphone, et
        où trouver de l’aide près de chez vous.
      </p>
      <h2 class="fr-h4">Comment ça marche ?</h2>
      <ul class="escale-etapes-accueil" data-lire>
        <li>
          <Picto icone="fr-icon-questionnaire-line" grand />
          <span>Vous répondez à 5 questions sur vous.</span>
        </li>
        <li>
          <Picto icone="fr-icon-cursor-line" grand />
          <span>Vous faites des petits exercices : cliquer, écrire, lire un e-mail.</span>
        </li>
        <li>
          <Picto icone="fr-icon-time-line" grand />
          <span>Cela dure 5 à 15 minutes. Il n’y a pas de chronomètre : prenez votre temps.</span>
        </li>
        <li>
          <Picto icone="fr-icon-map-pin-2-line" grand />
          <span>À la fin, vous voyez ce que vous savez faire et où aller pour apprendre.</span>
        </li>
      </ul>
      <p>
        Pas de compte, pas de nom demandé. Si vous ne savez pas faire un exercice, vous pouvez le passer : ce
        n’est pas grave, c’est justement pour ça qu’on fait le point.
      </p>
      <noscript>
        <div class="fr-alert fr-alert--warning fr-mb-3w">
          <h2 class="fr-alert__title">Les exercices ont besoin de JavaScript</h2>
          <p>
            JavaScript est désactivé ou bloqué sur cet appareil : certains exercices (cliquer, déplacer) ne
            marcheront pas. Vous pouvez les passer, ou faire le diagnostic avec un conseiller numérique, en
            mode accompagné : il vous donne un code et note ce qu’il vous voit faire.
          </p>
        </div>
      </noscript>
      <form method="post" action="/diagnostic/commencer" class="fr-mt-4w">
        <Csrf jeton={p.csrf} />
        <GroupeBoutons enLigne="md">
          <Bouton taille="lg">{p.enCours ? 'Recommencer depuis le début' : 'Commencer'}</Bouton>
          {p.enCours ? (
            <LienBouton taille="lg" variante="secondaire" href="/diagnostic/etape">
              Reprendre où j’en étais
            </LienBouton>
          ) : (
            ''
          )}
        </GroupeBoutons>
      </form>
      <div class="fr-grid-row fr-grid-row--gutters fr-mt-2w">
        <div class="fr-col-12 fr-col-md-6">
          <div class="fr-tile fr-enlarge-link">
            <div class="fr-tile__body">
              <div class="fr-tile__content">
                <h2 class="fr-tile__title">
                  <a href="/diagnostic/code">J’ai un code de mon conseiller</a>
                </h2>
                <p class="fr-tile__desc">
                  Votre conseiller suit le test avec vous et peut garder le résultat, si vous êtes d’accord.
                </p>
              </div>
            </div>
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <div class="fr-tile fr-enlarge-link">
            <div class="fr-tile__body">
              <div class="fr-tile__content">
                <h2 class="fr-tile__title">
                  <a href="/diagnostic/accompagnement">Je préfère être accompagné</a>
                </h2>
                <p class="fr-tile__desc">
                  Trouver un lieu près de chez vous où une personne fait le point avec vous.
                </p>
              </div>
            </div>
          </div>
        </div>
      </div>
      <p class="fr-text--sm fr-mt-4w">
        {`Sur un ordinateur partagé : le test s’arrête tout seul après ${INACTIVITE_MINUTES} minutes sans activité, et vous pourrez effacer vos réponses à la fin.`}
      </p>
    </div>
  )
}

export function CodePage(p: { csrf: string; valeur?: string | undefined; erreur?: string | undefined }) {
  return (
    <div class="escale-diagnostic fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        <h1 class="fr-mt-4w">J’ai un code</h1>
        <Confort />
        <p class="fr-text--lead" data-lire>
          Écrivez le code que votre conseiller vous a donné. Il a 6 lettres puis 3 chiffres.
        </p>
        {p.erreur ? (
          // Focused on load (no JavaScript needed): the person hears the error first.
          <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert" tabindex="-1" autofocus>
            <p>
              <a href="#code" safe>
                {p.erreur}
              </a>
            </p>
          </div>
        ) : (
          ''
        )}
        <form method="post" action="/diagnostic/code" novalidate>
          <Csrf jeton={p.csrf} />
          <div class={`fr-input-group${p.erreur ? ' fr-input-group--error' : ''}`}>
            <LibelleChamp nom="code" libelle="Code" aide="Par exemple : ABC DEF 234" />
            <input
              class={`fr-input escale-code-saisie${p.erreur ? ' fr-input--error' : ''}`}
              id="code"
              name="code"
              value={p.valeur ?? ''}
              autocomplete="off"
              autocapitalize="characters"
              spellcheck="false"
              maxlength={30}
              aria-describedby={p.erreur ? 'code-aide code-erreur' : 'code-aide'}
              aria-invalid={p.erreur ? 'true' : undefined}
            />
            <ErreurChamp nom="code" erreur={p.erreur} />
          </div>
          <Bouton taille="lg">Commencer avec ce code</Bouton>
        </form>
        <p class="fr-mt-4w">
          <a class="fr-link" href="/diagnostic">
            Je n’ai pas de code : faire le test seul
          </a>
        </p>
      </div>
    </div>
  )
}

export function ListeLieux({ lieux }: { lieux: readonly LieuProche[] }) {
  return (
    <ul class="escale-lieux">
      {lieux.map((l) => (
        <li class="escale-lieu">
          <p class="fr-text--bold fr-mb-0">
            <a href={l.url} safe>
              {l.nom}
            </a>
          </p>
          <p class="fr-text--sm fr-mb-0" safe>
            {`${l.adresse}, ${l.commune} — à ${l.distanceKm.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} km`}
          </p>
        </li>
      ))}
    </ul>
  )
}

export function FormulaireCommune(p: {
  action: string
  valeur?: string | undefined
  erreur?: string | undefined
}) {
  const champ = { nom: 'commune', aide: '5 chiffres, par exemple 05000', erreur: p.erreur }
  return (
    <form method="get" action={p.action} class="escale-commune" novalidate>
      <div class={`fr-input-group${p.erreur ? ' fr-input-group--error' : ''}`}>
        <LibelleChamp {...champ} libelle="Votre code postal" />
        <input
          class={`fr-input${p.erreur ? ' fr-input--error' : ''}`}
          id="commune"
          name="commune"
          inputmode="numeric"
          autocomplete="postal-code"
          maxlength={10}
          value={p.valeur ?? ''}
          aria-describedby={decritPar(champ)}
          aria-invalid={p.erreur ? 'true' : undefined}
          // A single field: in error, it takes the focus when the page loads.
          autofocus={!!p.erreur}
        />
        <ErreurChamp nom="commune" erreur={p.erreur} />
      </div>
      <Bouton variante="secondaire" icone="fr-icon-search-line">
        Chercher les lieux proches
      </Bouton>
    </form>
  )
}

export function AccompagnementPage(p: {
  commune?: string | undefined
  erreur?: string | undefined
  lieux?: readonly LieuProche[] | undefined
  /** The commune the postal code was read as, so the person can check it. */
  nomCommune?: string | undefined
}) {
  return (
    <div class="escale-diagnostic">
      <h1 class="fr-mt-4w">Je préfère être accompagné</h1>
      <Confort />
      <p class="fr-text--lead" data-lire>
        C’est une très bonne idée. Un conseiller numérique peut faire le point avec vous : il vous donne un
        code, vous faites le test ensemble, et il vous aide pour la suite.
      </p>
      <p data-lire>
        Il y a des lieux d’aide gratuits près de chez vous. Écrivez votre code postal pour les trouver.
      </p>
      <FormulaireCommune action="/diagnostic/accompagnement" valeur={p.commune} erreur={p.erreur} />
      {p.lieux === undefined ? (
        ''
      ) : p.lieux.length === 0 ? (
        <div class="fr-callout fr-mt-3w">
          <p class="fr-callout__title">Nous n’avons pas encore de lieu à vous montrer ici</p>
          <p class="fr-callout__text">
            Demandez à votre mairie ou à une France services : ils connaissent les lieux d’aide au numérique
            du quartier.
          </p>
        </div>
      ) : (
        <>
          <h2 class="fr-h4 fr-mt-3w" safe>
            {`Les lieux les plus proches de ${p.nomCommune ?? 'chez vous'}`}
          </h2>
          <ListeLieux lieux={p.lieux} />
        </>
      )}
    </div>
  )
}

export function InterrompuPage() {
  return (
    <div class="escale-diagnostic">
      <h1 class="fr-mt-4w">Votre test s’est arrêté</h1>
      <p class="fr-text--lead">
        {`Personne n’a utilisé le test depuis ${INACTIVITE_MINUTES} minutes. Pour protéger vos réponses sur un appareil partagé, il s’est arrêté tout seul.`}
      </p>
      <p>
        <LienBouton href="/diagnostic">Recommencer le test</LienBouton>
      </p>
    </div>
  )
}

export function LienExpirePage() {
  return (
    <div class="fr-mt-4w">
      <h1>Ce lien ne marche plus</h1>
      <p>Les résultats sont effacés après quelques jours. Vous pouvez refaire le test quand vous voulez.</p>
      <p>
        <LienBouton href="/diagnostic">Refaire le test</LienBouton>
      </p>
    </div>
  )
}
