import Html from '@kitajs/html'
import { departement } from '../../../platform/geo/territoires'
import { Bouton, GroupeBoutons, GroupeChamps, LienBouton } from '../../../platform/layout/boutons'
import { decritPar, ErreurChamp, LibelleChamp } from '../../../platform/layout/champs'
import { ChoixListe, ResumeErreurs, Tableau } from '../../../platform/layout/components'
import { masquer, masquerRepartition, SEUIL_K_ANONYMAT } from '../domain/k-anonymat'
import { heures, type Periode, TITRES_REPARTITIONS } from '../domain/statistiques'
import type { StatistiquesTerritoire } from '../use-cases/lire-statistiques'
import { BarresHorizontales, CarteDepartements, HistogrammeMensuel, moisLong, nombre } from './graphiques'

type N = number | null

export interface VueStatistiques {
  periode: Periode
  totaux: { libelle: string; valeur: N; aide?: string }[]
  serie: { mois: string; activites: N; personnes: N; heures: N }[]
  repartitions: {
    dimension: string
    titre: string
    mesure: 'personnes' | 'activites'
    cellules: { valeur: string; libelle: string; activites: N; personnes: N; heures: N }[]
  }[]
  departements: { code: string; nom: string; activites: N; personnes: N; heures: N }[]
  masquee: boolean
}

/** Figures as shown; with `publique`, small counts are hidden (k-anonymity, see domain/k-anonymat.ts). */
export function vueStatistiques(s: StatistiquesTerritoire, publique: boolean): VueStatistiques {
  const m = publique ? masquer : (n: number) => n
  const t = s.totaux
  return {
    periode: s.periode,
    masquee: publique,
    totaux: [
      {
        libelle: 'Personnes accompagnées',
        valeur: m(t.personnes),
        aide: 'une personne par accompagnement, chaque participant d’un atelier',
      },
      {
        libelle: 'Bénéficiaires distincts',
        valeur: m(t.beneficiaires),
        aide: 'une personne suivie compte une fois par mois',
      },
      { libelle: 'Accompagnements individuels et aides ponctuelles', valeur: m(t.accompagnements) },
      { libelle: 'Ateliers collectifs', valeur: m(t.ateliers) },
      { libelle: 'Participants aux ateliers', valeur: m(t.participants) },
      {
        libelle: 'Heures d’accompagnement',
        valeur: publique && t.activites < SEUIL_K_ANONYMAT && t.activites > 0 ? null : t.heures,
      },
    ],
    serie: s.serie.map((x) => ({
      mois: x.mois,
      activites: m(x.activites),
      personnes: m(x.personnes),
      heures: publique && masquer(x.activites) === null ? null : x.heures,
    })),
    repartitions: Object.entries(s.repartitions).map(([dimension, cellules]) => {
      const mesure =
        dimension === 'age' || dimension === 'situation' ? ('personnes' as const) : ('activites' as const)
      const pers = publique
        ? masquerRepartition(cellules.map((c) => ({ valeur: c.valeur, n: c.personnes })))
        : undefined
      const act = publique
        ? masquerRepartition(cellules.map((c) => ({ valeur: c.valeur, n: c.activites })))
        : undefined
      return {
        dimension,
        titre: TITRES_REPARTITIONS[dimension as keyof typeof TITRES_REPARTITIONS],
        mesure,
        cellules: cellules.map((c, i) => ({
          valeur: c.valeur,
          libelle: c.libelle,
          personnes: pers ? (pers[i]?.publie ?? null) : c.personnes,
          activites: act ? (act[i]?.publie ?? null) : c.activites,
          heures: act && act[i]?.publie === null ? null : heures(c.minutes),
        })),
      }
    }),
    departements: s.departements.map((d) => ({
      code: d.code,
      nom: d.code === '' ? 'Département non renseigné' : (departement(d.code)?.nom ?? d.code),
      activites: m(d.activites),
      personnes: m(d.personnes),
      heures: publique && masquer(d.activites) === null ? null : d.heures,
    })),
  }
}

const n = (v: N) => <>{Html.escapeHtml(nombre(v))}</>

