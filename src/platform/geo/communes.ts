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

/**
 * An arrondissement of Paris, Lyon or Marseille: a name and postal codes a person may type, never a
 * commune of its own here (places, activities and coverage count the commune: 75056, 69123, 13055).
 */
export interface Arrondissement {
  nom: string
  commune: string
  codesPostaux: readonly string[]
}

/** One line of a commune list: the commune, and the postal code the person meant when there is one. */
export interface SuggestionCommune {
  commune: Commune
  codePostal: string | undefined
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
  /** The communes a text names (see `suggerer`), each once. */
  rechercher(texte: string, max?: number): Commune[]
  /**
   * Suggestions for a commune field, best first: a postal code (« 05000 », or its start « 050 »); a
   * name: exact names, then names starting with the text, then names holding it as a word; a name
   * with a postal code (« Gap 05000 », « Saint-Denis (97400) »); an arrondissement (« Marseille 3e »).
   * Within each group, the most populated first. A postal code is never read as an INSEE code.
   */
  suggerer(texte: string, max?: number): SuggestionCommune[]
  /** The commune of a département whose name appears in a text (« Antenne de Moyenmoutier »), longest name first. */
  dansLeNom(texte: string, departement: string): Commune | undefined
  readonly taille: number
}

interface Nom {
  c: Commune
  n: string
  /** Set for an arrondissement: its postal code, and the name only matches a text with a number. */
  cp?: string
}

/** « Gap (05000) », « gap 05000 », « 05000 Gap » → the name part and the postal code. */
export function analyserSaisie(texte: string): { nom: string; codePostal: string | undefined } {
  const n = normaliserNom(texte.replace(/[()]/g, ' '))
  const cp = /(?:^| )(\d{5})(?: |$)/.exec(n)
  if (!cp) return { nom: n, codePostal: undefined }
  const nom = `${n.slice(0, cp.index)} ${n.slice(cp.index + cp[0].length)}`.replace(/\s+/g, ' ').trim()
  return { nom, codePostal: cp[1] }
}

export function creerReferentielCommunes(
  communes: readonly Commune[],
  arrondissements: readonly Arrondissement[] = [],
): ReferentielCommunes {
  const parCode = new Map(communes.map((c) => [c.code, c]))
  const parCp = new Map<string, Commune[]>()
  for (const c of communes)
    for (const cp of c.codesPostaux) {
      const l = parCp.get(cp) ?? []
      l.push(c)
      parCp.set(cp, l)
    }
  for (const l of parCp.values()) l.sort((a, b) => b.population - a.population)

  const parDep = new Map<string, { c: Commune; n: string }[]>()
  for (const c of communes) {
    const l = parDep.get(c.departement) ?? []
    l.push({ c, n: normaliserNom(c.nom) })
    parDep.set(c.departement, l)
  }

  const suggerer = creerSuggerer(communes, arrondissements, parCode, parCp)

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
    suggerer,
    rechercher(texte, max = 8) {
      const vues = new Set<Commune>()
      for (const s of suggerer(texte, max * 20)) {
        vues.add(s.commune)
        if (vues.size >= max) break
      }
      return [...vues]
    },
  }
}

/** The search of `suggerer`: names indexed by the first two letters of each of their words. */
function creerSuggerer(
  communes: readonly Commune[],
  arrondissements: readonly Arrondissement[],
  parCode: ReadonlyMap<string, Commune>,
  parCp: ReadonlyMap<string, readonly Commune[]>,
): ReferentielCommunes['suggerer'] {
  const noms: Nom[] = communes
    .map((c) => ({ c, n: normaliserNom(c.nom) }))
    .sort((a, b) => b.c.population - a.c.population)
  const nomsArrondissements: Nom[] = []
  for (const a of arrondissements) {
    const c = parCode.get(a.commune)
    if (c) nomsArrondissements.push({ c, n: normaliserNom(a.nom), cp: a.codesPostaux[0] })
  }
  // A text matches the start of one of a name's words: only the names with a word starting with the
  // text's first two letters are read (a few hundred instead of 35 000 per keystroke).
  const parDebutDeMot = new Map<string, Nom[]>()
  for (const x of [...nomsArrondissements, ...noms])
    for (const debut of new Set(x.n.split(' ').map((mot) => mot.slice(0, 2)))) {
      const l = parDebutDeMot.get(debut) ?? []
      l.push(x)
      parDebutDeMot.set(debut, l)
    }

  const parDebutDeCodePostal = (debut: string): SuggestionCommune[] => {
    const exacts = (parCp.get(debut) ?? []).map((c) => ({ commune: c, codePostal: debut }))
    if (debut.length === 5) return exacts
    const autres: SuggestionCommune[] = []
    for (const [cp, l] of parCp)
      if (cp.startsWith(debut)) for (const c of l) autres.push({ commune: c, codePostal: cp })
    return autres.sort((a, b) => b.commune.population - a.commune.population)
  }

  const parNom = (nom: string, cp: string | undefined): SuggestionCommune[] => {
    const groupes: SuggestionCommune[][] = [[], [], []]
    const avecChiffre = /\d/.test(nom)
    for (const x of parDebutDeMot.get(nom.split(' ')[0]?.slice(0, 2) ?? '') ?? []) {
      if (x.cp && !avecChiffre) continue
      if (cp && (x.cp ? x.cp !== cp : !x.c.codesPostaux.includes(cp))) continue
      const rang = x.n === nom ? 0 : x.n.startsWith(nom) ? 1 : x.n.includes(` ${nom}`) ? 2 : -1
      if (rang < 0) continue
      const codePostal = cp ?? x.cp ?? (x.c.codesPostaux.length === 1 ? x.c.codesPostaux[0] : undefined)
      groupes[rang]?.push({ commune: x.c, codePostal })
    }
    return groupes.flat()
  }

  const suggerer = (texte: string, max = 20): SuggestionCommune[] => {
    const brut = texte.trim()
    let tout: SuggestionCommune[]
    if (/^\d{2,5}$/.test(brut)) tout = parDebutDeCodePostal(brut)
    else {
      const { nom, codePostal } = analyserSaisie(brut)
      // One letter is a name too (Y, in the Somme), then only as a whole name.
      if (nom.length >= 2) tout = parNom(nom, codePostal)
      else if (nom.length === 1)
        tout = parNom(nom, codePostal).filter((s) => normaliserNom(s.commune.nom) === nom)
      else if (codePostal && !nom) tout = parDebutDeCodePostal(codePostal)
      else tout = []
    }
    const vus = new Set<string>()
    const sortie: SuggestionCommune[] = []
    for (const s of tout) {
      const cle = `${s.commune.code} ${s.codePostal ?? ''}`
      if (vus.has(cle)) continue
      vus.add(cle)
      sortie.push(s)
      if (sortie.length >= max) break
    }
    return sortie
  }
  return suggerer
}
