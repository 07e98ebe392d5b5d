/**
 * The ten démarches (domains of administrative life) an aidant may be authorised for, with the exact
 * titles of Aidants Connect: partners and usagers recognise these words.
 */
export const DEMARCHES = [
  { cle: 'papiers', titre: 'Papiers - Citoyenneté - Élections', exemples: 'ANTS, Défenseur des droits' },
  { cle: 'famille', titre: 'Famille - Scolarité', exemples: 'CAF, ameli.fr, EduConnect' },
  { cle: 'social', titre: 'Social - Santé', exemples: 'ameli.fr, MSA' },
  {
    cle: 'travail',
    titre: 'Travail - Formation',
    exemples: 'France Travail, Mon compte formation, info-retraite.fr',
  },
  { cle: 'logement', titre: 'Logement', exemples: 'CAF, Enedis' },
  { cle: 'transports', titre: 'Transports - Mobilité', exemples: 'ANTS, ANTAI, Crit’air' },
  {
    cle: 'argent',
    titre: 'Argent - Impôts - Consommation',
    exemples: 'impots.gouv.fr, timbres fiscaux, banque',
  },
  { cle: 'justice', titre: 'Justice', exemples: 'Télérecours citoyens' },
  { cle: 'etranger', titre: 'Étranger - Europe', exemples: 'OFPRA' },
  { cle: 'loisirs', titre: 'Loisirs - Sport - Culture', exemples: 'Ariane' },
] as const

export type Demarche = (typeof DEMARCHES)[number]['cle']
export const CLES_DEMARCHES: readonly Demarche[] = DEMARCHES.map((d) => d.cle)

export function estDemarche(v: string): v is Demarche {
  return (CLES_DEMARCHES as readonly string[]).includes(v)
}

export function titreDemarche(cle: Demarche): string {
  return DEMARCHES.find((d) => d.cle === cle)?.titre ?? cle
}

/** Durations offered when creating a mandate (the COVID-era "until the end of the emergency" is gone). */
export const DUREES = [
  { cle: 'jour', libelle: '1 jour (mandat court, expire demain)', jours: 1 },
  { cle: 'mois', libelle: '1 mois', jours: 31 },
  { cle: 'semestre', libelle: '6 mois', jours: 182 },
  { cle: 'annee', libelle: '12 mois (mandat long)', jours: 365 },
] as const
export type Duree = (typeof DUREES)[number]['cle']

export function estDuree(v: string): v is Duree {
  return DUREES.some((d) => d.cle === v)
}

export function joursDe(d: Duree): number {
  return DUREES.find((x) => x.cle === d)?.jours ?? 1
}

export function libelleDuree(d: Duree): string {
  return DUREES.find((x) => x.cle === d)?.libelle ?? d
}
