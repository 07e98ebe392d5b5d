import Html from '@kitajs/html'
import { Bouton, GroupeChamps } from '../../../platform/layout/boutons'
import { ChampCommune } from '../../../platform/layout/champ-commune'
import {
  Champ,
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
} from '../../../platform/layout/components'
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

type Partie = Pick<ProprietesSaisie, 'valeurs' | 'erreurs'>

/** A select that may stay on its first option (never `required`). */
function Liste(p: {
  nom: string
  libelle: string
  options: readonly Option[]
  valeur: string
  erreurs: ErreursFormulaire
  vide?: string
}) {
  return (
    <ChoixListe
      nom={p.nom}
      libelle={p.libelle}
      options={p.options}
      valeur={p.valeur}
      erreur={p.erreurs[p.nom]}
      requis={false}
      {...(p.vide !== undefined ? { videLibelle: p.vide } : {})}
    />
  )
}

/** A whole number of minutes or people, never required. */
function Nombre({ nom, libelle, valeurs, erreurs }: Partie & { nom: string; libelle: string }) {
  return (
    <Champ
      nom={nom}
      libelle={libelle}
      type="number"
      inputmode="numeric"
      requis={false}
      valeur={un(valeurs[nom])}
      erreur={erreurs[nom]}
    />
  )
}

/** An optional short text: a title, a place. */
function Texte(p: Partie & { nom: string; libelle: string; aide?: string; max: number }) {
  return (
    <Champ
      nom={p.nom}
      libelle={p.libelle}
      {...(p.aide ? { aide: p.aide } : {})}
      requis={false}
      valeur={un(p.valeurs[p.nom])}
      erreur={p.erreurs[p.nom]}
      maxlength={p.max}
    />
  )
}

/** An optional commune, by name or postal code (the INSEE code travels hidden). */
function Commune(p: Partie & { nom: string; libelle: string }) {
  return (
    <ChampCommune
      nom={p.nom}
      libelle={p.libelle}
      valeurs={p.valeurs}
      erreur={p.erreurs[p.nom]}
      requis={false}
    />
  )
}

/** The offline state, filled by the `activites-saisie` island. */
function EtatHorsLigne() {
  return (
    <div id="etat-hors-ligne" class="fr-mb-3w" aria-live="polite" data-etat="inactif">
      <p class="fr-text--sm fr-mb-1w">
        Sans réseau, l’activité est gardée sur cet appareil et envoyée dès le retour de la connexion.
      </p>
      <p id="file-attente" class="fr-text--sm fr-mb-0" />
      <Bouton type="button" variante="tertiaire" taille="sm" classe="fr-mt-1w fr-hidden" id="synchroniser">
        Envoyer maintenant
      </Bouton>
    </div>
  )
}

