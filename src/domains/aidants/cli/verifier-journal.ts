// Verifies the hash chain of the Aidants Connect journal. Exit code 1 and the first broken link if tampered.
//   npx tsx src/domains/aidants/cli/verifier-journal.ts
import { ouvrirBase } from '../../../app'
import { loadConfig } from '../../../config'
import { verifierJournal } from '../db/journal-repository'
import { LIBELLES_RUPTURE } from '../domain/journal'

const config = loadConfig()
const base = await ouvrirBase(config)
try {
  const r = await verifierJournal(base.db, config.aidantsSecret)
  if (r.ok) console.log(`Journal intègre : ${r.entrees} entrées vérifiées.`)
  else {
    console.error(
      `Journal ROMPU à l’entrée n° ${r.premierMaillonCasse} (${r.raison} : ${LIBELLES_RUPTURE[r.raison]}).`,
    )
    process.exitCode = 1
  }
} finally {
  await base.close()
}
