import { EtatVide, Tableau } from '../../../platform/layout/components'
import type { Lieu } from '../domain/lieu'
import { dateHeure } from './composants'

const valeurLisible = (v: unknown): string =>
  v === null || v === undefined || v === ''
    ? '(vide)'
    : Array.isArray(v)
      ? v.length
        ? v.join(', ')
        : '(vide)'
      : String(v)

export function HistoriquePage(p: {
  lieu: Lieu
  entrees: readonly {
    le: Date
    origine: string
    acteur: string
    changements: Record<string, { avant: unknown; apres: unknown }>
  }[]
}) {
  return (
    <>
      <h1 class="fr-mt-4w" safe>{`Historique de « ${p.lieu.nom} »`}</h1>
      {p.entrees.length === 0 ? (
        <EtatVide titre="Aucune modification enregistrée" />
      ) : (
        <Tableau
          legende="Modifications, de la plus récente à la plus ancienne"
          entetes={['Date', 'Par', 'Changements']}
          lignes={p.entrees.map((e) => [
            <span safe>{dateHeure(e.le)}</span>,
            <span safe>{`${e.acteur} (${e.origine})`}</span>,
            Object.keys(e.changements).length === 0 ? (
              <span>Création</span>
            ) : (
              <ul>
                {Object.entries(e.changements).map(([champ, c]) => (
                  <li safe>{`${champ} : ${valeurLisible(c.avant)} → ${valeurLisible(c.apres)}`}</li>
                ))}
              </ul>
            ),
          ])}
        />
      )}
      <p>
        <a class="fr-link" href={`/lieux/${p.lieu.id}/modifier`}>
          Retour au formulaire
        </a>
      </p>
    </>
  )
}
