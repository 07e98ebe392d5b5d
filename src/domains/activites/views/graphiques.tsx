import { readFileSync } from 'node:fs'
import path from 'node:path'
import Html from '@kitajs/html'
import { departement } from '../../../platform/geo/territoires'

/**
 * Charts drawn on the server as SVG: no chart library, nothing to download, readable without
 * JavaScript. Each chart is an image with a text alternative, followed by its data table (the
 * table is the accessible form of the figures; the chart is a visual aid).
 */

const fmt = new Intl.NumberFormat('fr-FR')
export const nombre = (n: number | null) => (n === null ? 'secret' : fmt.format(n))
const BLEU = '#000091'
const GRIS = '#666666'

export interface Barre {
  libelle: string
  valeur: number | null
}

let compteur = 0
const idUnique = (p: string) => `${p}-${++compteur}`

/** Horizontal bars, one per value, labels on the left (long French labels fit). */
export function BarresHorizontales(p: { titre: string; barres: readonly Barre[]; unite: string }) {
  const max = Math.max(1, ...p.barres.map((b) => b.valeur ?? 0))
  const h = 22
  const largeurLibelle = 300
  const largeurBarres = 340
  const hauteur = p.barres.length * h + 4
  const id = idUnique('graphique')
  return (
    <Cadre>
      <svg
        viewBox={`0 0 ${largeurLibelle + largeurBarres + 80} ${hauteur}`}
        role="img"
        aria-labelledby={id}
        class="fr-responsive-img"
        width="100%"
      >
        <title id={id} safe>
          {`${p.titre} (${p.unite}) : le tableau qui suit donne les valeurs.`}
        </title>
        {p.barres.map((b, i) => {
          const y = i * h + 2
          const l = Math.round(((b.valeur ?? 0) / max) * largeurBarres)
          return (
            <g>
              <text x={largeurLibelle - 8} y={y + 15} text-anchor="end" font-size="13" fill="#161616" safe>
                {b.libelle.length > 42 ? `${b.libelle.slice(0, 41)}…` : b.libelle}
              </text>
              <rect
                x={largeurLibelle}
                y={y + 3}
                width={Math.max(l, b.valeur ? 1 : 0)}
                height={h - 8}
                fill={BLEU}
              />
              <text
                x={largeurLibelle + l + 6}
                y={y + 15}
                font-size="13"
                fill={b.valeur === null ? GRIS : '#161616'}
                safe
              >
                {nombre(b.valeur)}
              </text>
            </g>
          )
        })}
      </svg>
    </Cadre>
  )
}

/** Vertical bars by month (time series). */
export function HistogrammeMensuel(p: {
  titre: string
  points: readonly { mois: string; valeur: number | null }[]
}) {
  const max = Math.max(1, ...p.points.map((x) => x.valeur ?? 0))
  const largeur = 720
  const hauteur = 220
  const bas = 190
  const pas = largeur / Math.max(1, p.points.length)
  const id = idUnique('serie')
  const etiquettes = p.points.length > 24 ? 6 : p.points.length > 12 ? 2 : 1
  return (
    <Cadre>
      <svg
        viewBox={`0 0 ${largeur} ${hauteur}`}
        role="img"
        aria-labelledby={id}
        class="fr-responsive-img"
        width="100%"
      >
        <title id={id} safe>
          {`${p.titre} : le tableau qui suit donne les valeurs de chaque mois.`}
        </title>
        <line x1="0" y1={bas} x2={largeur} y2={bas} stroke={GRIS} stroke-width="1" />
        {p.points.map((x, i) => {
          const hBarre = Math.round(((x.valeur ?? 0) / max) * (bas - 20))
          return (
            <g>
              <rect x={i * pas + pas * 0.15} y={bas - hBarre} width={pas * 0.7} height={hBarre} fill={BLEU} />
              {i % etiquettes === 0 ? (
                <text
                  x={i * pas + pas / 2}
                  y={bas + 16}
                  text-anchor="middle"
                  font-size="11"
                  fill="#161616"
                  safe
                >
                  {moisCourt(x.mois)}
                </text>
              ) : (
                ''
              )}
            </g>
          )
        })}
        <text x="4" y="12" font-size="11" fill={GRIS} safe>{`max. ${nombre(max)}`}</text>
      </svg>
    </Cadre>
  )
}

