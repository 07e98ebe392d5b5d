import type Html from '@kitajs/html'
import { aria, ErreurChamp, GroupeSaisie, type IdentiteChamp, LibelleChamp } from './champs'

/** DSFR building blocks shared by every page. Texts passed as strings are always escaped here. */

export interface ErreursFormulaire {
  [champ: string]: string | undefined
}

export function Csrf({ jeton }: { jeton: string }) {
  return <input type="hidden" name="_csrf" value={jeton} />
}

export function ResumeErreurs({ erreurs }: { erreurs: ErreursFormulaire }) {
  const liste = Object.entries(erreurs).filter((e): e is [string, string] => !!e[1])
  if (liste.length === 0) return ''
  return (
    // `autofocus` on a focusable element: the browser moves the focus here when the page loads,
    // without JavaScript; a keyboard or screen-reader user starts from the list of what to fix.
    // The page has no other `autofocus` (one per page), and `tabindex="-1"` is not a Tab stop.
    <div class="fr-alert fr-alert--error fr-mb-4w" role="alert" id="resume-erreurs" tabindex="-1" autofocus>
      <h2 class="fr-alert__title" safe>
        {liste.length === 1
          ? 'Le formulaire contient une erreur'
          : `Le formulaire contient ${liste.length} erreurs`}
      </h2>
      <ul>
        {liste.map(([champ, message]) => (
          <li>
            <a href={`#${champ}`} safe>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

interface ChampProps extends IdentiteChamp {
  libelle: string
  aide?: string
  erreur?: string | undefined
  valeur?: string | undefined
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'number' | 'search' | 'url'
  autocomplete?: string
  requis?: boolean
  inputmode?: 'numeric' | 'text' | 'email' | 'tel'
  pattern?: string
  maxlength?: number
}

export function Champ(p: ChampProps) {
  return (
    <GroupeSaisie {...p}>
      <input
        class={`fr-input${p.erreur ? ' fr-input--error' : ''}`}
        id={p.id ?? p.nom}
        name={p.nom}
        type={p.type ?? 'text'}
        value={p.valeur ?? ''}
        autocomplete={p.autocomplete}
        required={p.requis !== false}
        inputmode={p.inputmode}
        pattern={p.pattern}
        maxlength={p.maxlength}
        {...aria(p)}
      />
    </GroupeSaisie>
  )
}

export function ChoixListe(
  p: IdentiteChamp & {
    libelle: string
    options: readonly { valeur: string; libelle: string }[]
    valeur?: string | undefined
    /** A list where several options can be chosen (`multiple`): those selected. */
    valeurs?: readonly string[]
    multiple?: boolean
    erreur?: string | undefined
    aide?: string
    requis?: boolean
    videLibelle?: string
  },
) {
  const choisie = (v: string) => (p.multiple ? (p.valeurs ?? []).includes(v) : v === p.valeur)
  return (
    <div class={`fr-select-group${p.erreur ? ' fr-select-group--error' : ''}`}>
      {/* The libellé says « (facultatif) » itself where it applies (« Certification PIX (facultatif) »). */}
      <LibelleChamp {...p} requis={undefined} />
      <select
        class={`fr-select${p.erreur ? ' fr-select--error' : ''}`}
        id={p.id ?? p.nom}
        name={p.nom}
        // Typed as text for <select> by @kitajs/html: an empty value is the bare boolean attribute.
        multiple={p.multiple ? '' : undefined}
        required={p.requis !== false}
        {...aria(p)}
      >
        {p.videLibelle !== undefined ? (
          <option value="" safe>
            {p.videLibelle}
          </option>
        ) : (
          ''
        )}
        {p.options.map((o) => (
          <option value={o.valeur} selected={choisie(o.valeur)} safe>
            {o.libelle}
          </option>
        ))}
      </select>
      <ErreurChamp {...p} />
    </div>
  )
}

export type TypeAlerte = 'success' | 'error' | 'info' | 'warning'

export function Alerte({
  type,
  titre,
  children,
}: {
  type: TypeAlerte
  titre?: string
  children?: Html.Children
}) {
  return (
    <div
      class={`fr-alert fr-alert--${type}${titre ? '' : ' fr-alert--sm'} fr-mb-3w`}
      role={type === 'error' ? 'alert' : 'status'}
    >
      {titre ? (
        <h2 class="fr-alert__title" safe>
          {titre}
        </h2>
      ) : (
        ''
      )}
      {children}
    </div>
  )
}

export function EtatVide({ titre, children }: { titre: string; children?: Html.Children }) {
  return (
    <div class="fr-callout escale-vide">
      <p class="fr-callout__title" safe>
        {titre}
      </p>
      {children}
    </div>
  )
}

export interface Ariane {
  libelle: string
  href?: string
}

export function FilAriane({ chemin }: { chemin: readonly Ariane[] }) {
  if (chemin.length === 0) return ''
  return (
    <nav class="fr-breadcrumb" aria-label="vous êtes ici :">
      <ol class="fr-breadcrumb__list">
        <li>
          <a class="fr-breadcrumb__link" href="/">
            Accueil
          </a>
        </li>
        {chemin.map((e, i) =>
          i === chemin.length - 1 || !e.href ? (
            <li>
              <a class="fr-breadcrumb__link" aria-current="page" safe>
                {e.libelle}
              </a>
            </li>
          ) : (
            <li>
              <a class="fr-breadcrumb__link" href={e.href} safe>
                {e.libelle}
              </a>
            </li>
          ),
        )}
      </ol>
    </nav>
  )
}

export function Tableau(p: {
  legende: string
  entetes: readonly string[]
  lignes: readonly (readonly JSX.Element[])[]
}) {
  return (
    <div class="fr-table fr-table--no-scroll">
      <div class="fr-table__wrapper">
        {/* Scrolls on a narrow screen (escale.css): a named region (a labelled section) the keyboard can
            reach and scroll. */}
        <section class="fr-table__container" tabindex="0" aria-label={p.legende}>
          <div class="fr-table__content">
            <table>
              <caption safe>{p.legende}</caption>
              <thead>
                <tr>
                  {p.entetes.map((e) => (
                    <th scope="col" safe>
                      {e}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {p.lignes.map((l) => (
                  <tr>
                    {l.map((c) => (
                      <td>{c}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </div>
  )
}

/** Page links keep every other query parameter (filters) and only change `page`. */
export function Pagination(p: { page: number; pages: number; url: (page: number) => string }) {
  if (p.pages <= 1) return ''
  const voisines = [p.page - 1, p.page, p.page + 1].filter((n) => n >= 1 && n <= p.pages)
  const numeros = [...new Set([1, ...voisines, p.pages])].sort((a, b) => a - b)
  return (
    <nav class="fr-pagination fr-mt-3w" aria-label="Pagination">
      <ul class="fr-pagination__list">
        <li>
          {p.page > 1 ? (
            <a
              class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label"
              href={p.url(p.page - 1)}
            >
              Page précédente
            </a>
          ) : (
            <a
              class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label"
              aria-disabled="true"
              role="link"
            >
              Page précédente
            </a>
          )}
        </li>
        {numeros.map((n, i) => (
          <>
            {i > 0 && n - (numeros[i - 1] ?? n) > 1 ? (
              <li>
                <span class="fr-pagination__link fr-displayed-lg">…</span>
              </li>
            ) : (
              ''
            )}
            <li>
              {n === p.page ? (
                <a class="fr-pagination__link" aria-current="page" title={`Page ${n}`}>
                  {n}
                </a>
              ) : (
                <a class="fr-pagination__link" href={p.url(n)} title={`Page ${n}`}>
                  {n}
                </a>
              )}
            </li>
          </>
        ))}
        <li>
          {p.page < p.pages ? (
            <a
              class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"
              href={p.url(p.page + 1)}
            >
              Page suivante
            </a>
          ) : (
            <a
              class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"
              aria-disabled="true"
              role="link"
            >
              Page suivante
            </a>
          )}
        </li>
      </ul>
    </nav>
  )
}

export function urlAvecPage(base: string, query: Record<string, string | undefined>, page: number): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v && k !== 'page') params.set(k, v)
  if (page > 1) params.set('page', String(page))
  const qs = params.toString()
  return qs ? `${base}?${qs}` : base
}
