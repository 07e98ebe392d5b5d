import { LIBELLES_RUPTURE, type ResultatVerification } from '../domain/journal'

/** `/aidants/admin/journal`: whether the chain and its signed checkpoint still hold. */
export function JournalPage({ r }: { r: ResultatVerification }) {
  return (
    <>
      <h1>Journal Aidants Connect</h1>
      {r.ok ? (
        <div class="fr-alert fr-alert--success">
          <h2 class="fr-alert__title">Chaîne intègre</h2>
          <p safe>{`${r.entrees} entrées vérifiées : aucune n’a été modifiée ni supprimée.`}</p>
        </div>
      ) : (
        <div class="fr-alert fr-alert--error">
          <h2 class="fr-alert__title">Chaîne rompue</h2>
          <p
            safe
          >{`Premier maillon cassé : entrée n° ${r.premierMaillonCasse} (${LIBELLES_RUPTURE[r.raison]}).`}</p>
        </div>
      )}
    </>
  )
}
