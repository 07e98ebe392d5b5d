import Html from '@kitajs/html'
import { Bouton, GroupeBoutons } from '../../../platform/layout/boutons'
import { Csrf } from '../../../platform/layout/components'
import { QUESTIONS_DETAIL, type QuestionId } from '../domain/contenu'
import type { Correction } from '../domain/marquage'
import type { Etape, Reponse } from '../domain/moteur'
import { Confort, Picto, Progression } from './composants'
import { Exercice } from './exercices'
import { BandeauHorsLigne } from './hors-ligne'

/**
 * The page title of a step (also set by the offline island when it renders the next step): its
 * number and its question or exercise, so that no two steps share a title (RGAA 8.6) and a screen
 * reader says where the person is. `faites` is the number of steps already done.
 */
export const titreEtape = (etape: Exclude<Etape, { type: 'fin' }>, faites: number): string => {
  const sujet =
    etape.type === 'question'
      ? // « … pour vous c’est : » reads badly as a title without its answers.
        QUESTIONS_DETAIL[etape.question].titre.replace(/\s*:$/, '…')
      : etape.item.titre
  return `Étape ${faites + 1} : ${sujet}`
}

export function QuestionFormulaire(p: {
  question: QuestionId
  csrf: string
  action: string
  erreur?: string | undefined
  choisis?: readonly string[]
  /** Assisted mode: the conseiller answers what the person says. */
  pourConseiller?: boolean
}) {
  const q = QUESTIONS_DETAIL[p.question]
  const type = q.multiple ? 'checkbox' : 'radio'
  return (
    <form method="post" action={p.action} novalidate>
      <Csrf jeton={p.csrf} />
      <input type="hidden" name="etape" value={q.id} />
      <fieldset
        class={`fr-fieldset${p.erreur ? ' fr-fieldset--error' : ''}`}
        aria-describedby={p.erreur ? 'choix-erreur' : undefined}
        id="choix"
      >
        <legend class="fr-fieldset__legend fr-text--lg" data-lire>
          {Html.escapeHtml(q.titre)}
          {q.multiple ? <span class="fr-hint-text">Vous pouvez cocher plusieurs réponses.</span> : ''}
        </legend>
        <div class="escale-choix">
          {q.choix.map((c, i) => (
            // Written out in full: the CSS build keeps only class names it finds in the sources.
            <div
              class={`${type === 'checkbox' ? 'fr-checkbox-group' : 'fr-radio-group'} escale-choix__option`}
            >
              <input
                type={type}
                id={`choix-${c.valeur}`}
                name="choix"
                value={c.valeur}
                checked={p.choisis?.includes(c.valeur)}
                aria-invalid={p.erreur ? 'true' : undefined}
                // No answer chosen: the focus goes back to the first choice, without JavaScript.
                autofocus={!!p.erreur && i === 0}
              />
              <label class="fr-label" for={`choix-${c.valeur}`}>
                <Picto icone={c.icone} grand />
                <span safe>{c.libelle}</span>
              </label>
            </div>
          ))}
        </div>
        {p.erreur ? (
          <p class="fr-error-text" id="choix-erreur" safe>
            {p.erreur}
          </p>
        ) : (
          ''
        )}
      </fieldset>
      {/* The form is `novalidate`: « ne pas répondre » is never stopped by the browser's own checks. */}
      <GroupeBoutons enLigne="md">
        <Bouton>{p.pourConseiller ? 'Enregistrer la réponse' : 'Suivant'}</Bouton>
        <Bouton variante="tertiaire" nom="passer" valeur="oui">
          Je préfère ne pas répondre
        </Bouton>
      </GroupeBoutons>
    </form>
  )
}

export function EtapePage(p: {
  etape: Exclude<Etape, { type: 'fin' }>
  faites: number
  restantesMax: number
  csrf: string
  erreur?: string | undefined
  correction?: Correction | undefined
  essaisRestants?: number | undefined
  valeurs?: Record<string, string | undefined>
  choisis?: readonly string[]
  suiviParConseiller: boolean
  /**
   * For the offline island (ADR 010): which diagnostic (a digest, not its id), the answers the
   * engine knows, and where the island's offline module is. Absent, the page has no offline mode.
   */
  horsLigne?: { passation: string; reponses: readonly Reponse[]; module: string } | undefined
  /** Rendered in the browser without network: says so above the step. */
  sansReseau?: boolean
}) {
  const action = '/diagnostic/etape'
  return (
    <div
      class="escale-diagnostic"
      data-suivi={p.suiviParConseiller ? 'oui' : undefined}
      data-etape={p.etape.type === 'question' ? p.etape.question : p.etape.item.id}
      data-passation={p.horsLigne?.passation}
      data-reponses={
        p.horsLigne
          ? JSON.stringify(p.horsLigne.reponses.map((r) => ({ item: r.item, resultat: r.resultat })))
          : undefined
      }
      data-module-hors-ligne={p.horsLigne?.module}
    >
      <Progression faites={p.faites} restantesMax={p.restantesMax} />
      <Confort />
      {p.etape.type === 'question' ? (
        <>
          <h1 class="fr-h3 fr-mt-2w" tabindex="-1">
            Quelques questions sur vous
          </h1>
          {/* After the title, which gets the focus: a screen reader reads the notice next. */}
          {p.sansReseau ? <BandeauHorsLigne /> : ''}
          <QuestionFormulaire
            question={p.etape.question}
            csrf={p.csrf}
            action={action}
            erreur={p.erreur}
            choisis={p.choisis}
          />
        </>
      ) : (
        <>
          <h1 class="fr-h3 fr-mt-2w" tabindex="-1" safe>
            {p.etape.item.titre}
          </h1>
          {p.sansReseau ? <BandeauHorsLigne /> : ''}
          <p class="fr-text--lg escale-consigne" data-lire data-consigne safe>
            {p.etape.item.consigne}
          </p>
          <p class="fr-hint-text fr-mb-3w">
            <span class="fr-icon-keyboard-line fr-icon--sm" aria-hidden="true" /> Sans souris ni écran tactile
            : <span safe>{p.etape.item.consigneAlternative}</span>
          </p>
          {p.erreur ? (
            <p class="fr-error-text" role="alert" tabindex="-1" autofocus safe>
              {p.erreur}
            </p>
          ) : (
            ''
          )}
          <Exercice
            item={p.etape.item}
            csrf={p.csrf}
            action={action}
            correction={p.correction}
            essaisRestants={p.essaisRestants}
            valeurs={p.valeurs ?? {}}
          />
        </>
      )}
    </div>
  )
}
