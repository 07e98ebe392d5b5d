import Html from '@kitajs/html'
import { Bouton, LienBouton } from '../../../platform/layout/boutons'
import {
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  EtatVide,
  Pagination,
  ResumeErreurs,
  Tableau,
  urlAvecPage,
} from '../../../platform/layout/components'
import { type Habilitation, LIBELLES_ROLES, type Portee } from '../../comptes'
import type { LigneJournal, ObjetNomme } from '../domain/journal'

type Option = { valeur: string; libelle: string }
interface CompteListe {
  id: string
  email: string
  prenom: string
  nom: string
  actif: boolean
  invitationEnAttente: boolean
  derniereConnexionLe: Date | null
  habilitations: Habilitation[]
}

const date = (d: Date | null) => (d ? d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }) : 'jamais')

function Statut({ c }: { c: { actif: boolean; invitationEnAttente: boolean } }): JSX.Element {
  if (!c.actif) return <span class="fr-badge fr-badge--error fr-badge--sm">Désactivé</span>
  if (c.invitationEnAttente)
    return <span class="fr-badge fr-badge--new fr-badge--sm">Invitation en attente</span>
  return <span class="fr-badge fr-badge--success fr-badge--sm">Actif</span>
}

const libelleHabilitation = (h: Habilitation) =>
  `${LIBELLES_ROLES[h.role]}${h.portee.libelle ? ` — ${h.portee.libelle}` : ''}`

export function ComptesAdminPage(p: {
  resultat: { total: number; comptes: CompteListe[] }
  filtres: { q: string; role: string }
  page: number
  pages: number
  roles: Option[]
}) {
  return (
    <>
      <h1 class="fr-mt-4w">Comptes</h1>
      <p>
        <LienBouton variante="secondaire" icone="fr-icon-user-add-line" href="/equipe/inviter">
          Inviter une personne
        </LienBouton>
      </p>
      <form
        method="get"
        action="/admin/comptes"
        class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-3w"
      >
        <div class="fr-col-12 fr-col-md-5">
          <div class="fr-input-group">
            <label class="fr-label" for="q">
              Nom, prénom ou e-mail
            </label>
            <input class="fr-input" type="search" id="q" name="q" value={p.filtres.q} />
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <ChoixListe
            nom="role"
            libelle="Rôle"
            options={p.roles}
            valeur={p.filtres.role}
            requis={false}
            videLibelle="Tous les rôles"
          />
        </div>
        <div class="fr-col-12 fr-col-md-3">
          <Bouton classe="fr-mb-3v">Rechercher</Bouton>
        </div>
      </form>
      {p.resultat.comptes.length === 0 ? (
        <EtatVide titre="Aucun compte ne correspond">
          <p class="fr-callout__text">
            Essayez une partie du nom ou de l’adresse e-mail, ou retirez le filtre de rôle.
          </p>
        </EtatVide>
      ) : (
        <>
          <Tableau
            legende={`${p.resultat.total} compte${p.resultat.total > 1 ? 's' : ''}`}
            entetes={['Personne', 'Rôles', 'Statut', 'Dernière connexion']}
            lignes={p.resultat.comptes.map((c) => [
              <span>
                <a href={`/admin/comptes/${c.id}`} safe>{`${c.prenom} ${c.nom}`}</a>
                <br />
                <span class="fr-text--xs" safe>
                  {c.email}
                </span>
              </span>,
              <ul class="escale-liste-simple">
                {c.habilitations.map((h) => (
                  <li safe>{libelleHabilitation(h)}</li>
                ))}
              </ul>,
              <Statut c={c} />,
              <span safe>{date(c.derniereConnexionLe)}</span>,
            ])}
          />
          <Pagination
            page={p.page}
            pages={p.pages}
            url={(n) => urlAvecPage('/admin/comptes', p.filtres, n)}
          />
        </>
      )}
    </>
  )
}

