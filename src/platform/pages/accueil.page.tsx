import type { EntreeAccueil } from '../layout/navigation'

function Tuiles({ entrees }: { entrees: readonly EntreeAccueil[] }) {
  return (
    <div class="fr-grid-row fr-grid-row--gutters">
      {entrees.map((e) => (
        <div class="fr-col-12 fr-col-md-6">
          <div class="fr-tile fr-enlarge-link">
            <div class="fr-tile__body">
              <div class="fr-tile__content">
                <h3 class="fr-tile__title">
                  <a href={e.href} safe>
                    {e.titre}
                  </a>
                </h3>
                <p class="fr-tile__desc" safe>
                  {e.description}
                </p>
              </div>
            </div>
          </div>
        </div>
      ))}
    </div>
  )
}

export function AccueilPage({ entrees }: { entrees: readonly EntreeAccueil[] }) {
  const publiques = entrees.filter((e) => e.public === 'grand_public')
  const pros = entrees.filter((e) => e.public === 'professionnel')
  return (
    <>
      <h1 class="fr-mt-5w">Le numérique, on vous aide</h1>
      <p class="fr-text--lead">
        Faire une démarche en ligne, écrire un e-mail, utiliser son téléphone : des personnes sont là pour
        vous aider, près de chez vous et gratuitement.
      </p>
      <h2 class="fr-h4">Pour vous</h2>
      {publiques.length > 0 ? (
        <Tuiles entrees={publiques} />
      ) : (
        <div class="fr-callout">
          <p class="fr-callout__title">Trouver de l’aide près de chez vous</p>
          <p class="fr-callout__text">
            En attendant, une France services près de chez vous peut vous aider dans vos démarches
            administratives.
          </p>
        </div>
      )}
      <h2 class="fr-h4 fr-mt-5w">Pour les professionnels</h2>
      <Tuiles
        entrees={[
          ...pros,
          {
            titre: 'Espace professionnel',
            description:
              'Conseillers numériques, aidants, structures, préfectures et équipe nationale : connectez-vous.',
            href: '/connexion',
            public: 'professionnel',
            ordre: 100,
          },
        ]}
      />
    </>
  )
}
