import { libelleCommune, resoudreCommune, SUFFIXE_SAISIE } from '../geo/champ-commune'
import { departement } from '../geo/territoires'
import { ErreurChamp, LibelleChamp, Radios } from './champs'

/** The attribute the layout looks for to load the autocomplete island (`src/client/commune.ts`). */
export const ATTRIBUT_CHAMP_COMMUNE = 'data-champ-commune'

const premiere = (v: string | readonly string[] | undefined) => (typeof v === 'string' ? v : v?.[0])

const AIDE = 'Nom ou code postal, par exemple Gap ou 05000'

/**
 * The one commune field (ADR 060): a person types a name or a postal code; the INSEE code travels in
 * a hidden field and is shown to nobody. `valeurs` are the form's values (what was typed, or the
 * stored INSEE code in `nom` when editing). When the text names several communes, a list to choose
 * from follows the field (without JavaScript; with it, the island offers the same list while typing).
 */
export function ChampCommune(p: {
  nom: string
  libelle: string
  valeurs: Readonly<Record<string, string | readonly string[] | undefined>>
  erreur?: string | undefined
  requis?: boolean
  aide?: string
}) {
  const saisie = premiere(p.valeurs[p.nom + SUFFIXE_SAISIE])
  const r = resoudreCommune({ texte: saisie, code: premiere(p.valeurs[p.nom]) })
  const texte = r.etat === 'retenue' ? r.libelle : r.etat === 'vide' ? (saisie ?? '') : r.texte
  const choix = r.etat === 'choix' && !r.trop ? r.suggestions : []
  // With a list to choose from, the error summary leads to the list; otherwise to the text field.
  const idTexte = choix.length ? p.nom + SUFFIXE_SAISIE : p.nom
  const aide = p.aide ?? AIDE
  const decrit = [`${idTexte}-aide`, p.erreur ? `${p.nom}-erreur` : ''].filter(Boolean).join(' ')
  const vus = new Set<string>()
  const options = choix
    .filter((s) => !vus.has(s.commune.code) && vus.add(s.commune.code))
    .map((s) => ({
      valeur: s.commune.code,
      libelle: `${libelleCommune(s)}, ${departement(s.commune.departement)?.nom ?? s.commune.departement}`,
    }))
  return (
    <div class="escale-champ-commune" {...{ [ATTRIBUT_CHAMP_COMMUNE]: p.nom }}>
      <div class={`fr-input-group${p.erreur ? ' fr-input-group--error' : ''}`}>
        <LibelleChamp nom={idTexte} libelle={p.libelle} aide={aide} requis={p.requis ?? true} />
        <input
          class={`fr-input${p.erreur ? ' fr-input--error' : ''}`}
          id={idTexte}
          name={p.nom + SUFFIXE_SAISIE}
          type="text"
          value={texte}
          autocomplete="off"
          spellcheck="false"
          maxlength={100}
          required={p.requis ?? true}
          aria-describedby={decrit}
          aria-invalid={p.erreur ? 'true' : undefined}
        />
        {choix.length ? '' : <ErreurChamp nom={p.nom} erreur={p.erreur} />}
      </div>
      {choix.length ? (
        <Radios
          nom={p.nom}
          legende={`Communes correspondant à « ${r.etat === 'choix' ? r.texte : ''} »`}
          options={options}
          erreur={p.erreur}
        />
      ) : (
        <input type="hidden" name={p.nom} value={r.etat === 'retenue' ? r.commune.code : ''} />
      )}
    </div>
  )
}
