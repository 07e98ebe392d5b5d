export function MentionsLegalesPage() {
  return (
    <>
      <h1 class="fr-mt-4w">Mentions légales</h1>
      <h2 class="fr-h4">Éditeur</h2>
      <p>
        Escale est le logiciel libre de la plateforme du programme national d’inclusion numérique. L’éditeur
        du service est l’administration qui l’exploite ; cette instance est une instance de démonstration,
        sans données réelles.
      </p>
      <h2 class="fr-h4">Hébergement</h2>
      <p>L’hébergeur est indiqué par l’administration qui déploie le service.</p>
      <h2 class="fr-h4">Licence</h2>
      <p>
        Sauf mention contraire, les contenus sont publiés sous licence Etalab 2.0 ; le code source est un
        logiciel libre.
      </p>
    </>
  )
}

export function DonneesPersonnellesPage() {
  return (
    <>
      <h1 class="fr-mt-4w">Données personnelles</h1>
      <p>Escale traite le moins de données possible, et jamais pour de la publicité.</p>
      <h2 class="fr-h4">Personnes accompagnées</h2>
      <p>
        Vous pouvez chercher un lieu et faire le point sur vos usages sans créer de compte. Quand un
        conseiller enregistre un accompagnement, il le fait de façon anonyme, sauf si vous acceptez un suivi :
        votre dossier ne porte alors qu’un prénom ou un pseudonyme. Vous pouvez demander à voir ou effacer vos
        données à tout moment.
      </p>
      <h2 class="fr-h4">Professionnels</h2>
      <p>
        Pour les comptes professionnels, Escale conserve le nom, l’adresse e-mail, les rôles, et les sessions
        de connexion (date, type d’appareil) pour la sécurité du service. Les journaux techniques ne
        contiennent aucune donnée personnelle.
      </p>
      <h2 class="fr-h4">Cookies</h2>
      <p>
        Escale ne dépose aucun cookie de mesure d’audience ni de publicité. Les seuls cookies servent à la
        sécurité : la session de connexion et la protection des formulaires. Ils sont exemptés de
        consentement.
      </p>
      <h2 class="fr-h4">Vos droits</h2>
      <p>
        Vous disposez d’un droit d’accès, de rectification, d’effacement et d’opposition. Vous pouvez aussi
        saisir la CNIL (cnil.fr).
      </p>
    </>
  )
}

/**
 * The RGAA conformity state. Without a valid audit the law only allows « non conforme », whatever
 * the automated checks find (docs/adr/041-declaration-accessibilite.md). The footer says the same.
 */
export const ETAT_CONFORMITE = 'non conforme'

/**
 * What the automated journeys check on every change (`npm test`). Each line names the test that
 * keeps it true: pages.test.tsx fails if a named file disappears.
 */
export const CRITERES_VERIFIES: readonly { criteres: string; quoi: string; test: string }[] = [
  {
    criteres: '7.3',
    quoi: 'Chaque exercice du diagnostic se fait, ou se passe avec « Je n’y arrive pas, passer », au clavier seul, avec ou sans JavaScript.',
    test: 'tests/e2e/clavier.e2e.ts',
  },
  {
    criteres: '8.5 et 8.6',
    quoi: 'Chaque page a un titre, et chaque étape du diagnostic le sien : son numéro et sa question.',
    test: 'src/domains/diagnostic/http/diagnostic.test.ts',
  },
  {
    criteres: '10.7',
    quoi: 'À chaque tabulation, l’élément qui a le focus est entouré d’un contour visible, à l’écran.',
    test: 'tests/e2e/clavier.e2e.ts',
  },
  {
    criteres: '10.11',
    quoi: 'Sur un écran de 320 px de large, aucune page ne défile horizontalement ; un tableau trop large défile dans son propre cadre, atteignable au clavier.',
    test: 'tests/e2e/clavier.e2e.ts',
  },
  {
    criteres: '11.10',
    quoi: 'Un champ en erreur, quel que soit son type, est signalé (aria-invalid) et relié à son message ; après un envoi refusé, le focus va au résumé des erreurs ou au champ à corriger.',
    test: 'src/platform/layout/formulaires.test.tsx',
  },
  {
    criteres: '12.7, 12.8 et 12.9',
    quoi: 'Le lien d’évitement mène au contenu ; chaque commande des parcours s’atteint à la touche Tab, dans l’ordre de la page, sans piège.',
    test: 'tests/e2e/clavier.e2e.ts',
  },
  {
    criteres: '1.1, 3.2, 8.3, 11.1 (en partie)',
    quoi: 'axe-core (règles WCAG 2.1 niveaux A et AA) ne trouve aucune violation sur chaque page des parcours : alternatives des images, contrastes, langue, étiquettes des champs.',
    test: 'tests/e2e/outils.ts',
  },
]

