import { type Etape, prochaineEtape, type Reponse, type ResultatItem } from './moteur'
import { INACTIVITE_MINUTES } from './retention'

/**
 * The browser's copy of a diagnostic taken without network (ADR 010), pure so that it is tested
 * here and run as is in the page (`client.ts`). It holds only what the server records anyway:
 * for each answer the step, its result, the choices of a profile question, attempts, duration and
 * interaction counts. What the person typed is never in it.
 *
 * H1 The next step is `prochaineEtape` of the answers the server has, followed by the answers
 *    waiting to be sent, in the order they were given.
 * H2 A page fresh from the server wins: the answers it lists are the server's, and a waiting
 *    answer the server already has (a reply lost on the way back) is dropped, never sent twice.
 *    A page older than the copy (served from the cache without network) changes nothing.
 * H3 Answers are sent in order, a few at a time; the server answers with every answer it has,
 *    which becomes the copy's truth (the server ignores an answer to a step that is not current).
 * H4 A copy with no activity for 30 minutes is dropped (R4: the server would refuse it anyway).
 */

export interface ReponseEnAttente {
  etape: string
  resultat: ResultatItem
  passer: boolean
  /** Choice ids of a profile question (the server stores them); always empty for an exercise. */
  choix: string[]
  essais: number
  dureeMs: number
  mesures: Record<string, number>
  /** When it was given, on the browser's clock: the server is told how long ago, never a date. */
  faiteLe: number
}

export interface EtapeCourante {
  etape: string
  /** Attempts already made at this step (corrections shown in the page). */
  essais: number
  lienVisite: boolean
  afficheeLe: number
}

export interface CopieLocale {
  version: 1
  /** Which diagnostic (a digest of its id, given by the page): another one's copy is never used. */
  passation: string
  confirmees: Reponse[]
  enAttente: ReponseEnAttente[]
  courante: EtapeCourante
  activiteLe: number
}

/** What a step page says of its diagnostic (data attributes written by the server). */
export interface EtatDeLaPage {
  passation: string
  reponses: Reponse[]
}

/** One answer as `POST /diagnostic/synchronisation` takes it. */
export interface ReponseAEnvoyer extends Omit<ReponseEnAttente, 'faiteLe'> {
  depuisMs: number
}

export const ENVOI_MAX = 20

export const idDeLEtape = (e: Etape): string =>
  e.type === 'question' ? e.question : e.type === 'exercice' ? e.item.id : 'fin'

type Reponses = Pick<CopieLocale, 'confirmees' | 'enAttente'>

export const reponsesConnues = (c: Reponses): Reponse[] => [
  ...c.confirmees,
  ...c.enAttente.map((r) => ({ item: r.etape, resultat: r.resultat })),
]

/** H1. */
export const etapeLocale = (c: Reponses): Etape => prochaineEtape(reponsesConnues(c))

/** Keeps the attempts of the step still current; starts afresh when the step changed. */
function recaler(
  c: Omit<CopieLocale, 'courante'> & { courante?: EtapeCourante },
  maintenant: number,
): CopieLocale {
  const etape = idDeLEtape(etapeLocale(c))
  const courante =
    c.courante?.etape === etape ? c.courante : { etape, essais: 0, lienVisite: false, afficheeLe: maintenant }
  return { ...c, courante }
}

/** H4. */
export const copiePerimee = (c: CopieLocale, maintenant: number): boolean =>
  maintenant - c.activiteLe >= INACTIVITE_MINUTES * 60_000

const RESULTATS: readonly string[] = ['reussi', 'echoue', 'passe']
const estReponse = (r: unknown): r is Reponse =>
  typeof r === 'object' &&
  r !== null &&
  typeof (r as Reponse).item === 'string' &&
  RESULTATS.includes((r as Reponse).resultat)