/** Key figures, one callout each. */
function ChiffresCles({ v }: { v: VueStatistiques }) {
  return (
    <>
      <h2 class="fr-h4 fr-mt-4w">Chiffres clés</h2>
      <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list" aria-label="Chiffres clés">
        {v.totaux.map((t) => (
          <li class="fr-col-12 fr-col-sm-6 fr-col-md-4">
            <div class="fr-callout fr-p-3w">
              <p class="fr-h3 fr-mb-1v" safe>
                {nombre(t.valeur)}
              </p>
              <p class="fr-mb-0" safe>
                {t.libelle}
              </p>
              {t.aide ? (
                <p class="fr-hint-text fr-mb-0" safe>
                  {t.aide}
                </p>
              ) : (
                ''
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}

/**
 * A chart's figures as a table, folded under « Voir les données » (`<details>`, no script needed):
 * the page shows the charts one after the other instead of each chart and its table, but every
 * figure stays one key away for whoever cannot read a chart.
 */
function DonneesRepliees(p: { titre: string; children: Html.Children }) {
  return (
    <details class="escale-donnees fr-mt-2w">
      <summary
        class="fr-link"
        safe
      >{`Voir les données : ${p.titre.charAt(0).toLowerCase()}${p.titre.slice(1)}`}</summary>
      {p.children}
    </details>
  )
}

/** Month by month: a histogram, then the same figures as a table. */
function Evolution({ v }: { v: VueStatistiques }) {
  return (
    <>
      <h2 class="fr-h4 fr-mt-4w" id="evolution">
        Évolution mois par mois
      </h2>
      <HistogrammeMensuel
        titre="Personnes accompagnées par mois"
        points={v.serie.map((x) => ({ mois: x.mois, valeur: x.personnes }))}
      />
      <DonneesRepliees titre="Activités, personnes accompagnées et heures par mois">
        <Tableau
          legende="Activités, personnes accompagnées et heures par mois"
          entetes={['Mois', 'Activités', 'Personnes accompagnées', 'Heures']}
          lignes={v.serie.map((x) => [
            Html.escapeHtml(moisLong(x.mois)),
            n(x.activites),
            n(x.personnes),
            n(x.heures),
          ])}
        />
      </DonneesRepliees>
    </>
  )
}

/** By département: a map, then the same figures as a table (absent when no activity has one). */
function Departements({ v }: { v: VueStatistiques }) {
  if (v.departements.length === 0) return ''
  return (
    <>
      <h2 class="fr-h4 fr-mt-4w" id="carte">
        Carte par département
      </h2>
      <CarteDepartements
        titre="Personnes accompagnées par département"
        valeurs={new Map(v.departements.map((d) => [d.code, d.personnes]))}
      />
      <DonneesRepliees titre="Activités et personnes accompagnées par département">
        <Tableau
          legende="Activités et personnes accompagnées par département"
          entetes={['Département', 'Activités', 'Personnes accompagnées', 'Heures']}
          lignes={v.departements.map((d) => [
            Html.escapeHtml(`${d.code} ${d.nom}`),
            n(d.activites),
            n(d.personnes),
            n(d.heures),
          ])}
        />
      </DonneesRepliees>
    </>
  )
}

/** Breakdowns by theme, equipment, age…: bars, then a table each. */
function Repartitions({ v }: { v: VueStatistiques }) {
  return (
    <>
      <h2 class="fr-h4 fr-mt-4w">Répartitions</h2>
      <p class="fr-text--sm">
        Une activité peut porter sur plusieurs thèmes et plusieurs matériels : ces répartitions ne totalisent
        pas 100 %.
      </p>
      {v.repartitions.map((r) => (
        <section class="fr-mt-3w" aria-labelledby={`repartition-${r.dimension}`}>
          <h3 class="fr-h5" id={`repartition-${r.dimension}`} safe>
            {r.titre}
          </h3>
          <BarresHorizontales
            titre={r.titre}
            unite={r.mesure === 'personnes' ? 'personnes' : 'activités'}
            barres={r.cellules.map((c) => ({
              libelle: c.libelle,
              valeur: r.mesure === 'personnes' ? c.personnes : c.activites,
            }))}
          />
          <DonneesRepliees titre={r.titre}>
            <Tableau
              legende={r.titre}
              entetes={
                r.mesure === 'personnes'
                  ? ['Valeur', 'Personnes']
                  : ['Valeur', 'Activités', 'Personnes accompagnées', 'Heures']
              }
              lignes={r.cellules.map((c) =>
                r.mesure === 'personnes'
                  ? [Html.escapeHtml(c.libelle), n(c.personnes)]
                  : [Html.escapeHtml(c.libelle), n(c.activites), n(c.personnes), n(c.heures)],
              )}
            />
          </DonneesRepliees>
        </section>
      ))}
    </>
  )
}

/** The charts after the key figures, each with its figures folded. */
export function FiguresStatistiques({ v }: { v: VueStatistiques }) {
  return (
    <>
      <Evolution v={v} />
      <Departements v={v} />
      <Repartitions v={v} />
    </>
  )
}

export interface OptionTerritoire {
  valeur: string
  libelle: string
}

/** A month field (`type="month"`, which `Champ` has not), typed as AAAA-MM where the browser has no picker. */
function ChampMois(p: { nom: 'du' | 'au'; valeur: string; erreur: string | undefined }) {
  const champ = { nom: p.nom, aide: 'Format : AAAA-MM', erreur: p.erreur }
  return (
    <div class={`fr-input-group${p.erreur ? ' fr-input-group--error' : ''}`}>
      <LibelleChamp {...champ} libelle={p.nom === 'du' ? 'Du mois' : 'Au mois'} />
      <input
        class="fr-input"
        type="month"
        id={p.nom}
        name={p.nom}
        value={p.valeur}
        pattern="\d{4}-\d{2}"
        aria-invalid={p.erreur ? 'true' : undefined}
        aria-describedby={decritPar(champ)}
      />
      <ErreurChamp nom={p.nom} erreur={p.erreur} />
    </div>
  )
}

export function FiltresStatistiques(p: {
  action: string
  territoires: readonly OptionTerritoire[]
  territoire: string
  periode: Periode
  erreurs?: Record<string, string>
}) {
  return (
    <form method="get" action={p.action} class="fr-mb-4w">
      {/* A refused filter puts the focus on this summary (`autofocus`), as every other form does. */}
      <ResumeErreurs erreurs={p.erreurs ?? {}} />
      {p.territoires.length > 1 ? '' : <input type="hidden" name="territoire" value={p.territoire} />}
      <GroupeChamps id="filtres" legende="Territoire et période" enLigne>
        {p.territoires.length > 1
          ? [
              <ChoixListe
                nom="territoire"
                libelle="Territoire"
                options={p.territoires}
                valeur={p.territoire}
                erreur={p.erreurs?.territoire}
              />,
            ]
          : []}
        {(['du', 'au'] as const).map((champ) => (
          <ChampMois nom={champ} valeur={p.periode[champ]} erreur={p.erreurs?.[champ]} />
        ))}
        <Bouton>Afficher</Bouton>
      </GroupeChamps>
    </form>
  )
}

/** Said above the figures when small numbers are hidden. */
function SecretStatistique(p: { v: VueStatistiques }) {
  return p.v.masquee ? (
    <div class="fr-notice fr-notice--info fr-mb-3w">
      <div class="fr-container">
        <div class="fr-notice__body">
          <p class="fr-notice__title">
            {`Secret statistique : les nombres entre 1 et ${SEUIL_K_ANONYMAT - 1} sont remplacés par « secret », pour qu’aucune personne ne puisse être reconnue.`}
          </p>
        </div>
      </div>
    </div>
  ) : (
    ''
  )
}

export function StatistiquesPage(p: {
  titre: string
  action: string
  territoires: readonly OptionTerritoire[]
  territoire: string
  v: VueStatistiques
  erreurs?: Record<string, string>
  exports?: { csv: string; xlsx: string }
}) {
  return (
    <>
      <h1 safe>{p.titre}</h1>
      <p safe>{`Du ${moisLong(p.v.periode.du)} au ${moisLong(p.v.periode.au)} inclus.`}</p>
      <SecretStatistique v={p.v} />
      <ChiffresCles v={p.v} />
      <FiltresStatistiques
        action={p.action}
        territoires={p.territoires}
        territoire={p.territoire}
        periode={p.v.periode}
        {...(p.erreurs ? { erreurs: p.erreurs } : {})}
      />
      {p.exports ? (
        <GroupeBoutons enLigne="md" taille="sm">
          <LienBouton variante="secondaire" href={p.exports.csv}>
            Télécharger en CSV
          </LienBouton>
          <LienBouton variante="secondaire" href={p.exports.xlsx}>
            Télécharger en tableur (XLSX)
          </LienBouton>
        </GroupeBoutons>
      ) : (
        ''
      )}
      <FiguresStatistiques v={p.v} />
    </>
  )
}
