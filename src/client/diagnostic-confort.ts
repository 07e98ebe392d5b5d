/**
 * Comfort controls of the diagnostic's public pages: read-aloud (browser speech synthesis, off by
 * default, opt-in), text size, and printing. Choices last for the browser tab only (sessionStorage):
 * no cookie, nothing left behind on a shared computer once the tab is closed.
 */
import { effacerCopieLocale } from './diagnostic-partage/copie-locale'

// A page that says no answer of this browser can still be sent (the result is on the server, or
// no test is open): the offline copy and the kept step page go (ADR 010).
if (document.querySelector('[data-copie-locale="effacer"]')) void effacerCopieLocale()
const CLE_LECTURE = 'escale-diagnostic-lecture'
const CLE_TAILLE = 'escale-diagnostic-taille'
const TAILLES = ['', 'escale-texte-1', 'escale-texte-2', 'escale-texte-3']

function lire(cle: string): string | null {
  try {
    return sessionStorage.getItem(cle)
  } catch {
    return null
  }
}
function ecrire(cle: string, valeur: string): void {
  try {
    sessionStorage.setItem(cle, valeur)
  } catch {
    // Private browsing may refuse storage: the choice then lasts for this page only.
  }
}

let taille = Math.min(TAILLES.length - 1, Math.max(0, Number(lire(CLE_TAILLE) ?? 0) || 0))
function appliquerTaille(): void {
  for (const t of TAILLES) if (t) document.documentElement.classList.remove(t)
  const classe = TAILLES[taille]
  if (classe) document.documentElement.classList.add(classe)
}
appliquerTaille()

const synthese = 'speechSynthesis' in window ? window.speechSynthesis : undefined

function texteALire(): string {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-lire]'))
    .map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('. ')
}

function parler(texte: string): void {
  if (!synthese || !texte) return
  synthese.cancel()
  const u = new SpeechSynthesisUtterance(texte)
  u.lang = 'fr-FR'
  u.rate = 0.9
  synthese.speak(u)
}

const barre = document.querySelector<HTMLElement>('[data-confort]')
if (barre) {
  barre.hidden = false
  const bouton = barre.querySelector<HTMLButtonElement>('[data-lecture]')
  const relire = barre.querySelector<HTMLButtonElement>('[data-relire]')
  const actif = () => lire(CLE_LECTURE) === '1'
  const majLecture = () => {
    bouton?.setAttribute('aria-pressed', actif() ? 'true' : 'false')
    if (relire) relire.hidden = !actif()
  }
  if (!synthese && bouton) bouton.hidden = true
  majLecture()
  bouton?.addEventListener('click', () => {
    ecrire(CLE_LECTURE, actif() ? '0' : '1')
    majLecture()
    if (actif()) parler(texteALire())
    else synthese?.cancel()
  })
  relire?.addEventListener('click', () => parler(texteALire()))
  if (actif()) parler(texteALire())

  for (const b of Array.from(barre.querySelectorAll<HTMLButtonElement>('[data-taille]'))) {
    b.addEventListener('click', () => {
      taille = Math.min(TAILLES.length - 1, Math.max(0, taille + (b.dataset.taille === 'plus' ? 1 : -1)))
      ecrire(CLE_TAILLE, String(taille))
      appliquerTaille()
    })
  }
}

const imprimer = document.querySelector<HTMLButtonElement>('[data-imprimer]')
if (imprimer) {
  imprimer.hidden = false
  imprimer.addEventListener('click', () => window.print())
}
