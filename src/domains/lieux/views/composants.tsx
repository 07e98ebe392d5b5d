import Html from '@kitajs/html'
import { Bouton, GroupeChamps } from '../../../platform/layout/boutons'
import { decritPar, LibelleChamp } from '../../../platform/layout/champs'
import { ChoixListe } from '../../../platform/layout/components'
import { etatOuverture, fuseauHoraire, type Horaires, phraseOuverture } from '../domain/horaires'
import { type Lieu, positionApproximative } from '../domain/lieu'
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

/**
 * « À 350 m », or for a place only known by its commune « Commune de Gap, position approximative »
 * (with « à environ 12 km » when the commune is not the one searched): never « à 10 m » for a point
 * that is only the commune's centre.
 */
export function distanceDuLieu(l: Lieu, km: number): string {
  if (!positionApproximative(l)) return `À ${distanceEnFrancais(km)}`
  const loin = km >= 2 ? `à environ ${distanceEnFrancais(km)}, ` : ''
  return `Commune de ${l.commune}, ${loin}position approximative`
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
        {p.distanceKm !== null ? <strong safe>{`${distanceDuLieu(l, p.distanceKm)} · `}</strong> : ''}
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

/** Check boxes of a list of values, one name for all (the search filters, the closed lists of a place). */
export function CasesACocher(p: {
  nom: string
  legende: string
  valeurs: readonly string[]
  libelles?: (v: string) => string
  coches: readonly string[]
  erreur?: string | undefined
  /** The group's id, the field's name by default. */
  id?: string
  legendeDiscrete?: boolean
}) {
  return (
    <GroupeChamps
      id={p.id ?? p.nom}
      legende={p.legende}
      erreur={p.erreur}
      legendeDiscrete={p.legendeDiscrete}
    >
      {p.valeurs.map((v, i) => (
        <div class="fr-checkbox-group fr-checkbox-group--sm">
          <input type="checkbox" id={`${p.nom}-${i}`} name={p.nom} value={v} checked={p.coches.includes(v)} />
          <label class="fr-label" for={`${p.nom}-${i}`} safe>
            {p.libelles ? p.libelles(v) : v}
          </label>
        </div>
      ))}
    </GroupeChamps>
  )
}

/** A yes/no search filter (sent as `1`). */
function Filtre(p: { nom: string; libelle: string; coche: boolean; classe?: string }) {
  return (
    <div class={`fr-fieldset__element${p.classe ? ` ${p.classe}` : ''}`}>
      <div class="fr-checkbox-group fr-checkbox-group--sm">
        <input type="checkbox" id={p.nom} name={p.nom} value="1" checked={p.coche} />
        <label class="fr-label" for={p.nom} safe>
          {p.libelle}
        </label>
      </div>
    </div>
  )
}

/** Where: a commune or postal code (suggested by the client island), the distance, the submit button. */
function LieuEtDistance(p: { f: RechercheFormulaire; rayons: typeof RAYONS_KM; rayon: number }) {
  const aide = 'Par exemple : Marseille, ou 05000'
  return (
    <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
      <div class="fr-col-12 fr-col-md-6">
        <div class="fr-input-group fr-mb-0">
          <LibelleChamp nom="q" libelle="Commune ou code postal" aide={aide} />
          <input
            class="fr-input"
            type="search"
            id="q"
            name="q"
            value={p.f.q ?? ''}
            autocomplete="address-level2"
            list="communes-suggestions"
            maxlength={100}
            aria-describedby={decritPar({ nom: 'q', aide })}
          />
          <datalist id="communes-suggestions" />
        </div>
      </div>
      <div class="fr-col-12 fr-col-md-3">
        <ChoixListe
          nom="rayon"
          libelle="Distance"
          options={p.rayons.map((r) => ({ valeur: String(r), libelle: `${r} km` }))}
          valeur={String(p.rayon)}
          requis={false}
        />
      </div>
      <div class="fr-col-12 fr-col-md-3">
        <Bouton>Rechercher</Bouton>
      </div>
    </div>
  )
}

/**
 * « Près de moi »: shown by the client island when the browser can give a position. The island
 * writes what it is doing and what went wrong (refused, unavailable, too long) in the live region.
 */
function PresDeMoi() {
  return (
    <div class="fr-mt-2w" id="pres-de-moi" hidden>
      <Bouton variante="secondaire" taille="sm" type="button" id="bouton-pres-de-moi">
        Près de moi (utiliser ma position)
      </Bouton>
      <p class="fr-text--sm fr-mt-1w fr-mb-0" id="pres-de-moi-etat" role="status" aria-live="polite" />
    </div>
  )
}

/** How many filters narrow the search, for the folded block's title. */
export function nombreDeFiltres(f: RechercheFormulaire): number {
  return (
    f.services.length +
    f.publics.length +
    f.modalites.length +
    f.dispositifs.length +
    (f.gratuit ? 1 : 0) +
    (f.ouvert ? 1 : 0)
  )
}

/**
 * Every filter in one block folded under the search, even when some are set (its title counts
 * them): on a phone the results come right after the search field, not after forty boxes.
 * A `<details>` folds and unfolds without JavaScript.
 */
function Filtres({ f }: { f: RechercheFormulaire }) {
  const n = nombreDeFiltres(f)
  return (
    <details class="lieux-filtres fr-mt-2w fr-mb-2w">
      <summary class="fr-text--bold">
        Filtrer les lieux
        {n > 0 ? (
          <span
            class="fr-text--regular"
            safe
          >{` (${n} filtre${n > 1 ? 's' : ''} actif${n > 1 ? 's' : ''})`}</span>
        ) : (
          ''
        )}
      </summary>
      <CasesACocher
        id="services-groupe"
        nom="services"
        legende="J’ai besoin d’aide pour :"
        valeurs={SERVICES}
        coches={f.services}
        legendeDiscrete
      />
      <Filtre nom="ouvert" libelle="Ouvert maintenant" coche={f.ouvert} />
      <Filtre nom="gratuit" libelle="Gratuit" coche={f.gratuit} />
      <CasesACocher
        id="modalites-groupe"
        nom="modalites"
        legende="Façon d’être aidé"
        valeurs={MODALITES_ACCOMPAGNEMENT}
        coches={f.modalites}
        legendeDiscrete
      />
      <CasesACocher
        id="publics-groupe"
        nom="publics"
        legende="Lieux pour un public particulier (les lieux ouverts à tous restent affichés)"
        valeurs={PUBLICS_SPECIFIQUEMENT_ADRESSES}
        coches={f.publics}
        legendeDiscrete
      />
      <CasesACocher
        id="dispositifs-groupe"
        nom="dispositifs"
        legende="Programme national"
        valeurs={DISPOSITIFS_PROGRAMMES_NATIONAUX}
        coches={f.dispositifs}
        legendeDiscrete
      />
      <Bouton variante="secondaire">Appliquer les filtres</Bouton>
    </details>
  )
}

export function FormulaireRecherche(p: {
  action: string
  f: RechercheFormulaire
  rayons: typeof RAYONS_KM
  rayon: number
}) {
  const f = p.f
  return (
    <form method="get" action={p.action} class="lieux-recherche fr-mb-4w">
      <LieuEtDistance f={f} rayons={p.rayons} rayon={p.rayon} />
      <input type="hidden" name="lat" id="lat" value={f.lat !== undefined && !f.q ? String(f.lat) : ''} />
      <input type="hidden" name="lon" id="lon" value={f.lon !== undefined && !f.q ? String(f.lon) : ''} />
      <PresDeMoi />
      <Filtres f={f} />
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
