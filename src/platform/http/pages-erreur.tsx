export function PageErreur({ code, titre, texte }: { code: number; titre: string; texte: string }) {
  return (
    <div class="fr-my-7w fr-mt-md-12w fr-mb-md-10w">
      <h1 safe>{titre}</h1>
      <p class="fr-text--sm fr-mb-3w">Erreur {code}</p>
      <p class="fr-text--lead fr-mb-3w" safe>
        {texte}
      </p>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li>
          <a class="fr-btn" href="/">
            Page d’accueil
          </a>
        </li>
      </ul>
    </div>
  )
}
