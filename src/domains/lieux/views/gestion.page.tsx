import { dateLongue } from '../../../platform/http/dates'
import { Bouton, LienBouton } from '../../../platform/layout/boutons'
import { LibelleChamp } from '../../../platform/layout/champs'
import { EtatVide, Pagination, Tableau, urlAvecPage } from '../../../platform/layout/components'
import type { Lieu } from '../domain/lieu'

/** « 2 problèmes », « 1 problème », or a dash: the errors only, not the warnings. */
function aVerifier(l: Lieu): string {
  const n = l.problemes.filter((x) => x.gravite !== 'avertissement').length
  return n === 0 ? '—' : `${n} problème${n > 1 ? 's' : ''}`
}

export function GestionLieuxPage(p: {
  lieux: readonly Lieu[]
  total: number
  page: number
  pages: number
  q: string
  admin: boolean
}) {
  return (
    <>
      <h1 class="fr-mt-4w">{p.admin ? 'Lieux' : 'Les lieux de ma structure'}</h1>
      {p.admin ? (
        <p>
          <LienBouton variante="secondaire" href="/admin/lieux/import">
            Importer un fichier de lieux
          </LienBouton>{' '}
          <LienBouton variante="tertiaire" href="/api/v1/lieux/export?format=csv">
            Exporter au standard (CSV)
          </LienBouton>
        </p>
      ) : (
        ''
      )}
      <form method="get" action="/gestion/lieux" class="fr-mb-3w">
        <div class="fr-input-group">
          <LibelleChamp nom="q" libelle="Nom, commune ou code postal" />
          <input class="fr-input" type="search" id="q" name="q" value={p.q} maxlength={100} />
        </div>
        <Bouton>Filtrer</Bouton>
      </form>
      {p.lieux.length === 0 ? (
        <EtatVide
          titre={p.admin ? 'Aucun lieu ne correspond' : 'Aucun lieu n’est rattaché à votre structure'}
        >
          <p class="fr-callout__text">
            {p.admin
              ? 'Essayez une partie du nom.'
              : 'Demandez à l’équipe nationale de rattacher les lieux de votre structure.'}
          </p>
        </EtatVide>
      ) : (
        <>
          <Tableau
            legende={`${p.total} lieu${p.total > 1 ? 'x' : ''}`}
            entetes={['Lieu', 'Commune', 'Mise à jour', 'À vérifier']}
            lignes={p.lieux.map((l) => [
              <a href={`/lieux/${l.id}/modifier`} safe>
                {l.nom}
              </a>,
              <span safe>{`${l.codePostal} ${l.commune}`}</span>,
              <span safe>{dateLongue(l.dateMaj)}</span>,
              <span safe>{aVerifier(l)}</span>,
            ])}
          />
          <Pagination
            page={p.page}
            pages={p.pages}
            url={(n) => urlAvecPage('/gestion/lieux', { q: p.q }, n)}
          />
        </>
      )}
    </>
  )
}
