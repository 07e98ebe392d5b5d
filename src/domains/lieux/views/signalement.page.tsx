import Html from '@kitajs/html'
import type { EtatFormulaire } from '../../../platform/http/page-formulaire'
import { Bouton } from '../../../platform/layout/boutons'
import { PotDeMiel, Radios, ZoneTexte } from '../../../platform/layout/champs'
import { Champ, Csrf, ResumeErreurs } from '../../../platform/layout/components'
import { NATURES_SIGNALEMENT } from '../domain/signalement'

/** The place as the report page shows it. */
export interface VueLieuSignale {
  id: string
  nom: string
  commune: string
}

/**
 * « Signaler une erreur »: what is wrong, in the visitor's words, and an address for a reply if they
 * wish. The honeypot field sits in a `hidden` block: people and screen readers never meet it.
 */
export function SignalementPage(p: { lieu: VueLieuSignale; etat: EtatFormulaire; csrf: string }) {
  const { erreurs, valeurs } = p.etat
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        <h1 class="fr-mt-4w" safe>{`Signaler une erreur sur « ${p.lieu.nom} »`}</h1>
        <p safe>
          {`Votre message est envoyé aux personnes qui tiennent à jour la fiche de ce lieu de ${p.lieu.commune}. Elles corrigent la fiche après vérification.`}
        </p>
        <ResumeErreurs erreurs={erreurs} />
        <form method="post" action={`/lieux/${p.lieu.id}/signaler`} novalidate>
          <Csrf jeton={p.csrf} />
          <Radios
            nom="nature"
            legende="Qu’est-ce qui est faux ?"
            options={NATURES_SIGNALEMENT}
            valeur={valeurs.nature}
            erreur={erreurs.nature}
          />
          <ZoneTexte
            nom="message"
            libelle="Décrivez l’erreur"
            aide="Par exemple : « Le lieu est fermé le lundi, pas le mardi. » N’indiquez rien sur votre santé ou votre situation."
            valeur={valeurs.message}
            erreur={erreurs.message}
            maxlength={2000}
          />
          <Champ
            nom="courriel"
            libelle="Votre adresse e-mail"
            aide="Seulement si vous souhaitez une réponse. Format attendu : nom@exemple.fr"
            type="email"
            autocomplete="email"
            requis={false}
            valeur={valeurs.courriel}
            erreur={erreurs.courriel}
            maxlength={254}
          />
          <PotDeMiel nom="site_internet" valeur={valeurs.site_internet} />
          <Bouton>Envoyer le signalement</Bouton>
        </form>
        <p class="fr-mt-3w">
          <a class="fr-link" href={`/lieux/${p.lieu.id}`}>
            {Html.escapeHtml('Revenir à la fiche du lieu')}
          </a>
        </p>
      </div>
    </div>
  )
}
