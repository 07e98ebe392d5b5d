import { type Demarche, type Duree, titreDemarche } from './demarches'

const DUREE_EN_TOUTES_LETTRES: Record<Duree, string> = {
  jour: 'un jour',
  mois: 'un mois',
  semestre: 'six mois',
  annee: 'douze mois',
}

/**
 * The mandate text, by version. A signed mandate stores the version it was signed under
 * (`aidants_mandats.version_texte`, also covered by the attestation hash), and every attestation — the
 * page and the PDF — is rendered from that version's text, so that a later rewording never changes what
 * an usager already signed. A new wording is a new entry here, with the date it comes into force; the old
 * ones stay.
 */
export interface FaitsMandat {
  usager: string
  organisation: string
  demarches: readonly Demarche[]
  duree: Duree
  creeLe: string
  expireLe: string
}

export interface TexteMandat {
  /** Paragraphs before the list of démarches. */
  preambule: (f: FaitsMandat) => string[]
  /** Paragraphs after the list of démarches. */
  conditions: (f: FaitsMandat) => string[]
}

export const TEXTES_MANDAT: Readonly<Record<string, TexteMandat>> = {
  '2026-03-23': {
    preambule: (f) => [
      `Je soussigné·e ${f.usager} donne mandat à la structure ${f.organisation}, en application des articles 1984 et suivants du Code civil, pour réaliser en mon nom les démarches administratives en ligne des domaines suivants :`,
    ],
    conditions: (f) => [
      `Ce mandat est donné le ${f.creeLe} pour une durée de ${DUREE_EN_TOUTES_LETTRES[f.duree] ?? f.duree}, jusqu’au ${f.expireLe}.`,
      'Les aidants habilités de la structure agissent en mon nom, avec moi ou à ma demande, uniquement pour ces démarches. Ils ne connaissent pas mes mots de passe : ils se connectent aux services en ligne par Aidants Connect.',
      'Chaque utilisation du mandat est enregistrée : je peux voir qui l’a utilisé, quand et pour quelle démarche, dans l’espace « Mes mandats » (connexion avec FranceConnect).',
      'Je peux révoquer ce mandat à tout moment, en tout ou pour une démarche, dans cet espace ou auprès de la structure.',
      'Mes données sont conservées trois ans après la fin de mon dernier mandat, puis mon identité est effacée.',
    ],
  },
}

/** Text in force for new mandates. */
export const VERSION_TEXTE_EN_VIGUEUR = '2026-03-23'

/** The text a mandate was signed under (the current one if the version is unknown, e.g. test data). */
export function texteDuMandat(version: string): TexteMandat {
  return TEXTES_MANDAT[version] ?? (TEXTES_MANDAT[VERSION_TEXTE_EN_VIGUEUR] as TexteMandat)
}

export function paragraphesMandat(version: string, f: FaitsMandat) {
  const t = texteDuMandat(version)
  return {
    preambule: t.preambule(f),
    demarches: f.demarches.map((d) => titreDemarche(d)),
    conditions: t.conditions(f),
  }
}
