import { Csrf, EtatVide } from '../../../platform/layout/components'
import { type Demarche, titreDemarche } from '../domain/demarches'

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
          <fieldset class="fr-fieldset" aria-labelledby="usager-legende">
            <legend class="fr-fieldset__legend" id="usager-legende">
              Pour quel usager ?
            </legend>
            {p.usagers.map((u) => (
              <div class="fr-fieldset__element">
                <div class="fr-radio-group">
                  <input type="radio" id={`usager-${u.id}`} name="usager" value={u.id} required />
                  <label class="fr-label" for={`usager-${u.id}`} safe>
                    {`${u.prenoms} ${u.nom} (né·e le ${u.dateNaissance})`}
                  </label>
                </div>
              </div>
            ))}
          </fieldset>
          <button class="fr-btn" type="submit">
            Continuer
          </button>
        </form>
      )}
      <form method="post" action={`/aidants/connexion-demarche/${p.uid}/abandonner`} class="fr-mt-3w">
        <Csrf jeton={p.csrf} />
        <button class="fr-btn fr-btn--tertiary" type="submit">
          Annuler et revenir au service
        </button>
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
          <fieldset class="fr-fieldset" aria-labelledby="demarche-legende">
            <legend class="fr-fieldset__legend" id="demarche-legende">
              Quelle démarche ?
            </legend>
            {p.demarches.map((d) => (
              <div class="fr-fieldset__element">
                <div class="fr-radio-group">
                  <input type="radio" id={`demarche-${d}`} name="demarche" value={d} required />
                  <label class="fr-label" for={`demarche-${d}`} safe>
                    {titreDemarche(d)}
                  </label>
                </div>
              </div>
            ))}
          </fieldset>
          <button class="fr-btn" type="submit">
            Se connecter au nom de l’usager
          </button>
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
        <fieldset class="fr-fieldset" aria-labelledby="identite-legende">
          <legend class="fr-fieldset__legend" id="identite-legende">
            Se connecter en tant que
          </legend>
          {p.identites.map((i) => (
            <div class="fr-fieldset__element">
              <div class="fr-radio-group">
                <input type="radio" id={`identite-${i.sub}`} name="identite" value={i.sub} required />
                <label class="fr-label" for={`identite-${i.sub}`} safe>
                  {`${i.given_name} ${i.family_name}, né·e le ${i.birthdate}`}
                </label>
              </div>
            </div>
          ))}
        </fieldset>
        <button class="fr-btn" type="submit">
          Continuer sur le service
        </button>
      </form>
    </>
  )
}
