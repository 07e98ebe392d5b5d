/**
 * The fictitious material the exercises show (a person's card, a town hall site, messages).
 * Nobody here is real; addresses use reserved or invented domains.
 */

export const FICHE_ROSE = {
  prenom: 'Rose',
  nom: 'Martin',
  dateNaissance: { jour: 14, mois: 3, annee: 1956 },
  dateNaissanceTexte: '14 mars 1956',
  adresse: '12 rue des Lilas',
  codePostal: '05000',
  commune: 'Gap',
  email: 'rose.martin@exemple.fr',
  situation: 'retraite',
} as const

export const SITUATIONS = [
  { valeur: 'salarie', libelle: 'Salarié ou salariée' },
  { valeur: 'demandeur', libelle: 'Demandeur ou demandeuse d’emploi' },
  { valeur: 'retraite', libelle: 'Retraité ou retraitée' },
  { valeur: 'etudiant', libelle: 'Étudiant ou étudiante' },
] as const

export const DESTINATAIRE_MEDIATHEQUE = 'contact@mediatheque-villebelle.fr'

/** The list to scroll through: the target sits near the end, below the first screen on any device. */
export const ACTIVITES = [
  { id: 'a1', libelle: 'Heure du conte — mercredi 10 h' },
  { id: 'a2', libelle: 'Club lecture — jeudi 18 h' },
  { id: 'a3', libelle: 'Prêt de jeux de société' },
  { id: 'a4', libelle: 'Exposition : les oiseaux du Champsaur' },
  { id: 'a5', libelle: 'Atelier tricot — samedi 14 h' },
  { id: 'a6', libelle: 'Concert de la chorale' },
  { id: 'a7', libelle: 'Aide aux devoirs — mardi 17 h' },
  { id: 'a8', libelle: 'Projection de film — vendredi 20 h' },
  { id: 'a9', libelle: 'Atelier photo — samedi 10 h' },
  { id: 'a10', libelle: 'Rencontre avec une autrice' },
  { id: 'a11', libelle: 'Prêt de liseuses' },
  { id: 'a12', libelle: 'Atelier « Découvrir l’ordinateur »' },
  { id: 'a13', libelle: 'Café des parents — lundi 9 h' },
  { id: 'a14', libelle: 'Atelier « Découvrir la tablette »' },
  { id: 'a15', libelle: 'Jeux vidéo en famille' },
  { id: 'a16', libelle: 'Vente de livres d’occasion' },
] as const
export const ACTIVITE_CHERCHEE = 'a14'

export const HORAIRES_MAIRIE = [
  { jour: 'lundi', horaires: '8 h 30 – 12 h et 13 h 30 – 17 h' },
  { jour: 'mardi', horaires: '8 h 30 – 12 h et 13 h 30 – 17 h' },
  { jour: 'mercredi', horaires: 'Fermé' },
  { jour: 'jeudi', horaires: '8 h 30 – 12 h et 13 h 30 – 19 h' },
  { jour: 'vendredi', horaires: '8 h 30 – 12 h' },
  { jour: 'samedi', horaires: '9 h – 12 h' },
] as const
export const JOUR_FERME = 'mercredi'

export const SMS_ARNAQUE = {
  expediteur: '06 12 34 56 78',
  texte:
    'Votre colis est bloqué. Payez 1,99 € de frais pour le recevoir avant ce soir : https://colis-livraison-suivi.info/payer',
  choix: [
    { valeur: 'payer', libelle: 'J’ouvre le lien et je paie 1,99 €, ce n’est pas cher' },
    { valeur: 'repondre', libelle: 'Je réponds au SMS pour demander des explications' },
    { valeur: 'supprimer', libelle: 'Je n’ouvre pas le lien et je supprime le SMS' },
  ],
  bonneReponse: 'supprimer',
} as const

export const COURRIELS_ARNAQUE = {
  messages: [
    {
      valeur: 'mediatheque',
      expediteur: 'Médiathèque de Villebelle <contact@mediatheque-villebelle.fr>',
      objet: 'Votre livre est disponible',
      extrait: 'Bonjour, le livre que vous avez réservé vous attend à l’accueil jusqu’au 15 du mois.',
    },
    {
      valeur: 'remboursement',
      expediteur: 'Assurance Maladie <remboursement@securite-sociale-dossier.co>',
      objet: 'URGENT : remboursement de 248,50 € en attente',
      extrait:
        'Votre remboursement sera annulé sous 24 h. Cliquez ici et saisissez votre numéro de carte bancaire pour le recevoir.',
    },
    {
      valeur: 'voisin',
      expediteur: 'Paul Girard <paul.girard@exemple.fr>',
      objet: 'Repas des voisins samedi',
      extrait: 'Bonjour à tous, on se retrouve samedi à midi dans la cour. Apportez un plat !',
    },
  ],
  bonneReponse: 'remboursement',
} as const

/** The e-mail whose parts the person points at (exercise "parties_courriel"). */
export const COURRIEL_A_LIRE = {
  expediteur: 'Caisse d’allocations familiales',
  date: 'Mardi 4 mars, 9 h 12',
  objet: 'Votre attestation de paiement',
  message: 'Bonjour, vous trouverez votre attestation de paiement en pièce jointe. Bonne journée.',
  pieceJointe: 'attestation-mars.pdf',
  demandes: ['expediteur', 'objet', 'piece_jointe'],
} as const
export const PARTIES_COURRIEL = ['expediteur', 'date', 'objet', 'message', 'piece_jointe'] as const
export type PartieCourriel = (typeof PARTIES_COURRIEL)[number]
