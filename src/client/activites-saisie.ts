/**
 * Offline recording of activities (island of /activites/nouvelle). Without network the form is
 * kept in a local queue (localStorage) with its client-generated id, then sent to
 * /activites/synchronisation when the network comes back; the server answers « déjà
 * enregistrée » for an id it already has, so a retried or doubled sync never duplicates.
 * With network, the form is posted normally (the page works without this script); "with network"
 * is checked by a request to the server, not only by `navigator.onLine` (partage/reseau.ts).
 */
import { serveurJoignable } from './partage/reseau'
import { enregistrerTravailleur, fichiersDeLaPage } from './partage/travailleur'

const CLE = 'escale.activites.file'
type Champs = Record<string, string | string[]>
interface EnAttente {
  champs: Champs
  erreur?: string
}

function lire(): EnAttente[] {
  try {
    const v = JSON.parse(localStorage.getItem(CLE) ?? '[]') as unknown
    return Array.isArray(v) ? (v as EnAttente[]) : []
  } catch {
    return []
  }
}
const ecrire = (f: EnAttente[]) => localStorage.setItem(CLE, JSON.stringify(f))

/** UUID version 7 (time-ordered, as the server's `domain/identifiant.ts`): the primary key grows at its end. */
function nouvelId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16))
  let t = Date.now()
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256
    t = Math.floor(t / 256)
  }
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

function champsDe(form: HTMLFormElement): Champs {
  const c: Champs = {}
  new FormData(form).forEach((v, k) => {
    if (k === '_csrf' || typeof v !== 'string') return
    const deja = c[k]
    c[k] = deja === undefined ? v : Array.isArray(deja) ? [...deja, v] : [deja, v]
  })
  return c
}

const form = document.getElementById('formulaire-activite') as HTMLFormElement | null
const etat = document.getElementById('file-attente')
const bouton = document.getElementById('synchroniser') as HTMLButtonElement | null

function afficher(message?: string) {
  const f = lire()
  const refusees = f.filter((x) => x.erreur)
  const textes: string[] = []
  if (message) textes.push(message)
  if (f.length > 0)
    textes.push(`${f.length} activité${f.length > 1 ? 's' : ''} en attente d’envoi sur cet appareil.`)
  for (const r of refusees) textes.push(`Refusée par le serveur : ${r.erreur}`)
  if (etat) etat.textContent = textes.join(' ')
  // DSFR buttons override the `hidden` attribute's display: its utility class hides them.
  bouton?.classList.toggle('fr-hidden', f.length === 0)
}

let enCours = false
async function synchroniser(): Promise<void> {
  const f = lire().filter((x) => !x.erreur)
  if (enCours || f.length === 0 || !navigator.onLine) return afficher()
  enCours = true
  try {
    const jeton = (document.querySelector('input[name="_csrf"]') as HTMLInputElement | null)?.value ?? ''
    const r = await fetch('/activites/synchronisation', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'csrf-token': jeton },
      body: JSON.stringify({ activites: f.slice(0, 50).map((x) => x.champs) }),
    })
    if (r.status === 401 || r.status === 403)
      return afficher('Reconnectez-vous pour envoyer les activités gardées sur cet appareil.')
    if (!r.ok) return afficher('L’envoi n’a pas abouti ; nouvel essai au retour du réseau.')
    const { resultats } = (await r.json()) as {
      resultats: { id: string | null; statut: string; erreurs?: Record<string, string> }[]
    }
    let envoyees = 0
    const reste = lire().flatMap((x) => {
      const res = resultats.find((y) => y.id === x.champs.id)
      if (!res) return [x]
      if (res.statut === 'enregistree' || res.statut === 'deja') {
        envoyees++
        return []
      }
      return [{ ...x, erreur: Object.values(res.erreurs ?? {}).join(' ') || 'activité invalide' }]
    })
    ecrire(reste)
    afficher(`${envoyees} activité${envoyees > 1 ? 's' : ''} envoyée${envoyees > 1 ? 's' : ''}.`)
  } catch {
    afficher('Pas de réseau pour l’instant ; les activités restent sur cet appareil.')
  } finally {
    enCours = false
  }
}

if (form) {
  /** Set once the server answered the check: the next submit leaves for it as a plain form. */
  let verifie = false
  form.addEventListener('submit', (e) => {
    if (verifie) return
    e.preventDefault()
    const bouton = (e as SubmitEvent).submitter
    void serveurJoignable().then((joignable) => {
      if (!joignable) return garder()
      verifie = true
      form.requestSubmit(bouton instanceof HTMLButtonElement ? bouton : null)
    })
  })
  function garder(): void {
    if (!form?.reportValidity()) return
    const champs = champsDe(form)
    const f = lire()
    if (!f.some((x) => x.champs.id === champs.id)) f.push({ champs })
    ecrire(f)
    // The next activity gets its own id; the date, type and place stay for the next entry.
    const id = form.querySelector('input[name="id"]') as HTMLInputElement | null
    if (id) id.value = nouvelId()
    afficher('Activité gardée sur cet appareil : elle sera envoyée au retour du réseau.')
    etat?.focus()
  }
  window.addEventListener('online', () => void synchroniser())
  bouton?.addEventListener('click', () => void synchroniser())
  etat?.setAttribute('tabindex', '-1')
  afficher()
  void synchroniser()
}

if ('serviceWorker' in navigator) {
  const urls = fichiersDeLaPage()
  enregistrerTravailleur('/activites/sw.js', '/activites/', urls)
    .then((actif) => actif?.postMessage({ type: 'precharger', urls }))
    .catch(() => undefined)
}
