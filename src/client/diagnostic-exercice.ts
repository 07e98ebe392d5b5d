/**
 * The exercises done for real in the page. Each pointer task has a keyboard and a touch way to do
 * it. Measures are counts and durations only: the length of what is typed is counted, its content
 * is never read, kept or sent by this script.
 *
 * Without network (ADR 010) the answer goes to the offline module (diagnostic-hors-ligne), loaded
 * only then, from the service worker's cache: it judges the answer, renders the next step in this
 * page and hands it back here (`initialiserEtape`).
 */
import { copieLocalePresente } from './diagnostic-partage/copie-locale'
import { serveurJoignable } from './partage/reseau'
import { enregistrerTravailleur, fichiersDeLaPage } from './partage/travailleur'

interface ModuleHorsLigne {
  demarrer(o: { initialiserEtape: (racine: HTMLElement) => void }): void
  reprendre(): void
  soumettre(form: HTMLFormElement, bouton: HTMLElement | null): void
}

const SELECTEUR_ETAPE = '.escale-diagnostic[data-etape]'
const racine = document.querySelector<HTMLElement>(SELECTEUR_ETAPE)

// The step on screen: reset by `initialiserEtape` each time a step is rendered.
let formulaire: HTMLFormElement | null = null
let mesures: Record<string, number> = {}
let actifDepuis = 0
let actifMs = 0
let envoye = false
let frappes = { nombre: 0, premier: 0, dernier: 0 }

const ajouter = (cle: string, n = 1) => {
  mesures[cle] = (mesures[cle] ?? 0) + n
}

// Time actually spent on the item: a hidden tab does not count.
document.addEventListener('visibilitychange', () => {
  if (document.hidden && actifDepuis) {
    actifMs += performance.now() - actifDepuis
    actifDepuis = 0
  } else if (!document.hidden) actifDepuis = performance.now()
})

function remplirMesures(): void {
  if (!formulaire) return
  const champ = formulaire.querySelector<HTMLInputElement>('[data-mesures]')
  mesures.dureeActiveMs = Math.round(actifMs + (actifDepuis ? performance.now() - actifDepuis : 0))
  if (frappes.nombre > 0 && frappes.dernier - frappes.premier > 2000)
    mesures.caracteresParMinute = Math.round(frappes.nombre / ((frappes.dernier - frappes.premier) / 60_000))
  if (champ) champ.value = JSON.stringify(mesures)
}

/**
 * Online with nothing waiting to be sent: the server takes the answer, as without this script.
 * "Online" is confirmed by a request (partage/reseau.ts): a network that does not answer is none.
 */
const versLeServeur = async () => !copieLocalePresente() && (await serveurJoignable())

/** Sends the exercise as done (or not): the server records it and shows the next step. */
function terminer(reussi: boolean, message: string): void {
  const form = formulaire
  if (!form || envoye) return
  envoye = true
  const termine = form.querySelector<HTMLInputElement>('[data-termine]')
  if (termine) termine.value = reussi ? 'oui' : 'non'
  annoncer(message)
  remplirMesures()
  // A short pause so that the person sees (and a screen reader says) that it worked.
  window.setTimeout(
    () => void versLeServeur().then((oui) => (oui ? form.submit() : horsLigne(form, null))),
    900,
  )
}

let chargement: Promise<ModuleHorsLigne> | undefined
/** The offline module, whose hashed address the step page gives; from the service worker's cache offline. */
function chargerModule(): Promise<ModuleHorsLigne> {
  if (!chargement) {
    const url = document.querySelector<HTMLElement>('[data-module-hors-ligne]')?.dataset.moduleHorsLigne
    if (!url) return Promise.reject(new Error('module hors ligne absent'))
    chargement = (import(url) as Promise<ModuleHorsLigne>).then((m) => {
      m.demarrer({ initialiserEtape })
      return m
    })
    chargement.catch(() => {
      chargement = undefined
    })
  }
  return chargement
}

function horsLigne(form: HTMLFormElement, bouton: HTMLElement | null): void {
  chargerModule()
    .then((m) => m.soumettre(form, bouton))
    .catch(() => garderHorsLigne(form, bouton))
}

