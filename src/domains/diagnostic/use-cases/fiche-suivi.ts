import { err, ok, type Result } from '../../../platform/result'
import {
  lierFicheSuivi,
  passationsDeFicheSuivi,
  pourMoteur,
  reponsesDe,
  trouverBeneficiaire,
} from '../db/diagnostic-repository'
import type { ErreurDiagnostic } from '../domain/erreurs'
import { resultat, resumeResultat } from '../domain/resultat'
import type { DepsDiagnostic } from './deps'
import type { Structures } from './suivre-session'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ADRESSE_FICHE =
  /^(?:(?:https?:\/\/)?[^/\s]*\/activites\/beneficiaires\/)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?(?:[?#]\S*)?$/i

/**
 * The id of a follow-up file from what the conseiller pasted: the page's address
 * (`https://…/activites/beneficiaires/<id>`) or the id alone. Anything else is refused.
 */
export function lireFicheSuivi(texte: string): string | undefined {
  const t = texte.trim()
  if (t.length > 300) return undefined
  return ADRESSE_FICHE.exec(t)?.[1]?.toLowerCase()
}

/** Attaches a diagnostic record to a follow-up file of « Mes activités », or detaches it (empty text). */
export const makeLierFicheSuivi =
  ({ db, structureDeLaFicheSuivi }: Pick<DepsDiagnostic, 'db' | 'structureDeLaFicheSuivi'>) =>
  async (input: {
    structures: Structures
    beneficiaireId: string
    fiche: string
  }): Promise<Result<{ ficheSuiviId: string | null } | undefined, ErreurDiagnostic>> => {
    if (!/^[0-9a-f-]{36}$/i.test(input.beneficiaireId)) return ok(undefined)
    const b = await trouverBeneficiaire(db, input.beneficiaireId)
    if (!b || !input.structures.includes(b.structureCode)) return ok(undefined)
    const ficheSuiviId = input.fiche.trim() === '' ? null : lireFicheSuivi(input.fiche)
    if (ficheSuiviId === undefined) return err({ code: 'FICHE_SUIVI_INVALIDE' })
    // Both ends of the link are checked: a file of another structure would otherwise receive this
    // record's results, and hand them out in that person's data export.
    if (ficheSuiviId !== null) {
      const structure = await structureDeLaFicheSuivi?.(ficheSuiviId)
      if (!structure || !input.structures.includes(structure)) return err({ code: 'FICHE_SUIVI_INCONNUE' })
    }
    await lierFicheSuivi(db, b.id, ficheSuiviId)
    return ok({ ficheSuiviId })
  }

/** YYYY-MM-DD in France métropolitaine's calendar, as the activities domain dates its records. */
const jour = (d: Date) => new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris' }).format(d)

/**
 * For the activities domain's port `PortDiagnostic.resultatsDuBeneficiaire`: the diagnostics kept
 * with consent in the records attached to that follow-up file, oldest first, one line each.
 * The caller has already checked that the file belongs to the conseiller asking.
 */
export const makeResultatsDeFicheSuivi =
  ({ db }: Pick<DepsDiagnostic, 'db'>) =>
  async (ficheSuiviId: string): Promise<{ date: string; resume: string }[]> => {
    if (!UUID.test(ficheSuiviId)) return []
    const passations = (await passationsDeFicheSuivi(db, ficheSuiviId)).filter((p) => p.termineLe)
    return Promise.all(
      passations.map(async (p) => ({
        date: jour(p.commenceLe),
        resume: resumeResultat(resultat(pourMoteur(await reponsesDe(db, p.id)))),
      })),
    )
  }
