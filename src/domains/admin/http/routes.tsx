import type { FastifyInstance } from 'fastify'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import type { Database } from '../../../platform/db/database'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { lireJournal } from '../../../platform/journal/journal'
import {
  type DepsComptes,
  habilitationsDe,
  LIBELLES_ROLES,
  makeAdministrerCompte,
  messageErreur,
  PORTEE_DU_ROLE,
  type Portee,
  ROLES,
  rechercherComptes,
  trouverCompte,
} from '../../comptes'
import { CompteAdminPage, ComptesAdminPage, JournalAdminPage } from '../views/admin.page'
import { rechercheForm, roleForm, uuid } from './admin.form'

const PAR_PAGE = 20

/** National back-office: only the admin role, on every route of this plugin. */
export async function adminRoutes(
  app: FastifyInstance,
  { deps, listerPortees }: { deps: DepsComptes; listerPortees: () => Promise<Portee[]> },
) {
  const administrer = makeAdministrerCompte(deps)
  app.addHook('preHandler', exigerRole('admin'))
  const portees = async (): Promise<Portee[]> => [
    { type: 'national', code: '', libelle: 'National' },
    { type: 'personnel', code: '', libelle: 'Personnel (candidat)' },
    ...(await listerPortees()),
  ]
  const roles = ROLES.map((r) => ({ valeur: r, libelle: LIBELLES_ROLES[r] }))

  app.get('/admin/comptes', async (request, reply) => {
    const q = rechercheForm.safeParse(request.query)
    const filtres = q.success ? q.data : { q: undefined, role: undefined, page: 1 }
    const r = await rechercherComptes(deps.db, {
      texte: filtres.q,
      role: filtres.role,
      page: filtres.page,
      parPage: PAR_PAGE,
    })
    return reply.page({
      titre: 'Comptes',
      espace: 'pro',
      ariane: [{ libelle: 'Administration', href: '/admin/comptes' }, { libelle: 'Comptes' }],
      contenu: (
        <ComptesAdminPage
          resultat={r}
          filtres={{ q: filtres.q ?? '', role: filtres.role ?? '' }}
          page={filtres.page}
          pages={Math.max(1, Math.ceil(r.total / PAR_PAGE))}
          roles={roles}
        />
      ),
    })
  })

  const pageCompte = async (id: string) => {
    const compte = await trouverCompte(deps.db, id)
    if (!compte) return undefined
    return { compte, habilitations: await habilitationsDe(deps.db, id), portees: await portees() }
  }

  app.get('/admin/comptes/:id', async (request, reply) => {
    const id = uuid.safeParse((request.params as { id: string }).id)
    const d = id.success ? await pageCompte(id.data) : undefined
    if (!d) return reply.callNotFound()
    return reply.page((ctx) => ({
      titre: `${d.compte.prenom} ${d.compte.nom}`,
      espace: 'pro',
      ariane: [
        { libelle: 'Administration', href: '/admin/comptes' },
        { libelle: 'Comptes', href: '/admin/comptes' },
        { libelle: `${d.compte.prenom} ${d.compte.nom}` },
      ],
      contenu: <CompteAdminPage csrf={ctx.csrf} {...d} roles={roles} erreurs={{}} />,
    }))
  })

  const cle = (p: Portee) => `${p.type}:${p.code}`

  app.post('/admin/comptes/:id/roles', async (request, reply) => {
    const u = utilisateurConnecte(request)
    const id = uuid.safeParse((request.params as { id: string }).id)
    const d = id.success ? await pageCompte(id.data) : undefined
    if (!d) return reply.callNotFound()
    const form = lireFormulaire(roleForm, request.body)
    let erreur: string | undefined
    if (!form.ok) erreur = Object.values(form.erreurs)[0]
    else {
      const portee = d.portees.find((p) => cle(p) === form.donnees.portee)
      if (!portee || PORTEE_DU_ROLE[form.donnees.role] !== portee.type)
        erreur = 'Choisissez un périmètre qui correspond au rôle.'
      else {
        const r = await administrer.ajouterRole(u.compteId, d.compte.id, { role: form.donnees.role, portee })
        if (!r.ok) erreur = messageErreur(r.error)
      }
    }
    if (erreur)
      return reply.page(
        (ctx) => ({
          titre: `${d.compte.prenom} ${d.compte.nom}`,
          espace: 'pro',
          enErreur: true,
          contenu: <CompteAdminPage csrf={ctx.csrf} {...d} roles={roles} erreurs={{ portee: erreur }} />,
        }),
        400,
      )
    reply.flash('success', 'Le rôle a été ajouté.')
    return reply.redirect(`/admin/comptes/${d.compte.id}`, 303)
  })

  app.post('/admin/comptes/:id/roles/retirer', async (request, reply) => {
    const u = utilisateurConnecte(request)
    const id = uuid.safeParse((request.params as { id: string }).id)
    const d = id.success ? await pageCompte(id.data) : undefined
    if (!d) return reply.callNotFound()
    const { cle: valeur } = (request.body ?? {}) as { cle?: string }
    const h = d.habilitations.find((x) => `${x.role}|${x.portee.type}:${x.portee.code}` === valeur)
    if (!h) {
      reply.flash('error', 'Ce rôle n’existe pas sur ce compte.')
      return reply.redirect(`/admin/comptes/${d.compte.id}`, 303)
    }
    const r = await administrer.retirerRole(u.compteId, d.compte.id, h)
    reply.flash(
      r.ok ? 'success' : 'error',
      r.ok ? 'Le rôle a été retiré et les sessions du compte fermées.' : messageErreur(r.error),
    )
    return reply.redirect(`/admin/comptes/${d.compte.id}`, 303)
  })

  app.post('/admin/comptes/:id/activation', async (request, reply) => {
    const u = utilisateurConnecte(request)
    const id = uuid.safeParse((request.params as { id: string }).id)
    if (!id.success) return reply.callNotFound()
    const { actif } = (request.body ?? {}) as { actif?: string }
    if (actif !== 'oui' && actif !== 'non') {
      reply.flash('error', 'Action inconnue.')
      return reply.redirect(`/admin/comptes/${id.data}`, 303)
    }
    const r = await administrer.changerActivation(u.compteId, id.data, actif === 'oui')
    if (!r.ok && r.error.code === 'COMPTE_INTROUVABLE') return reply.callNotFound()
    reply.flash(
      r.ok ? 'success' : 'error',
      r.ok
        ? actif === 'oui'
          ? 'Le compte est réactivé.'
          : 'Le compte est désactivé et ses sessions fermées.'
        : messageErreur(r.error),
    )
    return reply.redirect(`/admin/comptes/${id.data}`, 303)
  })

  app.get('/admin/journal', async (request, reply) => {
    const { avant } = request.query as { avant?: string }
    const n = Number(avant)
    const entrees = await lireJournal(
      deps.db as Database,
      PAR_PAGE + 1,
      Number.isInteger(n) && n > 0 ? n : undefined,
    )
    return reply.page({
      titre: 'Journal d’administration',
      espace: 'pro',
      ariane: [{ libelle: 'Administration', href: '/admin/comptes' }, { libelle: 'Journal' }],
      contenu: (
        <JournalAdminPage
          entrees={entrees.slice(0, PAR_PAGE)}
          suivant={entrees.length > PAR_PAGE ? entrees[PAR_PAGE - 1]?.id : undefined}
        />
      ),
    })
  })
}
