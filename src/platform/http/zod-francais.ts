import { type core, z } from 'zod'

/**
 * zod's messages for the people who read them: any schema without its own message (a field sent as a
 * list instead of one value, an unexpected type, a length limit) falls back on these, never on zod's
 * English defaults ("Invalid input: expected string, received array") nor on wording that names types
 * or patterns. Set once for the whole process when this module is first imported (web platform and
 * form reader import it).
 */
export function messageZod(issue: core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'Ce champ est obligatoire.'
      if (Array.isArray(issue.input)) return 'Une seule valeur est attendue.'
      if (issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint')
        return 'Saisissez un nombre.'
      if (issue.expected === 'array') return 'Une liste de valeurs est attendue.'
      if (issue.expected === 'boolean') return 'Répondez par oui ou par non.'
      return 'Cette valeur n’est pas valide.'
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return issue.code === 'invalid_value' && issue.values.length > 1
        ? 'Choisissez une des valeurs proposées.'
        : 'Cette valeur n’est pas valide.'
    case 'too_big': {
      const max = Number(issue.maximum)
      if (issue.origin === 'string') return `${max} caractères au plus.`
      if (issue.origin === 'array' || issue.origin === 'set') return `${max} éléments au plus.`
      if (issue.origin === 'file') return 'Le fichier est trop volumineux.'
      return issue.inclusive ? `${max} au plus.` : `Moins de ${max}.`
    }
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'string')
        return min <= 1 ? 'Ce champ est obligatoire.' : `Au moins ${min} caractères.`
      if (issue.origin === 'array' || issue.origin === 'set')
        return min <= 1 ? 'Choisissez au moins une valeur.' : `Choisissez au moins ${min} valeurs.`
      return issue.inclusive ? `${min} au moins.` : `Plus de ${min}.`
    }
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return 'Saisissez une adresse e-mail valide, par exemple nom@domaine.fr.'
        case 'url':
          return 'Saisissez une adresse web valide, par exemple https://exemple.fr.'
        case 'date':
        case 'datetime':
          return 'Saisissez une date valide.'
        case 'uuid':
        case 'guid':
          return 'Cet identifiant n’est pas valide.'
        default:
          return 'Le format de cette valeur n’est pas valide.'
      }
    case 'not_multiple_of':
      return 'Ce nombre n’est pas permis ici.'
    case 'unrecognized_keys':
      return 'Le formulaire contient des champs inconnus.'
    default:
      return 'Cette valeur n’est pas valide.'
  }
}

z.config({ localeError: messageZod })
