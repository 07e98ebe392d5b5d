/** What the domain's pages share: dates in French, the status badge of a mandate. */

export const dateFr = (d: Date) =>
  d.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' })
export const dateHeureFr = (d: Date) =>
  d.toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' })
export const STATUTS = { actif: 'Actif', expire: 'Expiré', revoque: 'Révoqué' } as const
const CLASSES = {
  actif: 'fr-badge--success',
  expire: 'fr-badge--warning',
  revoque: 'fr-badge--error',
} as const

export function Badge({ statut }: { statut: 'actif' | 'expire' | 'revoque' }) {
  return <p class={`fr-badge fr-badge--sm ${CLASSES[statut]}`}>{STATUTS[statut]}</p>
}
