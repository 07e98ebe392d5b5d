import { Bouton, GroupeBoutons, LienBouton } from '../../../platform/layout/boutons'
import { decritPar, ErreurChamp, LibelleChamp } from '../../../platform/layout/champs'
import {
  Champ,
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
} from '../../../platform/layout/components'
import { libelleChamp } from '../domain/import-ligne'
import type { Lieu } from '../domain/lieu'
import {
  CODES_TYPOLOGIES,
  DISPOSITIFS_PROGRAMMES_NATIONAUX,
  FORMATIONS_LABELS,
  FRAIS_A_CHARGE,
  ITINERANCES,
  MODALITES_ACCES,
  MODALITES_ACCOMPAGNEMENT,
  PRISES_EN_CHARGE_SPECIFIQUES,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
  SERVICES,
  TYPOLOGIES,
} from '../domain/vocabulaires'
import { CasesACocher } from './composants'

/** Values of the form for a stored place (lists as arrays, the rest as text). */
export function valeursDuLieu(l: Lieu): Record<string, string | string[]> {
  return {
    nom: l.nom,
    pivot: l.pivot,
    adresse: l.adresse,
    complement_adresse: l.complementAdresse ?? '',
    code_postal: l.codePostal,
    commune: l.commune,
    code_insee: l.codeInsee ?? '',
    latitude: l.latitude === null ? '' : String(l.latitude),
    longitude: l.longitude === null ? '' : String(l.longitude),
    telephone: l.telephone ?? '',
    courriels: l.courriels.join('\n'),
    site_web: l.siteWeb.join('\n'),
    horaires: l.horaires ?? '',
    presentation_resume: l.presentationResume ?? '',
    presentation_detail: l.presentationDetail ?? '',
    structure_parente: l.structureParente ?? '',
    fiche_acces_libre: l.ficheAccesLibre ?? '',
    prise_rdv: l.priseRdv ?? '',
    autres_formations_labels: l.autresFormationsLabels.join('\n'),
    typologie: l.typologie,
    services: l.services,
    publics_specifiquement_adresses: l.publicsSpecifiquementAdresses,
    prise_en_charge_specifique: l.priseEnChargeSpecifique,
    frais_a_charge: l.fraisACharge,
    itinerance: l.itinerance,
    modalites_acces: l.modalitesAcces,
    modalites_accompagnement: l.modalitesAccompagnement,
    dispositif_programmes_nationaux: l.dispositifProgrammesNationaux,
    formations_labels: l.formationsLabels,
    structure_id: l.structureId ?? '',
  }
}

/** Form values from a submitted body (checkboxes may come as one string or an array). */
export function valeursSoumises(body: unknown): Record<string, string | string[]> {
  const v: Record<string, string | string[]> = {}
  if (body && typeof body === 'object')
    for (const [k, x] of Object.entries(body)) {
      if (k === '_csrf') continue
      if (typeof x === 'string') v[k] = x
      else if (Array.isArray(x)) v[k] = x.filter((y): y is string => typeof y === 'string')
    }
  return v
}

/** A text area of the form: optional, its height and length chosen per field. */
function ZoneTexte(p: {
  nom: string
  libelle: string
  aide?: string
  valeur: string
  erreur?: string | undefined
  lignes?: number
  max?: number
}) {
  return (
    <div class={`fr-input-group${p.erreur ? ' fr-input-group--error' : ''}`}>
      <LibelleChamp nom={p.nom} libelle={p.libelle} aide={p.aide} requis={false} />
      <textarea
        class={`fr-input${p.erreur ? ' fr-input--error' : ''}`}
        id={p.nom}
        name={p.nom}
        rows={String(p.lignes ?? 3)}
        maxlength={p.max}
        aria-describedby={decritPar(p)}
        aria-invalid={p.erreur ? 'true' : undefined}
        safe
      >
        {p.valeur}
      </textarea>
      <ErreurChamp nom={p.nom} erreur={p.erreur} />
    </div>
  )
}

/** The closed lists of the standard edited as check boxes, in the order of the form. */
const LISTES_A_COCHER: readonly { nom: string; legende: string; valeurs: readonly string[] }[] = [
  { nom: 'services', legende: 'Services', valeurs: SERVICES },
  {
    nom: 'modalites_accompagnement',
    legende: 'Modalités d’accompagnement',
    valeurs: MODALITES_ACCOMPAGNEMENT,
  },
  { nom: 'modalites_acces', legende: 'Modalités d’accès', valeurs: MODALITES_ACCES },
  { nom: 'frais_a_charge', legende: 'Frais à charge', valeurs: FRAIS_A_CHARGE },
  {
    nom: 'publics_specifiquement_adresses',
    legende: 'Publics spécifiquement adressés (aucun : ouvert à tous)',
    valeurs: PUBLICS_SPECIFIQUEMENT_ADRESSES,
  },
  {
    nom: 'prise_en_charge_specifique',
    legende: 'Prise en charge spécifique',
    valeurs: PRISES_EN_CHARGE_SPECIFIQUES,
  },
  { nom: 'itinerance', legende: 'Itinérance', valeurs: ITINERANCES },
  {
    nom: 'dispositif_programmes_nationaux',
    legende: 'Dispositifs et programmes nationaux',
    valeurs: DISPOSITIFS_PROGRAMMES_NATIONAUX,
  },
  { nom: 'formations_labels', legende: 'Formations et labels', valeurs: FORMATIONS_LABELS },
]

