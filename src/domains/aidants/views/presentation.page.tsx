import Html from '@kitajs/html'
import { nombreDe } from '../../../platform/pluriel'
import { DEMARCHES } from '../domain/demarches'
import { dateFr, STATUTS } from './commun'

export function PresentationPage(p: {
  statistiques: { aidants: number; organisations: number; mandats: number }
}) {
  return (
    <>
      <h1>Aidants Connect : faire ses démarches en ligne avec un aidant habilité</h1>
      <p class="fr-text--lead">
        Un aidant professionnel (France services, CCAS, associations…) peut faire une démarche en ligne à
        votre place, avec votre accord écrit (un mandat), sans jamais connaître vos mots de passe.
      </p>
      <div class="fr-grid-row fr-grid-row--gutters fr-mb-4w">
        <div class="fr-col-12 fr-col-md-4">
          <div class="fr-tile">
            <div class="fr-tile__body">
              <h2 class="fr-tile__title">
                <a href="/mes-mandats">Je suis accompagné</a>
              </h2>
              <p class="fr-tile__desc">Voir mes mandats, qui les a utilisés, et les révoquer.</p>
            </div>
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <div class="fr-tile">
            <div class="fr-tile__body">
              <h2 class="fr-tile__title">
                <a href="/aidants/habilitation">Habiliter ma structure</a>
              </h2>
              <p class="fr-tile__desc">Demander l’habilitation de votre organisation et de ses aidants.</p>
            </div>
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <div class="fr-tile">
            <div class="fr-tile__body">
              <h2 class="fr-tile__title">
                <a href="/aidants/statistiques">Chiffres publics</a>
              </h2>
              <p class="fr-tile__desc">
                {Html.escapeHtml(
                  `${nombreDe(p.statistiques.aidants, 'aidant habilité', 'aidants habilités')}, ${nombreDe(p.statistiques.organisations, 'structure')}, ${nombreDe(p.statistiques.mandats, 'mandat')}.`,
                )}
              </p>
            </div>
          </div>
        </div>
      </div>
      <h2>Les démarches couvertes</h2>
      <ul>
        {DEMARCHES.map((d) => (
          <li safe>{`${d.titre} (${d.exemples})`}</li>
        ))}
      </ul>
    </>
  )
}

export function VerificationPage(p: {
  trouve: boolean
  nature?: 'mandat' | 'revocation'
  statut?: 'actif' | 'expire' | 'revoque'
  organisation?: string
  creeLe?: Date
  expireLe?: Date
}) {
  return (
    <>
      <h1>Vérifier une attestation Aidants Connect</h1>
      {p.trouve && p.statut && p.creeLe && p.expireLe ? (
        <div class="fr-alert fr-alert--success fr-mb-3w">
          <h2 class="fr-alert__title">Cette attestation est authentique.</h2>
          <p safe>
            {p.nature === 'revocation'
              ? `Attestation de révocation d’un mandat donné à ${p.organisation ?? ''}.`
              : `Mandat donné à ${p.organisation ?? ''} le ${dateFr(p.creeLe)}, jusqu’au ${dateFr(p.expireLe)}.`}
          </p>
          <p safe>{`État actuel du mandat : ${STATUTS[p.statut]}.`}</p>
        </div>
      ) : (
        <div class="fr-alert fr-alert--error fr-mb-3w">
          <h2 class="fr-alert__title">Attestation inconnue</h2>
          <p>Aucun mandat ne correspond à ce code. L’attestation n’a pas été délivrée par Aidants Connect.</p>
        </div>
      )}
      <p class="fr-text--sm">Cette page ne montre aucune donnée personnelle.</p>
    </>
  )
}