/** Known non-conformities, each with its criterion and the date its fix is planned for. */
export const NON_CONFORMITES: readonly { critere: string; quoi: string; correction: string }[] = [
  {
    critere: '13.3',
    quoi: 'Les documents PDF produits par Escale (attestations de formation, conventions du recrutement, attestations d’habilitation Aidants Connect) ne sont pas balisés : un lecteur d’écran ne sait pas dans quel ordre les lire. Demandez-en le contenu par e-mail à l’adresse ci-dessous.',
    correction: '30 juin 2027',
  },
]

/** Beyond the criteria: where Escale does less than its public pages do, and when it will not. */
export const AMELIORATIONS_PREVUES: readonly { quoi: string; correction: string }[] = [
  {
    quoi: 'Les pages de l’espace professionnel n’ont pas encore été parcourues au clavier seul ni avec un lecteur d’écran.',
    correction: '31 mars 2027',
  },
]

export function AccessibilitePage({ contact }: { contact: string }) {
  return (
    <>
      <h1 class="fr-mt-4w">Déclaration d’accessibilité</h1>
      <p>
        L’administration qui exploite cette instance d’Escale s’engage à rendre ses services numériques
        accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Elle publie sur son
        site son schéma pluriannuel de mise en accessibilité et le plan d’action de l’année en cours.
      </p>
      <p>Cette déclaration d’accessibilité s’applique à Escale, sur cette instance.</p>

      <h2 class="fr-h4">État de conformité</h2>
      <p>
        Escale est <strong>{ETAT_CONFORMITE}</strong> avec le référentiel général d’amélioration de
        l’accessibilité (RGAA), version 4.1.2 : aucun audit de conformité n’a encore été réalisé. Sans audit,
        un site ne peut pas se dire « partiellement conforme », même quand une partie des critères est
        vérifiée, comme ci-dessous.
      </p>

      <ResultatsDesTests />
      <ContenusNonAccessibles />
      <EtablissementDeclaration />
      <RetourEtRecours contact={contact} />
    </>
  )
}

