import type { FastifyInstance } from 'fastify'
import type { Portee } from '../../../platform/auth/roles'
import { exigerRole, type Utilisateur, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { pageFormulaire, refus, reussite } from '../../../platform/http/page-formulaire'
import { messageErreur } from '../domain/erreurs'
import { LIBELLES_ROLES, PORTEE_DU_ROLE, peutInviter, ROLES } from '../domain/roles'
import type { DepsComptes } from '../use-cases/deps'
import { makeInviter } from '../use-cases/inviter'
import { InvitationPage } from '../views/invitation.page'
import { invitationForm } from './comptes.form'

const cle = (p: Portee) => `${p.type}:${p.code}`
const ARIANE = [{ libelle: 'Mon espace', href: '/espace' }, { libelle: 'Inviter une personne' }]

/** `/equipe/inviter`: an admin invites anyone; a structure manager or a référent, within their own structure or organisation. */
export async function invitationsRoutes(
  app: FastifyInstance,
  { deps, listerPortees }: { deps: DepsComptes; listerPortees: () => Promise<Portee[]> },
) {
  const inviter = makeInviter(deps)

  /** The roles and scopes this person may invite on: only those are offered, and only those accepted. */
  const choix = async (habilitations: Utilisateur['habilitations']) => {
    const portees: Portee[] = [
      { type: 'national', code: '', libelle: 'National' },
      { type: 'personnel', code: '', libelle: 'Personnel (candidat)' },
      ...(await listerPortees()),
    ]
    const roles = ROLES.filter((r) =>
      portees.some((p) => p.type === PORTEE_DU_ROLE[r] && peutInviter(habilitations, { role: r, portee: p })),
    )
    const porteesPermises = portees.filter((p) =>
      roles.some((r) => PORTEE_DU_ROLE[r] === p.type && peutInviter(habilitations, { role: r, portee: p })),
    )
    return {
      roles: roles.map((r) => ({ valeur: r, libelle: LIBELLES_ROLES[r] })),
      portees: porteesPermises.map((p) => ({ valeur: cle(p), libelle: p.libelle })),
      trouver: (valeur: string) => porteesPermises.find((p) => cle(p) === valeur),
    }
  }

  pageFormulaire(app, {
    url: '/equipe/inviter',
    garde: exigerRole('admin', 'gestionnaire', 'referent'),
    charger: ({ request }) => choix(utilisateurConnecte(request).habilitations),
    page: (c, etat, ctx) => ({
      titre: 'Inviter une personne',
      espace: 'pro',
      ariane: ARIANE,
      contenu: (
        <InvitationPage
          csrf={ctx.csrf}
          roles={c.roles}
          portees={c.portees}
          valeurs={etat.valeurs}
          erreurs={etat.erreurs}
        />
      ),
    }),
  }).action('/equipe/inviter', {
    schema: invitationForm,
    executer: async ({ donnees, modele, request }) => {
      const portee = modele.trouver(donnees.portee)
      if (!portee || PORTEE_DU_ROLE[donnees.role] !== portee.type)
        return refus(
          {
            portee:
              'Choisissez un périmètre qui correspond au rôle (par exemple un département pour une préfecture).',
          },
          400,
        )
      const r = await inviter({
        par: utilisateurConnecte(request),
        invitation: {
          email: donnees.email,
          prenom: donnees.prenom,
          nom: donnees.nom,
          habilitation: { role: donnees.role, portee },
        },
      })
      if (!r.ok)
        return refus(
          r.error.code === 'EMAIL_DEJA_UTILISE'
            ? { email: messageErreur(r.error) }
            : { role: messageErreur(r.error) },
          400,
        )
      return reussite(
        '/equipe/inviter',
        `Invitation envoyée à ${donnees.email}. Le lien est valable 7 jours.`,
      )
    },
  })
}
