import type { z } from 'zod'
import type { Horloge } from '../crypto'
import { creerDisjoncteur, type Disjoncteur, type EtatDisjoncteur } from './disjoncteur'

/**
 * The one HTTP client of the connectors (ADR 050): a bounded wait per attempt, retries with exponential
 * back-off and jitter on what may pass (network, 429, 5xx), a circuit breaker, and an answer checked by
 * its zod schema. It never throws: the caller gets a value it can turn into a degraded page.
 */

export type RaisonEchec = 'introuvable' | 'refus' | 'indisponible' | 'reponse-invalide'

export type ReponseConnecteur<T> =
  | { ok: true; donnees: T; statut: number }
  | { ok: false; raison: RaisonEchec; statut?: number }

/** What a connector logs: pino's `info`/`warn` (Fastify's `app.log` fits). */
export interface JournalConnecteur {
  info(objet: object, message?: string): void
  warn(objet: object, message?: string): void
}

export interface OptionsClientHttp {
  /** Connector name, in logs and on `/sante`. */
  nom: string
  /** Base URL, possibly with a path (`http://127.0.0.1:3000/simulateurs/entreprises`). */
  baseUrl: string
  /** Longest wait for one attempt, headers and body included. */
  delaiMs?: number
  /** Attempts in all (1 = no retry). */
  tentatives?: number
  /** First pause between attempts; doubled at each new attempt, with jitter. */
  pauseMs?: number
  /** Longest `Retry-After` honoured; a longer one ends the call as `indisponible`. */
  attenteMaxMs?: number
  /** Consecutive failed calls that open the breaker. */
  seuilDisjoncteur?: number
  /** How long the open breaker answers at once before letting one trial through. */
  reouvertureMs?: number
  journal?: JournalConnecteur
  fetch?: typeof globalThis.fetch
  horloge?: Horloge
  /** Pause between attempts (tests pass an instant one). */
  attendre?: (ms: number) => Promise<void>
  /** Jitter source in [0, 1) (tests pass a fixed one). */
  alea?: () => number
}

interface OptionsAppel<T> {
  query?: Readonly<Record<string, string | number | undefined>>
  entetes?: Readonly<Record<string, string>>
  schema: z.ZodType<T>
  /** `texte`: the schema checks the body as a string (CSV answers); `json` otherwise. */
  format?: 'json' | 'texte'
}

export interface ClientHttp {
  get<T>(chemin: string, options: OptionsAppel<T>): Promise<ReponseConnecteur<T>>
  /** `corps`: a string, form data or bytes are sent as they are; anything else as JSON. */
  post<T>(chemin: string, options: OptionsAppel<T> & { corps: unknown }): Promise<ReponseConnecteur<T>>
  etat(): EtatDisjoncteur
}

type Issue =
  | { fin: true; reponse: ReponseConnecteur<unknown>; panne: boolean }
  | { fin: false; statut?: number; pauseMs?: number; abandon?: boolean }

const attendreVraiment = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

export function creerClientHttp(o: OptionsClientHttp): ClientHttp {
  const reglages = {
    delaiMs: o.delaiMs ?? 3000,
    tentatives: Math.max(1, o.tentatives ?? 3),
    pauseMs: o.pauseMs ?? 200,
    attenteMaxMs: o.attenteMaxMs ?? 5000,
  }
  const fetcher = o.fetch ?? globalThis.fetch
  const horloge = o.horloge ?? (() => new Date())
  const attendre = o.attendre ?? attendreVraiment
  const alea = o.alea ?? Math.random
  const disjoncteur: Disjoncteur = creerDisjoncteur({
    seuil: o.seuilDisjoncteur ?? 5,
    reouvertureMs: o.reouvertureMs ?? 30_000,
    horloge,
  })
  const base = o.baseUrl.replace(/\/$/, '')

  async function appeler<T>(
    methode: 'GET' | 'POST',
    chemin: string,
    options: OptionsAppel<T>,
    corps?: unknown,
  ): Promise<ReponseConnecteur<T>> {
    const essai = disjoncteur.autoriser()
    if (!essai.autorise) {
      o.journal?.warn({ connecteur: o.nom, chemin: cheminPourJournal(chemin), disjoncteur: 'ouvert' })
      return { ok: false, raison: 'indisponible' }
    }
    // A half-open breaker lets exactly one attempt through: retrying it would hammer a sick service.
    const tentatives = essai.essai ? 1 : reglages.tentatives
    const url = construireUrl(base, chemin, options.query)
    let dernierStatut: number | undefined
    for (let tentative = 1; tentative <= tentatives; tentative++) {
      const debut = performance.now()
      const issue = await uneTentative(url, methode, options, corps)
      journaliser(o, chemin, tentative, Math.round(performance.now() - debut), issue)
      if (issue.fin) {
        if (issue.panne) disjoncteur.echec()
        else disjoncteur.succes()
        return issue.reponse as ReponseConnecteur<T>
      }
      dernierStatut = issue.statut
      if (issue.abandon || tentative === tentatives) break
      const exponentielle = reglages.pauseMs * 2 ** (tentative - 1)
      // "Equal jitter": half the pause is fixed, half is random, so clients that failed together spread out.
      await attendre(issue.pauseMs ?? Math.round(exponentielle / 2 + (alea() * exponentielle) / 2))
    }
    disjoncteur.echec()
    return { ok: false, raison: 'indisponible', ...(dernierStatut ? { statut: dernierStatut } : {}) }
  }

  async function uneTentative<T>(
    url: string,
    methode: 'GET' | 'POST',
    options: OptionsAppel<T>,
    corps: unknown,
  ): Promise<Issue> {
    const controleur = new AbortController()
    const minuterie = setTimeout(() => controleur.abort(), reglages.delaiMs)
    try {
      const envoi = methode === 'POST' ? preparerCorps(corps) : undefined
      const reponse = await fetcher(url, {
        method: methode,
        signal: controleur.signal,
        headers: { accept: 'application/json', ...envoi?.entetes, ...options.entetes },
        ...(envoi ? { body: envoi.body } : {}),
      })
      // The body is read under the same timer: a server that sends headers and then stalls is slow too.
      const texte = await reponse.text()
      return interpreter(reponse, texte, options, reglages.attenteMaxMs, horloge)
    } catch {
      return { fin: false }
    } finally {
      clearTimeout(minuterie)
    }
  }

  return {
    get: (chemin, options) => appeler('GET', chemin, options),
    post: (chemin, options) => appeler('POST', chemin, options, options.corps),
    etat: () => disjoncteur.etat(),
  }
}