const estNombre = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n)
const estEnAttente = (r: unknown): r is ReponseEnAttente => {
  const x = r as ReponseEnAttente
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof x.etape === 'string' &&
    RESULTATS.includes(x.resultat) &&
    typeof x.passer === 'boolean' &&
    Array.isArray(x.choix) &&
    x.choix.every((v) => typeof v === 'string') &&
    estNombre(x.essais) &&
    estNombre(x.dureeMs) &&
    estNombre(x.faiteLe) &&
    typeof x.mesures === 'object' &&
    x.mesures !== null &&
    Object.values(x.mesures).every(estNombre)
  )
}

/** Reads what the storage holds; anything malformed (another version, a hand edit) is no copy. */
export function lireCopie(brut: unknown): CopieLocale | undefined {
  const c = brut as CopieLocale
  if (typeof brut !== 'object' || brut === null || c.version !== 1 || typeof c.passation !== 'string')
    return undefined
  if (!Array.isArray(c.confirmees) || !c.confirmees.every(estReponse)) return undefined
  if (!Array.isArray(c.enAttente) || !c.enAttente.every(estEnAttente)) return undefined
  const k = c.courante
  if (
    typeof k !== 'object' ||
    k === null ||
    typeof k.etape !== 'string' ||
    !estNombre(k.essais) ||
    typeof k.lienVisite !== 'boolean' ||
    !estNombre(k.afficheeLe) ||
    !estNombre(c.activiteLe)
  )
    return undefined
  return c
}

/** The copy to work with on a step page: the stored one brought up to date (H2, H4), or a new one. */
export function copieDepuisLaPage(
  stockee: CopieLocale | undefined,
  page: EtatDeLaPage,
  maintenant: number,
): CopieLocale {
  if (!stockee || stockee.passation !== page.passation || copiePerimee(stockee, maintenant))
    return recaler(
      {
        version: 1,
        passation: page.passation,
        confirmees: page.reponses,
        enAttente: [],
        activiteLe: maintenant,
      },
      maintenant,
    )
  if (page.reponses.length < stockee.confirmees.length) return stockee
  const connues = new Set(page.reponses.map((r) => r.item))
  return recaler(
    {
      ...stockee,
      confirmees: page.reponses,
      enAttente: stockee.enAttente.filter((r) => !connues.has(r.etape)),
    },
    maintenant,
  )
}

/** A wrong attempt with attempts left: the step stays, one more attempt counted. */
export const noterEssai = (c: CopieLocale, essais: number, maintenant: number): CopieLocale => ({
  ...c,
  courante: { ...c.courante, essais },
  activiteLe: maintenant,
})

export const noterLienVisite = (c: CopieLocale, maintenant: number): CopieLocale => ({
  ...c,
  courante: { ...c.courante, lienVisite: true },
  activiteLe: maintenant,
})

/** The step is answered: the answer waits to be sent, and the next step starts (H1). */
export function retenir(
  c: CopieLocale,
  reponse: Omit<ReponseEnAttente, 'faiteLe' | 'dureeMs'>,
  maintenant: number,
): CopieLocale {
  const donnee: ReponseEnAttente = {
    ...reponse,
    dureeMs: Math.max(0, maintenant - c.courante.afficheeLe),
    faiteLe: maintenant,
  }
  return recaler({ ...c, enAttente: [...c.enAttente, donnee], activiteLe: maintenant }, maintenant)
}

/** The next answers to send, oldest first (H3). */
export const aEnvoyer = (c: CopieLocale, maintenant: number): ReponseAEnvoyer[] =>
  c.enAttente
    .slice(0, ENVOI_MAX)
    .map(({ faiteLe, ...r }) => ({ ...r, depuisMs: Math.max(0, maintenant - faiteLe) }))

/** H3: the server took the first `envoyees` answers and says what it now has. */
export function apresEnvoi(
  c: CopieLocale,
  envoyees: number,
  serveur: Reponse[],
  maintenant: number,
): CopieLocale {
  const connues = new Set(serveur.map((r) => r.item))
  return recaler(
    {
      ...c,
      confirmees: serveur,
      enAttente: c.enAttente.slice(envoyees).filter((r) => !connues.has(r.etape)),
    },
    maintenant,
  )
}
