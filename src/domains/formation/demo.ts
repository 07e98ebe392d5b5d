import type { Database } from '../../platform/db/database'
import {
  assurerParcoursParDefaut,
  creerSession,
  definirObjectif,
  parcoursCourant,
} from './db/formation-repository'
import { CODE_PARCOURS_AIDANTS, CODE_PARCOURS_CONSEILLER, joursDeSession } from './domain/formation'
import { inscrireConseiller, makeFormation } from './use-cases/formation'

export interface ContexteDemoFormation {
  db: Database
  structures: Record<string, { id: string; nom: string; codeCommune: string; codeDepartement: string }>
  compte: (email: string) => string
}

/** Two sessions of the demo training provider, two enrolled conseillers, attendance, an objective. */
export async function seedFormation(ctx: ContexteDemoFormation): Promise<void> {
  await assurerParcoursParDefaut(ctx.db)
  const cn = await parcoursCourant(ctx.db, CODE_PARCOURS_CONSEILLER)
  const ac = await parcoursCourant(ctx.db, CODE_PARCOURS_AIDANTS)
  const of = ctx.structures.formation
  if (!cn || !ac || !of) return
  const aujourdhui = new Date()
  const iso = (d: Date) => d.toISOString().slice(0, 10)
  const debut = new Date(aujourdhui.getTime() - 14 * 86_400_000)
  const fin = new Date(aujourdhui.getTime() + 120 * 86_400_000)
  const session = await creerSession(ctx.db, {
    parcoursId: cn.id,
    libelle: 'Conseillers numériques — promotion Sud',
    debut: iso(debut),
    fin: iso(fin),
    lieu: 'Marseille, 1er arrondissement',
    codeDepartement: '13',
    organismeId: of.id,
    organismeNom: of.nom,
    capacite: 20,
  })
  await creerSession(ctx.db, {
    parcoursId: ac.id,
    libelle: 'Aidants Connect — session de printemps',
    debut: iso(new Date(aujourdhui.getTime() + 30 * 86_400_000)),
    fin: iso(new Date(aujourdhui.getTime() + 31 * 86_400_000)),
    lieu: 'Marseille, France services 3e',
    codeDepartement: '13',
    organismeId: of.id,
    organismeNom: of.nom,
    capacite: 12,
  })
  const formation = makeFormation({ db: ctx.db, horloge: () => new Date() })
  for (const [email, prenom, nom, structure] of [
    ['ines.fabre@demo.escale.localhost', 'Inès', 'Fabre', ctx.structures.mediatheque?.id ?? ''],
    ['karim.haddad@demo.escale.localhost', 'Karim', 'Haddad', ctx.structures.ccas?.id ?? ''],
  ] as const) {
    const compteId = ctx.compte(email)
    await inscrireConseiller(ctx.db, { compteId, prenom, nom, structureId: structure })
    const { inscriptionsDuCompte } = await import('./db/formation-repository')
    const [i] = await inscriptionsDuCompte(ctx.db, compteId)
    if (!i) continue
    await formation.affecter({
      sessionId: session.id,
      inscriptionId: i.inscription.id,
      par: ctx.compte('formation@demo.escale.localhost'),
    })
    for (const jour of joursDeSession(session.debut, iso(aujourdhui)).slice(0, 6))
      for (const dj of ['matin', 'apres_midi'] as const)
        await formation.noterPresence({
          inscriptionId: i.inscription.id,
          sessionId: session.id,
          jour,
          demiJournee: dj,
          present: true,
        })
  }
  await definirObjectif(ctx.db, { codeParcours: CODE_PARCOURS_AIDANTS, annee: 2021, cible: 20_000 })
  await definirObjectif(ctx.db, { codeParcours: CODE_PARCOURS_CONSEILLER, annee: 2021, cible: 4_000 })
}
