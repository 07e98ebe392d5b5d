/**
 * Labels of the codes the register gives (it gives codes only). INSEE's legal categories: the level-III
 * code (4 digits) for those a host structure usually has, else the family of its first digit (level I).
 * NAF: the activities of the structures Escale meets; another code is shown with its family wording.
 */

const CATEGORIES_JURIDIQUES: Readonly<Record<string, string>> = {
  '1000': 'Entrepreneur individuel',
  '5499': 'Société à responsabilité limitée (SARL)',
  '5498': 'SARL unipersonnelle',
  '5710': 'Société par actions simplifiée (SAS)',
  '5720': 'Société par actions simplifiée à associé unique',
  '5599': 'Société anonyme à conseil d’administration',
  '7120': 'Service central d’un ministère',
  '7210': 'Commune et commune nouvelle',
  '7220': 'Département',
  '7229': 'Autre collectivité territoriale',
  '7230': 'Région',
  '7343': 'Communauté urbaine',
  '7344': 'Métropole',
  '7346': 'Communauté de communes',
  '7348': 'Communauté d’agglomération',
  '7361': 'Centre communal d’action sociale',
  '8210': 'Mutuelle',
  '9210': 'Association non déclarée',
  '9220': 'Association déclarée',
  '9221': 'Association déclarée d’insertion par l’économique',
  '9230': 'Association déclarée reconnue d’utilité publique',
  '9300': 'Fondation',
}

const FAMILLES_JURIDIQUES: Readonly<Record<string, string>> = {
  '1': 'Entrepreneur individuel',
  '2': 'Groupement de droit privé non doté de la personnalité morale',
  '3': 'Personne morale de droit étranger',
  '4': 'Personne morale de droit public soumise au droit commercial',
  '5': 'Société commerciale',
  '6': 'Autre personne morale immatriculée au registre du commerce',
  '7': 'Personne morale et organisme soumis au droit administratif',
  '8': 'Organisme privé spécialisé',
  '9': 'Groupement de droit privé',
}

const ACTIVITES: Readonly<Record<string, string>> = {
  '84.11Z': 'Administration publique générale',
  '84.12Z': 'Administration publique des secteurs sanitaire, éducatif, culturel et social',
  '88.99B': 'Action sociale sans hébergement n.c.a.',
  '88.10C': 'Aide par le travail',
  '94.99Z': 'Autres organisations fonctionnant par adhésion volontaire',
  '85.59A': 'Formation continue d’adultes',
  '85.59B': 'Autres enseignements',
  '62.01Z': 'Programmation informatique',
  '62.02A': 'Conseil en systèmes et logiciels informatiques',
  '91.01Z': 'Gestion des bibliothèques et des archives',
  '93.29Z': 'Autres activités récréatives et de loisirs',
  '95.11Z': 'Réparation d’ordinateurs et d’équipements périphériques',
}

export function libelleCategorieJuridique(code: string): string {
  return (
    CATEGORIES_JURIDIQUES[code] ?? FAMILLES_JURIDIQUES[code.charAt(0)] ?? 'Catégorie juridique non précisée'
  )
}

export function libelleActivite(code: string): string {
  return ACTIVITES[code] ?? `Activité de code NAF ${code}`
}

/**
 * Public or private, from the legal category: the families 7 (bodies under administrative law: the
 * State, local authorities, public establishments such as a CCAS) and 4 (public bodies under commercial
 * law) are public; every other one is private.
 */
export function secteurDeCategorieJuridique(code: string): 'public' | 'prive' {
  return code.startsWith('7') || code.startsWith('4') ? 'public' : 'prive'
}
