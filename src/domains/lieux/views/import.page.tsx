import Html from '@kitajs/html'
import { Bouton } from '../../../platform/layout/boutons'
import { ErreurChamp } from '../../../platform/layout/champs'
import { Champ, Csrf, ResumeErreurs, Tableau } from '../../../platform/layout/components'
import { libelleChamp } from '../domain/import-ligne'
import type { Probleme } from '../domain/lieu'
import type { RapportImport } from '../use-cases/importer-lieux'
import { dateHeure } from './composants'

/** « 1 ligne lue », « 0 ligne lue », « 3 lignes lues »: French counts 0 and 1 as singular. */
const pluriel = (n: number, un: string, plusieurs: string) => (n > 1 ? plusieurs : un)

export function ImportPage(p: {
  csrf: string
  erreur?: string
  imports: readonly {
    id: string
    le: Date
    fichier: string
    lignes: number
    crees: number
    misAJour: number
    inchanges: number
    rejetes: number
  }[]
}) {
  return (
    <>
      <h1 class="fr-mt-4w">Importer des lieux</h1>
      <p>
        Fichier CSV ou JSON au standard des lieux de médiation numérique (v1, listes séparées par « | » ; les
        fichiers v0.1 et les listes séparées par « ; » sont acceptés), ou la liste nationale des France
        services (CSV). Un lieu déjà importé (même identifiant et même source) est mis à jour ; rien n’est
        supprimé.
      </p>
      <ResumeErreurs erreurs={{ fichier: p.erreur }} />
      <form method="post" action="/admin/lieux/import" enctype="multipart/form-data">
        <Csrf jeton={p.csrf} />
        {/* Before the file: the server reads the fields that precede it, then checks the token, then the file. */}
        <Champ
          nom="source"
          libelle="Source des lieux"
          aide="Écrite sur les lignes qui n’en ont pas. Par défaut : le nom du fichier."
          requis={false}
          maxlength={200}
        />
        <div class={`fr-upload-group${p.erreur ? ' fr-upload-group--error' : ''} fr-mb-3w`}>
          <label class="fr-label" for="fichier">
            Fichier à importer
            <span class="fr-hint-text">CSV ou JSON, 20 Mo au plus, encodé en UTF-8.</span>
          </label>
          <input
            class="fr-upload"
            type="file"
            id="fichier"
            name="fichier"
            accept=".csv,.json,text/csv,application/json"
            required
            aria-describedby={p.erreur ? 'fichier-erreur' : undefined}
            aria-invalid={p.erreur ? 'true' : undefined}
          />
          <ErreurChamp nom="fichier" erreur={p.erreur} />
        </div>
        <Bouton>Importer</Bouton>
      </form>
      <h2 class="fr-h4 fr-mt-5w">Derniers imports</h2>
      {p.imports.length === 0 ? (
        <p>Aucun import pour le moment.</p>
      ) : (
        <Tableau
          legende="Derniers imports"
          entetes={['Date', 'Fichier', 'Lignes', 'Créés', 'Mis à jour', 'Inchangés', 'Rejetés']}
          lignes={p.imports.map((i) => [
            <a href={`/admin/lieux/imports/${i.id}`} safe>
              {dateHeure(i.le)}
            </a>,
            <span safe>{i.fichier}</span>,
            <span>{Html.escapeHtml(String(i.lignes))}</span>,
            <span>{Html.escapeHtml(String(i.crees))}</span>,
            <span>{Html.escapeHtml(String(i.misAJour))}</span>,
            <span>{Html.escapeHtml(String(i.inchanges))}</span>,
            <span>{Html.escapeHtml(String(i.rejetes))}</span>,
          ])}
        />
      )}
    </>
  )
}

const STATUTS: Record<string, string> = {
  cree: 'créé',
  mis_a_jour: 'mis à jour',
  inchange: 'inchangé',
  rejete: 'rejeté',
}
const GRAVITES: Record<Probleme['gravite'], string> = {
  rejet: 'Rejet',
  erreur: 'Valeur écartée',
  avertissement: 'Avertissement',
}

export function RapportImportPage({ r, le }: { r: RapportImport; le: Date }) {
  return (
    <>
      <h1 class="fr-mt-4w" safe>{`Rapport d’import : ${r.fichier}`}</h1>
      <p safe>{`Import du ${dateHeure(le)} — format ${r.format}.`}</p>
      <ul>
        <li safe>{`${r.lignes} ${pluriel(r.lignes, 'ligne lue', 'lignes lues')}`}</li>
        <li
          safe
        >{`${r.crees} ${pluriel(r.crees, 'lieu créé', 'lieux créés')}, ${r.misAJour} mis à jour, ${r.inchanges} ${pluriel(r.inchanges, 'inchangé', 'inchangés')}`}</li>
        <li
          safe
        >{`${r.rejetes} ${pluriel(r.rejetes, 'ligne rejetée', 'lignes rejetées')} (champ obligatoire du standard manquant ou invalide)`}</li>
        {r.colonnesIgnorees.length > 0 ? (
          <li safe>{`Colonnes ignorées : ${r.colonnesIgnorees.join(', ')}`}</li>
        ) : (
          ''
        )}
      </ul>
      {Object.keys(r.parChamp).length > 0 ? (
        <Tableau
          legende="Problèmes par champ"
          entetes={['Champ', 'Rejets', 'Valeurs écartées', 'Avertissements']}
          lignes={Object.entries(r.parChamp).map(([champ, c]) => [
            <span safe>{libelleChamp(champ)}</span>,
            <span>{Html.escapeHtml(String(c.rejet))}</span>,
            <span>{Html.escapeHtml(String(c.erreur))}</span>,
            <span>{Html.escapeHtml(String(c.avertissement))}</span>,
          ])}
        />
      ) : (
        ''
      )}
      <h2 class="fr-h4" safe>{`Détail par ligne (${r.details.length})`}</h2>
      {r.details.length === 0 ? (
        <p>Aucun problème.</p>
      ) : (
        <Tableau
          legende="Lignes avec au moins un problème"
          entetes={['Ligne', 'Lieu', 'Résultat', 'Problèmes']}
          lignes={r.details.slice(0, 2000).map((d) => [
            <span>{Html.escapeHtml(String(d.numero))}</span>,
            <span safe>{d.nom ?? d.idSource ?? '(sans nom)'}</span>,
            <span safe>{STATUTS[d.statut] ?? d.statut}</span>,
            <ul>
              {d.problemes.map((x) => (
                <li safe>{`${GRAVITES[x.gravite]} — ${libelleChamp(x.champ)} : ${x.message}`}</li>
              ))}
            </ul>,
          ])}
        />
      )}
      {r.details.length > 2000 ? (
        <p safe>{`Les ${r.details.length - 2000} lignes suivantes ne sont pas affichées.`}</p>
      ) : (
        ''
      )}
      <p>
        <a class="fr-link" href="/admin/lieux/import">
          Nouvel import
        </a>
      </p>
    </>
  )
}
