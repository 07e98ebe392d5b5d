import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../platform/db/database'
import { ajouterAuJournal } from '../db/journal-repository'

/** The app's Aidants Connect secret in demo mode (config default): it signs the journal's end. */
const SECRET_AIDANTS_DEMO = 'demo-uniquement-secret-aidants-connect-0123456789'

const executer = promisify(execFile)
const CLI = path.resolve(import.meta.dirname, 'verifier-journal.ts')
const TSX = path.resolve(import.meta.dirname, '../../../../node_modules/.bin/tsx')

/** The command an operator runs: exit 0 on an intact chain, exit 1 naming the first broken link. */
describe('commande de vérification du journal (pglite, processus séparé)', () => {
  let dossier: string
  const base = () => openDatabase({ kind: 'pglite', dataDir: path.join(dossier, 'pglite') })
  const lancer = async () => {
    try {
      const r = await executer(TSX, [CLI], {
        // Only what the command needs: the test runner's own variables are not configuration.
        env: { PATH: process.env.PATH ?? '', HOME: os.homedir(), DATA_DIR: dossier, ESCALE_MODE: 'demo' },
      })
      return { code: 0, sortie: r.stdout }
    } catch (e) {
      const x = e as { code: number; stderr: string }
      return { code: x.code, sortie: x.stderr }
    }
  }

  beforeAll(async () => {
    dossier = await mkdtemp(path.join(os.tmpdir(), 'escale-journal-'))
    const h = await base()
    await h.migrate()
    for (const action of [
      'creation_attestation',
      'creation_autorisation',
      'utilisation_autorisation',
    ] as const)
      await ajouterAuJournal(h.db, SECRET_AIDANTS_DEMO, { action, le: new Date(), demarche: 'social' })
    await h.close()
  })
  afterAll(async () => rm(dossier, { recursive: true, force: true }))

  it('confirme une chaîne intacte', async () => {
    const r = await lancer()
    expect(r).toMatchObject({ code: 0 })
    expect(r.sortie).toContain('Journal intègre : 3 entrées vérifiées.')
  }, 60_000)

  it('sort en erreur et désigne la première entrée modifiée', async () => {
    const h = await base()
    await h.db.execute(sql`alter table aidants_journal disable trigger aidants_journal_ajout_seul`)
    await h.db.execute(sql`update aidants_journal set demarche = 'argent' where id = 2`)
    await h.close()
    const r = await lancer()
    expect(r.code).toBe(1)
    expect(r.sortie).toContain('Journal ROMPU à l’entrée n° 2')
  }, 60_000)
})
