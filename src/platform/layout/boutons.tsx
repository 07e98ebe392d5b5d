import Html from '@kitajs/html'
import { ErreurChamp } from './champs'

/**
 * DSFR buttons, links styled as buttons, button groups and field groups: written once here, so that
 * a view never spells `fr-btn` or `fr-fieldset` by hand (their classes, their error state and their
 * accessible names stay consistent across the domains).
 */

type Variante = 'primaire' | 'secondaire' | 'tertiaire' | 'tertiaire-sans-bordure'
type Taille = 'sm' | 'md' | 'lg'

const CLASSES_VARIANTE: Record<Variante, string> = {
  primaire: '',
  secondaire: ' fr-btn--secondary',
  tertiaire: ' fr-btn--tertiary',
  'tertiaire-sans-bordure': ' fr-btn--tertiary-no-outline',
}

interface ApparenceBouton {
  variante?: Variante
  taille?: Taille
  /** A DSFR icon name (`fr-icon-add-line`), shown to the left of the text. */
  icone?: string
  /** Spacing utilities only (`fr-mt-2w`); never a colour or a variant. */
  classe?: string
}

export function classesBouton(a: ApparenceBouton): string {
  return (
    `fr-btn${CLASSES_VARIANTE[a.variante ?? 'primaire']}` +
    (a.taille && a.taille !== 'md' ? ` fr-btn--${a.taille}` : '') +
    (a.icone ? ` ${a.icone} fr-btn--icon-left` : '') +
    (a.classe ? ` ${a.classe}` : '')
  )
}

export function Bouton(
  p: ApparenceBouton & {
    children: Html.Children
    type?: 'submit' | 'button' | 'reset'
    nom?: string
    valeur?: string
    id?: string
    /** Another form action for this button (`formaction`), e.g. « Enregistrer le brouillon ». */
    action?: string
    desactive?: boolean
    titre?: string
    /** Data attributes for a client island (`{ 'data-action': 'copier' }`). */
    donnees?: Record<`data-${string}`, string>
    /** Hidden until the page's script shows it (`hidden`): a control that only works with it. */
    avecScript?: boolean
  },
) {
  return (
    <button
      class={classesBouton(p)}
      type={p.type ?? 'submit'}
      name={p.nom}
      value={p.valeur}
      id={p.id}
      formaction={p.action}
      disabled={p.desactive}
      title={p.titre}
      hidden={p.avecScript}
      {...(p.donnees ?? {})}
    >
      {p.children}
    </button>
  )
}

export function LienBouton(
  p: ApparenceBouton & { children: Html.Children; href: string; id?: string; telecharger?: boolean },
) {
  return (
    <a class={classesBouton(p)} href={p.href} id={p.id} download={p.telecharger ? '' : undefined}>
      {p.children}
    </a>
  )
}

export function GroupeBoutons(p: {
  children: Html.Children
  /** Side by side: always, from the medium breakpoint, or stacked (default on phones). */
  enLigne?: 'toujours' | 'md'
  taille?: 'sm' | 'lg'
  classe?: string
}) {
  // Two levels: a child may be a list (`{liens.map(…)}` beside other buttons), one button per item.
  // Absent buttons (`{cond ? <Bouton/> : ''}`) leave no empty item.
  const enfants = [p.children].flat(2).filter((e) => e !== '' && e !== null && e !== undefined && e !== false)
  // In a DSFR group, a button with an icon shrinks to its icon (40 px, its text hidden) unless the group
  // says the icons sit left of the text: a labelled button must never lose its label.
  const avecIcone = enfants.some((e) => typeof e === 'string' && e.includes('fr-btn--icon-left'))
  const classes =
    'fr-btns-group' +
    (avecIcone ? ' fr-btns-group--icon-left' : '') +
    (p.enLigne === 'toujours'
      ? ' fr-btns-group--inline'
      : p.enLigne === 'md'
        ? ' fr-btns-group--inline-md'
        : '') +
    (p.taille ? ` fr-btns-group--${p.taille}` : '') +
    (p.classe ? ` ${p.classe}` : '')
  return (
    <ul class={classes}>
      {enfants.map((e) => (
        <li>{e}</li>
      ))}
    </ul>
  )
}

/**
 * A group of fields under one legend (`fieldset`), with its error: the legend and the message are
 * both in the group's accessible name, so a screen reader announces the error on entering the group.
 */
export function GroupeChamps(p: {
  id: string
  legende: string
  aide?: string
  erreur?: string | undefined
  /** A lighter legend, for a group inside a larger form. */
  legendeDiscrete?: boolean
  /** A legend read by screen readers only (the page's heading already says it on screen). */
  legendeMasquee?: boolean
  /** Its fields side by side while they fit (short radios, filters), then wrapped. */
  enLigne?: boolean
  children: Html.Children
}) {
  return (
    <fieldset
      class={`fr-fieldset${p.erreur ? ' fr-fieldset--error' : ''}`}
      id={p.id}
      aria-labelledby={`${p.id}-legende${p.erreur ? ` ${p.id}-erreur` : ''}`}
    >
      <legend
        class={`fr-fieldset__legend${p.legendeDiscrete ? ' fr-fieldset__legend--regular' : ''}${p.legendeMasquee ? ' fr-sr-only' : ''}`}
        id={`${p.id}-legende`}
      >
        {Html.escapeHtml(p.legende)}
        {p.aide ? (
          <span class="fr-hint-text" safe>
            {p.aide}
          </span>
        ) : (
          ''
        )}
      </legend>
      {[p.children].flat(2).map((e) => (
        <div class={`fr-fieldset__element${p.enLigne ? ' fr-fieldset__element--inline' : ''}`}>{e}</div>
      ))}
      <ErreurChamp nom={p.id} erreur={p.erreur} classe="fr-fieldset__element" />
    </fieldset>
  )
}
