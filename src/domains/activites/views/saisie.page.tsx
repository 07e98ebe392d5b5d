import Html from '@kitajs/html'
import { Bouton, GroupeChamps } from '../../../platform/layout/boutons'
import { Champ, Csrf, type ErreursFormulaire, ResumeErreurs } from '../../../platform/layout/components'
import {
  AUTONOMIES,
  DUREES_RAPIDES,
  MATERIELS,
  NIVEAUX,
  type Option,
  ORIENTATIONS,
  SITUATIONS,
  THEMES_DEMARCHES,
  THEMES_MEDIATION,
  TRANCHES_AGE,
  TYPES,
  TYPES_LIEU,
} from '../domain/vocabulaire'
import type { FranceServicesProche, LieuActivite } from '../use-cases/deps'

export type ValeursSaisie = Record<string, string | string[] | undefined>

const un = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? ''
const plusieurs = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

/** One radio or checkbox of a group. */
function CaseOuRadio(p: {
  id: string
  nom: string
  option: Option
  multiple: boolean
  coche: boolean
  requis: boolean
}) {
  return (
    <div class={p.multiple ? 'fr-checkbox-group fr-checkbox-group--sm' : 'fr-radio-group fr-radio-group--sm'}>
      <input
        type={p.multiple ? 'checkbox' : 'radio'}
        id={p.id}
        name={p.nom}
        value={p.option.valeur}
        checked={p.coche}
        required={p.requis ? true : undefined}
      />
      <label class="fr-label" for={p.id} safe>
        {p.option.libelle}
      </label>
    </div>
  )
}

/** A group of radios or checkboxes; the fieldset carries the field's id for the error summary. */
function Choix(p: {
  nom: string
  legende: string
  aide?: string
  options: readonly Option[]
  multiple?: boolean
  valeurs: ValeursSaisie
  erreurs: ErreursFormulaire
  enLigne?: boolean
  requis?: boolean
  /** When one field is split over two groups, the second needs other ids. */
  idGroupe?: string
}) {
  const coches = plusieurs(p.valeurs[p.nom])
  const g = p.idGroupe ?? p.nom
  return (
    <GroupeChamps
      id={g}
      legende={p.legende}
      {...(p.aide ? { aide: p.aide } : {})}
      erreur={p.erreurs[p.nom]}
      legendeDiscrete
      enLigne={p.enLigne ?? false}
    >
      {p.options.map((o) => (
        <CaseOuRadio
          id={`${g}-${o.valeur}`}
          nom={p.nom}
          option={o}
          multiple={p.multiple ?? false}
          coche={coches.includes(o.valeur)}
          requis={!p.multiple && !!p.requis}
        />
      ))}
    </GroupeChamps>
  )
}

function Liste(p: {
  nom: string
  libelle: string
  options: readonly Option[]
  valeur: string
  erreurs: ErreursFormulaire
  vide?: string
}) {
  const erreur = p.erreurs[p.nom]
  return (
    <div class={`fr-select-group${erreur ? ' fr-select-group--error' : ''}`}>
      <label class="fr-label" for={p.nom} safe>
        {p.libelle}
      </label>
      <select
        class="fr-select"
        id={p.nom}
        name={p.nom}
        aria-invalid={erreur ? 'true' : undefined}
        aria-describedby={erreur ? `${p.nom}-erreur` : undefined}
      >
        {p.vide !== undefined ? (
          <option value="" safe>
            {p.vide}
          </option>
        ) : (
          ''
        )}
        {p.options.map((o) => (
          <option value={o.valeur} selected={o.valeur === p.valeur} safe>
            {o.libelle}
          </option>
        ))}
      </select>
      {erreur ? (
        <p class="fr-error-text" id={`${p.nom}-erreur`} safe>
          {erreur}
        </p>
      ) : (
        ''
      )}
    </div>
  )
}

export interface ProprietesSaisie {
  csrf: string
  action: string
  titre: string
  bouton: string
  valeurs: ValeursSaisie
  erreurs: ErreursFormulaire
  lieux: readonly LieuActivite[]
  beneficiaires: readonly { id: string; prenom: string }[]
  franceServices: FranceServicesProche | undefined
  /** The new-activity form can be filled offline (island + service worker). */
  horsLigne: boolean
}

