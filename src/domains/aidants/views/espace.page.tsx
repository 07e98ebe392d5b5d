import { Bouton, LienBouton } from '../../../platform/layout/boutons'
import { ChoixListe, Csrf, EtatVide, ResumeErreurs, Tableau } from '../../../platform/layout/components'
import { dateFr, FormulaireCode } from './commun'

export function EspaceAidantPage(p: {
  csrf: string
  organisation: { id: string; nom: string }
  organisations: readonly { id: string; nom: string }[]
  usagers: readonly { id: string; prenoms: string; nom: string; dateNaissance: string; actives: number }[]
}) {
  return (
    <>
      <h1>Mes usagers</h1>
      <div class="fr-callout fr-mb-3w">
        <p class="fr-callout__title">
          Vous agissez pour : <span safe>{p.organisation.nom}</span>
        </p>
        {p.organisations.length > 1 ? (
          <form method="post" action="/aidants/organisation-courante" class="fr-mt-2w">
            <Csrf jeton={p.csrf} />
            <ChoixListe
              nom="organisation"
              libelle="Changer de structure"
              options={p.organisations.map((o) => ({ valeur: o.id, libelle: o.nom }))}
              valeur={p.organisation.id}
            />
            <Bouton variante="secondaire" taille="sm">
              Changer de structure
            </Bouton>
          </form>
        ) : (
          ''
        )}
      </div>
      <p>
        <LienBouton icone="fr-icon-add-line" href="/aidants/mandats/nouveau">
          Créer un mandat
        </LienBouton>
      </p>
      {p.usagers.length === 0 ? (
        <EtatVide titre="Aucun usager pour l’instant">
          <p>Créez un premier mandat avec une personne identifiée par FranceConnect.</p>
        </EtatVide>
      ) : (
        <Tableau
          legende="Usagers ayant un mandat avec la structure"
          entetes={['Nom', 'Date de naissance', 'Démarches actives']}
          lignes={p.usagers.map((u) => [
            <a href={`/aidants/usagers/${u.id}`} safe>
              {`${u.prenoms} ${u.nom}`}
            </a>,
            <span safe>{dateFr(u.dateNaissance)}</span>,
            <span safe>{String(u.actives)}</span>,
          ])}
        />
      )}
    </>
  )
}

export function CodePage(p: { csrf: string; action: string; titre: string; texte: string; erreur?: string }) {
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        <h1 safe>{p.titre}</h1>
        <p safe>{p.texte}</p>
        <ResumeErreurs erreurs={{ code: p.erreur }} />
        <FormulaireCode
          csrf={p.csrf}
          action={p.action}
          erreur={p.erreur}
          autocomplete="one-time-code"
          bouton="Valider"
        />
      </div>
    </div>
  )
}
