/**
 * The one commune reference of the app: each commune with its centre, population, département and postal
 * codes. Places use it to place a search ("près de Gap", "13003") and to locate places without
 * coordinates; the diagnostic to turn a postal code into a commune; recruitment for coverage maps.
 * Pure: the loader that reads the data files is `referentiel-communes.ts`.
 */

export interface Commune {
  code: string
  nom: string
  departement: string
  latitude: number
  longitude: number
  population: number
  codesPostaux: readonly string[]
}

/** « Saint-Étienne-du-Rouvray », « st etienne du rouvray » and « ST ETIENNE » compare equal. */
export function normaliserNom(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’_.,/]/g, ' ')
    .replace(/\b(st)\b/g, 'saint')
    .replace(/\b(ste)\b/g, 'sainte')
    .replace(/\s+/g, ' ')
    .trim()
}

export interface ReferentielCommunes {
  parCode(code: string): Commune | undefined
  /** The communes using a postal code, most populated first. */
  parCodePostal(codePostal: string): readonly Commune[]
  /**
   * The commune a person means by a postal code: the most populated one using it. Many postal codes are
   * also the INSEE code of another commune (13001 is Marseille for the post office, Aix-en-Provence for
   * INSEE), so a postal code is never read as an INSEE code here.
   */
  principaleDuCodePostal(codePostal: string): Commune | undefined
  duDepartement(codeDepartement: string): readonly Commune[]
  /** The commune of an address: by INSEE code, else by postal code and name, else the only one with that postal code. */
  localiser(a: { codeInsee?: string | null; codePostal?: string; commune?: string }): Commune | undefined
  /** Suggestions for a search box: a postal code (or its start) or a name (or its start), most populated first. */
  rechercher(texte: string, max?: number): Commune[]
  /** The commune of a département whose name appears in a text (« Antenne de Moyenmoutier »), longest name first. */
  dansLeNom(texte: string, departement: string): Commune | undefined
  readonly taille: number
}

export function creerReferentielCommunes(communes: readonly Commune[]): ReferentielCommunes {
  const parCode = new Map(communes.map((c) => [c.code, c]))
  const parCp = new Map<string, Commune[]>()
  for (const c of communes)
    for (const cp of c.codesPostaux) {
      const l = parCp.get(cp) ?? []
      l.push(c)
      parCp.set(cp, l)
    }
  for (const l of parCp.values()) l.sort((a, b) => b.population - a.population)
  const noms = communes
    .map((c) => ({ c, n: normaliserNom(c.nom) }))
    .sort((a, b) => b.c.population - a.c.population)

  const parDep = new Map<string, { c: Commune; n: string }[]>()
  for (const c of communes) {
    const l = parDep.get(c.departement) ?? []
    l.push({ c, n: normaliserNom(c.nom) })
    parDep.set(c.departement, l)
  }
  return {
    taille: communes.length,
    dansLeNom(texte, departement) {
      const t = ` ${normaliserNom(texte)} `
      let meilleure: { c: Commune; n: string } | undefined
      for (const x of parDep.get(departement) ?? [])
        if (t.includes(` ${x.n} `) && (!meilleure || x.n.length > meilleure.n.length)) meilleure = x
      return meilleure?.c
    },
    parCode: (code) => parCode.get(code),
    parCodePostal: (cp) => parCp.get(cp.trim()) ?? [],
    principaleDuCodePostal: (cp) => parCp.get(cp.trim())?.[0],
    duDepartement: (code) => parDep.get(code)?.map((x) => x.c) ?? [],
    localiser({ codeInsee, codePostal, commune }) {
      if (codeInsee) {
        const c = parCode.get(codeInsee)
        if (c) return c
      }
      const candidates = codePostal ? (parCp.get(codePostal) ?? []) : []
      if (commune) {
        const n = normaliserNom(commune)
        const memeNom = candidates.find((c) => normaliserNom(c.nom) === n)
        if (memeNom) return memeNom
        // Arrondissements: « Marseille 3e Arrondissement » is in the file as Marseille.
        const debut = candidates.find((c) => n.startsWith(`${normaliserNom(c.nom)} `))
        if (debut) return debut
      }
      return candidates.length === 1 ? candidates[0] : undefined
    },
    rechercher(texte, max = 8) {
      const t = texte.trim()
      if (/^\d{2,5}$/.test(t)) {
        if (t.length === 5) return (parCp.get(t) ?? []).slice(0, max)
        const vus = new Set<Commune>()
        for (const [cp, l] of parCp) if (cp.startsWith(t)) for (const c of l) vus.add(c)
        return [...vus].sort((a, b) => b.population - a.population).slice(0, max)
      }
      const n = normaliserNom(t)
      if (n.length < 2) return []
      const exacts: Commune[] = []
      const debuts: Commune[] = []
      const mots: Commune[] = []
      for (const { c, n: nc } of noms) {
        if (nc === n) exacts.push(c)
        else if (nc.startsWith(n)) debuts.push(c)
        else if (nc.includes(` ${n}`)) mots.push(c)
        if (exacts.length >= max) break
      }
      return [...exacts, ...debuts, ...mots].slice(0, max)
    },
  }
}
