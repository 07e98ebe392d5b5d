import { Bouton } from '../../../platform/layout/boutons'
import {
  Champ,
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
} from '../../../platform/layout/components'

type Option = { valeur: string; libelle: string }

export function InvitationPage(p: {
  csrf: string
  roles: Option[]
  portees: Option[]
  valeurs: Record<string, string | undefined>
  erreurs: ErreursFormulaire
}) {
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        <h1 class="fr-mt-4w">Inviter une personne</h1>
        <p>
          La personne reçoit un e-mail avec un lien valable 7 jours pour choisir son mot de passe. Tous les
          champs sont obligatoires.
        </p>
        <ResumeErreurs erreurs={p.erreurs} />
        <form method="post" action="/equipe/inviter" novalidate>
          <Csrf jeton={p.csrf} />
          <Champ
            nom="prenom"
            libelle="Prénom"
            autocomplete="off"
            valeur={p.valeurs.prenom}
            erreur={p.erreurs.prenom}
          />
          <Champ nom="nom" libelle="Nom" autocomplete="off" valeur={p.valeurs.nom} erreur={p.erreurs.nom} />
          <Champ
            nom="email"
            libelle="Adresse e-mail"
            aide="Format attendu : nom@domaine.fr"
            type="email"
            autocomplete="off"
            valeur={p.valeurs.email}
            erreur={p.erreurs.email}
          />
          <ChoixListe
            nom="role"
            libelle="Rôle"
            options={p.roles}
            valeur={p.valeurs.role}
            erreur={p.erreurs.role}
            videLibelle="Choisir un rôle"
          />
          <ChoixListe
            nom="portee"
            libelle="Périmètre"
            aide="Le territoire ou l’organisme sur lequel le rôle s’exerce : un département pour une préfecture, une région pour un coordinateur, une structure pour un conseiller."
            options={p.portees}
            valeur={p.valeurs.portee}
            erreur={p.erreurs.portee}
            videLibelle="Choisir un périmètre"
          />
          <Bouton>Envoyer l’invitation</Bouton>
        </form>
      </div>
    </div>
  )
}
