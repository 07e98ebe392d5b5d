import Html from '@kitajs/html'
import { Bouton, GroupeBoutons, LienBouton } from '../../../platform/layout/boutons'
import { ChampCommune } from '../../../platform/layout/champ-commune'
import { Case } from '../../../platform/layout/champs'
import {
  Champ,
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  EtatVide,
  ResumeErreurs,
  Tableau,
} from '../../../platform/layout/components'
import { RETENTION_BENEFICIAIRE_MOIS } from '../domain/activite'
import { libelle, SITUATIONS, TRANCHES_AGE } from '../domain/vocabulaire'
import type { ExportBeneficiaire } from '../use-cases/beneficiaires'

const t = (s: string) => <>{Html.escapeHtml(s)}</>

export function BeneficiairesPage(p: {
  liste: readonly { id: string; prenom: string; trancheAge: string; situation: string }[]
}) {
  return (
    <>
      <h1>Personnes suivies</h1>
      <p>
        Une fiche de suivi est créée seulement avec l’accord de la personne. Elle ne contient ni nom de
        famille ni date de naissance. Sans nouvelle activité pendant {RETENTION_BENEFICIAIRE_MOIS} mois, elle
        est effacée.
      </p>
      <LienBouton icone="fr-icon-add-line" classe="fr-mb-3w" href="/activites/beneficiaires/nouveau">
        Créer une fiche de suivi
      </LienBouton>
      {p.liste.length === 0 ? (
        <EtatVide titre="Aucune personne suivie pour l’instant." />
      ) : (
        <Tableau
          legende="Mes personnes suivies"
          entetes={['Prénom ou surnom', 'Tranche d’âge', 'Situation']}
          lignes={p.liste.map((b) => [
            <a href={`/activites/beneficiaires/${b.id}`} safe>
              {b.prenom}
            </a>,
            t(libelle('age', b.trancheAge)),
            t(libelle('situation', b.situation)),
          ])}
        />
      )}
    </>
  )
}

export function NouveauBeneficiairePage(p: {
  csrf: string
  valeurs: Record<string, string>
  erreurs: ErreursFormulaire
}) {
  const v = p.valeurs
  const e = p.erreurs
  const liste = (nom: string, lib: string, options: readonly { valeur: string; libelle: string }[]) => (
    <ChoixListe
      nom={nom}
      libelle={lib}
      options={options}
      valeur={v[nom] ?? 'nc'}
      erreur={e[nom]}
      requis={false}
    />
  )
  return (
    <>
      <h1>Créer une fiche de suivi</h1>
      <ResumeErreurs erreurs={e} />
      <form method="post" action="/activites/beneficiaires">
        <Csrf jeton={p.csrf} />
        <Champ
          nom="prenom"
          libelle="Prénom ou surnom"
          valeur={v.prenom}
          erreur={e.prenom}
          maxlength={60}
          autocomplete="off"
        />
        <Champ
          nom="contact"
          libelle="Contact (téléphone ou e-mail)"
          requis={false}
          valeur={v.contact}
          erreur={e.contact}
          maxlength={120}
          autocomplete="off"
        />
        {liste('tranche_age', 'Tranche d’âge', TRANCHES_AGE)}
        {liste('situation', 'Situation', SITUATIONS)}
        <ChampCommune
          nom="code_commune"
          libelle="Commune de résidence"
          valeurs={v}
          erreur={e.code_commune}
          requis={false}
        />
        <Case
          nom="consentement"
          libelle="La personne accepte que je garde cette fiche pour suivre son accompagnement. Elle sait qu’elle peut en demander une copie ou l’effacement à tout moment."
          coche={v.consentement === 'oui'}
          erreur={e.consentement}
        />
        <Bouton>Créer la fiche</Bouton>
      </form>
    </>
  )
}

export function FicheBeneficiairePage(p: { csrf: string; id: string; donnees: ExportBeneficiaire }) {
  const f = p.donnees.fiche
  return (
    <>
      <h1 safe>{`Fiche de suivi : ${f.prenom}`}</h1>
      <ul>
        <li safe>{`Tranche d’âge : ${libelle('age', f.trancheAge)}`}</li>
        <li safe>{`Situation : ${libelle('situation', f.situation)}`}</li>
        <li safe>{`Contact : ${f.contact ?? 'non renseigné'}`}</li>
        <li safe>{`Accord donné le ${f.consentementLe.toLocaleDateString('fr-FR')}`}</li>
      </ul>
      <GroupeBoutons enLigne="md">
        <LienBouton href={`/activites/nouvelle?beneficiaire=${p.id}`}>
          Enregistrer une activité pour cette personne
        </LienBouton>
        <LienBouton variante="secondaire" href={`/activites/beneficiaires/${p.id}/export.json`}>
          Télécharger ses données
        </LienBouton>
      </GroupeBoutons>
      <h2 class="fr-h4">Activités</h2>
      {p.donnees.activites.length === 0 ? (
        <p>Aucune activité enregistrée pour cette personne.</p>
      ) : (
        <Tableau
          legende="Activités avec cette personne"
          entetes={['Date', 'Type', 'Thèmes', 'Autonomie']}
          lignes={p.donnees.activites.map((a) => [
            t(a.date.split('-').reverse().join('/')),
            t(libelle('type', a.type)),
            t(a.themes.map((x) => libelle('theme', x)).join(', ')),
            t(a.autonomie ? libelle('autonomie', a.autonomie) : '—'),
          ])}
        />
      )}
      <h2 class="fr-h4">Diagnostics</h2>
      {p.donnees.diagnostics.length === 0 ? (
        <p>Aucun résultat de diagnostic gardé dans cette fiche.</p>
      ) : (
        <ul>
          {p.donnees.diagnostics.map((d) => (
            <li safe>{`${d.date} : ${d.resume}`}</li>
          ))}
        </ul>
      )}
      <h2 class="fr-h4">Effacer la fiche</h2>
      <p>
        À la demande de la personne. Ses activités restent dans les statistiques, sans aucun lien avec elle.
      </p>
      <form method="post" action={`/activites/beneficiaires/${p.id}/effacer`}>
        <Csrf jeton={p.csrf} />
        <Bouton variante="secondaire">Effacer la fiche de suivi</Bouton>
      </form>
    </>
  )
}
