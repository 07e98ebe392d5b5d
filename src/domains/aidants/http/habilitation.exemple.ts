/**
 * A complete, valid habilitation request as the public form posts it (tests and benchmarks). Region 32 is
 * Hauts-de-France, in the first wave; 11 (Île-de-France) is not.
 */
export const formulaireHabilitation = (
  n: number,
  region = '32',
  commune = '59350',
): Record<string, string> => ({
  nom_demandeur: 'Claire Morvan',
  email_demandeur: `demandeur${n}@exemple.fr`,
  nom: `Structure ${n}`,
  siret: '732 829 320 00074',
  type: 'ccas',
  adresse: '1 place de la Mairie',
  code_commune: commune,
  region,
  prive: 'non',
  referent_nom: 'Yann Le Gall',
  referent_email: `referent${n}@exemple.fr`,
  aidants: `Maëlle Kerhervé, aidant${n}a@exemple.fr, Secrétaire\nJules Roux, aidant${n}b@exemple.fr, Médiateur`,
  engagement_cgu: 'oui',
  engagement_formation_payante: 'oui',
  engagement_dpo: 'oui',
  engagement_professionnels: 'oui',
  engagement_sans_elus: 'oui',
})
