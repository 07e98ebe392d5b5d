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

export function AccessibilitePage() {
  return (
    <>
      <h1 class="fr-mt-4w">Déclaration d’accessibilité</h1>
      <p>
        L’administration qui exploite Escale s’engage à rendre ses services numériques accessibles,
        conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique à
        la présente instance d’Escale.
      </p>
      <h2 class="fr-h4">État de conformité</h2>
      <p>
        Escale est <strong>partiellement conforme</strong> avec le référentiel général d’amélioration de
        l’accessibilité (RGAA), version 4.1, en raison des non-conformités et des dérogations énumérées
        ci-dessous.
      </p>
      <h2 class="fr-h4">Résultats des tests</h2>
      <p>
        Aucun audit RGAA complet n’a encore été réalisé. Chaque page des parcours principaux est testée
        automatiquement avec axe-core (règles WCAG 2.1 niveaux A et AA) à chaque modification du code, sans
        aucune violation tolérée. Ces tests automatiques ne couvrent qu’une partie des critères du RGAA.
      </p>
      <h2 class="fr-h4">Contenus non accessibles</h2>
      <ul>
        <li>
          Les exercices interactifs du diagnostic demandent JavaScript ; un mode accompagné par un conseiller
          est proposé.
        </li>
        <li>La carte des lieux est doublée d’une liste de résultats accessible.</li>
      </ul>
      <h2 class="fr-h4">Établissement de cette déclaration</h2>
      <p>
        Technologies utilisées : HTML, CSS, système de design de l’État (DSFR). JavaScript seulement pour
        quelques outils.
      </p>
      <h2 class="fr-h4">Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez l’équipe du service pour être
        orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.
      </p>
      <h2 class="fr-h4">Voies de recours</h2>
      <p>
        Si vous signalez un défaut d’accessibilité sans obtenir de réponse satisfaisante, vous pouvez écrire
        au Défenseur des droits, contacter son délégué dans votre région, ou envoyer un courrier gratuit (sans
        timbre) à : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.
      </p>
    </>
  )
}
