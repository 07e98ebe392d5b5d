import Html from '@kitajs/html'
import { dateExiste, dateHeure, dateLongue } from '../../../platform/http/dates'
import { Bouton, classesBouton, GroupeChamps } from '../../../platform/layout/boutons'
import { LibelleChamp } from '../../../platform/layout/champs'
import { Champ, Csrf } from '../../../platform/layout/components'

/** What the domain's pages share: dates in French, the status badge of a mandate, groups of options, the code form. */

export const dateFr: (d: Date | string) => string = dateLongue
export const dateHeureFr: (d: Date) => string = dateHeure
/** The mandate text's version is named by its date (`2026-03-23`, « 23 mars 2026 »); any other name is shown as is. */
export const versionDuTexte = (v: string) => (dateExiste(v) ? dateLongue(v) : v)
export const STATUTS = { actif: 'Actif', expire: 'Expiré', revoque: 'Révoqué' } as const
const CLASSES = {
  actif: 'fr-badge--success',
  expire: 'fr-badge--warning',
  revoque: 'fr-badge--error',
} as const

export function Badge({ statut }: { statut: 'actif' | 'expire' | 'revoque' }) {
  return <p class={`fr-badge fr-badge--sm ${CLASSES[statut]}`}>{STATUTS[statut]}</p>
}

interface OptionGroupe {
  valeur: string
  libelle: string
  aide?: string | undefined
  coche?: boolean | undefined
  /** The group's name unless given (each engagement is its own field). */
  nom?: string
  /** `<name>-<value>` unless given. */
  id?: string
}

/**
 * Radios or check boxes under one legend, for the groups the platform's `Radios` and `Case` cannot
 * spell: `required` on a form the browser validates, a hint under an option, an option whose id, name
 * or value differ from `<name>-<value>`, `<name>`, « oui ».
 */
export function GroupeOptions({
  type,
  nom,
  options,
  requis,
  ...groupe
}: Omit<Parameters<typeof GroupeChamps>[0], 'id' | 'children'> & {
  type: 'radio' | 'checkbox'
  /** The options' name, and the group's id (the error summary's link). */
  nom: string
  options: readonly OptionGroupe[]
  requis?: boolean
}) {
  return (
    <GroupeChamps id={nom} {...groupe}>
      {options.map((o) => {
        const id = o.id ?? `${nom}-${o.valeur}`
        return (
          <div class={type === 'radio' ? 'fr-radio-group' : 'fr-checkbox-group'}>
            <input
              type={type}
              id={id}
              name={o.nom ?? nom}
              value={o.valeur}
              checked={o.coche}
              required={requis}
            />
            <LibelleChamp nom={id} libelle={o.libelle} aide={o.aide} />
          </div>
        )
      })}
    </GroupeChamps>
  )
}

/**
 * A revocation cannot be undone, so it is asked twice, without JavaScript: the first button (the
 * `<summary>` of a `<details>`) only unfolds what will happen and the button that does it. Both are
 * red (`escale-confirmation` in escale.css).
 */
export function ConfirmerRevocation(p: {
  csrf: string
  action: string
  /** The first button, e.g. « Révoquer tout le mandat ». */
  libelle: string
  /** What happens once confirmed, said before the button that does it. */
  consequence: string
  /** The confirming button, e.g. « Confirmer la révocation du mandat ». */
  confirmation: string
  /** One démarche only (its authorisation's id); the whole mandate otherwise. */
  autorisation?: string
  taille?: 'sm'
}) {
  return (
    <details class="escale-confirmation">
      <summary
        class={classesBouton({
          variante: 'secondaire',
          taille: p.taille,
          icone: 'fr-icon-close-circle-line',
        })}
        safe
      >
        {p.libelle}
      </summary>
      <div class="escale-confirmation__corps">
        <p class="fr-mb-2w" safe>
          {p.consequence}
        </p>
        <form method="post" action={p.action}>
          <Csrf jeton={p.csrf} />
          {p.autorisation ? <input type="hidden" name="autorisation" value={p.autorisation} /> : ''}
          <Bouton taille={p.taille}>{Html.escapeHtml(p.confirmation)}</Bouton>
        </form>
      </div>
    </details>
  )
}

/** A 6-digit code from the aidant's card or application, and its button. */
export function FormulaireCode(p: {
  csrf: string
  action: string
  erreur?: string | undefined
  /** `one-time-code` when the code is the user's own; `off` when a referent types the aidant's. */
  autocomplete: 'one-time-code' | 'off'
  bouton: string
}) {
  return (
    <form method="post" action={p.action} novalidate>
      <Csrf jeton={p.csrf} />
      <Champ
        nom="code"
        libelle="Code à 6 chiffres"
        inputmode="numeric"
        autocomplete={p.autocomplete}
        maxlength={6}
        erreur={p.erreur}
      />
      <Bouton>{Html.escapeHtml(p.bouton)}</Bouton>
    </form>
  )
}
