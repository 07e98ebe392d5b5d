/**
 * Map island: Leaflet on a street background from the configured tile source (`data-tuiles`, Plan IGN
 * by default, ADR 061), or on our département outlines when there is none or its tiles do not load
 * (offline, tests); the places of the current search as numbered, clustered markers, or one place
 * (`data-lieu`) on its own page. The same places are listed next to the map: the page works without it.
 */
import L from 'leaflet'

interface LieuApi {
  id: string
  nom: string
  adresse: { voie: string; code_postal: string; commune: string }
  latitude: number | null
  longitude: number | null
  distance_km: number | null
}

/** The outlines (data/fond-de-carte.json): the background when there are no tiles, or they fail. */
async function poserContours(carte: L.Map, conteneur: HTMLElement): Promise<void> {
  conteneur.dataset.fondAffiche = 'contours'
  carte.attributionControl.addAttribution('Contours © IGN (Licence Ouverte)')
  // Without streets, a close view of one place shows nothing around it: the département instead.
  if (conteneur.dataset.lieu && carte.getZoom() > 9) carte.setZoom(9)
  const fond = await fetch(conteneur.dataset.fond ?? '').then((r) => (r.ok ? r.json() : undefined))
  if (fond)
    L.geoJSON(fond as GeoJSON.GeoJsonObject, {
      interactive: false,
      style: { color: '#7b7b7b', weight: 1, fillColor: '#f6f6f6', fillOpacity: 1 },
    })
      .addTo(carte)
      .bringToBack()
}

/** Tiles when a source is configured; the outlines as soon as one fails before any has loaded. */
function poserFond(carte: L.Map, conteneur: HTMLElement): void {
  const url = conteneur.dataset.tuiles
  if (!url) {
    void poserContours(carte, conteneur)
    return
  }
  let chargee = false
  const tuiles = L.tileLayer(url, {
    maxZoom: 18,
    attribution: conteneur.dataset.attribution ?? '',
  })
  conteneur.dataset.fondAffiche = 'tuiles'
  tuiles.on('tileload', () => {
    chargee = true
  })
  tuiles.on('tileerror', () => {
    if (chargee || conteneur.dataset.fondAffiche === 'contours') return
    carte.removeLayer(tuiles)
    void poserContours(carte, conteneur)
  })
  tuiles.addTo(carte)
}

async function afficher(conteneur: HTMLElement): Promise<void> {
  // leaflet.markercluster extends the global `L`.
  ;(window as unknown as { L: typeof L }).L = L
  await import('leaflet.markercluster')
  const lat = Number(conteneur.dataset.lat)
  const lon = Number(conteneur.dataset.lon)
  const centre: L.LatLngExpression = conteneur.dataset.lat && conteneur.dataset.lon ? [lat, lon] : [46.6, 2.4]
  conteneur.replaceChildren()
  conteneur.setAttribute('role', 'region')
  conteneur.setAttribute('aria-label', 'Carte des lieux trouvés')
  const unLieu = conteneur.dataset.lieu
  const carte = L.map(conteneur, {
    minZoom: 5,
    maxZoom: 18,
    zoomSnap: 0.5,
    attributionControl: true,
  }).setView(centre, unLieu ? 16 : conteneur.dataset.lat ? 11 : 6)
  carte.attributionControl.setPrefix(false)
  poserFond(carte, conteneur)

  const donnees = conteneur.dataset.api
    ? await fetch(conteneur.dataset.api).then((r) => (r.ok ? r.json() : undefined))
    : undefined

  if (unLieu) {
    L.marker(centre, {
      icon: L.divIcon({ className: '', html: '<span class="lieux-marqueur">●</span>', iconSize: [28, 28] }),
      title: unLieu,
      keyboard: false,
    }).addTo(carte)
    return
  }
  if (conteneur.dataset.lat)
    L.marker(centre, {
      icon: L.divIcon({
        className: '',
        html: '<span class="lieux-marqueur lieux-marqueur--ici">●</span>',
        iconSize: [28, 28],
      }),
      title: 'Point de recherche',
      keyboard: false,
    }).addTo(carte)

  const groupe = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 })
  const lieux = ((donnees as { resultats?: LieuApi[] } | undefined)?.resultats ?? []).filter(
    (l) => l.latitude !== null && l.longitude !== null,
  )
  lieux.forEach((l, i) => {
    const icone = L.divIcon({
      className: '',
      html: `<span class="lieux-marqueur">${i + 1}</span>`,
      iconSize: [28, 28],
    })
    const m = L.marker([l.latitude!, l.longitude!], { icon: icone, title: `${i + 1}. ${l.nom}` })
    // Built with the DOM, never with HTML strings: names come from imported files.
    const bulle = document.createElement('div')
    const lien = document.createElement('a')
    lien.href = `/lieux/${encodeURIComponent(l.id)}`
    lien.textContent = l.nom
    const adresse = document.createElement('p')
    adresse.textContent = `${l.adresse.voie}, ${l.adresse.code_postal} ${l.adresse.commune}`
    bulle.append(lien, adresse)
    m.bindPopup(bulle)
    groupe.addLayer(m)
  })
  carte.addLayer(groupe)
  if (lieux.length > 0) carte.fitBounds(groupe.getBounds().pad(0.15), { maxZoom: 14 })
}

const conteneur = document.getElementById('carte')
if (conteneur)
  afficher(conteneur).catch(() => {
    conteneur.textContent = 'La carte n’a pas pu s’afficher. La liste ci-dessous donne les mêmes lieux.'
  })
