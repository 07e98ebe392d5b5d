import multipart, { type MultipartFile } from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Portee } from '../../../platform/auth/roles'
import { AccesInterditError, exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { normaliserNom } from '../../../platform/geo/communes'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { porteesStructures } from '../../recrutement'
import { derniersImports, historiqueDe, trouverImport, trouverLieu } from '../db/lieux-repository'
import { estAdmin, peutModifierLieu, structuresGerees } from '../domain/autorisations'
import { messageErreurLieux } from '../domain/erreurs'
import type { DepsLieux } from '../use-cases/deps'
import { makeImporterLieux, type RapportImport } from '../use-cases/importer-lieux'
import { makeModifierLieu } from '../use-cases/modifier-lieu'
import {
  GestionLieuxPage,
  HistoriquePage,
  ImportPage,
  ModifierLieuPage,
  RapportImportPage,
  valeursDuLieu,
  valeursSoumises,
} from '../views/gestion.page'
import { lieuForm } from './lieu.form'
import { uuid } from './pages.routes'

const PAR_PAGE = 25

/** Management: a structure manager edits the places of their structure, a national admin any place and imports files. */
export async function gestionLieuxRoutes(
  app: FastifyInstance,
  {
    deps,
    trouverNomCompte,
  }: { deps: DepsLieux; trouverNomCompte: (id: string) => Promise<string | undefined> },
) {
  const modifier = makeModifierLieu(deps)
  const listeStructures = async (): Promise<Portee[]> => porteesStructures(deps.db)

  app.get('/gestion/lieux', { preHandler: exigerRole('gestionnaire', 'admin') }, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const { q: brut, page: pageBrute } = request.query as { q?: string; page?: string }
    const q = String(brut ?? '')
      .slice(0, 100)
      .trim()
    const page = Math.max(1, Math.min(10_000, Number.parseInt(String(pageBrute ?? '1'), 10) || 1))
    const admin = estAdmin(u.habilitations)
    const miennes = new Set(structuresGerees(u.habilitations))
    const n = normaliserNom(q)
    const index = await deps.catalogue.index()
    // Scoped by default: a manager only ever lists the places of their own structures.
    const propres = admin ? index.tous() : [...miennes].flatMap((id) => index.deLaStructure(id))
    // Each structure's list is in name order; only a manager of several structures needs a merge.
    const lieux = (
      miennes.size > 1 && !admin ? [...propres].sort((a, b) => a.nom.localeCompare(b.nom, 'fr')) : propres
    ).filter((l) => !n || normaliserNom(`${l.nom} ${l.commune} ${l.codePostal}`).includes(n))
    return reply.page({
      titre: admin ? 'Lieux' : 'Les lieux de ma structure',
      espace: 'pro',
      ariane: [{ libelle: 'Gestion des lieux' }],
      contenu: (
        <GestionLieuxPage
          lieux={lieux.slice((page - 1) * PAR_PAGE, page * PAR_PAGE)}
          total={lieux.length}
          page={page}
          pages={Math.max(1, Math.ceil(lieux.length / PAR_PAGE))}
          q={q}
          admin={admin}
        />
      ),
    })
  })

  /** Loads the place and checks the caller may edit it: 404 for an unknown id, 403 for another structure's place. */
  const lieuModifiable = async (request: Parameters<typeof utilisateurConnecte>[0], id: string) => {
    const u = utilisateurConnecte(request)
    const valide = uuid.safeParse(id)
    const lieu = valide.success ? await trouverLieu(deps.db, valide.data) : undefined
    if (!lieu) return { statut: 404 as const }
    if (!peutModifierLieu(u.habilitations, lieu)) return { statut: 403 as const }
    return { statut: 200 as const, lieu, u }
  }

  const garde = { preHandler: exigerRole('gestionnaire', 'admin') }

  app.get('/lieux/:id/modifier', garde, async (request, reply) => {
    const r = await lieuModifiable(request, (request.params as { id: string }).id)
    if (r.statut === 404) return reply.callNotFound()
    if (r.statut === 403) throw new AccesInterditError()
    const structures = estAdmin(r.u.habilitations) ? await listeStructures() : undefined
    return reply.page((ctx) => ({
      titre: `Modifier ${r.lieu.nom}`,
      espace: 'pro',
      ariane: [{ libelle: 'Gestion des lieux', href: '/gestion/lieux' }, { libelle: r.lieu.nom }],
      contenu: (
        <ModifierLieuPage
          lieu={r.lieu}
          csrf={ctx.csrf}
          valeurs={valeursDuLieu(r.lieu)}
          erreurs={{}}
          structures={structures}
        />
      ),
    }))
  })

  app.post('/lieux/:id/modifier', garde, async (request, reply) => {
    const r = await lieuModifiable(request, (request.params as { id: string }).id)
    if (r.statut === 404) return reply.callNotFound()
    if (r.statut === 403) throw new AccesInterditError()
    const form = lireFormulaire(lieuForm, request.body)
    const structures = estAdmin(r.u.habilitations) ? await listeStructures() : undefined
    const rendreErreurs = (erreurs: Record<string, string | undefined>, statut: number) =>
      reply.page(
        (ctx) => ({
          titre: `Modifier ${r.lieu.nom}`,
          espace: 'pro',
          enErreur: true,
          ariane: [{ libelle: 'Gestion des lieux', href: '/gestion/lieux' }, { libelle: r.lieu.nom }],
          contenu: (
            <ModifierLieuPage
              lieu={r.lieu}
              csrf={ctx.csrf}
              valeurs={valeursSoumises(request.body)}
              erreurs={erreurs}
              structures={structures}
            />
          ),
        }),
        statut,
      )
    if (!form.ok) return rendreErreurs(form.erreurs, 400)
    if (
      structures &&
      form.donnees.structure_id &&
      !structures.some((s) => s.code === form.donnees.structure_id)
    )
      return rendreErreurs(
        { structure_id: 'Structure gestionnaire : choisissez une structure de la liste.' },
        400,
      )
    const res = await modifier({
      id: r.lieu.id,
      formulaire: form.donnees,
      par: { compteId: r.u.compteId, habilitations: r.u.habilitations },
    })
    if (!res.ok) {
      if (res.error.code === 'LIEU_INTROUVABLE') return reply.callNotFound()
      return rendreErreurs({ formulaire: messageErreurLieux(res.error) }, 403)
    }
    reply.flash('success', 'Le lieu a été enregistré.')
    return reply.redirect(`/lieux/${r.lieu.id}`, 303)
  })

  app.get('/lieux/:id/historique', garde, async (request, reply) => {
    const r = await lieuModifiable(request, (request.params as { id: string }).id)
    if (r.statut === 404) return reply.callNotFound()
    if (r.statut === 403) throw new AccesInterditError()
    const lignes = await historiqueDe(deps.db, r.lieu.id)
    const noms = new Map<string, string>()
    for (const l of lignes)
      if (l.acteurId && !noms.has(l.acteurId))
        noms.set(l.acteurId, (await trouverNomCompte(l.acteurId)) ?? 'compte supprimé')
    return reply.page({
      titre: `Historique de ${r.lieu.nom}`,
      espace: 'pro',
      ariane: [
        { libelle: 'Gestion des lieux', href: '/gestion/lieux' },
        { libelle: r.lieu.nom, href: `/lieux/${r.lieu.id}/modifier` },
        { libelle: 'Historique' },
      ],
      contenu: (
        <HistoriquePage
          lieu={r.lieu}
          entrees={lignes.map((l) => ({
            le: l.le,
            origine: l.origine,
            acteur: l.acteurId ? (noms.get(l.acteurId) ?? '') : 'import automatique',
            changements: l.changements,
          }))}
        />
      ),
    })
  })

  // ——— Import (national admin) ———
  await app.register(async (admin) => {
    // Nothing of an upload is read before the checks: the role is checked when the request arrives
    // (onRequest), before a byte of the body, so an anonymous or non-admin upload is refused at once;
    // then only the small fields that precede the file in the form (`_csrf`, `source`) are read, and
    // the file itself is read by the handler, which runs only once the platform's CSRF check
    // (preHandler) has passed. Reading the whole body first let anonymous clients make each process
    // hold 20 MB per request in flight.
    await admin.register(multipart, {
      limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 5, fieldSize: 1024 },
    })
    admin.addHook('onRequest', exigerRole('admin'))
    const envois = new WeakMap<FastifyRequest, MultipartFile>()
    admin.addHook('preValidation', async (request) => {
      if (!request.isMultipart()) return
      // Stops at the file part, its stream still unread; a field sent after the file is not seen.
      const fichier = await request.file()
      const champ = (nom: string) => {
        const f = fichier?.fields[nom] as { type?: string; value?: unknown } | undefined
        return f?.type === 'field' && typeof f.value === 'string' ? f.value : undefined
      }
      if (fichier) envois.set(request, fichier)
      request.body = { _csrf: champ('_csrf'), source: champ('source') }
    })
    // A file left unread (refused token, error) is drained to nothing, so that the connection is not
    // left waiting on it; nothing of it is kept.
    admin.addHook('onResponse', async (request) => {
      const fichier = envois.get(request)
      if (fichier && !fichier.file.readableEnded) fichier.file.resume()
    })
    const importer = makeImporterLieux(deps)

    admin.get('/admin/lieux/import', async (_request, reply) => {
      const imports = await derniersImports(deps.db)
      return reply.page((ctx) => ({
        titre: 'Importer des lieux',
        espace: 'pro',
        ariane: [{ libelle: 'Gestion des lieux', href: '/gestion/lieux' }, { libelle: 'Import' }],
        contenu: <ImportPage csrf={ctx.csrf} imports={imports} />,
      }))
    })

    admin.post('/admin/lieux/import', async (request, reply) => {
      const u = utilisateurConnecte(request)
      const corps = (request.body ?? {}) as { source?: unknown }
      const envoi = envois.get(request)
      // Read only now, the CSRF token checked (more than 20 MB: 413 from the platform's error handler).
      const fichier = envoi ? await envoi.toBuffer() : undefined
      const refuser = async (erreur: string) =>
        reply.page(
          (ctx) => ({
            titre: 'Importer des lieux',
            espace: 'pro',
            enErreur: true,
            contenu: <ImportPage csrf={ctx.csrf} erreur={erreur} imports={[]} />,
          }),
          400,
        )
      if (!Buffer.isBuffer(fichier) || fichier.length === 0)
        return refuser('Fichier à importer : choisissez un fichier CSV ou JSON.')
      const nom = envoi?.filename ? envoi.filename.slice(0, 200) : 'fichier-importe'
      const source =
        typeof corps.source === 'string' && corps.source.trim()
          ? corps.source.trim().slice(0, 200)
          : undefined
      const r = await importer({
        contenu: fichier,
        fichier: nom,
        acteurId: u.compteId,
        ...(source ? { source } : {}),
      })
      if (!r.ok) return refuser(`Fichier à importer : ${r.erreur}`)
      reply.flash(
        'success',
        `Import terminé : ${r.rapport.crees} créé(s), ${r.rapport.misAJour} mis à jour, ${r.rapport.rejetes} rejeté(s).`,
      )
      return reply.redirect(`/admin/lieux/imports/${r.rapport.importId}`, 303)
    })

    admin.get('/admin/lieux/imports/:id', async (request, reply) => {
      const id = uuid.safeParse((request.params as { id: string }).id)
      const i = id.success ? await trouverImport(deps.db, id.data) : undefined
      if (!i) return reply.callNotFound()
      return reply.page({
        titre: `Rapport d’import ${i.fichier}`,
        espace: 'pro',
        ariane: [
          { libelle: 'Gestion des lieux', href: '/gestion/lieux' },
          { libelle: 'Import', href: '/admin/lieux/import' },
          { libelle: 'Rapport' },
        ],
        contenu: <RapportImportPage r={i.rapport as RapportImport} le={i.le} />,
      })
    })
  })
}
