import { LibelleChamp } from '../../../platform/layout/champs'
import type { Correction } from '../domain/marquage'
import { DESTINATAIRE_MEDIATHEQUE, FICHE_ROSE, SITUATIONS } from '../domain/scenarios'
import { RetourChamp } from './composants'
import { Cadre, type ProprietesExercice } from './exercices-cadre'

/** The exercises made of real form fields: copy a card, fill a full form, write an e-mail. */

function ChampTexte(p: {
  nom: string
  libelle: string
  aide?: string
  valeur: string | undefined
  correction: Correction | undefined
  type?: 'text' | 'email'
  autocomplete?: string
  inputmode?: 'numeric' | 'email' | 'text'
}) {
  const retour = p.correction?.champs[p.nom]
  const erreur = retour && !retour.ok
  const decrit = [p.aide ? `${p.nom}-aide` : '', retour?.message ? `${p.nom}-retour` : '']
    .filter(Boolean)
    .join(' ')
  return (
    <div
      class={`fr-input-group${erreur ? ' fr-input-group--error' : retour?.ok ? ' fr-input-group--valid' : ''}`}
    >
      <LibelleChamp nom={p.nom} libelle={p.libelle} aide={p.aide} />
      <input
        class={`fr-input${erreur ? ' fr-input--error' : ''}`}
        id={p.nom}
        name={p.nom}
        type={p.type ?? 'text'}
        value={p.valeur ?? ''}
        // The card belongs to a fictitious person: the browser must not fill in the user's own data.
        autocomplete={p.autocomplete ?? 'off'}
        inputmode={p.inputmode}
        spellcheck="false"
        aria-describedby={decrit || undefined}
        aria-invalid={erreur ? 'true' : undefined}
        data-saisie
      />
      <RetourChamp id={p.nom} message={retour?.message} ok={!!retour?.ok} />
    </div>
  )
}

type DefinitionChamp = Omit<Parameters<typeof ChampTexte>[0], 'valeur' | 'correction'>

const CHAMPS_SIMPLE: readonly DefinitionChamp[] = [
  { nom: 'nom', libelle: 'Nom' },
  { nom: 'prenom', libelle: 'Prénom' },
  { nom: 'code_postal', libelle: 'Code postal', aide: '5 chiffres', inputmode: 'numeric' },
]

const CHAMPS_COMPLET: readonly DefinitionChamp[] = [
  {
    nom: 'date_naissance',
    libelle: 'Date de naissance',
    aide: 'Format attendu : JJ/MM/AAAA, par exemple 01/02/1990',
    inputmode: 'numeric',
  },
  {
    nom: 'email',
    libelle: 'Adresse e-mail',
    aide: 'Par exemple : nom@domaine.fr',
    type: 'email',
    inputmode: 'email',
  },
]

/** Text fields of a fieldset, one element each. */
function ChampsTexte(p: {
  champs: readonly DefinitionChamp[]
  valeurs: Record<string, string | undefined>
  correction: Correction | undefined
}) {
  return (
    <>
      {p.champs.map((c) => (
        <div class="fr-fieldset__element">
          <ChampTexte {...c} valeur={p.valeurs[c.nom]} correction={p.correction} />
        </div>
      ))}
    </>
  )
}

function FicheRose({ complete }: { complete: boolean }) {
  return (
    <section class="escale-fiche" aria-labelledby="fiche-titre">
      <p class="escale-fiche__titre" id="fiche-titre">
        <span class="fr-icon-user-line" aria-hidden="true" /> La fiche de Rose
      </p>
      <dl class="escale-fiche__liste">
        <dt>Nom</dt>
        <dd>{FICHE_ROSE.nom}</dd>
        <dt>Prénom</dt>
        <dd>{FICHE_ROSE.prenom}</dd>
        <dt>Adresse</dt>
        <dd safe>{`${FICHE_ROSE.adresse}, ${FICHE_ROSE.codePostal} ${FICHE_ROSE.commune}`}</dd>
        {complete ? (
          <>
            <dt>Née le</dt>
            <dd>{FICHE_ROSE.dateNaissanceTexte}</dd>
            <dt>E-mail</dt>
            <dd>{FICHE_ROSE.email}</dd>
            <dt>Situation</dt>
            <dd>À la retraite</dd>
          </>
        ) : (
          ''
        )}
      </dl>
    </section>
  )
}

