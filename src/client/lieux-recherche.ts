/**
 * Island of the places search form: commune suggestions while typing, and « près de moi » through
 * the browser's geolocation. The form works without it (the server resolves the commune).
 */
const champ = document.getElementById('q') as HTMLInputElement | null
const liste = document.getElementById('communes-suggestions') as HTMLDataListElement | null

if (champ && liste) {
  let minuterie: number | undefined
  let derniere = ''
  champ.addEventListener('input', () => {
    window.clearTimeout(minuterie)
    const texte = champ.value.trim()
    if (texte.length < 2 || texte === derniere) return
    minuterie = window.setTimeout(async () => {
      derniere = texte
      try {
        const r = await fetch(`/api/v1/communes?q=${encodeURIComponent(texte)}`, {
          headers: { accept: 'application/json' },
        })
        if (!r.ok) return
        const { communes } = (await r.json()) as {
          communes: { nom: string; departement: string; codesPostaux: string[] }[]
        }
        liste.replaceChildren(
          ...communes.map((c) => {
            const o = document.createElement('option')
            o.value = `${c.nom} (${c.departement})`
            o.label = c.codesPostaux.slice(0, 3).join(', ')
            return o
          }),
        )
      } catch {
        // Suggestions are a convenience: the search still works without them.
      }
    }, 200)
  })
}

const bloc = document.getElementById('pres-de-moi')
const bouton = document.getElementById('bouton-pres-de-moi') as HTMLButtonElement | null
const etat = document.getElementById('pres-de-moi-etat')

/** What went wrong, in words, and what to do instead (the codes of GeolocationPositionError). */
const ECHECS: Record<number, string> = {
  1: 'Vous n’avez pas autorisé l’accès à votre position. Autorisez-le dans votre navigateur, ou saisissez votre commune ou votre code postal.',
  2: 'Votre position n’est pas disponible sur cet appareil en ce moment. Saisissez votre commune ou votre code postal.',
  3: 'Votre position a mis trop de temps à arriver. Réessayez, ou saisissez votre commune ou votre code postal.',
}

function dire(texte: string, erreur: boolean): void {
  if (!etat) return
  etat.textContent = texte
  etat.classList.toggle('fr-error-text', erreur)
  etat.classList.toggle('fr-info-text', !erreur)
}

if (bloc && bouton && etat && 'geolocation' in navigator && champ) {
  bloc.hidden = false
  bouton.addEventListener('click', () => {
    bouton.disabled = true
    dire('Recherche de votre position… Votre navigateur peut vous demander l’autorisation.', false)
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const form = champ.form
        const lat = document.getElementById('lat') as HTMLInputElement | null
        const lon = document.getElementById('lon') as HTMLInputElement | null
        if (!form || !lat || !lon) return
        lat.value = p.coords.latitude.toFixed(5)
        lon.value = p.coords.longitude.toFixed(5)
        champ.value = ''
        dire('Position trouvée : recherche des lieux autour de vous…', false)
        form.submit()
      },
      (e) => {
        bouton.disabled = false
        dire(ECHECS[e.code] ?? ECHECS[2] ?? '', true)
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    )
  })
}

export {}
