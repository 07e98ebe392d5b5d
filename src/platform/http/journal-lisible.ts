import { Writable } from 'node:stream'

/** Pino's numeric levels, as a developer reads them. */
const NIVEAUX: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'ATTENTION',
  50: 'ERREUR',
  60: 'FATAL',
}

/** Requests whose arrival was read but not yet their end: bounded, an aborted request never ends. */
const EN_COURS_MAX = 1_000

interface Entree {
  level?: number
  time?: number
  msg?: string
  reqId?: string
  req?: { method?: string; url?: string }
  res?: { statusCode?: number }
  responseTime?: number
  err?: { type?: string; message?: string }
}

/**
 * The development terminal's log: one readable line per request (« 08:21:03 200 GET /lieux 12 ms »),
 * the other entries as « heure NIVEAU message », instead of two JSON objects per request. Reads the JSON
 * lines pino writes and writes text to `sortie`; the URL is the one the request serializer already
 * masked. Production keeps JSON (config.ts, LOG_FORMAT).
 */
export function fluxLisible(sortie: NodeJS.WritableStream): Writable {
  const arrivees = new Map<string, { method: string; url: string }>()
  let reste = ''
  return new Writable({
    write(morceau: Buffer | string, _encodage, fini) {
      const lignes = (reste + morceau.toString()).split('\n')
      reste = lignes.pop() ?? ''
      for (const ligne of lignes) {
        const texte = ligne.trim() ? formater(ligne, arrivees) : undefined
        if (texte) sortie.write(`${texte}\n`)
      }
      fini()
    },
  })
}

/** The text of one JSON line, or undefined when it is only a request's arrival (kept for its end). */
export function formater(ligne: string, arrivees: Map<string, { method: string; url: string }>) {
  let e: Entree
  try {
    e = JSON.parse(ligne) as Entree
  } catch {
    return ligne
  }
  const heure = new Date(e.time ?? Date.now()).toLocaleTimeString('fr-FR', { hour12: false })
  if (e.msg === 'incoming request' && e.reqId && e.req) {
    if (arrivees.size >= EN_COURS_MAX) arrivees.clear()
    arrivees.set(e.reqId, { method: e.req.method ?? '?', url: e.req.url ?? '?' })
    return undefined
  }
  if (e.msg === 'request completed' && e.reqId) {
    const a = arrivees.get(e.reqId)
    arrivees.delete(e.reqId)
    const duree = e.responseTime === undefined ? '' : ` ${Math.round(e.responseTime)} ms`
    return `${heure} ${e.res?.statusCode ?? '???'} ${a?.method ?? '?'} ${a?.url ?? '(adresse inconnue)'}${duree}`
  }
  const niveau = NIVEAUX[e.level ?? 30] ?? String(e.level)
  const erreur = e.err ? ` — ${e.err.type ?? 'Error'}: ${e.err.message ?? ''}` : ''
  return `${heure} ${niveau} ${e.msg ?? ''}${erreur}`
}
