import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Database } from '../../../platform/db/database'
import type { NommeursObjets } from '../domain/journal'
import { makeLireJournal } from '../use-cases/lire-journal'
import { JournalAdminPage } from '../views/admin.page'
import { PAR_PAGE } from './comptes.routes'

/** `avant` pages back through the journal; anything else than a positive id starts from the newest. */
const queryJournal = z.object({ avant: z.coerce.number().int().positive().optional().catch(undefined) })

/** `/admin/journal`: every administration action, newest first; it has no edit nor delete. */
export async function journalAdminRoutes(
  app: FastifyInstance,
  deps: { db: Database; nommer: NommeursObjets },
) {
  const lireJournal = makeLireJournal(deps)
  app.get('/admin/journal', async (request, reply) => {
    const { avant } = queryJournal.parse(request.query ?? {})
    const entrees = await lireJournal(PAR_PAGE + 1, avant)
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
