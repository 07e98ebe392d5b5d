import Html from '@kitajs/html'
import { Bouton, GroupeBoutons, GroupeChamps, LienBouton } from '../../../platform/layout/boutons'
import { LibelleChamp } from '../../../platform/layout/champs'
import { Csrf, EtatVide, Pagination, Tableau, urlAvecPage } from '../../../platform/layout/components'
import type { Activite } from '../domain/activite'
import { libelle, type Option, THEMES, TYPES } from '../domain/vocabulaire'
import { moisLong } from './graphiques'

const t = (s: string) => <>{Html.escapeHtml(s)}</>
const dateFr = (d: string) => d.split('-').reverse().join('/')
const duree = (m: number) => (m < 60 ? `${m} min` : `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60}` : ''}`)

export function resumeActivite(a: Activite): string {
  const qui = a.type === 'collectif' ? `${a.participants} participant${a.participants > 1 ? 's' : ''}` : ''
  return [a.titre ?? '', a.themes.map((x) => libelle('theme', x)).join(', '), qui].filter(Boolean).join(' — ')
}

function Filtre(p: { nom: string; libelle: string; options: readonly Option[]; valeur: string | undefined }) {
  return (
    <div class="fr-select-group">
      <label class="fr-label" for={p.nom} safe>
        {p.libelle}
      </label>
      <select class="fr-select" id={p.nom} name={p.nom}>
        <option value="">Tous</option>
        {p.options.map((o) => (
          <option value={o.valeur} selected={o.valeur === p.valeur} safe>
            {o.libelle}
          </option>
        ))}
      </select>
    </div>
  )
}

export function ListePage(p: {
  csrf: string
  activites: readonly (Activite & { modifiable: boolean })[]
  total: number
  page: number
  pages: number
  filtres: Record<string, string | undefined>
}) {
  return (
    <>
      <h1>Mes activités</h1>
      <GroupeBoutons enLigne="md">
        <LienBouton icone="fr-icon-add-line" href="/activites/nouvelle">
          Enregistrer une activité
        </LienBouton>
        <LienBouton variante="secondaire" href="/activites/calendrier">
          Calendrier
        </LienBouton>
        <LienBouton variante="secondaire" href="/activites/beneficiaires">
          Personnes suivies
        </LienBouton>
        <LienBouton variante="tertiaire" href="/activites/export.csv">
          Exporter mes activités (CSV)
        </LienBouton>
      </GroupeBoutons>
      <form method="get" action="/activites" class="fr-mb-3w">
        <GroupeChamps id="filtres-activites" legende="Filtrer" enLigne>
          <Filtre nom="type" libelle="Type" options={TYPES} valeur={p.filtres.type} />
          <Filtre nom="theme" libelle="Thème" options={THEMES} valeur={p.filtres.theme} />
          {(['du', 'au'] as const).map((c) => (
            <div class="fr-input-group">
              <LibelleChamp nom={`filtre-${c}`} libelle={c === 'du' ? 'Depuis le' : 'Jusqu’au'} />
              <input class="fr-input" type="date" id={`filtre-${c}`} name={c} value={p.filtres[c] ?? ''} />
            </div>
          ))}
          <Bouton variante="secondaire">Filtrer</Bouton>
        </GroupeChamps>
      </form>
      {p.activites.length === 0 ? (
        <EtatVide titre="Aucune activité pour ces critères.">
          <p class="fr-callout__text">Enregistrez votre première activité : cela prend moins d’une minute.</p>
        </EtatVide>
      ) : (
        <>
          <p safe>{`${p.total} activité${p.total > 1 ? 's' : ''}`}</p>
          <Tableau
            legende="Mes activités, les plus récentes d’abord"
            entetes={['Date', 'Type', 'Durée', 'Détail', 'Actions']}
            lignes={p.activites.map((a) => [
              t(dateFr(a.date)),
              t(libelle('type', a.type)),
              t(duree(a.duree)),
              t(resumeActivite(a)),
              <GroupeBoutons taille="sm" enLigne="toujours">
                <LienBouton variante="secondaire" taille="sm" href={`/activites/${a.id}/dupliquer`}>
                  Dupliquer<span class="fr-sr-only" safe>{` l’activité du ${dateFr(a.date)}`}</span>
                </LienBouton>
                {a.modifiable
                  ? [
                      <LienBouton variante="secondaire" taille="sm" href={`/activites/${a.id}/modifier`}>
                        Modifier<span class="fr-sr-only" safe>{` l’activité du ${dateFr(a.date)}`}</span>
                      </LienBouton>,
                      <form method="post" action={`/activites/${a.id}/supprimer`}>
                        <Csrf jeton={p.csrf} />
                        <Bouton variante="tertiaire" taille="sm">
                          Supprimer<span class="fr-sr-only" safe>{` l’activité du ${dateFr(a.date)}`}</span>
                        </Bouton>
                      </form>,
                    ]
                  : []}
              </GroupeBoutons>,
            ])}
          />
          <Pagination page={p.page} pages={p.pages} url={(n) => urlAvecPage('/activites', p.filtres, n)} />
        </>
      )}
    </>
  )
}

const JOURS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']

/** A month as a table of weeks: readable by screen readers, no script. */
export function CalendrierPage(p: {
  mois: string
  precedent: string
  suivant: string
  activites: readonly Activite[]
}) {
  const [a, m] = p.mois.split('-').map(Number) as [number, number]
  const premier = new Date(Date.UTC(a, m - 1, 1))
  const jours = new Date(Date.UTC(a, m, 0)).getUTCDate()
  const decalage = (premier.getUTCDay() + 6) % 7
  const cases: (number | null)[] = [
    ...Array(decalage).fill(null),
    ...Array.from({ length: jours }, (_, i) => i + 1),
  ]
  while (cases.length % 7) cases.push(null)
  const semaines = Array.from({ length: cases.length / 7 }, (_, i) => cases.slice(i * 7, i * 7 + 7))
  const duJour = (j: number) => p.activites.filter((x) => Number(x.date.slice(8, 10)) === j)
  return (
    <>
      <h1 safe>{`Calendrier — ${moisLong(p.mois)}`}</h1>
      <GroupeBoutons enLigne="toujours" taille="sm">
        <LienBouton variante="secondaire" taille="sm" href={`/activites/calendrier?mois=${p.precedent}`}>
          {Html.escapeHtml(`Mois précédent (${moisLong(p.precedent)})`)}
        </LienBouton>
        <LienBouton variante="secondaire" taille="sm" href={`/activites/calendrier?mois=${p.suivant}`}>
          {Html.escapeHtml(`Mois suivant (${moisLong(p.suivant)})`)}
        </LienBouton>
      </GroupeBoutons>
      <div class="fr-table fr-table--bordered fr-table--no-scroll">
        <div class="fr-table__wrapper">
          <div class="fr-table__container">
            <div class="fr-table__content">
              <table>
                <caption safe>{`Mes activités de ${moisLong(p.mois)}, par jour`}</caption>
                <thead>
                  <tr>
                    {JOURS.map((j) => (
                      <th scope="col" safe>
                        {j}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {semaines.map((s) => (
                    <tr>
                      {s.map((j) =>
                        j === null ? (
                          <td />
                        ) : (
                          <td>
                            <p class="fr-text--bold fr-mb-1v" safe>
                              {String(j)}
                            </p>
                            {duJour(j).length > 0 ? (
                              <ul class="fr-raw-list fr-text--xs">
                                {duJour(j).map((x) => (
                                  <li>
                                    <a href={`/activites/${x.id}/dupliquer`} safe>
                                      {`${libelle('type', x.type)}${x.titre ? ` : ${x.titre}` : ''}`}
                                    </a>
                                  </li>
                                ))}
                              </ul>
                            ) : (
                              ''
                            )}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
    </>
  )
}
