/**
 * Public surface of the accounts domain: what app.ts and other domains may use.
 * Everything else in this folder is internal.
 */
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config'
import type { Portee } from '../../platform/auth/roles'
import type { SourceTableauDeBord } from '../../platform/layout/tableau-de-bord'
import { creerCompte } from './db/comptes-repository'
import type { Habilitation } from './domain/roles'
import { activationRoutes } from './http/activation.routes'
import { connexionRoutes } from './http/connexion.routes'
import { demoRoutes } from './http/demo.routes'
import { espaceRoutes } from './http/espace.routes'
import { invitationsRoutes } from './http/invitations.routes'
import { lienRoutes } from './http/lien.routes'
import { motDePasseRoutes } from './http/mot-de-passe.routes'
import { proConnect } from './http/proconnect.routes'
import { sessionPlugin } from './http/session-plugin'
import { sessionsRoutes } from './http/sessions.routes'
import { totpRoutes } from './http/totp.routes'
import { hacherMotDePasse } from './use-cases/connecter-par-mot-de-passe'
import type { DepsComptes } from './use-cases/deps'

export {
  habilitationsDe,
  rechercherComptes,
  reserverPasTotp,
  trouverCompte,
  trouverCompteParEmail,
} from './db/comptes-repository'
export { type ConseillerDeStructure, conseillersDesStructures } from './db/tableau-de-bord-repository'
export { messageErreur } from './domain/erreurs'
export type { Habilitation, Portee, PorteeType, Role } from './domain/roles'
export { estRole, LIBELLES_ROLES, PORTEE_DU_ROLE, ROLES } from './domain/roles'
export { codeTotp, nouveauSecretTotp, uriTotp, verifierTotp } from './domain/totp'
export { COOKIE_SESSION, navigateurDe, poserCookieSession } from './http/session-plugin'
export {
  type PortAdministrerCompte,
  type PortComptes,
  type PortConsommerLienApresTotp,
  type PortCreerCompteDemandeur,
  type PortDefinirSecondFacteur,
  type PortDonnerRoleOrganisation,
  type PortEnvoyerLienApresTotp,
  portComptes,
} from './port'
export { DUREE_LIEN_APRES_TOTP_MIN } from './use-cases/connexion-totp-puis-lien'
export type { DepsComptes } from './use-cases/deps'

export interface OptionsComptes {
  deps: DepsComptes
  demo: boolean
  secureCookies: boolean
  /** ProConnect login: the real service (issuer set) or the simulator (demo); undefined: none. */
  proConnect?: Config['proConnect']
  /** Keys the ProConnect simulator's cookies (demo only). */
  secret: string
  /** Scopes a role can be given on, supplied by the domains that own structures and organisations. */
  listerPortees: () => Promise<Portee[]>
  /** The blocks of each domain on the home (`/espace`), in no particular order. */
  tableauDeBord?: readonly SourceTableauDeBord[]
}

/** Session reading is registered first (every route needs `request.utilisateur`), then the pages. */
export async function enregistrerComptes(app: FastifyInstance, o: OptionsComptes) {
  await app.register(sessionPlugin, { deps: o.deps, secureCookies: o.secureCookies })
  const { deps, demo } = o
  const pc = o.proConnect
    ? proConnect({ deps, ...o.proConnect, secureCookies: o.secureCookies, secret: o.secret })
    : undefined
  await app.register(connexionRoutes, {
    deps,
    demo,
    proConnect: !!pc,
    ...(pc ? { urlDeFin: pc.urlDeFin } : {}),
  })
  if (pc) await app.register(pc.routes)
  await app.register(totpRoutes, { deps })
  await app.register(lienRoutes, { deps, demo })
  await app.register(motDePasseRoutes, { deps, demo })
  await app.register(activationRoutes, { deps })
  await app.register(sessionsRoutes, { deps })
  await app.register(espaceRoutes, { sources: o.tableauDeBord ?? [], horloge: deps.horloge })
  if (demo) await app.register(demoRoutes, { deps })
  await app.register(invitationsRoutes, { deps: o.deps, listerPortees: o.listerPortees })
  app.navigation.ajouterMenu({
    libelle: 'Inviter',
    href: '/equipe/inviter',
    roles: ['admin', 'gestionnaire', 'referent'],
    ordre: 80,
  })
}

export interface CompteDemo {
  email: string
  prenom: string
  nom: string
  motDePasse: string
  totpSecret?: string
  habilitations: Habilitation[]
}

/** Demo data only: creates an account with a known password (and TOTP secret when the role needs one). */
export async function creerCompteDemo(deps: DepsComptes, c: CompteDemo) {
  return creerCompte(
    deps.db,
    {
      email: c.email,
      prenom: c.prenom,
      nom: c.nom,
      motDePasseHash: await hacherMotDePasse(c.motDePasse),
      totpSecret: c.totpSecret ?? null,
      totpActifDepuis: c.totpSecret ? deps.horloge() : null,
    },
    c.habilitations,
  )
}
