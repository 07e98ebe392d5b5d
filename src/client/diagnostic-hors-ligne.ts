/**
 * The test without network (ADR 010), loaded by the step page's island only when needed (the
 * network is gone, or answers are waiting to be sent) and kept by the service worker. It judges an
 * answer with the server's own `evaluer`, picks the next step with the server's own engine, renders
 * it with the server's own views (`src/domains/diagnostic/client.ts`), keeps the answer in the
 * browser's copy, and sends the copy in order when the network comes back.
 */
import {
  aEnvoyer,
  apresEnvoi,
  type CopieLocale,
  copieDepuisLaPage,
  EtapePage,
  type EtatDeLaPage,
  etapeLocale,
  evaluer,
  FinHorsLignePage,
  idDeLEtape,
  lireCopie,
  messageErreur,
  noterEssai,
  noterLienVisite,
  progression,
  type Reponse,
  reponsesConnues,
  retenir,
  titreEtape,
} from '../domains/diagnostic/client'
import { ecrireStockage, effacerCopieLocale, lireStockage } from './diagnostic-partage/copie-locale'

export interface Options {
  /** Wires the exercise behaviours and measures of a freshly rendered step (diagnostic-exercice). */
  initialiserEtape(racine: HTMLElement): void
}

const CHAMPS_TECHNIQUES = new Set(['_csrf', 'etape', 'mesures', 'choix', 'passer'])
const RENVOI_MS = 20_000

let options: Options | undefined
/** What the server page said (kept: the end screen has no form left to read it from). */
let page: EtatDeLaPage | undefined
let jeton = ''
let moduleUrl = ''
let suivi = false

const racine = () =>
  document.querySelector<HTMLElement>(
    '.escale-diagnostic[data-etape], .escale-diagnostic[data-fin-hors-ligne]',
  )

function lirePage(): void {
  const r = racine()
  const passation = r?.dataset.passation
  if (!r || !passation) return
  let reponses: Reponse[] = []
  try {
    const v = JSON.parse(r.dataset.reponses ?? '[]') as unknown
    if (Array.isArray(v)) reponses = v as Reponse[]
  } catch {
    // A page always writes valid JSON; anything else counts as no answer known.
  }
  page = { passation, reponses }
  moduleUrl = r.dataset.moduleHorsLigne ?? moduleUrl
  suivi = r.dataset.suivi === 'oui'
  jeton = document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? jeton
}

function copie(): CopieLocale | undefined {
  if (!page) return undefined
  return copieDepuisLaPage(lireCopie(lireStockage()), page, Date.now())
}

function dire(texte: string): void {
  const zone = document.getElementById('etat-envoi') ?? document.getElementById('hors-ligne')
  if (zone) zone.textContent = texte
}

/** Renders the copy's current step (or the offline end) in place of the page's step. */
function afficher(
  c: CopieLocale,
  extra: {
    erreur?: string
    correction?: Parameters<typeof EtapePage>[0]['correction']
    essaisRestants?: number
    valeurs?: Record<string, string | undefined>
    choisis?: readonly string[]
  } = {},
): void {
  const ancienne = racine()
  if (!ancienne) return
  const etape = etapeLocale(c)
  const connues = reponsesConnues(c)
  let html: string
  let titre: string
  if (etape.type === 'fin') {
    html = FinHorsLignePage({ faites: connues.length }) as string
    titre = 'Le test est fini'
  } else {
    const p = progression(connues)
    html = EtapePage({
      etape,
      faites: p.faites,
      restantesMax: p.restantesMax,
      csrf: jeton,
      erreur: extra.erreur,
      correction: extra.correction,
      essaisRestants: extra.essaisRestants,
      valeurs: extra.valeurs ?? {},
      choisis: extra.choisis ?? [],
      suiviParConseiller: suivi,
      horsLigne: { passation: c.passation, reponses: connues, module: moduleUrl },
      sansReseau: !navigator.onLine,
    }) as string
    titre = titreEtape(etape, p.faites)
  }
  const gabarit = document.createElement('template')
  gabarit.innerHTML = html
  const nouvelle = gabarit.content.firstElementChild as HTMLElement | null
  if (!nouvelle) return
  // The comfort bar keeps its listeners and state (read-aloud, text size): it moves across.
  const barre = ancienne.querySelector('[data-confort]')
  const place = nouvelle.querySelector('[data-confort]')
  if (barre && place) place.replaceWith(barre)
  ancienne.replaceWith(nouvelle)
  document.title = `${extra.erreur ? 'Erreur : ' : ''}${titre} — Escale`
  options?.initialiserEtape(nouvelle)
  nouvelle.querySelector<HTMLButtonElement>('[data-envoyer]')?.addEventListener('click', () => {
    if (!navigator.onLine) dire('Toujours pas de connexion internet. Vos réponses restent sur cet appareil.')
    void synchroniser()
  })
  // A new step is like a new page: reading starts at its title; a correction or an error where the
  // server's page would put the focus (its `autofocus`, which a page built here does not apply).
  const cible =
    nouvelle.querySelector<HTMLElement>('[autofocus]') ?? nouvelle.querySelector<HTMLElement>('h1')
  cible?.focus()
}

function sauver(c: CopieLocale): void {
  ecrireStockage(c)
}

/** The page was loaded while answers wait, or without network: take over where the copy is. */
export function reprendre(): void {
  lirePage()
  const c = copie()
  if (!c) return
  const affichee = racine()?.dataset.etape
  const aJour = idDeLEtape(etapeLocale(c)) === affichee
  if (c.enAttente.length === 0 && aJour && navigator.onLine && !c.courante.lienVisite) {
    // The server page is the truth and nothing waits: the test goes on online, as without this module.
    void effacerCopieLocale()
    return
  }
  sauver(c)
  if (!aJour || !navigator.onLine) afficher(c)
  if (navigator.onLine) void synchroniser()
}

