import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { pageFormulaire, refus, reussite } from '../../../platform/http/page-formulaire'
import {
  LIBELLES_ROLES,
  messageErreur,
  PORTEE_DU_ROLE,
  type PortComptes,
  type Portee,
  ROLES,
} from '../../comptes'
import { CompteAdminPage, ComptesAdminPage } from '../views/admin.page'
import { activationForm, rechercheForm, retraitForm, roleForm } from './admin.form'

export const PAR_PAGE = 20
const ARIANE_ADMIN = { libelle: 'Administration', href: '/admin/comptes' }
const cle = (p: Portee) => `${p.type}:${p.code}`

/** `/admin/comptes`: search the accounts, then give or take a role, deactivate or reactivate one. */
export async function comptesAdminRoutes(
  app: FastifyInstance,
  { comptes, listerPortees }: { comptes: PortComptes; listerPortees: () => Promise<Portee[]> },
) {
  const { administrer } = comptes
  const portees = async (): Promise<Portee[]> => [
    { type: 'national', code: '', libelle: 'National' },
    { type: 'personnel', code: '', libelle: 'Personnel (candidat)' },
    ...(await listerPortees()),
  ]
  const roles = ROLES.map((r) => ({ valeur: r, libelle: LIBELLES_ROLES[r] }))

  rechercheRoutes(app, comptes, roles)

  const fiche = pageFormulaire(app, {
    url: '/admin/comptes/:id',
    params: z.object({ id: z.uuid() }),
    charger: async ({ params }) => {
      const c = await comptes.trouverCompte(params.id)
      if (!c) return undefined
      const compte = compteVu(c)
      return { compte, habilitations: await comptes.habilitationsDe(c.id), portees: await portees() }
    },
    page: (d, etat, ctx) => ({
      titre: `${d.compte.prenom} ${d.compte.nom}`,
      espace: 'pro',
      ariane: [
        ARIANE_ADMIN,
        { libelle: 'Comptes', href: '/admin/comptes' },
        { libelle: `${d.compte.prenom} ${d.compte.nom}` },
      ],
      contenu: <CompteAdminPage csrf={ctx.csrf} {...d} roles={roles} erreurs={etat.erreurs} />,
    }),
  })
  const versFiche = (id: string) => `/admin/comptes/${id}`

  fiche.action('/admin/comptes/:id/roles', {
    schema: roleForm,
    executer: async ({ donnees, modele, request }) => {
      const portee = modele.portees.find((p) => cle(p) === donnees.portee)
      if (!portee || PORTEE_DU_ROLE[donnees.role] !== portee.type)
        return refus({ portee: 'Choisissez un périmètre qui correspond au rôle.' }, 400)
      const acteur = utilisateurConnecte(request).compteId
      const r = await administrer.ajouterRole(acteur, modele.compte.id, { role: donnees.role, portee })
      if (!r.ok) return refus({ portee: messageErreur(r.error) }, 400)
      return reussite(versFiche(modele.compte.id), 'Le rôle a été ajouté.')
    },
  })

  // The two buttons below answer on the account's page, by a flash message (success or refusal).
  fiche.action('/admin/comptes/:id/roles/retirer', {
    schema: retraitForm,
    executer: async ({ donnees, modele, request, reply }) => {
      const h = modele.habilitations.find(
        (x) => `${x.role}|${x.portee.type}:${x.portee.code}` === donnees.cle,
      )
      if (!h) {
        reply.flash('error', 'Ce rôle n’existe pas sur ce compte.')
        return reussite(versFiche(modele.compte.id))
      }
      const r = await administrer.retirerRole(utilisateurConnecte(request).compteId, modele.compte.id, h)
      if (r.ok)
        return reussite(
          versFiche(modele.compte.id),
          'Le rôle a été retiré et les sessions du compte fermées.',
        )
      reply.flash('error', messageErreur(r.error))
      return reussite(versFiche(modele.compte.id))
    },
  })

  fiche.action('/admin/comptes/:id/activation', {
    schema: activationForm,
    executer: async ({ donnees, modele, request, reply }) => {
      if (!donnees.actif) {
        reply.flash('error', 'Action inconnue.')
        return reussite(versFiche(modele.compte.id))
      }
      const actif = donnees.actif === 'oui'
      const r = await administrer.changerActivation(
        utilisateurConnecte(request).compteId,
        modele.compte.id,
        actif,
      )
      if (r.ok)
        return reussite(
          versFiche(modele.compte.id),
          actif ? 'Le compte est réactivé.' : 'Le compte est désactivé et ses sessions fermées.',
        )
      reply.flash('error', messageErreur(r.error))
      return reussite(versFiche(modele.compte.id))
    },
  })
}

/** The fields of an account the back-office shows, never its secrets (password hash, TOTP secret). */
const compteVu = (c: NonNullable<Awaited<ReturnType<PortComptes['trouverCompte']>>>) => ({
  id: c.id,
  email: c.email,
  prenom: c.prenom,
  nom: c.nom,
  actif: c.actif,
  invitationEnAttente: c.invitationEnAttente,
  derniereConnexionLe: c.derniereConnexionLe,
  totpActifDepuis: c.totpActifDepuis,
  creeLe: c.creeLe,
})

/** `GET /admin/comptes`: the search, by name or e-mail and by role, paginated. */
function rechercheRoutes(
  app: FastifyInstance,
  comptes: PortComptes,
  roles: { valeur: string; libelle: string }[],
) {
  app.get('/admin/comptes', async (request, reply) => {
    const q = rechercheForm.safeParse(request.query)
    const filtres = q.success ? q.data : { q: undefined, role: undefined, page: 1 }
    const r = await comptes.rechercherComptes({
      texte: filtres.q,
      role: filtres.role,
      page: filtres.page,
      parPage: PAR_PAGE,
    })
    const resultat = {
      total: r.total,
      comptes: r.comptes.map((c) => ({ ...compteVu(c), habilitations: c.habilitations })),
    }
    return reply.page({
      titre: 'Comptes',
      espace: 'pro',
      ariane: [ARIANE_ADMIN, { libelle: 'Comptes' }],
      contenu: (
        <ComptesAdminPage
          resultat={resultat}
          filtres={{ q: filtres.q ?? '', role: filtres.role ?? '' }}
          page={filtres.page}
          pages={Math.max(1, Math.ceil(r.total / PAR_PAGE))}
          roles={roles}
        />
      ),
    })
  })
}
