import type { Valeurs } from '../../../platform/http/formulaire'
import type { ErreursFormulaire } from '../../../platform/layout/components'

/**
 * Binds a form's typed values and errors to its fields: `<Champ {...champ('rang')} libelle="…" />`
 * gives the field its name, the value typed and its error, without repeating the name three times.
 */
export const lierChamps =
  (v: Valeurs | Record<string, string | undefined>, e: ErreursFormulaire) => (nom: string) => ({
    nom,
    valeur: v[nom],
    erreur: e[nom],
  })

/** The same for check boxes: `<Case {...cocher('qpv')} libelle="…" />`, ticked when the value is `oui`. */
export const lierCases =
  (v: Valeurs | Record<string, string | undefined>, e: ErreursFormulaire) => (nom: string) => ({
    nom,
    coche: v[nom] === 'oui',
    erreur: e[nom],
  })
