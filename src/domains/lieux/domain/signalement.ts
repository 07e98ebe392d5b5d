/** What a visitor may say is wrong on a place's page. */
export const NATURES_SIGNALEMENT = [
  { valeur: 'adresse', libelle: 'L’adresse ou la position sur la carte' },
  { valeur: 'horaires', libelle: 'Les horaires' },
  { valeur: 'contact', libelle: 'Le téléphone, l’e-mail ou le site' },
  { valeur: 'services', libelle: 'Ce que l’on peut y faire' },
  { valeur: 'ferme', libelle: 'Le lieu a fermé ou déménagé' },
  { valeur: 'autre', libelle: 'Autre chose' },
] as const

export type NatureSignalement = (typeof NATURES_SIGNALEMENT)[number]['valeur']

export interface Signalement {
  nature: NatureSignalement
  message: string
  /** Only for the reply; never stored outside the e-mail. */
  courriel?: string | undefined
}
