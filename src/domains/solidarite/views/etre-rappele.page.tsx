import Html from '@kitajs/html'
import { Bouton, GroupeChamps } from '../../../platform/layout/boutons'
import { Case, PotDeMiel, Radios } from '../../../platform/layout/champs'
import {
  Champ,
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
} from '../../../platform/layout/components'
import type { Creneau } from '../domain/creneaux'
import { BESOINS, DOMAINES_DEMARCHE, LANGUES, NOMS_TERRITOIRES } from '../domain/demande'
import type { Territoire } from '../domain/telephone'

export interface ModeleEtreRappele {
  territoire: Territoire
  creneaux: readonly Creneau[]
  /** « au plus tard vendredi 4 décembre à 10 h », for « dès que possible ». */
  desQuePossible: string
  /** A professional filing the request for someone else. */
  pourAutrui: boolean
}

const ICONES_BESOINS: Record<keyof typeof BESOINS, string> = {
  materiel: 'fr-icon-computer-line',
  internet: 'fr-icon-wifi-line',
  email: 'fr-icon-mail-line',
  demarche: 'fr-icon-file-text-line',
  arnaque: 'fr-icon-alarm-warning-line',
  autre: 'fr-icon-question-line',
}

const options = (o: Record<string, string>) =>
  Object.entries(o).map(([valeur, libelle]) => ({ valeur, libelle }))

/** The need, each choice with its picture: people who read with difficulty find theirs by the icon. */
function ChoixBesoin({ valeur, erreur }: { valeur?: string | undefined; erreur?: string | undefined }) {
  return (
    <fieldset
      class={`fr-fieldset${erreur ? ' fr-fieldset--error' : ''}`}
      id="besoin"
      aria-labelledby={`besoin-legende${erreur ? ' besoin-erreur' : ''}`}
    >
      <legend class="fr-fieldset__legend" id="besoin-legende">
        Qu’est-ce qui vous bloque ?
      </legend>
      {Object.entries(BESOINS).map(([cle, libelle]) => (
        <div class="fr-fieldset__element">
          <div class="fr-radio-group fr-radio-rich">
            <input
              type="radio"
              id={`besoin-${cle}`}
              name="besoin"
              value={cle}
              checked={cle === valeur}
              aria-invalid={erreur ? 'true' : undefined}
            />
            <label class="fr-label" for={`besoin-${cle}`}>
              {libelle}
            </label>
            <div class="fr-radio-rich__img escale-besoin">
              <span class={ICONES_BESOINS[cle as keyof typeof BESOINS]} aria-hidden="true" />
            </div>
          </div>
        </div>
      ))}
      {erreur ? (
        <p class="fr-error-text fr-fieldset__element" id="besoin-erreur" safe>
          {erreur}
        </p>
      ) : (
        ''
      )}
    </fieldset>
  )
}

/** Overseas people pick their territory by a plain link: the slots are shown in their own time. */
function AutreTerritoire({ territoire }: { territoire: Territoire }) {
  return (
    <details class="fr-mb-3w">
      <summary>
        Vous êtes en ce moment : <strong safe>{NOMS_TERRITOIRES[territoire]}</strong>. Vous êtes ailleurs ?
      </summary>
      <ul class="fr-mt-1w">
        {Object.entries(NOMS_TERRITOIRES)
          .filter(([t]) => t !== territoire)
          .map(([t, nom]) => (
            <li>
              <a href={`/etre-rappele?territoire=${t}`} safe>
                {nom}
              </a>
            </li>
          ))}
      </ul>
    </details>
  )
}

const PRECISIONS = [
  ['arnaque_en_cours', 'C’est une arnaque en cours : on me demande de l’argent ou mes codes en ce moment'],
  ['isolement', 'Personne autour de moi ne peut m’aider'],
  ['reponse_sms', 'J’entends mal : je préfère qu’on m’écrive par SMS'],
] as const

/** The procedure, its deadline, and what makes the request more urgent or changes how to answer. */
function Precisions({ e, v }: { e: ErreursFormulaire; v: Record<string, string> }) {
  return (
    <>
      <GroupeChamps id="demarche" legende="Si c’est une démarche" legendeDiscrete>
        <ChoixListe
          nom="domaine_demarche"
          libelle="Laquelle ?"
          options={options(DOMAINES_DEMARCHE)}
          valeur={v.domaine_demarche}
          erreur={e.domaine_demarche}
          requis={false}
          videLibelle="Je ne sais pas, ou ce n’est pas une démarche"
        />
        <Champ
          nom="date_limite"
          libelle="Avez-vous une date limite ?"
          aide="Par exemple la date de fin d’une déclaration. Les demandes pressées passent avant."
          type="date"
          requis={false}
          valeur={v.date_limite}
          erreur={e.date_limite}
        />
      </GroupeChamps>
      <GroupeChamps id="precisions" legende="Pour mieux vous aider" legendeDiscrete>
        {PRECISIONS.map(([nom, libelle]) => (
          <Case nom={nom} libelle={libelle} coche={v[nom] === 'oui'} />
        ))}
        <ChoixListe
          nom="langue"
          libelle="Langue de l’appel"
          options={options(LANGUES)}
          valeur={v.langue ?? 'fr'}
          erreur={e.langue}
        />
      </GroupeChamps>
    </>
  )
}

