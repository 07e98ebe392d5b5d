import Html from '@kitajs/html'
import type { Role } from '../auth/roles'
import type { Utilisateur } from '../auth/utilisateur'
import { GroupeBoutons, LienBouton } from './boutons'
import { Badge } from './champs'

/**
 * The home of a signed-in professional is made of blocks, one or more per domain and role. Each
 * domain builds its blocks as these view models (figures already counted, dates as ISO days); this
 * file only lays them out, so every role's home reads the same way.
 */
export interface ChiffreBloc {
  valeur: number
  /** Singular and plural: « activité » / « activités » (0 and 1 take the singular in French). */
  libelle: readonly [string, string]
}

export interface LigneBloc {
  texte: string
  href?: string
  /** A second line, in small print (« Atelier collectif · 45 min »). */
  detail?: string
  /** An ISO day shown in words (« 3 décembre 2026 »). */
  date?: string
  badge?: { texte: string; type?: 'success' | 'error' | 'info' | 'warning' | 'new' }
}

export interface ActionBloc {
  libelle: string
  href: string
  /** The one thing to do first: a large primary button. */
  principale?: boolean
  /** A DSFR icon that says what the action does (`fr-icon-add-line` for « Enregistrer… »). */
  icone?: string
}

export interface BlocTableauDeBord {
  /** The role the block serves: the home shows blocks in the order of the person's roles. */
  role: Role
  /** Order among the blocks of one role. */
  ordre: number
  /** Stable anchor (`tdb-activites-conseiller`), also what tests look for. */
  id: string
  titre: string
  /** A deadline: « <libelle> 3 mars 2026 (dans 3 jours) » (the libelle ends with « avant le »). */
  echeance?: { libelle: string; date: string }
  actions?: readonly ActionBloc[]
  chiffres?: readonly ChiffreBloc[]
  liste?: { titre: string; lignes: readonly LigneBloc[]; vide: string }
  /** A sentence when there is nothing to count yet or nothing to do. */
  message?: string
}

/** What a domain hands to the home: its blocks for this person now (none when no role of theirs). */
export type SourceTableauDeBord = (u: Utilisateur, maintenant: Date) => Promise<BlocTableauDeBord[]>

const MOIS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
]

/** « 3 décembre 2026 » from `2026-12-03` (a calendar day: no time zone involved). */
export function jourEnLettres(iso: string): string {
  const [a, m, j] = iso.slice(0, 10).split('-').map(Number)
  return `${j === 1 ? '1er' : j} ${MOIS[(m ?? 1) - 1]} ${a}`
}

/** « août 2026 » from `2026-08`. */
export function moisEnLettres(mois: string): string {
  const [a, m] = mois.split('-').map(Number)
  return `${MOIS[(m ?? 1) - 1]} ${a}`
}

/** The word for a count: « 1 activité », « 0 activité », « 2 activités ». */
export const accorder = (n: number, [un, plusieurs]: readonly [string, string]) =>
  Math.abs(n) < 2 ? un : plusieurs

/** The calendar day in Paris of an instant, as `YYYY-MM-DD`. */
export function jourAParis(d: Date): string {
  return d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' })
}

/** How far a day is from today, in words: « aujourd’hui », « demain », « dans 3 jours », « il y a 2 jours ». */
export function ecartEnJours(iso: string, aujourdhui: string): string {
  const jours = Math.round((Date.parse(iso.slice(0, 10)) - Date.parse(aujourdhui)) / 86_400_000)
  if (jours === 0) return 'aujourd’hui'
  if (jours === 1) return 'demain'
  if (jours === -1) return 'hier'
  return jours > 0 ? `dans ${jours} jours` : `il y a ${-jours} jours`
}

export function BlocsTableauDeBord({
  blocs,
  aujourdhui,
}: {
  blocs: readonly BlocTableauDeBord[]
  aujourdhui: string
}) {
  return (
    <div>
      {blocs.map((b) => (
        <Bloc bloc={b} aujourdhui={aujourdhui} />
      ))}
    </div>
  )
}

