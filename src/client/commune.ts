/**
 * Island of the commune field (platform/layout/champ-commune.tsx): suggestions while typing a name or
 * a postal code, as an ARIA combobox (arrow keys, Enter, Escape; the count announced). Choosing one
 * fills the hidden INSEE code; typing again empties it, and the server then reads the text, as it does
 * without JavaScript.
 */

interface CommuneApi {
  code: string
  libelle: string
  nomDepartement: string
}

let compteur = 0

/** The listbox under the field and the polite live region that announces the count. */
function creerListe(champ: HTMLInputElement) {
  const liste = document.createElement('ul')
  liste.id = `commune-liste-${++compteur}`
  liste.className = 'escale-commune-liste'
  liste.setAttribute('role', 'listbox')
  liste.setAttribute('aria-label', 'Communes proposées')
  liste.hidden = true
  const annonce = document.createElement('p')
  annonce.className = 'fr-sr-only'
  annonce.setAttribute('aria-live', 'polite')
  champ.after(liste, annonce)
  champ.setAttribute('role', 'combobox')
  champ.setAttribute('aria-autocomplete', 'list')
  champ.setAttribute('aria-expanded', 'false')
  champ.setAttribute('aria-controls', liste.id)
  return { liste, annonce }
}

const compte = (n: number) =>
  n === 0
    ? 'Aucune commune ne correspond.'
    : n === 1
      ? '1 commune proposée. Flèche bas pour la choisir.'
      : `${n} communes proposées. Flèches haut et bas pour les parcourir.`

function equiper(bloc: HTMLElement): void {
  const nom = bloc.dataset.champCommune ?? ''
  const champ = bloc.querySelector<HTMLInputElement>(`input[name="${nom}_saisie"]`)
  if (!champ) return
  let cache = bloc.querySelector<HTMLInputElement>(`input[type="hidden"][name="${nom}"]`)
  const { liste, annonce } = creerListe(champ)
  let communes: CommuneApi[] = []
  let active = -1
  let minuterie: number | undefined
  let demande = 0

  const ouvrir = (ouverte: boolean) => {
    liste.hidden = !ouverte
    champ.setAttribute('aria-expanded', String(ouverte))
    if (!ouverte) champ.removeAttribute('aria-activedescendant')
    active = -1
  }
  const activer = (i: number) => {
    active = i
    Array.from(liste.children).forEach((li, j) => {
      li.setAttribute('aria-selected', String(j === i))
    })
    const li = liste.children[i]
    champ.setAttribute('aria-activedescendant', li?.id ?? '')
    li?.scrollIntoView({ block: 'nearest' })
  }
  const choisir = (c: CommuneApi) => {
    // The server's list (no JavaScript) goes away: the hidden code now carries the choice.
    bloc.querySelector('fieldset')?.remove()
    if (!cache) {
      cache = document.createElement('input')
      cache.type = 'hidden'
      cache.name = nom
      bloc.append(cache)
    }
    cache.value = c.code
    champ.value = c.libelle
    annonce.textContent = `${c.libelle} choisie.`
    ouvrir(false)
  }
  const option = (c: CommuneApi, i: number) => {
    const li = document.createElement('li')
    li.id = `${liste.id}-${i}`
    li.setAttribute('role', 'option')
    li.setAttribute('aria-selected', 'false')
    li.textContent = `${c.libelle}, ${c.nomDepartement}`
    // mousedown, not click: the field keeps the focus.
    li.addEventListener('mousedown', (e) => {
      e.preventDefault()
      choisir(c)
    })
    return li
  }
  const chercher = async (texte: string) => {
    const numero = ++demande
    try {
      const r = await fetch(`/api/v1/communes?q=${encodeURIComponent(texte)}`, {
        headers: { accept: 'application/json' },
      })
      if (!r.ok || numero !== demande) return
      communes = ((await r.json()) as { communes: CommuneApi[] }).communes
      liste.replaceChildren(...communes.map(option))
      ouvrir(communes.length > 0)
      annonce.textContent = compte(communes.length)
    } catch {
      // Suggestions are a convenience: without them the server reads the text.
    }
  }

  champ.addEventListener('input', () => {
    if (cache) cache.value = ''
    window.clearTimeout(minuterie)
    const texte = champ.value.trim()
    communes = []
    if (texte.length < 2) ouvrir(false)
    else minuterie = window.setTimeout(() => chercher(texte), 150)
  })
  champ.addEventListener('keydown', (e) => {
    const n = communes.length
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && n > 0) {
      e.preventDefault()
      if (liste.hidden) ouvrir(true)
      const bas = e.key === 'ArrowDown'
      activer(active < 0 ? (bas ? 0 : n - 1) : (active + (bas ? 1 : -1) + n) % n)
    } else if (e.key === 'Enter' && !liste.hidden && active >= 0) {
      e.preventDefault()
      const c = communes[active]
      if (c) choisir(c)
    } else if (e.key === 'Escape' && !liste.hidden) {
      e.preventDefault()
      ouvrir(false)
    }
  })
  champ.addEventListener('blur', () => ouvrir(false))
}

document.querySelectorAll<HTMLElement>('[data-champ-commune]').forEach(equiper)

export {}
