import type { FastifyInstance } from 'fastify'
import type { Portee } from '../../../platform/auth/roles'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { messageErreur } from '../domain/erreurs'
import { LIBELLES_ROLES, PORTEE_DU_ROLE, peutInviter, ROLES, type Role } from '../domain/roles'
import type { DepsComptes } from '../use-cases/deps'
import { makeInviter } from '../use-cases/inviter'
import { InvitationPage } from '../views/invitation.page'
import { invitationForm } from './comptes.form'

const cle = (p: Portee) => `${p.type}:${p.code}`

/** An admin invites anyone; a structure manager or a référent invites within their own structure or organisation. */
export async function invitationsRoutes(
  app: FastifyInstance,
  { deps, listerPortees }: { deps: DepsComptes; listerPortees: () => Promise<Portee[]> },
) {
  const inviter = makeInviter(deps)
  const garde = { preHandler: exigerRole('admin', 'gestionnaire', 'referent') }

  const choix = async (habilitations: ReturnType<typeof utilisateurConnecte>['habilitations']) => {
    const portees = [
      { type: 'national', code: '', libelle: 'National' } as Portee,
      { type: 'personnel', code: '', libelle: 'Personnel (candidat)' } as Portee,
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

  app.get('/equipe/inviter', garde, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const c = await choix(u.habilitations)
    return reply.page((ctx) => ({
      titre: 'Inviter une personne',
      espace: 'pro',
      ariane: [{ libelle: 'Mon espace', href: '/espace' }, { libelle: 'Inviter une personne' }],
      contenu: (
        <InvitationPage csrf={ctx.csrf} roles={c.roles} portees={c.portees} valeurs={{}} erreurs={{}} />
      ),
    }))
  })

  app.post('/equipe/inviter', garde, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const c = await choix(u.habilitations)
    const form = lireFormulaire(invitationForm, request.body)
    let erreurs = form.ok ? {} : form.erreurs
    if (form.ok) {
      const portee = c.trouver(form.donnees.portee)
      if (!portee || PORTEE_DU_ROLE[form.donnees.role as Role] !== portee.type) {
        erreurs = {
          portee:
            'Choisissez un périmètre qui correspond au rôle (par exemple un département pour une préfecture).',
        }
      } else {
        const r = await inviter({
          par: u,
          invitation: {
            email: form.donnees.email,
            prenom: form.donnees.prenom,
            nom: form.donnees.nom,
            habilitation: { role: form.donnees.role, portee },
          },
        })
        if (r.ok) {
          reply.flash('success', `Invitation envoyée à ${form.donnees.email}. Le lien est valable 7 jours.`)
          return reply.redirect('/equipe/inviter', 303)
        }
        erreurs =
          r.error.code === 'EMAIL_DEJA_UTILISE'
            ? { email: messageErreur(r.error) }
            : { role: messageErreur(r.error) }
      }
    }
    const valeurs = form.ok ? { ...form.donnees } : form.valeurs
    return reply.page(
      (ctx) => ({
        titre: 'Inviter une personne',
        espace: 'pro',
        enErreur: true,
        ariane: [{ libelle: 'Mon espace', href: '/espace' }, { libelle: 'Inviter une personne' }],
        contenu: (
          <InvitationPage
            csrf={ctx.csrf}
            roles={c.roles}
            portees={c.portees}
            valeurs={valeurs}
            erreurs={erreurs}
          />
        ),
      }),
      400,
    )
  })
}
