import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

export interface CommuneDuCodePostal {
  /** INSEE code of the commune (Marseille is 13055, not one of its arrondissements). */
  code: string
  nom: string
}

interface CommuneDecoupage {
  code: string
  nom: string
  type: string
  codesPostaux?: string[]
  population?: number
}

let index: Map<string, CommuneDuCodePostal> | undefined

/**
 * The commune a person means by their postal code: the most populated commune using it.
 *
 * Why not hand the postal code to the places domain as is: it reads a 5-digit code as an INSEE code
 * first, and many postal codes are also the INSEE code of another commune (13001 is Marseille 1er
 * for the post office, Aix-en-Provence for INSEE). The diagnostic only ever asks for a postal code.
 * Built once per process from @etalab/decoupage-administratif (the file is read, not kept: only
 * the ~6 000 postal codes stay in memory).
 */
export function communeDuCodePostal(codePostal: string): CommuneDuCodePostal | undefined {
  if (!index) {
    const fichier = createRequire(import.meta.url).resolve(
      '@etalab/decoupage-administratif/data/communes.json',
    )
    const meilleures = new Map<string, CommuneDecoupage>()
    for (const c of JSON.parse(readFileSync(fichier, 'utf8')) as CommuneDecoupage[]) {
      if (c.type !== 'commune-actuelle') continue
      for (const cp of c.codesPostaux ?? []) {
        const deja = meilleures.get(cp)
        if (!deja || (c.population ?? 0) > (deja.population ?? 0)) meilleures.set(cp, c)
      }
    }
    index = new Map([...meilleures].map(([cp, c]) => [cp, { code: c.code, nom: c.nom }]))
  }
  return index.get(codePostal.trim())
}
