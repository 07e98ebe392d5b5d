import {
  ACTIVITES,
  COURRIEL_A_LIRE,
  COURRIELS_ARNAQUE,
  HORAIRES_MAIRIE,
  SMS_ARNAQUE,
} from '../domain/scenarios'
import { RetourChamp, SansJavascript } from './composants'
import { Cadre, type ProprietesExercice } from './exercices-cadre'
import { EcrireCourriel, FormulaireComplet, FormulaireSimple } from './exercices-formulaires'

export type { ProprietesExercice }

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