function Bloc({ bloc, aujourdhui }: { bloc: BlocTableauDeBord; aujourdhui: string }) {
  const titreId = `${bloc.id}-titre`
  return (
    <section class="fr-mt-4w" id={bloc.id} aria-labelledby={titreId}>
      <h2 class="fr-h4 fr-mb-2w" id={titreId} safe>
        {bloc.titre}
      </h2>
      {bloc.echeance ? (
        <p class="fr-mb-2w">
          {Html.escapeHtml(bloc.echeance.libelle)} <strong safe>{jourEnLettres(bloc.echeance.date)}</strong>{' '}
          <span safe>({ecartEnJours(bloc.echeance.date, aujourdhui)})</span>
        </p>
      ) : (
        ''
      )}
      {bloc.message ? (
        <p class="fr-mb-2w" safe>
          {bloc.message}
        </p>
      ) : (
        ''
      )}
      {bloc.actions?.length ? <Actions actions={bloc.actions} /> : ''}
      {bloc.chiffres?.length ? <Chiffres chiffres={bloc.chiffres} /> : ''}
      {bloc.liste ? <Liste {...bloc.liste} /> : ''}
    </section>
  )
}

/**
 * The main action stands alone, large and labelled; the others follow as a group.
 */
function Actions({ actions }: { actions: readonly ActionBloc[] }) {
  const principale = actions.find((a) => a.principale)
  const autres = actions.filter((a) => a !== principale)
  return (
    <>
      {principale ? (
        <p class="fr-mb-2w">
          <LienBouton
            href={principale.href}
            taille="lg"
            {...(principale.icone ? { icone: principale.icone } : {})}
          >
            {Html.escapeHtml(principale.libelle)}
          </LienBouton>
        </p>
      ) : (
        ''
      )}
      {autres.length ? (
        <GroupeBoutons enLigne="md">
          {autres.map((a) => (
            <LienBouton href={a.href} variante="secondaire" {...(a.icone ? { icone: a.icone } : {})}>
              {Html.escapeHtml(a.libelle)}
            </LienBouton>
          ))}
        </GroupeBoutons>
      ) : (
        ''
      )}
    </>
  )
}

/** Key figures side by side: two per row on a phone, four from the medium breakpoint. */
function Chiffres({ chiffres }: { chiffres: readonly ChiffreBloc[] }) {
  return (
    <ul class="fr-grid-row fr-grid-row--gutters fr-mb-2w fr-raw-list">
      {chiffres.map((c) => (
        <li class="fr-col-6 fr-col-md-3">
          <p class="fr-h3 fr-mb-0" safe>
            {c.valeur.toLocaleString('fr-FR')}
          </p>
          <p class="fr-text--sm fr-mb-0" safe>
            {accorder(c.valeur, c.libelle)}
          </p>
        </li>
      ))}
    </ul>
  )
}

function Liste({ titre, lignes, vide }: NonNullable<BlocTableauDeBord['liste']>) {
  return (
    <>
      <h3 class="fr-h6 fr-mb-1w" safe>
        {titre}
      </h3>
      {lignes.length === 0 ? (
        <p class="fr-text--sm" safe>
          {vide}
        </p>
      ) : (
        <ul>
          {lignes.map((l) => (
            <li>
              {l.href ? (
                <a href={l.href} safe>
                  {l.texte}
                </a>
              ) : (
                <span safe>{l.texte}</span>
              )}
              {l.badge ? (
                <Badge texte={l.badge.texte} {...(l.badge.type ? { type: l.badge.type } : {})} />
              ) : (
                ''
              )}
              {l.detail || l.date ? (
                <span class="fr-hint-text" safe>
                  {[l.date ? jourEnLettres(l.date) : '', l.detail ?? ''].filter(Boolean).join(' · ')}
                </span>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
