import { Csrf, type ErreursFormulaire, ResumeErreurs } from '../../../platform/layout/components'
import { type Demarche, titreDemarche } from '../domain/demarches'

export function ConsentementPage(p: {
  csrf: string
  action: string
  organisation: string
  demarches: readonly Demarche[]
  duree: string
  erreurs?: ErreursFormulaire
}) {
  return (
    <>
      <h1>Votre accord pour un mandat</h1>
      <ResumeErreurs erreurs={p.erreurs ?? {}} />
      <p>
        La structure <strong safe>{p.organisation}</strong> vous demande l’autorisation de faire en votre nom,
        pendant <strong safe>{p.duree}</strong>, les démarches suivantes :
      </p>
      <ul>
        {p.demarches.map((d) => (
          <li safe>{titreDemarche(d)}</li>
        ))}
      </ul>
      <p>
        Vous pourrez retirer cet accord à tout moment, auprès de la structure ou vous-même sur la page « Mes
        mandats ». Si vous n’êtes pas à l’origine de cette demande, refusez.
      </p>
      <form method="post" action={p.action} novalidate>
        <Csrf jeton={p.csrf} />
        <fieldset class="fr-fieldset" id="reponse" aria-labelledby="reponse-legende">
          <legend class="fr-fieldset__legend" id="reponse-legende">
            Votre réponse
          </legend>
          <div class="fr-fieldset__element">
            <div class="fr-radio-group">
              <input type="radio" id="reponse-oui" name="reponse" value="oui" />
              <label class="fr-label" for="reponse-oui">
                J’accepte
              </label>
            </div>
          </div>
          <div class="fr-fieldset__element">
            <div class="fr-radio-group">
              <input type="radio" id="reponse-non" name="reponse" value="non" />
              <label class="fr-label" for="reponse-non">
                Je refuse
              </label>
            </div>
          </div>
        </fieldset>
        <button class="fr-btn" type="submit">
          Envoyer ma réponse
        </button>
      </form>
    </>
  )
}