const libelleDuree = (m: number) =>
  m < 60 ? `${m} min` : m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60}`

/** Type, date and duration: a quick choice of durations, or another one typed in minutes. */
function ChampsQuand({ valeurs: v, erreurs: e }: Partie) {
  const duree = un(v.duree)
  return (
    <>
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
            option={{ valeur: String(m), libelle: libelleDuree(m) }}
            multiple={false}
            coche={duree === String(m)}
            requis={false}
          />
        ))}
        <Nombre nom="duree_autre" libelle="Autre durée, en minutes" valeurs={v} erreurs={e} />
      </GroupeChamps>
    </>
  )
}

function ChampsLieu(p: ProprietesSaisie) {
  const { valeurs: v, erreurs: e } = p
  return (
    <>
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
          <Commune nom="commune_lieu" libelle="Commune du domicile (si à domicile)" {...p} />
        </div>
      </div>
    </>
  )
}

/** Themes (mediation, then the administrative procedures folded away) and equipment. */
function ChampsContenu({ valeurs: v, erreurs: e }: Partie) {
  return (
    <>
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
          Le conseiller donne un coup de pouce ; pour faire la démarche, orientez la personne vers une France
          Services ou un aidant habilité Aidants Connect.
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
    </>
  )
}

/** One head count per range (`age_…`, `situation_…`), « non communiqué » left out. */
function Repartition(p: Partie & { prefixe: string; tranches: readonly Option[] }) {
  return (
    <>
      {p.tranches
        .filter((t) => t.valeur !== 'nc')
        .map((t) => (
          <div class="fr-col-6 fr-col-md-3">
            <Nombre
              nom={`${p.prefixe}_${t.valeur}`}
              libelle={t.libelle}
              valeurs={p.valeurs}
              erreurs={p.erreurs}
            />
          </div>
        ))}
    </>
  )
}

function ChampsAtelier({ valeurs: v, erreurs: e }: Partie) {
  return (
    <details class="fr-mb-3w" open={un(v.type) === 'collectif' || e.participants ? true : undefined}>
      <summary>Atelier collectif : participants et niveau</summary>
      <div class="fr-grid-row fr-grid-row--gutters fr-mt-1w">
        <div class="fr-col-12 fr-col-md-4">
          <Nombre nom="participants" libelle="Nombre de participants" valeurs={v} erreurs={e} />
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
          <Texte nom="titre" libelle="Titre de l’atelier" max={120} valeurs={v} erreurs={e} />
        </div>
      </div>
      <p class="fr-text--sm">
        Répartition des participants, si vous la connaissez (le reste compte comme « non communiqué ») :
      </p>
      <div class="fr-grid-row fr-grid-row--gutters">
        <Repartition prefixe="age" tranches={TRANCHES_AGE} valeurs={v} erreurs={e} />
        <Repartition prefixe="situation" tranches={SITUATIONS} valeurs={v} erreurs={e} />
      </div>
    </details>
  )
}

/** The followed person's profile, « non communiqué » by default. */
const PROFIL = [
  ['tranche_age', 'Tranche d’âge', TRANCHES_AGE],
  ['situation', 'Situation', SITUATIONS],
] as const

function ChampsBeneficiaire(p: ProprietesSaisie) {
  const { valeurs: v, erreurs: e } = p
  return (
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
        {PROFIL.map(([nom, libelle, options]) => (
          <div class="fr-col-12 fr-col-md-4">
            <Liste nom={nom} libelle={libelle} options={options} valeur={un(v[nom]) || 'nc'} erreurs={e} />
          </div>
        ))}
        <div class="fr-col-12 fr-col-md-4">
          <Commune nom="commune_beneficiaire" libelle="Commune de résidence" {...p} />
        </div>
      </div>
    </GroupeChamps>
  )
}

/** The nearest France Services, suggested and sent along with the form. */
function FranceServices({ lieu }: { lieu: FranceServicesProche }) {
  return (
    <div class="fr-callout fr-mb-3w">
      <p class="fr-callout__text fr-text--sm" safe>
        {`France Services la plus proche : ${lieu.nom} (${lieu.commune}${
          lieu.distanceKm !== null ? `, à ${lieu.distanceKm.toLocaleString('fr-FR')} km` : ''
        }). Pour une démarche administrative, c’est elle qui prend le relais.`}
      </p>
      <input type="hidden" name="france_services_id" value={lieu.id} />
    </div>
  )
}

/** What came of it: the autonomy reached and where the person was sent. */
function ChampsSuite({ valeurs: v, erreurs: e, franceServices }: ProprietesSaisie) {
  return (
    <>
      <Choix
        nom="autonomie"
        legende="Autonomie atteinte (facultatif)"
        options={AUTONOMIES}
        valeurs={v}
        erreurs={e}
      />
      <Choix nom="orientation" legende="Orientation" options={ORIENTATIONS} valeurs={v} erreurs={e} />
      {franceServices ? <FranceServices lieu={franceServices} /> : ''}
      <Texte
        nom="orientation_precision"
        libelle="Vers quel lieu ? (si un autre lieu)"
        max={120}
        valeurs={v}
        erreurs={e}
      />
    </>
  )
}

export function SaisiePage(p: ProprietesSaisie) {
  return (
    <>
      <h1 safe>{p.titre}</h1>
      <ResumeErreurs erreurs={p.erreurs} />
      {p.horsLigne ? <EtatHorsLigne /> : ''}
      <form method="post" action={p.action} id="formulaire-activite" novalidate={false}>
        <Csrf jeton={p.csrf} />
        <input type="hidden" name="id" value={un(p.valeurs.id)} />
        <ChampsQuand {...p} />
        <ChampsLieu {...p} />
        <ChampsContenu {...p} />
        <ChampsAtelier {...p} />
        <ChampsBeneficiaire {...p} />
        <ChampsSuite {...p} />
        <Bouton>{Html.escapeHtml(p.bouton)}</Bouton>
      </form>
    </>
  )
}
