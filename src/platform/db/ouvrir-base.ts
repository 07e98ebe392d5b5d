import path from 'node:path'
import { type DatabaseHandle, openDatabase } from './database'

/**
 * The one place that chooses the engine (docs/adr/002): PostgreSQL when a URL is configured, otherwise
 * PGlite in the data folder. The server, the command-line tasks and the tests all open the base here.
 */
export async function ouvrirBase(config: {
  databaseUrl?: string | undefined
  dataDir: string
}): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgresql', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') })
}