export function CompteAdminPage(p: {
  csrf: string
  compte: Omit<CompteListe, 'habilitations'> & { totpActifDepuis: Date | null; creeLe: Date }
  habilitations: Habilitation[]
  portees: Portee[]
  roles: Option[]
  erreurs: ErreursFormulaire
}) {
  const c = p.compte
  return (
    <>
      <h1 class="fr-mt-4w" safe>{`${c.prenom} ${c.nom}`}</h1>
      <p>
        <Statut c={c} /> {Html.escapeHtml(c.email)} · créé le <span safe>{date(c.creeLe)}</span> · dernière
        connexion : <span safe>{date(c.derniereConnexionLe)}</span> · second facteur :{' '}
        {c.totpActifDepuis ? 'activé' : 'non activé'}
      </p>
      <h2 class="fr-h4">Rôles</h2>
      {p.habilitations.length === 0 ? (
        <p>Aucun rôle : ce compte ne donne accès à aucun espace.</p>
      ) : (
        <Tableau
          legende="Rôles du compte"
          entetes={['Rôle', 'Périmètre', 'Action']}
          lignes={p.habilitations.map((h) => [
            <span safe>{LIBELLES_ROLES[h.role]}</span>,
            <span safe>{h.portee.libelle || 'National'}</span>,
            <form method="post" action={`/admin/comptes/${c.id}/roles/retirer`}>
              <Csrf jeton={p.csrf} />
              <input type="hidden" name="cle" value={`${h.role}|${h.portee.type}:${h.portee.code}`} />
              <Bouton variante="tertiaire" taille="sm">
                Retirer<span class="fr-sr-only" safe>{` le rôle ${libelleHabilitation(h)}`}</span>
              </Bouton>
            </form>,
          ])}
        />
      )}
      <h3 class="fr-h5">Ajouter un rôle</h3>
      <form method="post" action={`/admin/comptes/${c.id}/roles`} class="fr-mb-4w">
        <ResumeErreurs erreurs={p.erreurs} />
        <Csrf jeton={p.csrf} />
        <ChoixListe
          nom="role"
          libelle="Rôle"
          options={p.roles}
          erreur={p.erreurs.role}
          videLibelle="Choisir un rôle"
        />
        <ChoixListe
          nom="portee"
          libelle="Périmètre"
          options={p.portees.map((x) => ({ valeur: `${x.type}:${x.code}`, libelle: x.libelle }))}
          erreur={p.erreurs.portee}
          videLibelle="Choisir un périmètre"
        />
        <Bouton variante="secondaire">Ajouter le rôle</Bouton>
      </form>
      <h2 class="fr-h4">Accès</h2>
      <form method="post" action={`/admin/comptes/${c.id}/activation`}>
        <Csrf jeton={p.csrf} />
        {c.actif ? (
          <Bouton variante="secondaire" nom="actif" valeur="non">
            Désactiver le compte
          </Bouton>
        ) : (
          <Bouton nom="actif" valeur="oui">
            Réactiver le compte
          </Bouton>
        )}
      </form>
    </>
  )
}

/** A name, a link when a page shows the object. */
function Nomme({ o }: { o: ObjetNomme | undefined }) {
  if (!o) return <span>—</span>
  return o.href ? (
    <a href={o.href} safe>
      {o.libelle}
    </a>
  ) : (
    <span safe>{o.libelle}</span>
  )
}

export function JournalAdminPage(p: { entrees: readonly LigneJournal[]; suivant: number | undefined }) {
  return (
    <>
      <h1 class="fr-mt-4w">Journal d’administration</h1>
      <p>
        Chaque invitation, changement de rôle et désactivation, avec son auteur. Le journal ne se modifie pas.
      </p>
      {p.entrees.length === 0 ? (
        <EtatVide titre="Le journal est vide" />
      ) : (
        <Tableau
          legende="Actions d’administration, de la plus récente à la plus ancienne"
          entetes={['Date', 'Auteur', 'Action', 'Concerne', 'Précisions']}
          lignes={p.entrees.map((e) => [
            <span safe>{e.le}</span>,
            <Nomme o={e.auteur} />,
            <span safe>{e.action}</span>,
            <Nomme o={e.objet} />,
            <span safe>{e.precisions}</span>,
          ])}
        />
      )}
      {p.suivant ? (
        <LienBouton variante="secondaire" classe="fr-mt-3w" href={`/admin/journal?avant=${p.suivant}`}>
          Entrées plus anciennes
        </LienBouton>
      ) : (
        ''
      )}
    </>
  )
}