/** What a section of the form reads: a text value, a list value, the errors. */
interface Saisie {
  t: (k: string) => string
  l: (k: string) => string[]
  e: ErreursFormulaire
}

/** A text field of the form: an input, or a text area (always optional) when it has `lignes`. */
interface ChampTexte {
  nom: string
  libelle: string
  aide?: string
  facultatif?: boolean
  /** The height of a text area. */
  lignes?: number
  max?: number
  type?: 'tel' | 'url'
  autocomplete?: string
  inputmode?: 'numeric' | 'text'
}

const COORDONNEE = { facultatif: true, inputmode: 'text' } as const

const IDENTITE: readonly ChampTexte[] = [
  { nom: 'nom', libelle: 'Nom du lieu', max: 250 },
  {
    nom: 'pivot',
    libelle: 'SIRET ou RNA',
    aide: '14 chiffres (SIRET) ou W suivi de 9 caractères (RNA). Inconnu : laissez 00000000000000.',
    facultatif: true,
  },
  { nom: 'adresse', libelle: 'Adresse (numéro et voie)', autocomplete: 'street-address', max: 250 },
  { nom: 'complement_adresse', libelle: 'Complément d’adresse', facultatif: true, max: 250 },
  { nom: 'code_postal', libelle: 'Code postal', inputmode: 'numeric', max: 5 },
  { nom: 'commune', libelle: 'Commune', max: 100 },
  { nom: 'code_insee', libelle: 'Code INSEE de la commune', facultatif: true, max: 5 },
  {
    nom: 'latitude',
    libelle: 'Latitude',
    aide: 'En degrés décimaux, par exemple 44.5594. Vide : centre de la commune.',
    ...COORDONNEE,
  },
  { nom: 'longitude', libelle: 'Longitude', aide: 'En degrés décimaux, par exemple 6.0786.', ...COORDONNEE },
]

const CONTACT_ET_HORAIRES: readonly ChampTexte[] = [
  { nom: 'telephone', libelle: 'Téléphone', facultatif: true, type: 'tel' },
  { nom: 'courriels', libelle: 'Adresses e-mail', aide: 'Une par ligne.', lignes: 2 },
  {
    nom: 'site_web',
    libelle: 'Sites web',
    aide: 'Une adresse par ligne, commençant par https://',
    lignes: 2,
  },
  {
    nom: 'horaires',
    libelle: 'Horaires d’ouverture',
    aide: 'Format OpenStreetMap. Exemple : Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off (Mo lundi, Tu mardi, We mercredi, Th jeudi, Fr vendredi, Sa samedi, Su dimanche, PH jours fériés).',
    lignes: 2,
    max: 500,
  },
  { nom: 'prise_rdv', libelle: 'Prise de rendez-vous en ligne (adresse web)', facultatif: true, type: 'url' },
  {
    nom: 'fiche_acces_libre',
    libelle: 'Fiche Accès libre (accessibilité)',
    aide: 'Adresse de la fiche du lieu sur acceslibre.beta.gouv.fr',
    facultatif: true,
    type: 'url',
  },
]

const AUTRES_LABELS: readonly ChampTexte[] = [
  {
    nom: 'autres_formations_labels',
    libelle: 'Autres formations et labels',
    aide: 'Un par ligne.',
    lignes: 2,
  },
]

const PRESENTATION: readonly ChampTexte[] = [
  {
    nom: 'presentation_resume',
    libelle: 'Présentation courte',
    aide: '280 caractères au plus.',
    lignes: 3,
    max: 280,
  },
  { nom: 'presentation_detail', libelle: 'Présentation détaillée', lignes: 5, max: 5000 },
  { nom: 'structure_parente', libelle: 'Structure parente ou réseau', facultatif: true, max: 250 },
]

/** Text fields with their value and error. */
function ChampsTexte({ champs, s }: { champs: readonly ChampTexte[]; s: Saisie }) {
  return (
    <>
      {champs.map(({ lignes, facultatif, max, ...c }) =>
        lignes ? (
          <ZoneTexte {...c} lignes={lignes} max={max} valeur={s.t(c.nom)} erreur={s.e[c.nom]} />
        ) : (
          <Champ
            {...c}
            requis={facultatif ? false : undefined}
            maxlength={max}
            valeur={s.t(c.nom)}
            erreur={s.e[c.nom]}
          />
        ),
      )}
    </>
  )
}

