import type { TuilesCarte } from '../../../platform/geo/tuiles'

/** The attributes the map island reads for its background (src/client/carte.ts, ADR 061). */
export const attributsFond = (tuiles: TuilesCarte | undefined) => ({
  'data-fond': '/lieux/fond-de-carte.json',
  'data-tuiles': tuiles?.url ?? '',
  'data-attribution': tuiles?.attribution ?? '',
})

/**
 * A small map on a place's page: the place on the street background, only when its position is its
 * own (a place placed at its commune's centre would point at the town hall). Without JavaScript, the
 * address above says the same.
 */
export function CarteDuLieu(p: {
  nom: string
  latitude: number | null
  longitude: number | null
  approximative: boolean
  tuiles: TuilesCarte | undefined
}) {
  if (p.latitude === null || p.longitude === null || p.approximative) return ''
  return (
    <section class="lieux-non-imprime fr-mb-4w" aria-labelledby="carte-du-lieu-titre">
      <h2 id="carte-du-lieu-titre" class="fr-h6">
        Sur la carte
      </h2>
      <div
        id="carte"
        class="lieux-carte lieux-carte--lieu"
        data-lieu={p.nom}
        data-lat={String(p.latitude)}
        data-lon={String(p.longitude)}
        {...attributsFond(p.tuiles)}
      >
        <p class="fr-p-2w fr-mb-0">La carte s’affiche quand JavaScript est activé.</p>
      </div>
    </section>
  )
}