export function SaisiePage(p: ProprietesSaisie) {
  const v = p.valeurs
  const e = p.erreurs
  const duree = un(v.duree)
  return (
    <>
      <h1 safe>{p.titre}</h1>
      <ResumeErreurs erreurs={e} />
      {p.horsLigne ? (
        <div id="etat-hors-ligne" class="fr-mb-3w" aria-live="polite" data-etat="inactif">
          <p class="fr-text--sm fr-mb-1w">
            Sans réseau, l’activité est gardée sur cet appareil et envoyée dès le retour de la connexion.
          </p>
          <p id="file-attente" class="fr-text--sm fr-mb-0" />
          <Bouton
            type="button"
            variante="tertiaire"
            taille="sm"
            classe="fr-mt-1w fr-hidden"
            id="synchroniser"
          >
            Envoyer maintenant
          </Bouton>
        </div>
      ) : (
        ''
      )}
      <form method="post" action={p.action} id="formulaire-activite" novalidate={false}>
        <Csrf jeton={p.csrf} />
        <input type="hidden" name="id" value={un(v.id)} />
        <Choix nom="type" legende="Type d’activité" options={TYPES} valeurs={v} erreurs={e} requis />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6">
            <Champ nom="date" libelle="Date" type="date" valeur={un(v.date)} erreur={e.date} />
          </div>
        </div>
        <GroupeChamps id="duree" legende="Durée" erreur={e.duree} legendeDiscrete enLigne>
          {DUREES_RAPIDES.map((m) => (
            <CaseOuRadio
              id={`duree-${m}`}
              nom="duree"
              option={{
                valeur: String(m),
                libelle:
                  m < 60 ? `${m} min` : m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60}`,
              }}
              multiple={false}
              coche={duree === String(m)}
              requis={false}
            />
          ))}
          <Champ
            nom="duree_autre"
            libelle="Autre durée, en minutes"
            type="number"
            inputmode="numeric"
            requis={false}
            valeur={un(v.duree_autre)}
            erreur={e.duree_autre}
          />
        </GroupeChamps>

        <Choix nom="lieu_type" legende="Lieu" options={TYPES_LIEU} valeurs={v} erreurs={e} enLigne requis />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6">
            <Liste
              nom="lieu_id"
              libelle="Mon lieu d’activité (si dans un de mes lieux)"
              options={p.lieux.map((l) => ({ valeur: l.id, libelle: l.nom }))}
              valeur={un(v.lieu_id)}
              erreurs={e}
            />
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <Champ
              nom="commune_lieu"
              libelle="Commune du domicile (si à domicile)"
              aide="Code INSEE, par exemple 05061"
              requis={false}
              valeur={un(v.commune_lieu)}
              erreur={e.commune_lieu}
              maxlength={5}
            />
          </div>
        </div>

        <Choix
          nom="themes"
          legende="Thèmes"
          aide="Cochez au moins un thème."
          options={THEMES_MEDIATION}
          multiple
          valeurs={v}
          erreurs={e}
        />
        <details
          class="fr-mb-3w"
          open={plusieurs(v.themes).some((t) => t.startsWith('demarche_')) ? true : undefined}
        >
          <summary>Aide à une démarche administrative (dix domaines)</summary>
          <p class="fr-text--sm fr-mt-1w">
            Le conseiller donne un coup de pouce ; pour faire la démarche, orientez la personne vers une
            France Services ou un aidant habilité Aidants Connect.
          </p>
          <Choix
            nom="themes"
            idGroupe="themes-demarches"
            legende="Domaines de la démarche"
            options={THEMES_DEMARCHES}
            multiple
            valeurs={v}
            erreurs={{}}
          />
        </details>

        <Choix
          nom="materiels"
          legende="Matériel utilisé"
          options={MATERIELS}
          multiple
          valeurs={v}
          erreurs={e}
          enLigne
        />

        <details class="fr-mb-3w" open={un(v.type) === 'collectif' || e.participants ? true : undefined}>
          <summary>Atelier collectif : participants et niveau</summary>
          <div class="fr-grid-row fr-grid-row--gutters fr-mt-1w">
            <div class="fr-col-12 fr-col-md-4">
              <Champ
                nom="participants"
                libelle="Nombre de participants"
                type="number"
                inputmode="numeric"
                requis={false}
                valeur={un(v.participants)}
                erreur={e.participants}
              />
            </div>
            <div class="fr-col-12 fr-col-md-4">
              <Liste
                nom="niveau"
                libelle="Niveau"
                options={NIVEAUX}
                valeur={un(v.niveau)}
                erreurs={e}
                vide="Non précisé"
              />
            </div>
            <div class="fr-col-12 fr-col-md-4">
              <Champ
                nom="titre"
                libelle="Titre de l’atelier"
                requis={false}
                valeur={un(v.titre)}
                erreur={e.titre}
                maxlength={120}
              />
            </div>
          </div>
          <p class="fr-text--sm">
            Répartition des participants, si vous la connaissez (le reste compte comme « non communiqué ») :
          </p>
          <div class="fr-grid-row fr-grid-row--gutters">
            {TRANCHES_AGE.filter((t) => t.valeur !== 'nc').map((t) => (
              <div class="fr-col-6 fr-col-md-3">
                <Champ
                  nom={`age_${t.valeur}`}
                  libelle={t.libelle}
                  type="number"
                  inputmode="numeric"
                  requis={false}
                  valeur={un(v[`age_${t.valeur}`])}
                  erreur={e[`age_${t.valeur}`]}
                />
              </div>
            ))}
            {SITUATIONS.filter((t) => t.valeur !== 'nc').map((t) => (
              <div class="fr-col-6 fr-col-md-3">
                <Champ
                  nom={`situation_${t.valeur}`}
                  libelle={t.libelle}
                  type="number"
                  inputmode="numeric"
                  requis={false}
                  valeur={un(v[`situation_${t.valeur}`])}
                  erreur={e[`situation_${t.valeur}`]}
                />
              </div>
            ))}
          </div>
        </details>

        <GroupeChamps
          id="beneficiaire"
          legende="Bénéficiaire (accompagnement individuel ou aide ponctuelle)"
          aide="Anonyme par défaut. Tous ces champs sont facultatifs."
          legendeDiscrete
        >
          <Liste
            nom="beneficiaire_id"
            libelle="Personne suivie (fiche créée avec son accord)"
            options={p.beneficiaires.map((b) => ({ valeur: b.id, libelle: b.prenom }))}
            valeur={un(v.beneficiaire_id)}
            erreurs={e}
            vide="Personne anonyme"
          />
          <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-4">
              <Liste
                nom="tranche_age"
                libelle="Tranche d’âge"
                options={TRANCHES_AGE}
                valeur={un(v.tranche_age) || 'nc'}
                erreurs={e}
              />
            </div>
            <div class="fr-col-12 fr-col-md-4">
              <Liste
                nom="situation"
                libelle="Situation"
                options={SITUATIONS}
                valeur={un(v.situation) || 'nc'}
                erreurs={e}
              />
            </div>
            <div class="fr-col-12 fr-col-md-4">
              <Champ
                nom="commune_beneficiaire"
                libelle="Commune de résidence"
                aide="Code INSEE"
                requis={false}
                valeur={un(v.commune_beneficiaire)}
                erreur={e.commune_beneficiaire}
                maxlength={5}
              />
            </div>
          </div>
        </GroupeChamps>

        <Choix
          nom="autonomie"
          legende="Autonomie atteinte (facultatif)"
          options={AUTONOMIES}
          valeurs={v}
          erreurs={e}
        />
        <Choix nom="orientation" legende="Orientation" options={ORIENTATIONS} valeurs={v} erreurs={e} />
        {p.franceServices ? (
          <div class="fr-callout fr-mb-3w">
            <p class="fr-callout__text fr-text--sm" safe>
              {`France Services la plus proche : ${p.franceServices.nom} (${p.franceServices.commune}${
                p.franceServices.distanceKm !== null
                  ? `, à ${p.franceServices.distanceKm.toLocaleString('fr-FR')} km`
                  : ''
              }). Pour une démarche administrative, c’est elle qui prend le relais.`}
            </p>
            <input type="hidden" name="france_services_id" value={p.franceServices.id} />
          </div>
        ) : (
          ''
        )}
        <Champ
          nom="orientation_precision"
          libelle="Vers quel lieu ? (si un autre lieu)"
          requis={false}
          valeur={un(v.orientation_precision)}
          erreur={e.orientation_precision}
          maxlength={120}
        />
        <Bouton>{Html.escapeHtml(p.bouton)}</Bouton>
      </form>
    </>
  )
}
