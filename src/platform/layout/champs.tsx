import Html from '@kitajs/html'

/** DSFR form fields beyond the text input of components.tsx: text areas, check boxes, radios; badges, dates. */

/** A field's name, and its id when it differs (two forms of one page naming a field alike). */
export interface IdentiteChamp {
  nom: string
  /** The element's id, from which its label, hint and error ids derive; the name by default. */
  id?: string | undefined
}
const idDe = (p: IdentiteChamp) => p.id ?? p.nom

/** The label of a field, with « (facultatif) » and its hint (shared by the fields of this module). */
export function LibelleChamp(
  p: IdentiteChamp & {
    libelle: string
    aide?: string | undefined
    requis?: boolean | undefined
  },
) {
  return (
    <label class="fr-label" for={idDe(p)}>
      {Html.escapeHtml(p.libelle)}
      {p.requis === false ? ' (facultatif)' : ''}
      {p.aide ? (
        <span class="fr-hint-text" id={`${idDe(p)}-aide`} safe>
          {p.aide}
        </span>
      ) : (
        ''
      )}
    </label>
  )
}

/** The error message under a field, referenced by its `aria-describedby`. */
export function ErreurChamp(p: IdentiteChamp & { erreur?: string | undefined; classe?: string }) {
  return p.erreur ? (
    <p class={`fr-error-text${p.classe ? ` ${p.classe}` : ''}`} id={`${idDe(p)}-erreur`} safe>
      {p.erreur}
    </p>
  ) : (
    ''
  )
}

/** The ids a field's `aria-describedby` lists: its hint and its error. */
export const decritPar = (p: IdentiteChamp & { aide?: string | undefined; erreur?: string | undefined }) =>
  [p.aide ? `${idDe(p)}-aide` : '', p.erreur ? `${idDe(p)}-erreur` : ''].filter(Boolean).join(' ') ||
  undefined

/** What a field in error says to assistive technologies. */
export const enErreur = (erreur: string | undefined) => (erreur ? 'true' : undefined)

/** The description attributes of a text, file or list control: its hint and error, and its state. */
export const aria = (p: IdentiteChamp & { aide?: string | undefined; erreur?: string | undefined }) => ({
  'aria-describedby': decritPar(p),
  'aria-invalid': enErreur(p.erreur),
})

/** The DSFR input group around one control: its label (with its hint) above, its error below. */
export function GroupeSaisie(
  p: IdentiteChamp & {
    libelle: string
    aide?: string | undefined
    requis?: boolean | undefined
    erreur?: string | undefined
    children: Html.Children
  },
) {
  return (
    <div class={`fr-input-group${p.erreur ? ' fr-input-group--error' : ''}`}>
      <LibelleChamp {...p} />
      {p.children}
      <ErreurChamp {...p} />
    </div>
  )
}

/**
 * A file field (`<input type="file">`) with the shared label, hint and error. Its form is sent as
 * `multipart/form-data`, read by a scope that registered the multipart parser.
 */
export function ChampFichier(
  p: IdentiteChamp & {
    libelle: string
    aide?: string
    erreur?: string | undefined
    requis?: boolean
    /** The types offered by the browser's picker (`application/pdf,.pdf`); the server checks anyway. */
    accepte?: string
  },
) {
  return (
    <GroupeSaisie {...p}>
      <input class="fr-input" type="file" id={idDe(p)} name={p.nom} accept={p.accepte} {...aria(p)} />
    </GroupeSaisie>
  )
}

export function ZoneTexte(
  p: IdentiteChamp & {
    libelle: string
    aide?: string
    erreur?: string | undefined
    valeur?: string | undefined
    requis?: boolean
    maxlength?: number
  },
) {
  return (
    <GroupeSaisie {...p}>
      <textarea
        class={`fr-input${p.erreur ? ' fr-input--error' : ''}`}
        id={idDe(p)}
        name={p.nom}
        rows="5"
        required={p.requis !== false}
        maxlength={p.maxlength}
        {...aria(p)}
        safe
      >
        {p.valeur ?? ''}
      </textarea>
    </GroupeSaisie>
  )
}

export function Case(
  p: IdentiteChamp & {
    libelle: string
    coche?: boolean
    /** What the box sends when ticked (`oui` by default; an id when several boxes share a name). */
    valeur?: string
    aide?: string
    erreur?: string | undefined
  },
) {
  return (
    <div class={`fr-checkbox-group${p.erreur ? ' fr-checkbox-group--error' : ''} fr-mb-2w`}>
      <input
        type="checkbox"
        id={idDe(p)}
        name={p.nom}
        value={p.valeur ?? 'oui'}
        checked={p.coche}
        aria-describedby={p.erreur ? `${idDe(p)}-erreur` : undefined}
        aria-invalid={enErreur(p.erreur)}
      />
      <LibelleChamp {...p} />
      <ErreurChamp {...p} />
    </div>
  )
}

export function Radios(p: {
  nom: string
  legende: string
  options: readonly { valeur: string; libelle: string }[]
  valeur?: string | undefined
  erreur?: string | undefined
  /** Spacing or a domain's own layout class on the group (`fr-mb-0`, `escale-choix`). */
  classe?: string
}) {
  return (
    <fieldset
      class={`fr-fieldset${p.erreur ? ' fr-fieldset--error' : ''}${p.classe ? ` ${p.classe}` : ''}`}
      id={p.nom}
      aria-labelledby={`${p.nom}-legende${p.erreur ? ` ${p.nom}-erreur` : ''}`}
    >
      <legend class="fr-fieldset__legend" id={`${p.nom}-legende`} safe>
        {p.legende}
      </legend>
      {p.options.map((o) => (
        <div class="fr-fieldset__element">
          <div class="fr-radio-group">
            <input
              type="radio"
              id={`${p.nom}-${o.valeur}`}
              name={p.nom}
              value={o.valeur}
              checked={o.valeur === p.valeur}
              // Each radio of a group in error says so: a screen reader announces it on the one it reaches.
              aria-invalid={enErreur(p.erreur)}
            />
            <label class="fr-label" for={`${p.nom}-${o.valeur}`} safe>
              {o.libelle}
            </label>
          </div>
        </div>
      ))}
      <ErreurChamp nom={p.nom} erreur={p.erreur} classe="fr-fieldset__element" />
    </fieldset>
  )
}

export const dateFr = (iso: string | null | undefined) =>
  iso
    ? new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })
    : '—'

export function Badge({
  texte,
  type,
}: {
  texte: string
  type?: 'success' | 'error' | 'info' | 'warning' | 'new'
}) {
  return (
    <p class={`fr-badge fr-badge--sm${type ? ` fr-badge--${type}` : ''}`} safe>
      {texte}
    </p>
  )
}

/**
 * A honeypot field: inside a `hidden` block, so people and screen readers never meet it; robots fill
 * it in, and the form then writes nothing. Its value comes back like any field's.
 */
export function PotDeMiel({ nom, valeur }: { nom: string; valeur?: string | undefined }) {
  return (
    <div hidden>
      <label for={nom}>Ne remplissez pas ce champ</label>
      <input type="text" id={nom} name={nom} tabindex="-1" autocomplete="off" value={valeur ?? ''} />
    </div>
  )
}
