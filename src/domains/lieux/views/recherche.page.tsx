import type { Commune } from '../../../platform/geo/communes'
import type { TuilesCarte } from '../../../platform/geo/tuiles'
import { EtatVide, Pagination } from '../../../platform/layout/components'
import type { Horaires } from '../domain/horaires'
import type { Lieu } from '../domain/lieu'
import type { Trouve } from '../domain/recherche'
import { RAYONS_KM, type RechercheFormulaire } from '../http/lieu.form'
import { attributsFond } from './carte-lieu'
import { FormulaireRecherche, ResultatLieu } from './composants'

export interface VueRecherche {
  f: RechercheFormulaire
  rayon: number
  /** Where the search is centred, in words (« Marseille (13) », « votre position »). */
  autour: string | undefined
  commune: Commune | undefined
  homonymes: readonly Commune[]
  introuvable: string | undefined
  resultats: readonly Trouve[]
  total: number
  page: number
  pages: number
  horairesDe: (l: Lieu) => Horaires | undefined
  instant: Date
  /** Query string of the search without `page`, to link the list, the map and other pages. */
  requete: string
}

export function urlRecherche(base: string, requete: string, page = 1): string {
  const q = new URLSearchParams(requete)
  if (page > 1) q.set('page', String(page))
  const s = q.toString()
  return s ? `${base}?${s}` : base
}

function Resultats({ v, base }: { v: VueRecherche; base: string }) {
  if (v.introuvable)
    return (
      <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
        <p
          safe
        >{`Nous ne trouvons pas la commune « ${v.introuvable} ». Vérifiez l’orthographe, ou saisissez le code postal (5 chiffres).`}</p>
      </div>
    )
  if (!v.autour) return ''
  return (
    <section aria-labelledby="titre-resultats">
      <h2 id="titre-resultats" class="fr-h4" safe>
        {v.total === 0
          ? `Aucun lieu à moins de ${v.rayon} km de ${v.autour}`
          : `${v.total} lieu${v.total > 1 ? 'x' : ''} à moins de ${v.rayon} km de ${v.autour}`}
      </h2>
      {v.homonymes.length > 0 ? (
        <p>
          Autres communes de ce nom :{' '}
          {v.homonymes.map((c, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a
                href={urlRecherche(base, new URLSearchParams({ q: c.nom, commune: c.code }).toString())}
                safe
              >
                {`${c.nom} (${c.departement})`}
              </a>
            </>
          ))}
        </p>
      ) : (
        ''
      )}
      {v.total === 0 ? (
        <EtatVide titre="Élargissez la recherche">
          <p class="fr-callout__text">
            Choisissez une distance plus grande, ou retirez des critères. Une France services peut aussi vous
            aider pour vos démarches administratives.
          </p>
        </EtatVide>
      ) : (
        <>
          <p>Du plus proche au plus éloigné.</p>
          <ol class="fr-raw-list">
            {v.resultats.map((r, i) => (
              <ResultatLieu
                lieu={r.lieu}
                distanceKm={r.distanceKm}
                numero={(v.page - 1) * 10 + i + 1}
                horaires={v.horairesDe(r.lieu)}
                instant={v.instant}
              />
            ))}
          </ol>
          <Pagination page={v.page} pages={v.pages} url={(n) => urlRecherche(base, v.requete, n)} />
        </>
      )}
    </section>
  )
}

export function RecherchePage({ v }: { v: VueRecherche }) {
  return (
    <>
      <h1 class="fr-mt-4w">Trouver de l’aide près de chez moi</h1>
      {/* Once a search is made, its results matter more than the introduction (phones: issue 17.4). */}
      {v.autour || v.introuvable ? (
        ''
      ) : (
        <p class="fr-text--lead">
          Des lieux où l’on vous aide à utiliser le numérique et à faire vos démarches, souvent gratuitement.
        </p>
      )}
      <FormulaireRecherche action="/lieux" f={v.f} rayons={RAYONS_KM} rayon={v.rayon} />
      {v.autour && v.total > 0 ? (
        <p>
          <a class="fr-link" href={urlRecherche('/lieux/carte', v.requete)}>
            Voir ces lieux sur une carte
          </a>
        </p>
      ) : (
        ''
      )}
      <Resultats v={v} base="/lieux" />
    </>
  )
}

export function CartePage({
  v,
  api,
  tuiles,
}: {
  v: VueRecherche
  api: string
  tuiles: TuilesCarte | undefined
}) {
  return (
    <>
      <h1 class="fr-mt-4w">Carte des lieux d’aide</h1>
      <FormulaireRecherche action="/lieux/carte" f={v.f} rayons={RAYONS_KM} rayon={v.rayon} />
      <p>
        <a class="fr-link" href={urlRecherche('/lieux', v.requete)}>
          Revenir à la liste
        </a>
      </p>
      <div
        id="carte"
        class="lieux-carte fr-mb-3w"
        data-api={api}
        {...attributsFond(tuiles)}
        data-lat={v.commune ? String(v.commune.latitude) : v.f.lat !== undefined ? String(v.f.lat) : ''}
        data-lon={v.commune ? String(v.commune.longitude) : v.f.lon !== undefined ? String(v.f.lon) : ''}
        data-rayon={String(v.rayon)}
      >
        <p class="fr-p-2w">
          La carte s’affiche quand JavaScript est activé. La liste ci-dessous donne les mêmes lieux.
        </p>
      </div>
      <Resultats v={v} base="/lieux/carte" />
    </>
  )
}