export function FormulaireSimple(p: ProprietesExercice) {
  const v = p.valeurs ?? {}
  return (
    <Cadre {...p}>
      <FicheRose complete={false} />
      <fieldset class="fr-fieldset escale-demarche">
        <legend class="fr-fieldset__legend">Demande de carte de bibliothèque</legend>
        <ChampsTexte champs={CHAMPS_SIMPLE} valeurs={v} correction={p.correction} />
      </fieldset>
    </Cadre>
  )
}

export function FormulaireComplet(p: ProprietesExercice) {
  const v = p.valeurs ?? {}
  const retourSituation = p.correction?.champs.situation
  const retourCase = p.correction?.champs.certifie
  return (
    <Cadre {...p}>
      <FicheRose complete />
      <fieldset class="fr-fieldset escale-demarche">
        <legend class="fr-fieldset__legend">Mise à jour de votre dossier</legend>
        <ChampsTexte champs={CHAMPS_COMPLET} valeurs={v} correction={p.correction} />
        <div class="fr-fieldset__element">
          <div
            class={`fr-select-group${retourSituation && !retourSituation.ok ? ' fr-select-group--error' : ''}`}
          >
            <label class="fr-label" for="situation">
              Situation
            </label>
            <select
              class="fr-select"
              id="situation"
              name="situation"
              aria-describedby={retourSituation?.message ? 'situation-retour' : undefined}
              aria-invalid={retourSituation && !retourSituation.ok ? 'true' : undefined}
            >
              <option value="">Choisir dans la liste</option>
              {SITUATIONS.map((s) => (
                <option value={s.valeur} selected={v.situation === s.valeur}>
                  {s.libelle}
                </option>
              ))}
            </select>
            <RetourChamp id="situation" message={retourSituation?.message} ok={!!retourSituation?.ok} />
          </div>
        </div>
        <div class="fr-fieldset__element">
          <div class={`fr-checkbox-group${retourCase && !retourCase.ok ? ' fr-checkbox-group--error' : ''}`}>
            <input
              type="checkbox"
              id="certifie"
              name="certifie"
              value="oui"
              checked={v.certifie === 'oui'}
              aria-describedby={retourCase?.message ? 'certifie-retour' : undefined}
              aria-invalid={retourCase && !retourCase.ok ? 'true' : undefined}
            />
            <label class="fr-label" for="certifie">
              Je certifie que ces informations sont exactes
            </label>
            <RetourChamp id="certifie" message={retourCase?.message} ok={!!retourCase?.ok} />
          </div>
        </div>
      </fieldset>
    </Cadre>
  )
}

export function EcrireCourriel(p: ProprietesExercice) {
  const v = p.valeurs ?? {}
  const retourMessage = p.correction?.champs.message
  return (
    <Cadre {...p} valider="Envoyer l’e-mail">
      <div class="escale-boite">
        <p class="escale-boite__barre">
          <span class="fr-icon-mail-line" aria-hidden="true" /> Nouveau message
        </p>
        <ChampTexte
          nom="destinataire"
          libelle="À"
          aide={`Adresse de la médiathèque : ${DESTINATAIRE_MEDIATHEQUE}`}
          type="email"
          inputmode="email"
          valeur={v.destinataire}
          correction={p.correction}
        />
        <ChampTexte nom="objet" libelle="Objet" valeur={v.objet} correction={p.correction} />
        <div class={`fr-input-group${retourMessage && !retourMessage.ok ? ' fr-input-group--error' : ''}`}>
          <LibelleChamp nom="message" libelle="Message" />
          <textarea
            class="fr-input"
            id="message"
            name="message"
            rows="5"
            spellcheck="false"
            aria-describedby={retourMessage?.message ? 'message-retour' : undefined}
            aria-invalid={retourMessage && !retourMessage.ok ? 'true' : undefined}
            data-saisie
            safe
          >
            {v.message ?? ''}
          </textarea>
          <RetourChamp id="message" message={retourMessage?.message} ok={!!retourMessage?.ok} />
        </div>
      </div>
    </Cadre>
  )
}
