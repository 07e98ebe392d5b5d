import Html from '@kitajs/html'
import type { Valeurs } from '../../../platform/http/formulaire'
import {
  Champ,
  Csrf,
  type ErreursFormulaire,
  EtatVide,
  Pagination,
  ResumeErreurs,
  Tableau,
  urlAvecPage,
} from '../../../platform/layout/components'
import { libelleChamp } from '../domain/import-ligne'
import type { Lieu, Probleme } from '../domain/lieu'
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
import type { RapportImport } from '../use-cases/importer-lieux'

const date = (d: Date) =>
  d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' })

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

function ZoneTexte(p: {
  nom: string
  libelle: string
  aide?: string
  valeur: string
  erreur?: string
  lignes?: number
  max?: number
}) {
  return (
    <div class={`fr-input-group${p.erreur ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={p.nom}>
        {Html.escapeHtml(p.libelle)} (facultatif)
        {p.aide ? (
          <span class="fr-hint-text" id={`${p.nom}-aide`} safe>
            {p.aide}
          </span>
        ) : (
          ''
        )}
      </label>
      <textarea
        class={`fr-input${p.erreur ? ' fr-input--error' : ''}`}
        id={p.nom}
        name={p.nom}
        rows={String(p.lignes ?? 3)}
        maxlength={p.max}
        aria-describedby={
          [p.aide ? `${p.nom}-aide` : '', p.erreur ? `${p.nom}-erreur` : ''].filter(Boolean).join(' ') ||
          undefined
        }
        aria-invalid={p.erreur ? 'true' : undefined}
        safe
      >
        {p.valeur}
      </textarea>
      {p.erreur ? (
        <p class="fr-error-text" id={`${p.nom}-erreur`} safe>
          {p.erreur}
        </p>
      ) : (
        ''
      )}
    </div>
  )
}

function CasesACocher(p: {
  nom: string
  legende: string
  valeurs: readonly string[]
  libelles?: (v: string) => string
  coches: readonly string[]
  erreur?: string
}) {
  return (
    <fieldset
      class={`fr-fieldset${p.erreur ? ' fr-fieldset--error' : ''}`}
      id={p.nom}
      aria-labelledby={`${p.nom}-legende${p.erreur ? ` ${p.nom}-erreur` : ''}`}
    >
      <legend class="fr-fieldset__legend" id={`${p.nom}-legende`} safe>
        {p.legende}
      </legend>
      {p.valeurs.map((v, i) => (
        <div class="fr-fieldset__element">
          <div class="fr-checkbox-group fr-checkbox-group--sm">
            <input
              type="checkbox"
              id={`${p.nom}-${i}`}
              name={p.nom}
              value={v}
              checked={p.coches.includes(v)}
            />
            <label class="fr-label" for={`${p.nom}-${i}`} safe>
              {p.libelles ? p.libelles(v) : v}
            </label>
          </div>
        </div>
      ))}
      {p.erreur ? (
        <p class="fr-error-text" id={`${p.nom}-erreur`} safe>
          {p.erreur}
        </p>
      ) : (
        ''
      )}
    </fieldset>
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
      {p.lieu.problemes.length > 0 ? (
        <div class="fr-alert fr-alert--warning fr-mb-3w">
          <h2 class="fr-alert__title">Problèmes relevés à l’import</h2>
          <ul>
            {p.lieu.problemes.map((x) => (
              <li safe>{`${libelleChamp(x.champ)} : ${x.message}`}</li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      <ResumeErreurs erreurs={e} />
      <form method="post" action={`/lieux/${p.lieu.id}/modifier`} novalidate>
        <Csrf jeton={p.csrf} />
        <h2 class="fr-h4">Identité et adresse</h2>
        <Champ nom="nom" libelle="Nom du lieu" valeur={t('nom')} erreur={e.nom} maxlength={250} />
        <Champ
          nom="pivot"
          libelle="SIRET ou RNA"
          aide="14 chiffres (SIRET) ou W suivi de 9 caractères (RNA). Inconnu : laissez 00000000000000."
          valeur={t('pivot')}
          erreur={e.pivot}
          requis={false}
        />
        <Champ
          nom="adresse"
          libelle="Adresse (numéro et voie)"
          valeur={t('adresse')}
          erreur={e.adresse}
          autocomplete="street-address"
          maxlength={250}
        />
        <Champ
          nom="complement_adresse"
          libelle="Complément d’adresse"
          valeur={t('complement_adresse')}
          erreur={e.complement_adresse}
          requis={false}
          maxlength={250}
        />
        <Champ
          nom="code_postal"
          libelle="Code postal"
          valeur={t('code_postal')}
          erreur={e.code_postal}
          inputmode="numeric"
          maxlength={5}
        />
        <Champ nom="commune" libelle="Commune" valeur={t('commune')} erreur={e.commune} maxlength={100} />
        <Champ
          nom="code_insee"
          libelle="Code INSEE de la commune"
          valeur={t('code_insee')}
          erreur={e.code_insee}
          requis={false}
          maxlength={5}
        />
        <Champ
          nom="latitude"
          libelle="Latitude"
          aide="En degrés décimaux, par exemple 44.5594. Vide : centre de la commune."
          valeur={t('latitude')}
          erreur={e.latitude}
          requis={false}
          inputmode="text"
        />
        <Champ
          nom="longitude"
          libelle="Longitude"
          aide="En degrés décimaux, par exemple 6.0786."
          valeur={t('longitude')}
          erreur={e.longitude}
          requis={false}
          inputmode="text"
        />
        <h2 class="fr-h4">Contact et horaires</h2>
        <Champ
          nom="telephone"
          libelle="Téléphone"
          valeur={t('telephone')}
          erreur={e.telephone}
          requis={false}
          type="tel"
        />
        <ZoneTexte
          nom="courriels"
          libelle="Adresses e-mail"
          aide="Une par ligne."
          valeur={t('courriels')}
          erreur={e.courriels}
          lignes={2}
        />
        <ZoneTexte
          nom="site_web"
          libelle="Sites web"
          aide="Une adresse par ligne, commençant par https://"
          valeur={t('site_web')}
          erreur={e.site_web}
          lignes={2}
        />
        <ZoneTexte
          nom="horaires"
          libelle="Horaires d’ouverture"
          aide="Format OpenStreetMap. Exemple : Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off (Mo lundi, Tu mardi, We mercredi, Th jeudi, Fr vendredi, Sa samedi, Su dimanche, PH jours fériés)."
          valeur={t('horaires')}
          erreur={e.horaires}
          lignes={2}
          max={500}
        />
        <Champ
          nom="prise_rdv"
          libelle="Prise de rendez-vous en ligne (adresse web)"
          valeur={t('prise_rdv')}
          erreur={e.prise_rdv}
          requis={false}
          type="url"
        />
        <Champ
          nom="fiche_acces_libre"
          libelle="Fiche Accès libre (accessibilité)"
          aide="Adresse de la fiche du lieu sur acceslibre.beta.gouv.fr"
          valeur={t('fiche_acces_libre')}
          erreur={e.fiche_acces_libre}
          requis={false}
          type="url"
        />
        <h2 class="fr-h4">Services et accueil</h2>
        <CasesACocher
          nom="services"
          legende="Services"
          valeurs={SERVICES}
          coches={l('services')}
          erreur={e.services}
        />
        <CasesACocher
          nom="modalites_accompagnement"
          legende="Modalités d’accompagnement"
          valeurs={MODALITES_ACCOMPAGNEMENT}
          coches={l('modalites_accompagnement')}
          erreur={e.modalites_accompagnement}
        />
        <CasesACocher
          nom="modalites_acces"
          legende="Modalités d’accès"
          valeurs={MODALITES_ACCES}
          coches={l('modalites_acces')}
          erreur={e.modalites_acces}
        />
        <CasesACocher
          nom="frais_a_charge"
          legende="Frais à charge"
          valeurs={FRAIS_A_CHARGE}
          coches={l('frais_a_charge')}
          erreur={e.frais_a_charge}
        />
        <CasesACocher
          nom="publics_specifiquement_adresses"
          legende="Publics spécifiquement adressés (aucun : ouvert à tous)"
          valeurs={PUBLICS_SPECIFIQUEMENT_ADRESSES}
          coches={l('publics_specifiquement_adresses')}
          erreur={e.publics_specifiquement_adresses}
        />
        <CasesACocher
          nom="prise_en_charge_specifique"
          legende="Prise en charge spécifique"
          valeurs={PRISES_EN_CHARGE_SPECIFIQUES}
          coches={l('prise_en_charge_specifique')}
          erreur={e.prise_en_charge_specifique}
        />
        <CasesACocher
          nom="itinerance"
          legende="Itinérance"
          valeurs={ITINERANCES}
          coches={l('itinerance')}
          erreur={e.itinerance}
        />
        <CasesACocher
          nom="dispositif_programmes_nationaux"
          legende="Dispositifs et programmes nationaux"
          valeurs={DISPOSITIFS_PROGRAMMES_NATIONAUX}
          coches={l('dispositif_programmes_nationaux')}
          erreur={e.dispositif_programmes_nationaux}
        />
        <CasesACocher
          nom="formations_labels"
          legende="Formations et labels"
          valeurs={FORMATIONS_LABELS}
          coches={l('formations_labels')}
          erreur={e.formations_labels}
        />
        <ZoneTexte
          nom="autres_formations_labels"
          libelle="Autres formations et labels"
          aide="Un par ligne."
          valeur={t('autres_formations_labels')}
          erreur={e.autres_formations_labels}
          lignes={2}
        />
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
        <h2 class="fr-h4">Présentation</h2>
        <ZoneTexte
          nom="presentation_resume"
          libelle="Présentation courte"
          aide="280 caractères au plus."
          valeur={t('presentation_resume')}
          erreur={e.presentation_resume}
          lignes={3}
          max={280}
        />
        <ZoneTexte
          nom="presentation_detail"
          libelle="Présentation détaillée"
          valeur={t('presentation_detail')}
          erreur={e.presentation_detail}
          lignes={5}
          max={5000}
        />
        <Champ
          nom="structure_parente"
          libelle="Structure parente ou réseau"
          valeur={t('structure_parente')}
          erreur={e.structure_parente}
          requis={false}
          maxlength={250}
        />
        {p.structures ? (
          <div class="fr-select-group">
            <label class="fr-label" for="structure_id">
              Structure gestionnaire dans Escale
              <span class="fr-hint-text">Ses gestionnaires pourront modifier ce lieu.</span>
            </label>
            <select class="fr-select" id="structure_id" name="structure_id">
              <option value="">Aucune</option>
              {p.structures.map((s) => (
                <option value={s.code} selected={t('structure_id') === s.code} safe>
                  {s.libelle}
                </option>
              ))}
            </select>
          </div>
        ) : (
          ''
        )}
        <ul class="fr-btns-group fr-btns-group--inline fr-mt-3w">
          <li>
            <button class="fr-btn" type="submit">
              Enregistrer
            </button>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={`/lieux/${p.lieu.id}`}>
              Annuler
            </a>
          </li>
        </ul>
      </form>
    </>
  )
}

const valeurLisible = (v: unknown): string =>
  v === null || v === undefined || v === ''
    ? '(vide)'
    : Array.isArray(v)
      ? v.length
        ? v.join(', ')
        : '(vide)'
      : String(v)

export function HistoriquePage(p: {
  lieu: Lieu
  entrees: readonly {
    le: Date
    origine: string
    acteur: string
    changements: Record<string, { avant: unknown; apres: unknown }>
  }[]
}) {
  return (
    <>
      <h1 class="fr-mt-4w" safe>{`Historique de « ${p.lieu.nom} »`}</h1>
      {p.entrees.length === 0 ? (
        <EtatVide titre="Aucune modification enregistrée" />
      ) : (
        <Tableau
          legende="Modifications, de la plus récente à la plus ancienne"
          entetes={['Date', 'Par', 'Changements']}
          lignes={p.entrees.map((e) => [
            <span safe>{date(e.le)}</span>,
            <span safe>{`${e.acteur} (${e.origine})`}</span>,
            Object.keys(e.changements).length === 0 ? (
              <span>Création</span>
            ) : (
              <ul>
                {Object.entries(e.changements).map(([champ, c]) => (
                  <li safe>{`${champ} : ${valeurLisible(c.avant)} → ${valeurLisible(c.apres)}`}</li>
                ))}
              </ul>
            ),
          ])}
        />
      )}
      <p>
        <a class="fr-link" href={`/lieux/${p.lieu.id}/modifier`}>
          Retour au formulaire
        </a>
      </p>
    </>
  )
}

export function GestionLieuxPage(p: {
  lieux: readonly Lieu[]
  total: number
  page: number
  pages: number
  q: string
  admin: boolean
}) {
  return (
    <>
      <h1 class="fr-mt-4w">{p.admin ? 'Lieux' : 'Les lieux de ma structure'}</h1>
      {p.admin ? (
        <p>
          <a class="fr-btn fr-btn--secondary" href="/admin/lieux/import">
            Importer un fichier de lieux
          </a>{' '}
          <a class="fr-btn fr-btn--tertiary" href="/api/v1/lieux/export?format=csv">
            Exporter au standard (CSV)
          </a>
        </p>
      ) : (
        ''
      )}
      <form method="get" action="/gestion/lieux" class="fr-mb-3w">
        <div class="fr-input-group">
          <label class="fr-label" for="q">
            Nom, commune ou code postal
          </label>
          <input class="fr-input" type="search" id="q" name="q" value={p.q} maxlength={100} />
        </div>
        <button class="fr-btn" type="submit">
          Filtrer
        </button>
      </form>
      {p.lieux.length === 0 ? (
        <EtatVide
          titre={p.admin ? 'Aucun lieu ne correspond' : 'Aucun lieu n’est rattaché à votre structure'}
        >
          <p class="fr-callout__text">
            {p.admin
              ? 'Essayez une partie du nom.'
              : 'Demandez à l’équipe nationale de rattacher les lieux de votre structure.'}
          </p>
        </EtatVide>
      ) : (
        <>
          <Tableau
            legende={`${p.total} lieu${p.total > 1 ? 'x' : ''}`}
            entetes={['Lieu', 'Commune', 'Mise à jour', 'À vérifier']}
            lignes={p.lieux.map((l) => [
              <a href={`/lieux/${l.id}/modifier`} safe>
                {l.nom}
              </a>,
              <span safe>{`${l.codePostal} ${l.commune}`}</span>,
              <span safe>{l.dateMaj}</span>,
              <span>
                {l.problemes.filter((x) => x.gravite !== 'avertissement').length > 0
                  ? `${l.problemes.filter((x) => x.gravite !== 'avertissement').length} problème(s)`
                  : '—'}
              </span>,
            ])}
          />
          <Pagination
            page={p.page}
            pages={p.pages}
            url={(n) => urlAvecPage('/gestion/lieux', { q: p.q }, n)}
          />
        </>
      )}
    </>
  )
}

export function ImportPage(p: {
  csrf: string
  erreur?: string
  imports: readonly {
    id: string
    le: Date
    fichier: string
    lignes: number
    crees: number
    misAJour: number
    inchanges: number
    rejetes: number
  }[]
}) {
  return (
    <>
      <h1 class="fr-mt-4w">Importer des lieux</h1>
      <p>
        Fichier CSV ou JSON au standard des lieux de médiation numérique (v1, listes séparées par « | » ; les
        fichiers v0.1 et les listes séparées par « ; » sont acceptés), ou la liste nationale des France
        services (CSV). Un lieu déjà importé (même identifiant et même source) est mis à jour ; rien n’est
        supprimé.
      </p>
      {p.erreur ? (
        <div class="fr-alert fr-alert--error fr-mb-3w" role="alert" id="resume-erreurs">
          <p safe>{p.erreur}</p>
        </div>
      ) : (
        ''
      )}
      <form method="post" action="/admin/lieux/import" enctype="multipart/form-data">
        <Csrf jeton={p.csrf} />
        {/* Before the file: the server reads the fields that precede it, then checks the token, then the file. */}
        <Champ
          nom="source"
          libelle="Source des lieux"
          aide="Écrite sur les lignes qui n’en ont pas. Par défaut : le nom du fichier."
          requis={false}
          maxlength={200}
        />
        <div class={`fr-upload-group${p.erreur ? ' fr-upload-group--error' : ''} fr-mb-3w`}>
          <label class="fr-label" for="fichier">
            Fichier à importer
            <span class="fr-hint-text">CSV ou JSON, 20 Mo au plus, encodé en UTF-8.</span>
          </label>
          <input
            class="fr-upload"
            type="file"
            id="fichier"
            name="fichier"
            accept=".csv,.json,text/csv,application/json"
            required
          />
        </div>
        <button class="fr-btn" type="submit">
          Importer
        </button>
      </form>
      <h2 class="fr-h4 fr-mt-5w">Derniers imports</h2>
      {p.imports.length === 0 ? (
        <p>Aucun import pour le moment.</p>
      ) : (
        <Tableau
          legende="Derniers imports"
          entetes={['Date', 'Fichier', 'Lignes', 'Créés', 'Mis à jour', 'Inchangés', 'Rejetés']}
          lignes={p.imports.map((i) => [
            <a href={`/admin/lieux/imports/${i.id}`} safe>
              {date(i.le)}
            </a>,
            <span safe>{i.fichier}</span>,
            <span>{Html.escapeHtml(String(i.lignes))}</span>,
            <span>{Html.escapeHtml(String(i.crees))}</span>,
            <span>{Html.escapeHtml(String(i.misAJour))}</span>,
            <span>{Html.escapeHtml(String(i.inchanges))}</span>,
            <span>{Html.escapeHtml(String(i.rejetes))}</span>,
          ])}
        />
      )}
    </>
  )
}

const STATUTS: Record<string, string> = {
  cree: 'créé',
  mis_a_jour: 'mis à jour',
  inchange: 'inchangé',
  rejete: 'rejeté',
}
const GRAVITES: Record<Probleme['gravite'], string> = {
  rejet: 'Rejet',
  erreur: 'Valeur écartée',
  avertissement: 'Avertissement',
}

export function RapportImportPage({ r, le }: { r: RapportImport; le: Date }) {
  return (
    <>
      <h1 class="fr-mt-4w" safe>{`Rapport d’import : ${r.fichier}`}</h1>
      <p safe>{`Import du ${date(le)} — format ${r.format}.`}</p>
      <ul>
        <li safe>{`${r.lignes} ligne(s) lue(s)`}</li>
        <li safe>{`${r.crees} lieu(x) créé(s), ${r.misAJour} mis à jour, ${r.inchanges} inchangé(s)`}</li>
        <li
          safe
        >{`${r.rejetes} ligne(s) rejetée(s) (champ obligatoire du standard manquant ou invalide)`}</li>
        {r.colonnesIgnorees.length > 0 ? (
          <li safe>{`Colonnes ignorées : ${r.colonnesIgnorees.join(', ')}`}</li>
        ) : (
          ''
        )}
      </ul>
      {Object.keys(r.parChamp).length > 0 ? (
        <Tableau
          legende="Problèmes par champ"
          entetes={['Champ', 'Rejets', 'Valeurs écartées', 'Avertissements']}
          lignes={Object.entries(r.parChamp).map(([champ, c]) => [
            <span safe>{libelleChamp(champ)}</span>,
            <span>{Html.escapeHtml(String(c.rejet))}</span>,
            <span>{Html.escapeHtml(String(c.erreur))}</span>,
            <span>{Html.escapeHtml(String(c.avertissement))}</span>,
          ])}
        />
      ) : (
        ''
      )}
      <h2 class="fr-h4" safe>{`Détail par ligne (${r.details.length})`}</h2>
      {r.details.length === 0 ? (
        <p>Aucun problème.</p>
      ) : (
        <Tableau
          legende="Lignes avec au moins un problème"
          entetes={['Ligne', 'Lieu', 'Résultat', 'Problèmes']}
          lignes={r.details.slice(0, 2000).map((d) => [
            <span>{Html.escapeHtml(String(d.numero))}</span>,
            <span safe>{d.nom ?? d.idSource ?? '(sans nom)'}</span>,
            <span safe>{STATUTS[d.statut] ?? d.statut}</span>,
            <ul>
              {d.problemes.map((x) => (
                <li safe>{`${GRAVITES[x.gravite]} — ${libelleChamp(x.champ)} : ${x.message}`}</li>
              ))}
            </ul>,
          ])}
        />
      )}
      {r.details.length > 2000 ? (
        <p safe>{`Les ${r.details.length - 2000} lignes suivantes ne sont pas affichées.`}</p>
      ) : (
        ''
      )}
      <p>
        <a class="fr-link" href="/admin/lieux/import">
          Nouvel import
        </a>
      </p>
    </>
  )
}

export type { Valeurs }