export function EtreRappelePage(p: {
  m: ModeleEtreRappele
  csrf: string
  e: ErreursFormulaire
  v: Record<string, string>
}) {
  const { m, e, v } = p
  const creneaux = [
    { valeur: 'des-que-possible', libelle: `Dès que possible (${m.desQuePossible})` },
    ...m.creneaux.map((c) => ({ valeur: c.id, libelle: c.libelle })),
  ]
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Être rappelé par un médiateur</h1>
        <p class="fr-text--lead">
          Un médiateur numérique vous appelle, gratuitement, pour vous aider avec votre appareil, internet,
          vos e-mails ou une démarche en ligne.
        </p>
        {m.pourAutrui ? (
          <div class="fr-callout fr-mb-3w">
            <p class="fr-callout__text">
              Vous remplissez cette demande <strong>pour une autre personne</strong> : indiquez son numéro et
              son prénom, pas les vôtres. Elle recevra le SMS de confirmation.
            </p>
          </div>
        ) : (
          ''
        )}
        <ResumeErreurs erreurs={e} />
        <AutreTerritoire territoire={m.territoire} />
        <form method="post" action="/etre-rappele" novalidate>
          <Csrf jeton={p.csrf} />
          <input type="hidden" name="territoire" value={m.territoire} />
          <GroupeChamps id="vous" legende="Vous">
            <Champ
              nom="telephone"
              libelle="Votre numéro de téléphone"
              aide="Le médiateur appellera ce numéro. Exemple : 06 12 34 56 78"
              type="tel"
              autocomplete="tel"
              inputmode="tel"
              maxlength={40}
              valeur={v.telephone}
              erreur={e.telephone}
            />
            <Champ
              nom="prenom"
              libelle="Votre prénom, ou un surnom"
              autocomplete="given-name"
              maxlength={40}
              valeur={v.prenom}
              erreur={e.prenom}
            />
          </GroupeChamps>
          <ChoixBesoin valeur={v.besoin} erreur={e.besoin} />
          <Precisions e={e} v={v} />
          <Radios
            nom="creneau"
            legende={`Quand voulez-vous être appelé ? (heure : ${NOMS_TERRITOIRES[m.territoire]})`}
            options={creneaux}
            valeur={v.creneau ?? 'des-que-possible'}
            erreur={e.creneau}
          />
          <PotDeMiel nom="site_web" valeur={v.site_web} />
          <Case
            nom="consentement"
            libelle="J’accepte qu’un médiateur m’appelle à ce numéro"
            aide="Votre numéro sert seulement à vous rappeler. Il est effacé trois mois après la fin de votre demande."
            coche={v.consentement === 'oui'}
            erreur={e.consentement}
          />
          <Bouton icone="fr-icon-phone-line">Demander à être rappelé</Bouton>
        </form>
      </div>
    </div>
  )
}

export interface ModeleSuivi {
  reference: string
  statut: 'en-attente' | 'prise' | 'close'
  issue: string | null
  quand: string
  lienAnnulation: string
}

/** What the SMS link and the confirmation show: the reference, when, and a way to cancel. */
export function SuiviDemandePage(p: { m: ModeleSuivi; csrf: string; nouvelle: boolean }) {
  const { m } = p
  const ouverte = m.statut !== 'close'
  return (
    <>
      <h1>{p.nouvelle ? 'Votre demande est enregistrée' : 'Votre demande de rappel'}</h1>
      <div class="fr-callout fr-mb-4w">
        <p class="fr-callout__title">
          Référence :{' '}
          <span class="escale-reference" safe>
            {m.reference}
          </span>
        </p>
        <p class="fr-callout__text">
          {ouverte
            ? Html.escapeHtml(`Un médiateur vous appellera ${m.quand}.`)
            : m.issue === 'annulee'
              ? 'Cette demande est annulée.'
              : 'Cette demande est terminée.'}
        </p>
      </div>
      {ouverte ? (
        <>
          <p>
            Gardez cette référence : donnez-la si vous appelez. Le numéro qui vous appellera peut être masqué
            : décrochez.
          </p>
          <h2 class="fr-h4">Vous n’avez plus besoin d’aide ?</h2>
          <form method="post" action={m.lienAnnulation}>
            <Csrf jeton={p.csrf} />
            <Bouton variante="secondaire" icone="fr-icon-close-line">
              Annuler ma demande
            </Bouton>
          </form>
        </>
      ) : (
        <p>
          <a href="/etre-rappele">Faire une nouvelle demande</a>
        </p>
      )}
    </>
  )
}