/** What the automated checks cover, criterion by criterion. */
function ResultatsDesTests() {
  return (
    <>
      <h2 class="fr-h4">Résultats des tests</h2>
      <p>
        Pas encore d’audit. L’équipe vérifie Escale elle-même, automatiquement, à chaque modification du code
        : des parcours dans le navigateur Chromium, pilotés au clavier seul sur un écran de 320 px de large
        (tout le diagnostic, avec et sans JavaScript ; la recherche d’un lieu jusqu’à sa page ; la connexion
        envoyée vide puis corrigée ; les statistiques publiques). Une modification qui casse l’un de ces
        points est refusée.
      </p>
      <div class="fr-table fr-table--no-scroll">
        <div class="fr-table__wrapper">
          <section class="fr-table__container" tabindex="0" aria-label="Critères vérifiés">
            <div class="fr-table__content">
              <table>
                <caption>Critères du RGAA vérifiés à chaque modification</caption>
                <thead>
                  <tr>
                    <th scope="col">Critères</th>
                    <th scope="col">Ce qui est vérifié</th>
                  </tr>
                </thead>
                <tbody>
                  {CRITERES_VERIFIES.map((c) => (
                    <tr>
                      <td safe>{c.criteres}</td>
                      <td safe>{c.quoi}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      </div>
      <p>
        Ces tests ne couvrent qu’une partie des 106 critères du RGAA, et aucun n’a encore été fait avec un
        lecteur d’écran.
      </p>
    </>
  )
}

/** Non-conformities, planned improvements and exemptions. */
function ContenusNonAccessibles() {
  return (
    <>
      <h2 class="fr-h4">Contenus non accessibles</h2>
      <h3 class="fr-h5">Non-conformités</h3>
      <ul>
        {NON_CONFORMITES.map((n) => (
          <li safe>{`Critère ${n.critere} : ${n.quoi} Correction prévue : ${n.correction}.`}</li>
        ))}
      </ul>
      <h3 class="fr-h5">Améliorations prévues</h3>
      <ul>
        {AMELIORATIONS_PREVUES.map((a) => (
          <li safe>{`${a.quoi} Prévu pour le ${a.correction}.`}</li>
        ))}
      </ul>
      <h3 class="fr-h5">Dérogations pour charge disproportionnée</h3>
      <p>Aucune.</p>
      <h3 class="fr-h5">Contenus non soumis à l’obligation d’accessibilité</h3>
      <ul>
        <li>
          La carte interactive des lieux : les mêmes lieux, avec leurs adresses et leurs horaires, sont dans
          la liste des résultats de la recherche, accessible.
        </li>
        <li>
          Les pages de FranceConnect, ouvertes pendant la création d’un mandat Aidants Connect : elles
          appartiennent à un autre service de l’État, qui publie sa propre déclaration.
        </li>
      </ul>
    </>
  )
}

/** When and how the statement was drawn up. */
function EtablissementDeclaration() {
  return (
    <>
      <h2 class="fr-h4">Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie le 2 décembre 2026.</p>
      <ul>
        <li>
          Technologies utilisées : HTML, CSS, WAI-ARIA, et JavaScript pour quelques outils, jamais
          indispensable.
        </li>
        <li>
          Environnement de test : Chromium (Debian), piloté par Playwright ; pas encore de lecteur d’écran.
        </li>
        <li>Outils : axe-core (règles WCAG 2.1 niveaux A et AA) et les parcours au clavier seul d’Escale.</li>
        <li>
          Pages vérifiées : l’accueil, la recherche de lieux et la page d’un lieu, chaque étape du diagnostic
          et son résultat, la connexion, les statistiques publiques.
        </li>
      </ul>
    </>
  )
}

/** Who to write to, and the remedies when no satisfying answer came. */
function RetourEtRecours({ contact }: { contact: string }) {
  return (
    <>
      <h2 class="fr-h4">Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à utiliser un contenu ou un service, écrivez-nous pour être orienté vers une
        autre solution ou obtenir le contenu sous une autre forme :{' '}
        <a href={`mailto:${contact}`} safe>
          {contact}
        </a>
        . Pour le diagnostic, un conseiller numérique peut aussi le faire avec vous, en mode accompagné.
      </p>

      <h2 class="fr-h4">Voies de recours</h2>
      <p>
        Si vous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un
        service, et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez :
      </p>
      <ul>
        <li>
          écrire un message au Défenseur des droits, par le formulaire de son site defenseurdesdroits.fr ;
        </li>
        <li>contacter le délégué du Défenseur des droits dans votre région ;</li>
        <li>
          envoyer un courrier par la poste, gratuit et sans timbre : Défenseur des droits, Libre réponse
          71120, 75342 Paris CEDEX 07.
        </li>
      </ul>
    </>
  )
}
