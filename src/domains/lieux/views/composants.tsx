import Html from '@kitajs/html'
import { etatOuverture, fuseauHoraire, type Horaires, phraseOuverture } from '../domain/horaires'
import type { Lieu } from '../domain/lieu'
import { distanceEnFrancais } from '../domain/recherche'
import {
  DISPOSITIFS_PROGRAMMES_NATIONAUX,
  MODALITES_ACCOMPAGNEMENT,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
  SERVICES,
} from '../domain/vocabulaires'
import type { RAYONS_KM, RechercheFormulaire } from '../http/lieu.form'

/** A date and time as a French reader expects it, in metropolitan time (history, imports). */
export const dateHeure = (d: Date) =>
  d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' })

export function EtatOuvertureBadge({
  horaires,
  lieu,
  instant,
}: {
  horaires: Horaires | undefined
  lieu: Lieu
  instant: Date
}) {
  if (!lieu.horaires) return <p class="fr-badge fr-badge--sm fr-badge--info">Horaires non communiqués</p>
  if (!horaires) return <p class="fr-badge fr-badge--sm fr-badge--warning">Horaires non reconnus</p>
  const e = etatOuverture(horaires, instant, fuseauHoraire(lieu.codePostal))
  return (
    <p class={`fr-badge fr-badge--sm ${e.ouvert ? 'fr-badge--success' : 'fr-badge--error'}`} safe>
      {phraseOuverture(e)}
    </p>
  )
}

export function ResultatLieu(p: {
  lieu: Lieu
  distanceKm: number | null
  numero: number
  horaires: Horaires | undefined
  instant: Date
}) {
  const l = p.lieu
  return (
    <li class="lieux-resultat fr-mb-3w">
      <h3 class="fr-h5 fr-mb-1v">
        <span class="lieux-numero" aria-hidden="true">
          {p.numero}
        </span>{' '}
        <a href={`/lieux/${l.id}`} safe>
          {l.nom}
        </a>
      </h3>
      <p class="fr-mb-1v">
        {p.distanceKm !== null ? <strong safe>{`À ${distanceEnFrancais(p.distanceKm)} · `}</strong> : ''}
        <span safe>{`${l.adresse}, ${l.codePostal} ${l.commune}`}</span>
      </p>
      <EtatOuvertureBadge horaires={p.horaires} lieu={l} instant={p.instant} />
      {l.dispositifProgrammesNationaux.includes('France Services') ? (
        <p class="fr-badge fr-badge--sm fr-badge--blue-ecume fr-ml-1w">France services</p>
      ) : (
        ''
      )}
      {l.services.length > 0 ? (
        <p class="fr-text--sm fr-mb-0 fr-mt-1v" safe>
          {l.services.join(' · ')}
        </p>
      ) : (
        ''
      )}
    </li>
  )
}

function Cases(p: { nom: string; legende: string; valeurs: readonly string[]; coches: readonly string[] }) {
  return (
    <fieldset class="fr-fieldset" id={`${p.nom}-groupe`}>
      <legend class="fr-fieldset__legend fr-text--regular" safe>
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
              {v}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  )
}

export function FormulaireRecherche(p: {
  action: string
  f: RechercheFormulaire
  rayons: typeof RAYONS_KM
  rayon: number
}) {
  const f = p.f
  const filtresOuverts =
    f.publics.length + f.modalites.length + f.dispositifs.length > 0 || f.gratuit || f.ouvert
  return (
    <form method="get" action={p.action} class="lieux-recherche fr-mb-4w">
      <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div class="fr-col-12 fr-col-md-6">
          <div class="fr-input-group fr-mb-0">
            <label class="fr-label" for="q">
              Commune ou code postal
              <span class="fr-hint-text">Par exemple : Marseille, ou 05000</span>
            </label>
            <input
              class="fr-input"
              type="search"
              id="q"
              name="q"
              value={f.q ?? ''}
              autocomplete="address-level2"
              list="communes-suggestions"
              maxlength={100}
            />
            <datalist id="communes-suggestions" />
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-3">
          <div class="fr-select-group fr-mb-0">
            <label class="fr-label" for="rayon">
              Distance
            </label>
            <select class="fr-select" id="rayon" name="rayon">
              {p.rayons.map((r) => (
                <option value={String(r)} selected={r === p.rayon} safe>
                  {`${r} km`}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-3">
          <button class="fr-btn" type="submit">
            Rechercher
          </button>
        </div>
      </div>
      <input type="hidden" name="lat" id="lat" value={f.lat !== undefined && !f.q ? String(f.lat) : ''} />
      <input type="hidden" name="lon" id="lon" value={f.lon !== undefined && !f.q ? String(f.lon) : ''} />
      <p class="fr-mt-2w fr-mb-0" id="pres-de-moi" hidden>
        <button class="fr-btn fr-btn--secondary fr-btn--sm" type="button" id="bouton-pres-de-moi">
          Près de moi (utiliser ma position)
        </button>
        <span class="fr-ml-1w fr-text--sm" id="pres-de-moi-etat" role="status" />
      </p>
      <Cases nom="services" legende="J’ai besoin d’aide pour :" valeurs={SERVICES} coches={f.services} />
      <details class="fr-mb-2w" open={filtresOuverts}>
        <summary class="fr-text--bold">Plus de critères</summary>
        <div class="fr-fieldset__element fr-mt-2w">
          <div class="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id="ouvert" name="ouvert" value="1" checked={f.ouvert} />
            <label class="fr-label" for="ouvert">
              Ouvert maintenant
            </label>
          </div>
        </div>
        <div class="fr-fieldset__element">
          <div class="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id="gratuit" name="gratuit" value="1" checked={f.gratuit} />
            <label class="fr-label" for="gratuit">
              Gratuit
            </label>
          </div>
        </div>
        <Cases
          nom="modalites"
          legende="Façon d’être aidé"
          valeurs={MODALITES_ACCOMPAGNEMENT}
          coches={f.modalites}
        />
        <Cases
          nom="publics"
          legende="Lieux pour un public particulier (les lieux ouverts à tous restent affichés)"
          valeurs={PUBLICS_SPECIFIQUEMENT_ADRESSES}
          coches={f.publics}
        />
        <Cases
          nom="dispositifs"
          legende="Programme national"
          valeurs={DISPOSITIFS_PROGRAMMES_NATIONAUX}
          coches={f.dispositifs}
        />
        <button class="fr-btn fr-btn--secondary" type="submit">
          Appliquer les critères
        </button>
      </details>
    </form>
  )
}

export function Liste({ titre, valeurs }: { titre: string; valeurs: readonly string[] }) {
  if (valeurs.length === 0) return ''
  return (
    <>
      <h3 class="fr-h6 fr-mb-1w" safe>
        {titre}
      </h3>
      <ul class="fr-mb-3w">
        {valeurs.map((v) => (
          <li safe>{v}</li>
        ))}
      </ul>
    </>
  )
}

export const echapper = Html.escapeHtml
