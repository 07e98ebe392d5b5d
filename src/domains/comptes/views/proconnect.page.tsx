import { Bouton, LienBouton } from '../../../platform/layout/boutons'
import { Radios } from '../../../platform/layout/champs'
import { Csrf } from '../../../platform/layout/components'
import type { AgentFictif } from '../proconnect/simulateur'

/** The login page's ProConnect entry: a link (a GET), so that no form leads to another origin. */
export function BoutonProConnect({ retour }: { retour?: string | undefined }) {
  const href = `/connexion/proconnect${retour ? `?retour=${encodeURIComponent(retour)}` : ''}`
  return (
    <>
      <h2 class="fr-h5">Avec ProConnect</h2>
      <p class="fr-text--sm">
        L’identifiant des agents publics et des professionnels : vous vous connectez avec le compte de votre
        administration ou de votre structure.
      </p>
      <p>
        <LienBouton href={href}>S’identifier avec ProConnect</LienBouton>
      </p>
      <p class="fr-text--sm">
        <a
          class="fr-link"
          href="https://www.proconnect.gouv.fr/"
          target="_blank"
          rel="noopener"
          title="Qu’est-ce que ProConnect ? — nouvelle fenêtre"
        >
          Qu’est-ce que ProConnect ?
        </a>
      </p>
    </>
  )
}

/** ProConnect knows the person, Escale does not (or not under this identity): what to do instead. */
export function ProConnectSansComptePage(p: { message: string; sansCompte: boolean }) {
  return (
    <div class="fr-grid-row fr-grid-row--center fr-mt-4w">
      <div class="fr-col-12 fr-col-md-8">
        <h1>{p.sansCompte ? 'Pas encore de compte Escale' : 'Connexion impossible'}</h1>
        <div class="fr-alert fr-alert--warning fr-mb-3w" role="alert">
          <p safe>{p.message}</p>
        </div>
        {p.sansCompte ? (
          <>
            <h2 class="fr-h5">Comment obtenir un accès</h2>
            <ul>
              <li>
                Conseiller numérique ou gestionnaire d’une structure : demandez au gestionnaire de votre
                structure de vous inviter, avec l’adresse e-mail que ProConnect vient de donner.
              </li>
              <li>
                Aidant ou référent Aidants Connect : votre référent vous invite depuis l’espace de votre
                organisation ; une organisation demande son habilitation sur{' '}
                <a href="/aidants/habilitation">la page d’habilitation</a>.
              </li>
              <li>
                Structure qui veut accueillir un conseiller : déposez une{' '}
                <a href="/candidature/structure">candidature de structure</a>, votre compte est créé avec
                elle.
              </li>
              <li>Préfecture ou coordination régionale : l’équipe nationale ouvre les comptes.</li>
            </ul>
          </>
        ) : (
          ''
        )}
        <LienBouton href="/connexion" variante="secondaire">
          Revenir à la connexion
        </LienBouton>
      </div>
    </div>
  )
}

/** The simulator's login page: pick a fictional agent (demo and tests only). */
export function ChoixAgentPage(p: { csrf: string; uid: string; agents: readonly AgentFictif[] }) {
  return (
    <>
      <h1 class="fr-mt-4w">ProConnect — simulateur de démonstration</h1>
      <div class="fr-alert fr-alert--info fr-mb-3w">
        <p>
          Ce simulateur joue ProConnect avec des agents fictifs. Il n’existe qu’en démonstration et dans les
          tests.
        </p>
      </div>
      <form method="post" action={`/simulateurs/proconnect/interaction/${encodeURIComponent(p.uid)}`}>
        <Csrf jeton={p.csrf} />
        <Radios
          nom="agent"
          legende="Se connecter en tant que"
          options={p.agents.map((a) => ({
            valeur: a.sub,
            libelle: `${a.prenom} ${a.nom}, ${a.organisation} (${a.email})${a.mfa ? ', avec double authentification' : ''}`,
          }))}
        />
        <Bouton>Continuer vers Escale</Bouton>
      </form>
    </>
  )
}
