import type { MultipartFile } from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { corpsMultipartLu, enregistrerMultipart } from '../../../platform/http/multipart'
import { derniersImports, trouverImport } from '../db/lieux-repository'
import type { DepsLieux } from '../use-cases/deps'
import { makeImporterLieux, type RapportImport } from '../use-cases/importer-lieux'
import { ImportPage, RapportImportPage } from '../views/import.page'
import { importForm, paramsId } from './lieu.form'

/**
 * Import by file upload (national admin). Its own handler rather than the shared form page: nothing of
 * an upload is read before the checks. The role is checked when the request arrives (onRequest), before
 * a byte of the body, so an anonymous or non-admin upload is refused at once; then only the small fields
 * that precede the file in the form (`_csrf`, `source`) are read, and the file itself is read by the
 * handler, which runs only once the platform's CSRF check (preHandler) has passed. Reading the whole
 * body first let anonymous clients make each process hold 20 MB per request in flight.
 */
export async function importLieuxRoutes(app: FastifyInstance, { deps }: { deps: DepsLieux }) {
  await enregistrerMultipart(app, {
    limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 5, fieldSize: 1024 },
  })
  app.addHook('onRequest', exigerRole('admin'))
  const envois = new WeakMap<FastifyRequest, MultipartFile>()
  app.addHook('preValidation', async (request) => {
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
  app.addHook('onResponse', async (request) => {
    const fichier = envois.get(request)
    if (fichier && !fichier.file.readableEnded) fichier.file.resume()
  })
  const importer = makeImporterLieux(deps)

  app.get('/admin/lieux/import', async (_request, reply) => {
    const imports = await derniersImports(deps.db)
    return reply.page((ctx) => ({
      titre: 'Importer des lieux',
      espace: 'pro',
      ariane: [{ libelle: 'Gestion des lieux', href: '/gestion/lieux' }, { libelle: 'Import' }],
      contenu: <ImportPage csrf={ctx.csrf} imports={imports} />,
    }))
  })

  app.post('/admin/lieux/import', async (request, reply) => {
    const u = utilisateurConnecte(request)
    const champs = importForm.safeParse(request.body ?? {})
    const source = champs.success ? champs.data.source : undefined
    const envoi = envois.get(request)
    // Read only now, the CSRF token checked (more than 20 MB: 413 from the platform's error handler).
    const fichier = envoi ? await envoi.toBuffer() : undefined
    corpsMultipartLu(request)
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

  app.get('/admin/lieux/imports/:id', async (request, reply) => {
    const params = paramsId.safeParse(request.params)
    const i = params.success ? await trouverImport(deps.db, params.data.id) : undefined
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
}
