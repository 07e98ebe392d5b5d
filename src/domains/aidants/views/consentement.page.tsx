import { Bouton } from '../../../platform/layout/boutons'
import { Radios } from '../../../platform/layout/champs'
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
        <Radios
          nom="reponse"
          legende="Votre réponse"
          options={[
            { valeur: 'oui', libelle: 'J’accepte' },
            { valeur: 'non', libelle: 'Je refuse' },
          ]}
          erreur={p.erreurs?.reponse}
        />
        <Bouton>Envoyer ma réponse</Bouton>
      </form>
    </>
  )
}
