import { Bouton } from '../../../platform/layout/boutons'
import { decritPar, ErreurChamp, LibelleChamp } from '../../../platform/layout/champs'
import { Csrf, EtatVide, ResumeErreurs } from '../../../platform/layout/components'
import { COMPETENCES, COMPETENCES_DETAIL, type CompetenceId, niveauxDe } from '../domain/contenu'
import { type BeneficiaireVue, dateCourte, type PassationVue } from './modeles'

export function BeneficiairesPage(p: {
  beneficiaires: readonly { id: string; reference: string; dernierDiagnosticLe: Date; diagnostics: number }[]
}) {
  return (
    <>
      <h1 class="fr-mt-4w">Dossiers bénéficiaires</h1>
      <p>Les diagnostics gardés avec l’accord des personnes, sous une référence pseudonyme.</p>
      {p.beneficiaires.length === 0 ? (
        <EtatVide titre="Aucun dossier">
          <p class="fr-callout__text">Gardez un diagnostic terminé depuis sa page pour créer un dossier.</p>
        </EtatVide>
      ) : (
        <ul>
          {p.beneficiaires.map((b) => (
            <li>
              <a href={`/diagnostic/beneficiaires/${b.id}`} safe>
                {b.reference}
              </a>
              <span
                safe
              >{` — ${b.diagnostics} diagnostic${b.diagnostics > 1 ? 's' : ''}, le dernier le ${dateCourte(b.dernierDiagnosticLe)}`}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export function BeneficiairePage(p: {
  csrf: string
  beneficiaire: BeneficiaireVue
  historique: readonly { passation: PassationVue; niveaux: Record<CompetenceId, number> }[]
  erreurFiche?: string | undefined
  valeurFiche?: string | undefined
}) {
  const premier = p.historique[0]
  const dernier = p.historique[p.historique.length - 1]
  return (
    <>
      <h1 class="fr-mt-4w" safe>{`Dossier ${p.beneficiaire.reference}`}</h1>
      <div class="fr-table fr-table--no-scroll">
        <div class="fr-table__wrapper">
          <section
            class="fr-table__container"
            tabindex="0"
            aria-label="Progrès par compétence, d’un diagnostic à l’autre"
          >
            <div class="fr-table__content">
              <table>
                <caption>Progrès par compétence, d’un diagnostic à l’autre</caption>
                <thead>
                  <tr>
                    <th scope="col">Compétence</th>
                    {p.historique.map((h) => (
                      <th scope="col" safe>
                        {dateCourte(h.passation.commenceLe)}
                      </th>
                    ))}
                    <th scope="col">Progrès</th>
                  </tr>
                </thead>
                <tbody>
                  {COMPETENCES.map((c) => {
                    const ecart = premier && dernier ? dernier.niveaux[c] - premier.niveaux[c] : 0
                    return (
                      <tr>
                        <th scope="row" safe>
                          {COMPETENCES_DETAIL[c].libelle}
                        </th>
                        {p.historique.map((h) => (
                          <td safe>{`${h.niveaux[c]} / ${niveauxDe(c)}`}</td>
                        ))}
                        <td safe>{ecart > 0 ? `+${ecart}` : ecart === 0 ? '=' : String(ecart)}</td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      </div>
      <form method="post" action={`/diagnostic/beneficiaires/${p.beneficiaire.id}/retest`}>
        <Csrf jeton={p.csrf} />
        <Bouton icone="fr-icon-refresh-line">Refaire le diagnostic (nouveau code)</Bouton>
        <p class="fr-hint-text fr-mt-1w">Le résultat rejoindra ce dossier si la personne est d’accord.</p>
      </form>
      <p class="fr-mt-3w">
        {p.historique.map((h) => (
          <a class="fr-link fr-mr-2w" href={`/diagnostic/passations/${h.passation.id}`} safe>
            {`Diagnostic du ${dateCourte(h.passation.commenceLe)}`}
          </a>
        ))}
      </p>
      <FicheSuivi {...p} />
    </>
  )
}

/** The link to a follow-up file of « Mes activités » (activities domain), which then lists these results. */
function FicheSuivi(p: Parameters<typeof BeneficiairePage>[0]) {
  const fiche = p.beneficiaire.ficheSuiviId
  const action = `/diagnostic/beneficiaires/${p.beneficiaire.id}/fiche`
  const champFiche = {
    nom: 'fiche',
    aide: 'Ouvrez la fiche de la personne dans « Mes activités », copiez l’adresse de la page et collez-la ici. Ses diagnostics gardés y apparaîtront.',
    erreur: p.erreurFiche,
  }
  return (
    <section class="fr-mt-4w" aria-labelledby="titre-fiche">
      <h2 id="titre-fiche" class="fr-h5">
        Fiche de suivi dans « Mes activités »
      </h2>
      {fiche ? (
        <>
          <p>
            Ce dossier est rattaché à <a href={`/activites/beneficiaires/${fiche}`}>une fiche de suivi</a> :
            ses diagnostics y apparaissent.
          </p>
          <form method="post" action={action}>
            <Csrf jeton={p.csrf} />
            <input type="hidden" name="fiche" value="" />
            <Bouton variante="tertiaire" taille="sm">
              Détacher de la fiche de suivi
            </Bouton>
          </form>
        </>
      ) : (
        <form method="post" action={action} novalidate>
          <Csrf jeton={p.csrf} />
          {p.erreurFiche ? <ResumeErreurs erreurs={{ fiche: p.erreurFiche }} /> : ''}
          <div class={`fr-input-group${p.erreurFiche ? ' fr-input-group--error' : ''}`}>
            <LibelleChamp {...champFiche} libelle="Adresse de la fiche de suivi" />
            <input
              class={`fr-input${p.erreurFiche ? ' fr-input--error' : ''}`}
              id="fiche"
              name="fiche"
              value={p.valeurFiche ?? ''}
              autocomplete="off"
              spellcheck="false"
              aria-describedby={decritPar(champFiche)}
              aria-invalid={p.erreurFiche ? 'true' : undefined}
            />
            <ErreurChamp nom="fiche" erreur={p.erreurFiche} />
          </div>
          <Bouton variante="secondaire">Rattacher à cette fiche</Bouton>
        </form>
      )}
    </section>
  )
}
