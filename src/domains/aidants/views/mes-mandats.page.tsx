import type Html from '@kitajs/html'
import { Bouton } from '../../../platform/layout/boutons'
import { Csrf } from '../../../platform/layout/components'

export function EspaceUsagerPage(p: {
  connecte: boolean
  csrf: string
  nom?: string
  children?: Html.Children
}) {
  if (!p.connecte)
    return (
      <>
        <h1>Mes mandats</h1>
        <p>
          Vous avez donné mandat à une structure (France services, CCAS, association…) pour faire des
          démarches en ligne à votre place ? Identifiez-vous avec FranceConnect pour voir vos mandats, qui les
          a utilisés et quand, et pour les révoquer.
        </p>
        <form method="post" action="/mes-mandats/connexion">
          <Csrf jeton={p.csrf} />
          <Bouton>S’identifier avec FranceConnect</Bouton>
        </form>
      </>
    )
  return (
    <>
      <h1>Mes mandats</h1>
      <p safe>{`Bonjour ${p.nom ?? ''}.`}</p>
      {p.children}
      <form method="post" action="/mes-mandats/deconnexion" class="fr-mt-3w">
        <Csrf jeton={p.csrf} />
        <Bouton variante="secondaire">Quitter mon espace</Bouton>
      </form>
    </>
  )
}
