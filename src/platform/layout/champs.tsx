import Html from '@kitajs/html'

/** DSFR form fields beyond the text input of components.tsx: text areas, check boxes, radios; badges, dates. */

/** The label of a field, with « (facultatif) » and its hint (shared by Champ and ZoneTexte). */
export function LibelleChamp(p: {
  nom: string
  libelle: string
  aide?: string | undefined
  requis?: boolean
}) {
  return (
    <label class="fr-label" for={p.nom}>
      {Html.escapeHtml(p.libelle)}
      {p.requis === false ? ' (facultatif)' : ''}
      {p.aide ? (
        <span class="fr-hint-text" id={`${p.nom}-aide`} safe>
          {p.aide}
        </span>
      ) : (
        ''
      )}
    </label>
  )
}

/** The error message under a field, referenced by its `aria-describedby`. */
export function ErreurChamp({ nom, erreur }: { nom: string; erreur?: string | undefined }) {
  return erreur ? (
    <p class="fr-error-text" id={`${nom}-erreur`} safe>
      {erreur}
    </p>
  ) : (
    ''
  )
}

/** The ids a field's `aria-describedby` lists: its hint and its error. */
export const decritPar = (p: { nom: string; aide?: string | undefined; erreur?: string | undefined }) =>
  [p.aide ? `${p.nom}-aide` : '', p.erreur ? `${p.nom}-erreur` : ''].filter(Boolean).join(' ') || undefined

export function ZoneTexte(p: {
  nom: string
  libelle: string
  aide?: string
  erreur?: string | undefined
  valeur?: string | undefined
  requis?: boolean
  maxlength?: number
}) {
  return (
    <div class={`fr-input-group${p.erreur ? ' fr-input-group--error' : ''}`}>
      <LibelleChamp {...p} />
      <textarea
        class={`fr-input${p.erreur ? ' fr-input--error' : ''}`}
        id={p.nom}
        name={p.nom}
        rows="5"
        required={p.requis !== false}
        maxlength={p.maxlength}
        aria-describedby={decritPar(p)}
        aria-invalid={p.erreur ? 'true' : undefined}
        safe
      >
        {p.valeur ?? ''}
      </textarea>
      <ErreurChamp nom={p.nom} erreur={p.erreur} />
    </div>
  )
}

export function Case(p: {
  nom: string
  libelle: string
  coche?: boolean
  aide?: string
  erreur?: string | undefined
}) {
  return (
    <div class={`fr-checkbox-group${p.erreur ? ' fr-checkbox-group--error' : ''} fr-mb-2w`}>
      <input
        type="checkbox"
        id={p.nom}
        name={p.nom}
        value="oui"
        checked={p.coche}
        aria-describedby={p.erreur ? `${p.nom}-erreur` : undefined}
        aria-invalid={p.erreur ? 'true' : undefined}
      />
      <label class="fr-label" for={p.nom}>
        {Html.escapeHtml(p.libelle)}
        {p.aide ? (
          <span class="fr-hint-text" safe>
            {p.aide}
          </span>
        ) : (
          ''
        )}
      </label>
      {p.erreur ? (
        <p class="fr-error-text" id={`${p.nom}-erreur`} safe>
          {p.erreur}
        </p>
      ) : (
        ''
      )}
    </div>
  )
}

export function Radios(p: {
  nom: string
  legende: string
  options: readonly { valeur: string; libelle: string }[]
  valeur?: string | undefined
  erreur?: string | undefined
}) {
  return (
    <fieldset
      class={`fr-fieldset${p.erreur ? ' fr-fieldset--error' : ''}`}
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
              aria-invalid={p.erreur ? 'true' : undefined}
            />
            <label class="fr-label" for={`${p.nom}-${o.valeur}`} safe>
              {o.libelle}
            </label>
          </div>
        </div>
      ))}
      {p.erreur ? (
        <p class="fr-error-text fr-fieldset__element" id={`${p.nom}-erreur`} safe>
          {p.erreur}
        </p>
      ) : (
        ''
      )}
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
