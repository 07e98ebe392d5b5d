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
const bouton = document.getElementById('bouton-pres-de-moi')
const etat = document.getElementById('pres-de-moi-etat')
if (bloc && bouton && etat && 'geolocation' in navigator && champ) {
  bloc.hidden = false
  bouton.addEventListener('click', () => {
    etat.textContent = 'Recherche de votre position…'
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const form = champ.form
        const lat = document.getElementById('lat') as HTMLInputElement | null
        const lon = document.getElementById('lon') as HTMLInputElement | null
        if (!form || !lat || !lon) return
        lat.value = p.coords.latitude.toFixed(5)
        lon.value = p.coords.longitude.toFixed(5)
        champ.value = ''
        etat.textContent = 'Position trouvée.'
        form.submit()
      },
      () => {
        etat.textContent =
          'Votre position n’est pas disponible : saisissez votre commune ou votre code postal.'
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    )
  })
}

export {}