const NOMS_MOIS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
]
export function moisCourt(mois: string): string {
  const [a, m] = mois.split('-')
  return `${NOMS_MOIS[Number(m) - 1] ?? m} ${a?.slice(2)}`
}
export function moisLong(mois: string): string {
  const [a, m] = mois.split('-')
  return `${NOMS_MOIS[Number(m) - 1] ?? m} ${a}`
}

interface Trace {
  code: string
  d: string
}

let fond: { traces: Trace[]; largeur: number; hauteur: number } | null | undefined

/**
 * Outline of metropolitan départements from data/fond-de-carte.json (simplified IGN Admin Express,
 * Etalab licence), projected once at first use and coarsened to keep the page light.
 */
function fondDeCarte() {
  if (fond !== undefined) return fond
  try {
    const brut = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, '../../../../data/fond-de-carte.json'), 'utf8'),
    ) as {
      features: { properties: { code: string }; geometry: { type: string; coordinates: unknown } }[]
    }
    const echelle = 60
    const cosLat = Math.cos((46.5 * Math.PI) / 180)
    const x = (lon: number) => (lon + 5.3) * echelle * cosLat
    const y = (lat: number) => (51.2 - lat) * echelle
    const traces: Trace[] = []
    for (const f of brut.features) {
      const polygones = (
        f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
      ) as number[][][][]
      let d = ''
      for (const poly of polygones)
        for (const anneau of poly) {
          let prec = ''
          const pts: string[] = []
          for (const [lon, lat] of anneau as [number, number][]) {
            const p = `${Math.round(x(lon))},${Math.round(y(lat))}`
            if (p !== prec) pts.push(p)
            prec = p
          }
          if (pts.length >= 3) d += `M${pts.join('L')}Z`
        }
      traces.push({ code: f.properties.code, d })
    }
    fond = { traces, largeur: Math.round(x(9.7)), hauteur: Math.round(y(41.3)) }
  } catch {
    fond = null
  }
  return fond
}

const PALETTE = ['#e3e3fd', '#cacafb', '#8585f6', '#6a6af4', '#000091']

/** Choropleth of départements (quintiles). Overseas départements are in the table below the map. */
export function CarteDepartements(p: { titre: string; valeurs: ReadonlyMap<string, number | null> }) {
  const f = fondDeCarte()
  if (!f) return ''
  const nonNuls = [...p.valeurs.values()]
    .filter((v): v is number => v !== null && v > 0)
    .sort((a, b) => a - b)
  const seuils = [0.2, 0.4, 0.6, 0.8].map((q) => nonNuls[Math.floor(q * (nonNuls.length - 1))] ?? 0)
  const couleur = (v: number | null | undefined) =>
    v === null ? '#dddddd' : !v ? '#ffffff' : (PALETTE[seuils.filter((s) => v > s).length] ?? BLEU)
  const id = idUnique('carte')
  return (
    <Cadre etroit>
      <svg
        viewBox={`0 0 ${f.largeur} ${f.hauteur}`}
        role="img"
        aria-labelledby={id}
        width="100%"
        class="fr-responsive-img"
      >
        <title id={id} safe>
          {`${p.titre} : carte des départements de métropole ; le tableau qui suit donne les valeurs.`}
        </title>
        {f.traces.map((t) => {
          const v = p.valeurs.get(t.code)
          return (
            <path d={t.d} fill={couleur(v)} stroke="#3a3a3a" stroke-width="0.6">
              <title
                safe
              >{`${t.code} ${departement(t.code)?.nom ?? ''} : ${v === undefined ? 0 : nombre(v)}`}</title>
            </path>
          )
        })}
      </svg>
    </Cadre>
  )
}

/** Bounds a chart's width on large screens (no stylesheet of our own: DSFR grid columns). */
function Cadre({ children, etroit }: { children: Html.Children; etroit?: boolean }) {
  return (
    <div class="fr-grid-row fr-mb-2w">
      <div class={etroit ? 'fr-col-12 fr-col-md-8 fr-col-lg-6' : 'fr-col-12 fr-col-lg-8'}>{children}</div>
    </div>
  )
}

export const texte = (s: string) => Html.escapeHtml(s)
