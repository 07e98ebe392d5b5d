import Html from '@kitajs/html'
import { Csrf } from '../../../platform/layout/components'
import type { Item } from '../domain/contenu'
import type { Correction } from '../domain/marquage'
import {
  ACTIVITES,
  COURRIEL_A_LIRE,
  COURRIELS_ARNAQUE,
  DESTINATAIRE_MEDIATHEQUE,
  FICHE_ROSE,
  HORAIRES_MAIRIE,
  SITUATIONS,
  SMS_ARNAQUE,
} from '../domain/scenarios'
import { RetourChamp, SansJavascript } from './composants'

export interface ProprietesExercice {
  item: Item
  csrf: string
  action: string
  correction?: Correction | undefined
  essaisRestants?: number | undefined
  valeurs?: Record<string, string | undefined>
}

/** Hidden fields and buttons common to every exercise; `mesures` is filled by the page's script. */
function Cadre(p: ProprietesExercice & { children: Html.Children; valider?: string | false }) {
  return (
    <form method="post" action={p.action} novalidate class="escale-exercice" data-exercice={p.item.id}>
      <Csrf jeton={p.csrf} />
      <input type="hidden" name="etape" value={p.item.id} />
      <input type="hidden" name="mesures" value="" data-mesures />
      {p.item.aBesoinDeJs ? <input type="hidden" name="termine" value="" data-termine /> : ''}
      {p.correction ? <Bilan correction={p.correction} essaisRestants={p.essaisRestants ?? 0} /> : ''}
      {p.children}
      <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
        {p.valider === false ? (
          ''
        ) : (
          <li>
            <button class="fr-btn" type="submit" safe>
              {p.valider ?? 'Valider'}
            </button>
          </li>
        )}
        <li>
          <button class="fr-btn fr-btn--secondary" type="submit" name="passer" value="oui" formnovalidate>
            Je n’y arrive pas, passer
          </button>
        </li>
      </ul>
    </form>
  )
}

function Bilan({ correction, essaisRestants }: { correction: Correction; essaisRestants: number }) {
  const erreurs = Object.values(correction.champs).filter((c) => !c.ok).length
  return (
    // `autofocus`: the summary takes the focus on load even without JavaScript (the script focuses it
    // too, for a step rendered in the page without network).
    <div class="fr-alert fr-alert--info fr-mb-3w" role="alert" tabindex="-1" id="bilan" autofocus>
      <h2 class="fr-alert__title">
        {erreurs > 1 ? `Presque : ${erreurs} choses à corriger` : 'Presque : une chose à corriger'}
      </h2>
      <p safe>
        {`Lisez le message en rouge, corrigez et validez. Vous avez encore ${essaisRestants} essai${essaisRestants > 1 ? 's' : ''}. Prenez votre temps.`}
      </p>
    </div>
  )
}

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
      <label class="fr-label" for={p.nom}>
        {Html.escapeHtml(p.libelle)}
        {p.aide ? (
          <span class="fr-hint-text" id={`${p.nom}-aide`} safe>
            {p.aide}
          </span>
        ) : (
          ''
        )}
      </label>
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
        <div class="fr-fieldset__element">
          <ChampTexte nom="nom" libelle="Nom" valeur={v.nom} correction={p.correction} />
        </div>
        <div class="fr-fieldset__element">
          <ChampTexte nom="prenom" libelle="Prénom" valeur={v.prenom} correction={p.correction} />
        </div>
        <div class="fr-fieldset__element">
          <ChampTexte
            nom="code_postal"
            libelle="Code postal"
            aide="5 chiffres"
            inputmode="numeric"
            valeur={v.code_postal}
            correction={p.correction}
          />
        </div>
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
        <div class="fr-fieldset__element">
          <ChampTexte
            nom="date_naissance"
            libelle="Date de naissance"
            aide="Format attendu : JJ/MM/AAAA, par exemple 01/02/1990"
            inputmode="numeric"
            valeur={v.date_naissance}
            correction={p.correction}
          />
        </div>
        <div class="fr-fieldset__element">
          <ChampTexte
            nom="email"
            libelle="Adresse e-mail"
            aide="Par exemple : nom@domaine.fr"
            type="email"
            inputmode="email"
            valeur={v.email}
            correction={p.correction}
          />
        </div>
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
          <label class="fr-label" for="message">
            Message
          </label>
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

