import type { Database } from '../../../platform/db/database'
import { departement, region } from '../../../platform/geo/territoires'
import { dateExiste, dateHeure, dateLongue } from '../../../platform/http/dates'
import { lireJournal } from '../../../platform/journal/journal'
import { nombreDe } from '../../../platform/pluriel'
import { estRole, LIBELLES_ROLES } from '../../comptes'
import {
  action,
  DETAILS_OBJETS,
  type LigneJournal,
  type NommeursObjets,
  type ObjetNomme,
  type TypeObjet,
} from '../domain/journal'

type Entree = Awaited<ReturnType<typeof lireJournal>>[number]
type Noms = Map<TypeObjet, ReadonlyMap<string, ObjetNomme>>

const enMots = (code: string) => code.replaceAll('_', ' ')
/** Opinions and decisions of the recruitment (prefecture, committee), with their accents. */
const AVIS: Record<string, string> = {
  favorable: 'favorable',
  defavorable: 'défavorable',
  a_completer: 'à compléter',
  validee: 'validée',
  refusee: 'refusée',
  ajournee: 'ajournée',
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Every object the page names, by kind, so that each domain is asked once per page. */
function aNommer(entrees: readonly Entree[]): Map<TypeObjet, Set<string>> {
  const ids = new Map<TypeObjet, Set<string>>()
  const ajouter = (type: TypeObjet | undefined, id: unknown) => {
    if (!type || typeof id !== 'string' || !UUID.test(id)) return
    ids.set(type, (ids.get(type) ?? new Set()).add(id))
  }
  for (const e of entrees) {
    ajouter('compte', e.acteurId)
    ajouter(action(e.action).objet, e.cible)
    for (const [cle, type] of Object.entries(DETAILS_OBJETS)) ajouter(type, e.details[cle])
    const portee = e.details.portee as { type?: unknown; code?: unknown } | undefined
    if (portee?.type === 'structure') ajouter('structure', portee.code)
  }
  return ids
}

function portee(p: unknown, noms: Noms): string | undefined {
  if (typeof p !== 'object' || p === null) return undefined
  const { type, code } = p as { type?: unknown; code?: unknown }
  if (typeof code !== 'string') return undefined
  if (type === 'national') return 'national'
  if (type === 'departement') return departement(code)?.nom ?? undefined
  if (type === 'region') return region(code)?.nom ?? undefined
  if (type === 'structure') return noms.get('structure')?.get(code)?.libelle
  return undefined
}

/** One detail in words, or nothing when it says nothing a person can use (an id of nothing known). */
function detail(cle: string, v: unknown, noms: Noms): string | undefined {
  const type = Object.hasOwn(DETAILS_OBJETS, cle) ? DETAILS_OBJETS[cle] : undefined
  if (type) {
    const nom = typeof v === 'string' ? noms.get(type)?.get(v)?.libelle : undefined
    return nom && `${cle === 'de' ? 'de' : cle === 'vers' ? 'vers' : type} : ${nom}`
  }
  if (v === null || v === undefined || v === '') return undefined
  if (cle === 'role') return typeof v === 'string' && estRole(v) ? `rôle ${LIBELLES_ROLES[v]}` : undefined
  if (cle === 'portee') return portee(v, noms)
  if (typeof v === 'number') {
    if (cle === 'postes') return nombreDe(v, 'poste')
    if (cle === 'montant') return `${v.toLocaleString('fr-FR')} €`
    if (cle === 'dureeMinutes') return nombreDe(v, 'minute')
    if (cle === 'rang') return `rang ${v}`
    return `${enMots(cle)} : ${v.toLocaleString('fr-FR')}`
  }
  if (typeof v === 'string') {
    if (cle === 'numero') return `n° ${v}`
    if (dateExiste(v.slice(0, 10)) && /^\d{4}-\d{2}-\d{2}/.test(v)) return `${enMots(cle)} : ${dateLongue(v)}`
    if (UUID.test(v)) return undefined
    if (cle === 'avis') return `avis ${Object.hasOwn(AVIS, v) ? AVIS[v] : enMots(v)}`
    return cle === 'typeContrat' ? enMots(v) : `${enMots(cle)} : ${enMots(v)}`
  }
  if (typeof v === 'boolean') return `${enMots(cle)} : ${v ? 'oui' : 'non'}`
  return undefined
}

export function precisions(details: Record<string, unknown>, noms: Noms): string {
  return Object.entries(details)
    .map(([cle, v]) => detail(cle, v, noms))
    .filter((t): t is string => !!t)
    .join(', ')
}

/**
 * The journal's page `avant` (keyset pagination, newest first) in words: the author and the object by
 * their names (each domain names its own objects and says which page shows them), the action and its
 * details as sentences.
 */
export function makeLireJournal(deps: { db: Database; nommer: NommeursObjets }) {
  return async (limite: number, avant?: number) => {
    const entrees = await lireJournal(deps.db, limite, avant)
    const noms: Noms = new Map()
    for (const [type, ids] of aNommer(entrees)) {
      const nommer = deps.nommer[type]
      if (nommer) noms.set(type, await nommer([...ids]))
    }
    return entrees.map((e): LigneJournal => {
      const a = action(e.action)
      const auteur = e.acteurId ? noms.get('compte')?.get(e.acteurId) : undefined
      const objet = a.objet && e.cible ? noms.get(a.objet)?.get(e.cible) : undefined
      return {
        id: e.id,
        le: dateHeure(e.le),
        auteur: auteur ?? { libelle: e.acteurId ? 'Compte supprimé' : 'Escale (tâche automatique)' },
        action: a.libelle,
        ...(objet ? { objet } : e.cible ? { objet: { libelle: 'Objet supprimé' } } : {}),
        precisions: precisions(e.details, noms),
      }
    })
  }
}