function interpreter<T>(
  reponse: Response,
  texte: string,
  options: OptionsAppel<T>,
  attenteMaxMs: number,
  horloge: Horloge,
): Issue {
  const statut = reponse.status
  if (statut === 429) {
    const attente = retryAfterMs(reponse.headers.get('retry-after'), horloge)
    // Honoured when reasonable; a longer one is the service asking us to go away: stop now.
    if (attente !== undefined && attente > attenteMaxMs) return { fin: false, statut, abandon: true }
    return { fin: false, statut, ...(attente !== undefined ? { pauseMs: attente } : {}) }
  }
  if (statut >= 500) return { fin: false, statut }
  // A 4xx proves the service is up: it is the question that was wrong, not the service.
  if (statut === 404 || statut === 410)
    return { fin: true, panne: false, reponse: { ok: false, raison: 'introuvable', statut } }
  if (statut >= 400) return { fin: true, panne: false, reponse: { ok: false, raison: 'refus', statut } }
  let brut: unknown = texte
  if ((options.format ?? 'json') === 'json') {
    try {
      brut = JSON.parse(texte)
    } catch {
      return { fin: true, panne: true, reponse: { ok: false, raison: 'reponse-invalide', statut } }
    }
  }
  const lu = options.schema.safeParse(brut)
  // A service answering 200 with something else (a maintenance page, a changed shape) is a failure too.
  if (!lu.success)
    return { fin: true, panne: true, reponse: { ok: false, raison: 'reponse-invalide', statut } }
  return { fin: true, panne: false, reponse: { ok: true, donnees: lu.data, statut } }
}

/** `Retry-After` is seconds or an HTTP date; anything else is ignored (the back-off applies). */
function retryAfterMs(valeur: string | null, horloge: Horloge): number | undefined {
  if (!valeur) return undefined
  if (/^\d+$/.test(valeur.trim())) return Number(valeur.trim()) * 1000
  const date = Date.parse(valeur)
  return Number.isNaN(date) ? undefined : Math.max(0, date - horloge().getTime())
}

function preparerCorps(corps: unknown): { body: BodyInit; entetes: Record<string, string> } {
  if (typeof corps === 'string') return { body: corps, entetes: {} }
  if (corps instanceof FormData || corps instanceof URLSearchParams || corps instanceof Uint8Array)
    return { body: corps as BodyInit, entetes: {} }
  return { body: JSON.stringify(corps), entetes: { 'content-type': 'application/json' } }
}

function construireUrl(base: string, chemin: string, query: OptionsAppel<unknown>['query']): string {
  const url = new URL(base + (chemin.startsWith('/') ? chemin : `/${chemin}`))
  for (const [cle, valeur] of Object.entries(query ?? {}))
    if (valeur !== undefined) url.searchParams.set(cle, String(valeur))
  return url.toString()
}

/**
 * The path as logged: no query string (it carries what was looked up), and long digit runs masked in case
 * a path segment is an identifier of a person or a company (a SIRET, a phone number).
 */
export function cheminPourJournal(chemin: string): string {
  const sansQuery = chemin.split(/[?#]/)[0] ?? ''
  return sansQuery.replace(/\d{6,}/g, '[masqué]')
}

function journaliser(o: OptionsClientHttp, chemin: string, tentative: number, dureeMs: number, issue: Issue) {
  if (!o.journal) return
  const statut = issue.fin ? issue.reponse.statut : issue.statut
  const ligne = {
    connecteur: o.nom,
    chemin: cheminPourJournal(chemin),
    statut: statut ?? null,
    dureeMs,
    tentative,
    ...(issue.fin && !issue.reponse.ok ? { raison: issue.reponse.raison } : {}),
  }
  if (issue.fin && (issue.reponse.ok || !issue.panne)) o.journal.info(ligne, 'appel de connecteur')
  else o.journal.warn(ligne, 'appel de connecteur en échec')
}