export function Defiler(p: ProprietesExercice) {
  const retour = p.correction?.champs.choix
  return (
    <Cadre {...p} valider={false}>
      {retour?.message ? (
        <p class="fr-error-text fr-mb-2w" safe>
          {retour.message}
        </p>
      ) : (
        ''
      )}
      {/* The region scrolls with the wheel, a finger, or the arrow keys once it has the focus. */}
      <section
        class="escale-defilement"
        tabindex="0"
        aria-label="Activités de la médiathèque"
        data-defilement
      >
        <h2 class="fr-h6">Les activités de la médiathèque</h2>
        <ul class="escale-activites">
          {ACTIVITES.map((a) => (
            <li>
              <button type="submit" name="choix" value={a.id} class="escale-activite">
                {a.libelle}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </Cadre>
  )
}

export function Lien(p: ProprietesExercice) {
  const retour = p.correction?.champs.choix
  return (
    <Cadre {...p}>
      <div class="escale-navigateur">
        <p class="escale-navigateur__adresse">
          <span class="fr-icon-global-line" aria-hidden="true" /> mairie-villebelle.fr
        </p>
        <div class="escale-navigateur__page">
          <p class="fr-h6 fr-mb-1w">Mairie de Villebelle</p>
          <p>Bienvenue sur le site de la mairie. État civil, cantine, déchets : toutes vos démarches.</p>
          <ul>
            <li>
              <a href="/diagnostic/exercice/horaires">Horaires d’ouverture</a>
            </li>
            <li>Actualités (bientôt)</li>
          </ul>
        </div>
      </div>
      <fieldset
        class={`fr-fieldset${retour && !retour.ok ? ' fr-fieldset--error' : ''}`}
        aria-describedby={retour?.message ? 'choix-retour' : undefined}
      >
        <legend class="fr-fieldset__legend">Quel jour la mairie est-elle fermée ?</legend>
        {HORAIRES_MAIRIE.map((h) => (
          <div class="fr-fieldset__element fr-fieldset__element--inline">
            <div class="fr-radio-group">
              <input
                type="radio"
                id={`jour-${h.jour}`}
                name="choix"
                value={h.jour}
                aria-invalid={retour && !retour.ok ? 'true' : undefined}
              />
              <label class="fr-label" for={`jour-${h.jour}`} safe>
                {h.jour.charAt(0).toUpperCase() + h.jour.slice(1)}
              </label>
            </div>
          </div>
        ))}
        <RetourChamp id="choix" message={retour?.message} ok={false} />
      </fieldset>
    </Cadre>
  )
}

export function HorairesPage() {
  return (
    <div class="escale-navigateur fr-mt-4w">
      <p class="escale-navigateur__adresse">
        <span class="fr-icon-global-line" aria-hidden="true" /> mairie-villebelle.fr/horaires
      </p>
      <div class="escale-navigateur__page">
        <h1 class="fr-h4">Horaires d’ouverture de la mairie</h1>
        <ul>
          {HORAIRES_MAIRIE.map((h) => (
            <li safe>{`${h.jour.charAt(0).toUpperCase()}${h.jour.slice(1)} : ${h.horaires}`}</li>
          ))}
        </ul>
        <p>
          <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/diagnostic/etape">
            Revenir à l’exercice
          </a>
        </p>
      </div>
    </div>
  )
}

export function ArnaqueSms(p: ProprietesExercice) {
  return (
    <Cadre {...p}>
      <figure class="escale-sms">
        <figcaption class="escale-sms__de" safe>{`SMS reçu de ${SMS_ARNAQUE.expediteur}`}</figcaption>
        <p class="escale-sms__bulle">{SMS_ARNAQUE.texte}</p>
      </figure>
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend">Que faites-vous ?</legend>
        {SMS_ARNAQUE.choix.map((c) => (
          <div class="fr-fieldset__element">
            <div class="fr-radio-group">
              <input type="radio" id={`sms-${c.valeur}`} name="choix" value={c.valeur} />
              <label class="fr-label" for={`sms-${c.valeur}`}>
                {c.libelle}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
    </Cadre>
  )
}

export function ArnaqueCourriel(p: ProprietesExercice) {
  return (
    <Cadre {...p}>
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend">Quel e-mail est une arnaque ?</legend>
        {COURRIELS_ARNAQUE.messages.map((m) => (
          <div class="fr-fieldset__element">
            <div class="fr-radio-group escale-message-choix">
              <input type="radio" id={`courriel-${m.valeur}`} name="choix" value={m.valeur} />
              <label class="fr-label" for={`courriel-${m.valeur}`}>
                <span class="escale-message-choix__de" safe>{`De : ${m.expediteur}`}</span>
                <strong>{m.objet}</strong>
                <span class="fr-hint-text">{m.extrait}</span>
              </label>
            </div>
          </div>
        ))}
      </fieldset>
    </Cadre>
  )
}

// ——— Pointer exercises: done in the page by the diagnostic-exercice script ———

export function Cliquer(p: ProprietesExercice) {
  return (
    <Cadre {...p} valider={false}>
      <SansJavascript texte="Les ballons apparaissent grâce à JavaScript, qui est désactivé ou bloqué sur cet appareil." />
      <div class="escale-zone" data-zone>
        <button type="button" class="escale-cible escale-pos-1" data-cible hidden>
          <span class="fr-icon-star-fill" aria-hidden="true" />
          <span class="escale-cible__texte">Ballon</span>
        </button>
      </div>
      <p class="fr-mt-2w" aria-live="polite" data-annonce />
    </Cadre>
  )
}

const DOSSIERS = [
  { id: 'documents', libelle: 'Documents' },
  { id: 'photos', libelle: 'Photos' },
  { id: 'musique', libelle: 'Musique' },
] as const

export function DoubleCliquer(p: ProprietesExercice) {
  return (
    <Cadre {...p} valider={false}>
      <SansJavascript texte="Le dossier s’ouvre grâce à JavaScript, qui est désactivé ou bloqué sur cet appareil." />
      <div class="escale-bureau" data-bureau hidden>
        {DOSSIERS.map((d) => (
          <button type="button" class="escale-dossier" data-dossier={d.id} aria-describedby="aide-dossier">
            <span class="fr-icon-folder-2-fill" aria-hidden="true" />
            <span>{d.libelle}</span>
          </button>
        ))}
      </div>
      <p class="fr-hint-text" id="aide-dossier">
        Double-clic avec la souris, deux petites tapes avec le doigt, ou la touche Entrée au clavier.
      </p>
      <p class="fr-mt-2w" aria-live="polite" data-annonce />
    </Cadre>
  )
}

export function Glisser(p: ProprietesExercice) {
  return (
    <Cadre {...p} valider={false}>
      <SansJavascript texte="La photo se déplace grâce à JavaScript, qui est désactivé ou bloqué sur cet appareil." />
      <div class="escale-rangement" data-rangement hidden>
        <button type="button" class="escale-photo" data-photo>
          <span class="fr-icon-image-line" aria-hidden="true" />
          <span>Photo de la plage</span>
        </button>
        <div class="escale-dossiers-depot">
          <button type="button" class="escale-depot" data-depot="travail">
            <span class="fr-icon-folder-2-fill" aria-hidden="true" />
            <span class="fr-sr-only">Déposer dans </span>
            <span>« Travail »</span>
          </button>
          <button type="button" class="escale-depot" data-depot="vacances">
            <span class="fr-icon-folder-2-fill" aria-hidden="true" />
            <span class="fr-sr-only">Déposer dans </span>
            <span>« Vacances »</span>
          </button>
        </div>
      </div>
      <p class="fr-mt-2w" aria-live="polite" data-annonce />
    </Cadre>
  )
}

export function PartiesCourriel(p: ProprietesExercice) {
  const m = COURRIEL_A_LIRE
  const partie = (id: string, libelle: string, valeur: string) => (
    <button type="button" class={`escale-partie escale-partie--${id}`} data-partie={id}>
      <span class="fr-sr-only" safe>{`${libelle} : `}</span>
      <span safe>{valeur}</span>
    </button>
  )
  return (
    <Cadre {...p} valider={false}>
      <SansJavascript texte="Cet exercice réagit à vos clics grâce à JavaScript, qui est désactivé ou bloqué sur cet appareil." />
      <p class="fr-text--lg fr-mb-2w escale-demande" aria-live="polite" data-demande hidden />
      <div class="escale-courriel" data-courriel hidden>
        <div class="escale-courriel__entete">
          {partie('expediteur', 'Expéditeur', m.expediteur)}
          {partie('date', 'Date', m.date)}
        </div>
        {partie('objet', 'Objet', m.objet)}
        {partie('message', 'Message', m.message)}
        <button type="button" class="escale-partie escale-partie--piece_jointe" data-partie="piece_jointe">
          <span class="fr-icon-attachment-line" aria-hidden="true" />
          <span class="fr-sr-only">Pièce jointe : </span>
          <span>{m.pieceJointe}</span>
        </button>
      </div>
      <p class="fr-mt-2w" aria-live="polite" data-annonce />
    </Cadre>
  )
}

export function Exercice(p: ProprietesExercice) {
  switch (p.item.id) {
    case 'cliquer':
      return <Cliquer {...p} />
    case 'double_cliquer':
      return <DoubleCliquer {...p} />
    case 'glisser':
      return <Glisser {...p} />
    case 'defiler':
      return <Defiler {...p} />
    case 'lien':
      return <Lien {...p} />
    case 'parties_courriel':
      return <PartiesCourriel {...p} />
    case 'ecrire_courriel':
      return <EcrireCourriel {...p} />
    case 'formulaire_simple':
      return <FormulaireSimple {...p} />
    case 'formulaire_complet':
      return <FormulaireComplet {...p} />
    case 'arnaque_sms':
      return <ArnaqueSms {...p} />
    case 'arnaque_courriel':
      return <ArnaqueCourriel {...p} />
  }
}