// Without the offline module (no service worker, never loaded): the answer is not lost. It stays
// in this page and leaves by itself when the connection returns.
let enAttente: { form: HTMLFormElement; bouton: HTMLElement | null } | undefined
function garderHorsLigne(form: HTMLFormElement, bouton: HTMLElement | null): void {
  enAttente = { form, bouton }
  let avis = document.getElementById('hors-ligne')
  if (!avis) {
    avis = document.createElement('div')
    avis.id = 'hors-ligne'
    avis.className = 'fr-alert fr-alert--warning fr-alert--sm fr-mb-3w'
    avis.setAttribute('role', 'status')
    form.before(avis)
  }
  avis.textContent =
    'Pas de connexion internet. Votre réponse est gardée sur cette page : elle partira toute seule dès que la connexion revient.'
}
window.addEventListener('online', () => {
  if (!enAttente) return
  const { form, bouton } = enAttente
  enAttente = undefined
  remplirMesures()
  if (bouton instanceof HTMLButtonElement && bouton.form === form) form.requestSubmit(bouton)
  else form.submit()
})
/** Set once the server answered the check: the next submit of that form leaves for it. */
let verifie: HTMLFormElement | undefined
document.addEventListener('submit', (e) => {
  const form = e.target as HTMLFormElement
  if (!form.closest(SELECTEUR_ETAPE)) return
  if (form === formulaire) {
    remplirMesures()
    envoye = true
  }
  if (verifie === form) return
  e.preventDefault()
  const bouton = (e as SubmitEvent).submitter
  void versLeServeur().then((oui) => {
    if (!oui) return horsLigne(form, bouton)
    verifie = form
    form.requestSubmit(bouton instanceof HTMLButtonElement && bouton.form === form ? bouton : null)
  })
})

function annoncer(texte: string): void {
  const zone = formulaire?.querySelector<HTMLElement>('[data-annonce]')
  if (zone) zone.textContent = texte
}

let typePointeur = ''
document.addEventListener('pointerdown', (e) => {
  typePointeur = e.pointerType
})
/** A click with detail 0 comes from the keyboard (Enter or Space on a button). */
function noterMoyen(e: MouseEvent): void {
  if (e.detail === 0) mesures.clavier = 1
  else if (typePointeur === 'touch' || typePointeur === 'pen') mesures.tactile = 1
}

function compterFrappe(e: Event): void {
  const cible = e.target as HTMLElement
  if (!cible.matches('[data-saisie]')) return
  const type = (e as InputEvent).inputType ?? ''
  const maintenant = performance.now()
  if (type.startsWith('delete')) ajouter('corrections')
  else {
    frappes.nombre += 1
    if (!frappes.premier) frappes.premier = maintenant
    frappes.dernier = maintenant
  }
}

function cliquer(f: HTMLFormElement): void {
  const zone = f.querySelector<HTMLElement>('[data-zone]')
  const cible = f.querySelector<HTMLButtonElement>('[data-cible]')
  if (!zone || !cible) return
  const positions = ['escale-pos-1', 'escale-pos-2', 'escale-pos-3']
  let attrapes = 0
  cible.hidden = false
  zone.addEventListener('pointerdown', (e) => {
    if (!cible.contains(e.target as Node)) ajouter('clicsHorsCible')
  })
  cible.addEventListener('click', (e) => {
    noterMoyen(e)
    attrapes += 1
    if (attrapes >= positions.length) return terminer(true, 'Bravo, vous avez attrapé les 3 ballons !')
    cible.classList.remove(positions[attrapes - 1]!)
    cible.classList.add(positions[attrapes]!)
    annoncer(`Ballon attrapé ! Encore ${positions.length - attrapes}. Il a changé de place.`)
  })
}

function doubleCliquer(f: HTMLFormElement): void {
  const bureau = f.querySelector<HTMLElement>('[data-bureau]')
  if (!bureau) return
  bureau.hidden = false
  let dernierClic = 0
  let dernierTap = { dossier: '', temps: 0 }
  const ouvrir = (b: HTMLButtonElement) => {
    const nom = b.textContent?.trim() ?? ''
    if (b.dataset.dossier === 'photos') return terminer(true, 'Le dossier « Photos » est ouvert. Bravo !')
    ajouter('erreurs')
    annoncer(`Vous avez ouvert le dossier « ${nom} ». Cherchez le dossier « Photos ».`)
  }
  for (const b of Array.from(bureau.querySelectorAll<HTMLButtonElement>('[data-dossier]'))) {
    b.addEventListener('click', (e) => {
      if (e.detail === 0) {
        mesures.clavier = 1
        return ouvrir(b)
      }
      if (e.detail === 1) {
        ajouter('clicsSimples')
        dernierClic = performance.now()
        for (const autre of Array.from(bureau.querySelectorAll('.escale-dossier--choisi')))
          autre.classList.remove('escale-dossier--choisi')
        b.classList.add('escale-dossier--choisi')
      }
    })
    b.addEventListener('dblclick', () => {
      mesures.intervalleDoubleClicMs = Math.round(performance.now() - dernierClic)
      ouvrir(b)
    })
    // Mobile browsers do not all fire dblclick: two taps within half a second open the folder.
    b.addEventListener('pointerup', (e) => {
      if (e.pointerType !== 'touch') return
      const t = performance.now()
      if (dernierTap.dossier === b.dataset.dossier && t - dernierTap.temps < 500) {
        mesures.tactile = 1
        mesures.intervalleDoubleClicMs = Math.round(t - dernierTap.temps)
        e.preventDefault()
        ouvrir(b)
      }
      dernierTap = { dossier: b.dataset.dossier ?? '', temps: t }
    })
  }
}

