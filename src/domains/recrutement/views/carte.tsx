import type Html from '@kitajs/html'
import type { Projection } from '../domain/couverture'

/**
 * A server-rendered SVG map in its figure: the drawing is an image named by its title, and its
 * caption says how to read it (the same facts are in the tables under it).
 */
export function FigureCarte(p: {
  proj: Projection
  /** Ids of the title and the caption (kept stable: pages and tests point at them). */
  idTitre: string
  idLegende: string
  titre: string
  legende: Html.Children
  classeLegende?: string
  children: Html.Children
}) {
  return (
    <figure class="fr-mb-4w" aria-labelledby={p.idLegende}>
      <svg
        viewBox={`0 0 ${p.proj.largeur} ${p.proj.hauteur}`}
        width={p.proj.largeur}
        height={p.proj.hauteur}
        class="escale-carte-svg"
        role="img"
        aria-labelledby={p.idTitre}
      >
        <title id={p.idTitre} safe>
          {p.titre}
        </title>
        {p.children}
      </svg>
      <figcaption id={p.idLegende} class={p.classeLegende}>
        {p.legende}
      </figcaption>
    </figure>
  )
}