/** An answer while offline (or while older answers still wait): judged and kept here. */
export function soumettre(form: HTMLFormElement, bouton: HTMLElement | null): void {
  if (!page) lirePage()
  let c = copie()
  if (!c) return
  const maintenant = Date.now()
  const etape = etapeLocale(c)
  const donnees = new FormData(form)
  if (bouton instanceof HTMLButtonElement && bouton.name) donnees.append(bouton.name, bouton.value)
  if (etape.type === 'fin' || donnees.get('etape') !== idDeLEtape(etape)) {
    afficher(c)
    return
  }

  const passer = donnees.get('passer') === 'oui'
  const choix = donnees.getAll('choix').filter((v): v is string => typeof v === 'string')
  // What was typed stays in this function (for marking and the page shown next), never stored.
  const valeurs: Record<string, string> = {}
  donnees.forEach((v, k) => {
    if (!CHAMPS_TECHNIQUES.has(k) && typeof v === 'string') valeurs[k] = v
  })
  const mesures: Record<string, number> = {}
  try {
    const m = JSON.parse(String(donnees.get('mesures') || '{}')) as Record<string, unknown>
    for (const [k, v] of Object.entries(m)) if (typeof v === 'number' && Number.isFinite(v)) mesures[k] = v
  } catch {
    // No measures: the answer counts all the same.
  }

  const ev = evaluer(etape, { passer, choix, valeurs }, c.courante)
  if (ev.statut === 'refusee') {
    afficher(c, { erreur: messageErreur(ev.erreur), choisis: choix })
    return
  }
  if (ev.statut === 'a_corriger') {
    c = noterEssai(c, ev.essais, maintenant)
    sauver(c)
    afficher(c, { correction: ev.correction, essaisRestants: ev.essaisRestants, valeurs })
    return
  }
  c = retenir(
    c,
    {
      etape: idDeLEtape(etape),
      resultat: ev.resultat,
      passer,
      // The server keeps the choices of a profile question, never the answer to an exercise.
      choix: etape.type === 'question' && ev.resultat === 'reussi' ? choix : [],
      essais: ev.essais,
      mesures: etape.type === 'exercice' ? mesures : {},
    },
    maintenant,
  )
  sauver(c)
  afficher(c)
  if (navigator.onLine) void synchroniser()
}

/** The link exercise's page opened without network: remembered, as the server would. */
function noterLien(e: MouseEvent): void {
  const lien = (e.target as Element | null)?.closest?.('a[href="/diagnostic/exercice/horaires"]')
  if (!lien) return
  if (!page) lirePage()
  const c = copie()
  if (c?.courante.etape === 'lien') sauver(noterLienVisite(c, Date.now()))
}

let enCours = false
/** Sends the waiting answers in order (H3), then goes back to the server's pages. */
export async function synchroniser(): Promise<void> {
  if (enCours || !navigator.onLine) return
  enCours = true
  try {
    for (let garde = 0; garde < 10; garde++) {
      const c = lireCopie(lireStockage())
      if (!c) return
      const lot = aEnvoyer(c, Date.now())
      if (lot.length === 0) break
      dire('La connexion est revenue : envoi de vos réponses…')
      const r = await fetch('/diagnostic/synchronisation', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'csrf-token': jeton },
        body: JSON.stringify({ reponses: lot }),
      })
      if (r.status === 404 || r.status === 410) {
        // Erased, or stopped after too long (R4): the server's page says which.
        await effacerCopieLocale()
        window.location.assign('/diagnostic/etape')
        return
      }
      if (!r.ok) {
        dire('L’envoi n’a pas marché. Nous réessaierons tout seuls dans un moment.')
        return
      }
      const corps = (await r.json()) as { reponses: Reponse[]; fin: boolean }
      // Read again: the person may have answered one more step while this was on its way.
      const apres = apresEnvoi(lireCopie(lireStockage()) ?? c, lot.length, corps.reponses, Date.now())
      sauver(apres)
      if (corps.fin) {
        dire('Vos réponses sont envoyées. Votre résultat arrive.')
        await effacerCopieLocale()
        window.location.assign('/diagnostic/resultat')
        return
      }
    }
    const c = lireCopie(lireStockage())
    if (!c || c.enAttente.length > 0) return
    // What the server has is now what this page knows, should the network drop again.
    page = { passation: c.passation, reponses: c.confirmees }
    // Everything is on the server. If it moved elsewhere meanwhile (a conseiller marked a step), follow it.
    if (idDeLEtape(etapeLocale(c)) !== racine()?.dataset.etape) {
      await effacerCopieLocale()
      window.location.assign('/diagnostic/etape')
      return
    }
    dire('La connexion est revenue : vos réponses sont envoyées. Vous pouvez continuer.')
    // Back to the server's pages, unless the link page was opened without network: that answer is
    // then judged here (the server does not know the page was opened), and sent.
    if (!c.courante.lienVisite) await effacerCopieLocale()
  } catch {
    dire('Toujours pas de connexion internet. Vos réponses restent sur cet appareil.')
  } finally {
    enCours = false
  }
}

export function demarrer(o: Options): void {
  if (options) return
  options = o
  lirePage()
  window.addEventListener('online', () => void synchroniser())
  document.addEventListener('click', noterLien, true)
  // An `online` event can be missed (a network that answers again without the device noticing).
  window.setInterval(() => {
    if (navigator.onLine && lireCopie(lireStockage())?.enAttente.length) void synchroniser()
  }, RENVOI_MS)
}