function glisser(f: HTMLFormElement): void {
  const rangement = f.querySelector<HTMLElement>('[data-rangement]')
  const photo = f.querySelector<HTMLButtonElement>('[data-photo]')
  if (!rangement || !photo) return
  rangement.hidden = false
  const depots = Array.from(f.querySelectorAll<HTMLButtonElement>('[data-depot]'))
  let prise = false
  let depart: { x: number; y: number; id: number } | undefined
  let enMouvement = false
  let ignorerClic = false

  const sous = (x: number, y: number) =>
    depots.find((d) => {
      const r = d.getBoundingClientRect()
      return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom
    })
  const deposer = (d: HTMLButtonElement) => {
    if (d.dataset.depot === 'vacances')
      return terminer(true, 'La photo est rangée dans « Vacances ». Bravo !')
    ajouter('erreurs')
    prise = false
    photo.classList.remove('escale-photo--prise')
    annoncer('La photo est tombée dans « Travail » : ce n’est pas le bon dossier. Essayez encore.')
  }

  photo.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return
    depart = { x: e.clientX, y: e.clientY, id: e.pointerId }
    photo.setPointerCapture(e.pointerId)
  })
  photo.addEventListener('pointermove', (e) => {
    if (!depart || e.pointerId !== depart.id) return
    const dx = e.clientX - depart.x
    const dy = e.clientY - depart.y
    if (!enMouvement && Math.hypot(dx, dy) < 8) return
    enMouvement = true
    photo.classList.add('escale-photo--prise')
    // CSSOM, not a style attribute: allowed by the CSP, and only while dragging.
    photo.style.transform = `translate(${dx}px, ${dy}px)`
    const survol = sous(e.clientX, e.clientY)
    for (const d of depots) d.classList.toggle('escale-depot--survol', d === survol)
  })
  const finir = (e: PointerEvent) => {
    if (!depart || e.pointerId !== depart.id) return
    depart = undefined
    if (!enMouvement) return
    enMouvement = false
    ignorerClic = true
    photo.style.transform = ''
    photo.classList.remove('escale-photo--prise')
    for (const d of depots) d.classList.remove('escale-depot--survol')
    mesures.glisser = 1
    if (e.pointerType === 'touch') mesures.tactile = 1
    const cible = e.type === 'pointerup' ? sous(e.clientX, e.clientY) : undefined
    if (cible) deposer(cible)
    else {
      ajouter('clicsHorsCible')
      annoncer('La photo est revenue à sa place. Lâchez-la sur le dossier « Vacances ».')
    }
  }
  photo.addEventListener('pointerup', finir)
  photo.addEventListener('pointercancel', finir)

  photo.addEventListener('click', (e) => {
    if (ignorerClic) {
      ignorerClic = false
      return
    }
    noterMoyen(e)
    prise = !prise
    photo.classList.toggle('escale-photo--prise', prise)
    annoncer(prise ? 'Photo prise. Choisissez maintenant le dossier où la déposer.' : 'Photo reposée.')
  })
  for (const d of depots)
    d.addEventListener('click', (e) => {
      noterMoyen(e)
      if (!prise) return annoncer('Prenez d’abord la photo : appuyez dessus.')
      deposer(d)
    })
}

