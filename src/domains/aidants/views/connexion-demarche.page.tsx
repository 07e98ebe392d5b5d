import { Bouton } from '../../../platform/layout/boutons'
import { Csrf, EtatVide } from '../../../platform/layout/components'
import { type Demarche, titreDemarche } from '../domain/demarches'
import { dateFr, GroupeOptions } from './commun'

/** Pages of the identity provider's interaction (an aidant logs into a partner) and of the FranceConnect simulator. */

export function ChoixUsagerPage(p: {
  csrf: string
  uid: string
  client: string
  organisation: string
  usagers: readonly { id: string; prenoms: string; nom: string; dateNaissance: string }[]
}) {
  return (
    <>
      <h1>Se connecter au nom d’un usager</h1>
      <p>
        Le service <strong safe>{p.client}</strong> demande une connexion avec Aidants Connect. Vous agissez
        pour <strong safe>{p.organisation}</strong>.
      </p>
      {p.usagers.length === 0 ? (
        <EtatVide titre="Aucun usager avec un mandat actif">
          <p>Créez d’abord un mandat avec l’usager.</p>
        </EtatVide>
      ) : (
        <form method="post" action={`/aidants/connexion-demarche/${p.uid}`}>
          <Csrf jeton={p.csrf} />
          <GroupeOptions
            type="radio"
            nom="usager"
            legende="Pour quel usager ?"
            requis
            options={p.usagers.map((u) => ({
              valeur: u.id,
              libelle: `${u.prenoms} ${u.nom} (né·e le ${dateFr(u.dateNaissance)})`,
            }))}
          />
          <Bouton>Continuer</Bouton>
        </form>
      )}
      <form method="post" action={`/aidants/connexion-demarche/${p.uid}/abandonner`} class="fr-mt-3w">
        <Csrf jeton={p.csrf} />
        <Bouton variante="tertiaire">Annuler et revenir au service</Bouton>
      </form>
    </>
  )
}

export function ChoixDemarchePage(p: {
  csrf: string
  uid: string
  usager: { id: string; prenoms: string; nom: string }
  demarches: readonly Demarche[]
}) {
  return (
    <>
      <h1>Choisir la démarche</h1>
      <p safe>{`Démarches couvertes par un mandat actif de ${p.usager.prenoms} ${p.usager.nom} :`}</p>
      {p.demarches.length === 0 ? (
        <EtatVide titre="Aucune démarche possible">
          <p>Aucun mandat actif ne couvre les démarches demandées par ce service.</p>
        </EtatVide>
      ) : (
        <form method="post" action={`/aidants/connexion-demarche/${p.uid}`}>
          <Csrf jeton={p.csrf} />
          <input type="hidden" name="usager" value={p.usager.id} />
          <GroupeOptions
            type="radio"
            nom="demarche"
            legende="Quelle démarche ?"
            requis
            options={p.demarches.map((d) => ({ valeur: d, libelle: titreDemarche(d) }))}
          />
          <Bouton>Se connecter au nom de l’usager</Bouton>
        </form>
      )}
    </>
  )
}

export function ChoixIdentitePage(p: {
  csrf: string
  uid: string
  identites: readonly { sub: string; given_name: string; family_name: string; birthdate: string }[]
}) {
  return (
    <>
      <h1>FranceConnect — simulateur de démonstration</h1>
      <div class="fr-alert fr-alert--info fr-mb-3w">
        <p>
          Ce simulateur joue FranceConnect avec des personnes fictives. Il n’existe qu’en démonstration et
          dans les tests.
        </p>
      </div>
      <form method="post" action={`/simulateurs/franceconnect/interaction/${p.uid}`}>
        <Csrf jeton={p.csrf} />
        <GroupeOptions
          type="radio"
          nom="identite"
          legende="Se connecter en tant que"
          requis
          options={p.identites.map((i) => ({
            valeur: i.sub,
            libelle: `${i.given_name} ${i.family_name}, né·e le ${dateFr(i.birthdate)}`,
          }))}
        />
        <Bouton>Continuer sur le service</Bouton>
      </form>
    </>
  )
}