/** Name, national identifier, address and position. */
function IdentiteEtAdresse(s: Saisie) {
  return (
    <>
      <h2 class="fr-h4">Identité et adresse</h2>
      <ChampsTexte champs={IDENTITE} s={s} />
    </>
  )
}

/** How to reach the place, and when. */
function ContactEtHoraires(s: Saisie) {
  return (
    <>
      <h2 class="fr-h4">Contact et horaires</h2>
      <ChampsTexte champs={CONTACT_ET_HORAIRES} s={s} />
    </>
  )
}

/** The closed lists of the standard: services, publics, access, labels, typology. */
function ServicesEtAccueil(s: Saisie) {
  const { l, e } = s
  return (
    <>
      <h2 class="fr-h4">Services et accueil</h2>
      {LISTES_A_COCHER.map((x) => (
        <CasesACocher {...x} coches={l(x.nom)} erreur={e[x.nom]} />
      ))}
      <ChampsTexte champs={AUTRES_LABELS} s={s} />
      <div class={`fr-select-group${e.typologie ? ' fr-select-group--error' : ''}`}>
        <label class="fr-label" for="typologie">
          Typologie (facultatif)
          <span class="fr-hint-text">Plusieurs choix possibles (touche Ctrl ou Cmd).</span>
        </label>
        <select class="fr-select" id="typologie" name="typologie" multiple="multiple" size="6">
          {CODES_TYPOLOGIES.map((c) => (
            <option value={c} selected={l('typologie').includes(c)} safe>
              {`${TYPOLOGIES[c]} (${c})`}
            </option>
          ))}
        </select>
      </div>
    </>
  )
}

/** Free texts and the parent network. */
function Presentation(s: Saisie) {
  return (
    <>
      <h2 class="fr-h4">Présentation</h2>
      <ChampsTexte champs={PRESENTATION} s={s} />
    </>
  )
}

export function ModifierLieuPage(p: {
  lieu: Lieu
  csrf: string
  valeurs: Record<string, string | string[]>
  erreurs: ErreursFormulaire
  structures: readonly { code: string; libelle: string }[] | undefined
}) {
  const t = (k: string) => {
    const v = p.valeurs[k]
    return typeof v === 'string' ? v : ''
  }
  const l = (k: string) => {
    const v = p.valeurs[k]
    return Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []
  }
  const e = p.erreurs
  return (
    <>
      <h1 class="fr-mt-4w" safe>{`Modifier « ${p.lieu.nom} »`}</h1>
      <p>
        Les champs suivent le standard national des lieux de médiation numérique.{' '}
        <a href={`/lieux/${p.lieu.id}/historique`}>Historique des modifications</a>
      </p>
      <ProblemesImport lieu={p.lieu} />
      <ResumeErreurs erreurs={e} />
      <form method="post" action={`/lieux/${p.lieu.id}/modifier`} novalidate>
        <Csrf jeton={p.csrf} />
        <IdentiteEtAdresse t={t} l={l} e={e} />
        <ContactEtHoraires t={t} l={l} e={e} />
        <ServicesEtAccueil t={t} l={l} e={e} />
        <Presentation t={t} l={l} e={e} />
        {p.structures ? (
          <ChoixListe
            nom="structure_id"
            libelle="Structure gestionnaire dans Escale"
            aide="Ses gestionnaires pourront modifier ce lieu."
            options={p.structures.map((s) => ({ valeur: s.code, libelle: s.libelle }))}
            valeur={t('structure_id')}
            erreur={e.structure_id}
            requis={false}
            videLibelle="Aucune"
          />
        ) : (
          ''
        )}
        <GroupeBoutons enLigne="toujours" classe="fr-mt-3w">
          <Bouton>Enregistrer</Bouton>
          <LienBouton variante="secondaire" href={`/lieux/${p.lieu.id}`}>
            Annuler
          </LienBouton>
        </GroupeBoutons>
      </form>
    </>
  )
}

/** What the last import noted about the place, for the manager to check. */
function ProblemesImport({ lieu }: { lieu: Lieu }) {
  if (lieu.problemes.length === 0) return ''
  return (
    <div class="fr-alert fr-alert--warning fr-mb-3w">
      <h2 class="fr-alert__title">Problèmes relevés à l’import</h2>
      <ul>
        {lieu.problemes.map((x) => (
          <li safe>{`${libelleChamp(x.champ)} : ${x.message}`}</li>
        ))}
      </ul>
    </div>
  )
}