function partiesCourriel(f: HTMLFormElement): void {
  const courriel = f.querySelector<HTMLElement>('[data-courriel]')
  const demande = f.querySelector<HTMLElement>('[data-demande]')
  if (!courriel || !demande) return
  courriel.hidden = false
  demande.hidden = false
  const demandes = [
    { partie: 'expediteur', texte: 'Cliquez sur le nom de celui qui envoie l’e-mail.' },
    { partie: 'objet', texte: 'Cliquez sur l’objet : le titre de l’e-mail.' },
    { partie: 'piece_jointe', texte: 'Cliquez sur la pièce jointe : le fichier envoyé avec l’e-mail.' },
  ]
  let i = 0
  demande.textContent = `1 sur 3. ${demandes[0]!.texte}`
  for (const b of Array.from(courriel.querySelectorAll<HTMLButtonElement>('[data-partie]'))) {
    b.addEventListener('click', (e) => {
      noterMoyen(e)
      const attendu = demandes[i]
      if (!attendu) return
      if (b.dataset.partie !== attendu.partie) {
        ajouter('erreurs')
        if ((mesures.erreurs ?? 0) >= 6) return terminer(false, 'On passe à la suite.')
        return annoncer('Ce n’est pas ça. Regardez bien et essayez encore.')
      }
      b.classList.add('escale-partie--trouve')
      i += 1
      const suivante = demandes[i]
      if (!suivante) return terminer((mesures.erreurs ?? 0) <= 2, 'Vous avez trouvé les 3. Bravo !')
      annoncer('Oui, c’est ça !')
      demande.textContent = `${i + 1} sur 3. ${suivante.texte}`
    })
  }
}

function defiler(f: HTMLFormElement): void {
  const boite = f.querySelector<HTMLElement>('[data-defilement]')
  if (!boite) return
  let precedent = boite.scrollTop
  boite.addEventListener('scroll', () => {
    ajouter('defilementPx', Math.abs(boite.scrollTop - precedent))
    precedent = boite.scrollTop
  })
}

const exercices: Record<string, (f: HTMLFormElement) => void> = {
  cliquer,
  double_cliquer: doubleCliquer,
  glisser,
  parties_courriel: partiesCourriel,
  defiler,
}

/** Wires the step shown in `r`: on load, and after the offline module rendered another one. */
function initialiserEtape(r: HTMLElement): void {
  formulaire = r.querySelector<HTMLFormElement>('form[data-exercice]')
  mesures = {}
  actifMs = 0
  actifDepuis = document.hidden ? 0 : performance.now()
  envoye = false
  frappes = { nombre: 0, premier: 0, dernier: 0 }
  if (!formulaire) return
  formulaire.addEventListener('input', compterFrappe)
  exercices[formulaire.dataset.exercice ?? '']?.(formulaire)
  // After a correction, the summary gets the focus so that a screen reader reads it first.
  document.getElementById('bilan')?.focus()
}

/**
 * Once a test has started, the service worker keeps what every step needs, so that the whole
 * test can go on without network. The link page is not fetched while its exercise is on screen:
 * opening it is what that exercise checks.
 */
function preparerHorsLigne(r: HTMLElement): void {
  const module = r.dataset.moduleHorsLigne
  if (!module || !('serviceWorker' in navigator)) return
  const fichiers = [...fichiersDeLaPage(), module]
  const pages = [
    '/diagnostic/etape',
    ...(r.dataset.etape === 'lien' ? [] : ['/diagnostic/exercice/horaires']),
  ]
  enregistrerTravailleur('/diagnostic/sw.js', '/diagnostic/', fichiers)
    .then((actif) => actif?.postMessage({ type: 'precharger', fichiers, pages }))
    .catch(() => undefined)
}

if (racine) {
  initialiserEtape(racine)
  preparerHorsLigne(racine)
  // Answers wait to be sent, or the page came from the cache without network: the module takes over.
  if (copieLocalePresente() || !navigator.onLine)
    chargerModule()
      .then((m) => m.reprendre())
      .catch(() => undefined)
  window.addEventListener('offline', () => void chargerModule().catch(() => undefined))
}

// When a conseiller follows the diagnostic, they may mark the current step from their screen:
// the page then moves on by itself. Polling is cheap and survives any number of app instances.
// Not while answers wait in this browser: they go first, then the page follows the server.
if (racine?.dataset.suivi === 'oui') {
  window.setInterval(async () => {
    const affichee = document.querySelector<HTMLElement>(SELECTEUR_ETAPE)?.dataset.etape
    if (!affichee || document.hidden || envoye || !navigator.onLine || copieLocalePresente()) return
    try {
      const r = await fetch('/diagnostic/etat', {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      })
      if (!r.ok) return
      const etat = (await r.json()) as { etape: string | null }
      if (etat.etape !== affichee)
        window.location.assign(etat.etape === 'fin' ? '/diagnostic/resultat' : '/diagnostic/etape')
    } catch {
      // Offline for a moment: the next poll will tell.
    }
  }, 5000)
}
