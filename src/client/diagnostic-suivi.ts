/**
 * Conseiller side: the live list of a session, refreshed from the server every 5 seconds (the
 * state lives in the database, not in this page), and reading an item's instruction aloud.
 */
const conteneur = document.querySelector<HTMLElement>('[data-suivi-session]')
if (conteneur) {
  const code = conteneur.dataset.suiviSession ?? ''
  // The table is not a live region (it would be read in full every time); one short sentence is.
  const statut = document.createElement('p')
  statut.className = 'fr-sr-only'
  statut.setAttribute('role', 'status')
  conteneur.removeAttribute('aria-live')
  conteneur.after(statut)
  let dernier = conteneur.innerHTML
  window.setInterval(async () => {
    if (document.hidden) return
    try {
      const r = await fetch(`/diagnostic/sessions/${encodeURIComponent(code)}/suivi`, {
        credentials: 'same-origin',
      })
      if (!r.ok) return
      const html = await r.text()
      if (html === dernier) return
      dernier = html
      // Server-rendered fragment of our own origin, escaped like every page.
      conteneur.innerHTML = html
      statut.textContent = `Liste mise à jour à ${new Date().toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}.`
    } catch {
      // Network hiccup: try again at the next tick.
    }
  }, 5000)
}

const lireConsigne = document.querySelector<HTMLButtonElement>('[data-lire-consigne]')
if (lireConsigne && 'speechSynthesis' in window) {
  lireConsigne.hidden = false
  lireConsigne.addEventListener('click', () => {
    const texte = document.querySelector('[data-consigne]')?.textContent?.trim()
    if (!texte) return
    window.speechSynthesis.cancel()
    const u = new SpeechSynthesisUtterance(texte)
    u.lang = 'fr-FR'
    u.rate = 0.9
    window.speechSynthesis.speak(u)
  })
}
