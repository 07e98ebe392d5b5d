import Html from '@kitajs/html'
import { Bouton } from '../../../platform/layout/boutons'
import { Alerte, Csrf, Tableau } from '../../../platform/layout/components'
import { BlocsTableauDeBord, type BlocTableauDeBord } from '../../../platform/layout/tableau-de-bord'

export interface EspaceVue {
  prenom: string
  roles: readonly { libelle: string; portee: string }[]
  blocs: readonly BlocTableauDeBord[]
  /** Blocks that could not be read (their domain failed): said, not hidden. */
  echecs: number
  aujourdhui: string
  outils: readonly { libelle: string; href: string }[]
}

/** The home of a signed-in person: what to do next and the key figures of each role, then the tools. */
export function EspacePage(v: EspaceVue) {
  return (
    <>
      <h1 class="fr-mt-4w fr-mb-1w">Bonjour {Html.escapeHtml(v.prenom)}</h1>
      <p class="fr-text--sm">
        {v.roles.map((r, i) => (
          <>
            {i > 0 ? ' · ' : ''}
            {Html.escapeHtml(r.libelle)}
            {r.portee ? ` — ${Html.escapeHtml(r.portee)}` : ''}
          </>
        ))}
      </p>
      {v.echecs > 0 ? (
        <Alerte type="warning" titre="Une partie de votre tableau de bord n’a pas pu être lue">
          <p>Rechargez la page dans un instant ; vos outils restent accessibles ci-dessous.</p>
        </Alerte>
      ) : (
        ''
      )}
      <BlocsTableauDeBord blocs={v.blocs} aujourdhui={v.aujourdhui} />
      {v.outils.length > 0 ? <Outils outils={v.outils} /> : ''}
      <h2 class="fr-h5 fr-mt-4w">Sécurité du compte</h2>
      <ul>
        <li>
          <a href="/compte/sessions">Mes sessions ouvertes</a>
        </li>
      </ul>
    </>
  )
}

function Outils({ outils }: { outils: EspaceVue['outils'] }) {
  return (
    <>
      <h2 class="fr-h5 fr-mt-4w">Vos outils</h2>
      <ul>
        {outils.map((e) => (
          <li>
            <a href={e.href} safe>
              {e.libelle}
            </a>
          </li>
        ))}
      </ul>
    </>
  )
}

export interface SessionVue {
  id: string
  navigateur: string
  creeLe: Date
  vuLe: Date
  courante: boolean
}

const date = (d: Date) =>
  d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' })

export function SessionsPage({ sessions, csrf }: { sessions: readonly SessionVue[]; csrf: string }) {
  return (
    <>
      <h1 class="fr-mt-4w">Mes sessions</h1>
      <p>
        Les appareils sur lesquels votre compte est connecté. Si vous ne reconnaissez pas l’un d’eux,
        déconnectez-le et changez votre mot de passe.
      </p>
      <Tableau
        legende="Sessions ouvertes"
        entetes={['Appareil', 'Ouverte le', 'Dernière activité', 'Action']}
        lignes={sessions.map((s) => [
          <span>{s.navigateur ? resumeNavigateur(s.navigateur) : 'Appareil inconnu'}</span>,
          <span safe>{date(s.creeLe)}</span>,
          <span safe>{date(s.vuLe)}</span>,
          s.courante ? (
            <span class="fr-badge fr-badge--info fr-badge--sm">Cet appareil</span>
          ) : (
            <form method="post" action={`/compte/sessions/${s.id}/revoquer`}>
              <Csrf jeton={csrf} />
              <Bouton variante="tertiaire" taille="sm">
                Déconnecter
              </Bouton>
            </form>
          ),
        ])}
      />
      <form method="post" action="/compte/sessions/revoquer-tout" class="fr-mt-3w">
        <Csrf jeton={csrf} />
        <Bouton variante="secondaire">Déconnecter partout (y compris cet appareil)</Bouton>
      </form>
    </>
  )
}

/** "Firefox sur Linux" rather than the whole user-agent string. */
export function resumeNavigateur(ua: string): string {
  const nav = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Navigateur'
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : ''
  return os ? `${nav} sur ${os}` : nav
}

export function DemoPage({
  comptes,
  csrf,
}: {
  comptes: readonly { id: string; email: string; prenom: string; nom: string; role: string; portee: string }[]
  csrf: string
}) {
  return (
    <>
      <h1 class="fr-mt-4w">Connexion de démonstration</h1>
      <div class="fr-alert fr-alert--info fr-mb-3w">
        <p>
          Ces comptes sont fictifs. En mode démonstration, un clic ouvre leur session sans mot de passe ni
          second facteur. Leur mot de passe est aussi « escale-demo-2026 » pour essayer la vraie connexion.
        </p>
      </div>
      <Tableau
        legende="Comptes de démonstration"
        entetes={['Rôle', 'Périmètre', 'Personne', 'Connexion']}
        lignes={comptes.map((c) => [
          <span safe>{c.role}</span>,
          <span safe>{c.portee}</span>,
          <span>
            {Html.escapeHtml(`${c.prenom} ${c.nom}`)}
            <br />
            <span class="fr-text--xs" safe>
              {c.email}
            </span>
          </span>,
          <form method="post" action={`/demo/${c.id}`}>
            <Csrf jeton={csrf} />
            <Bouton taille="sm">
              Se connecter
              <span class="fr-sr-only" safe>{` en tant que ${c.prenom} ${c.nom}, ${c.role}`}</span>
            </Bouton>
          </form>,
        ])}
      />
    </>
  )
}
