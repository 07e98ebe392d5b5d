/** Demo requests for the demo médiateur's queue: fictional people, numbers of the range kept for fiction. */
import { count } from 'drizzle-orm'
import { demandes } from './db/schema'
import { creneauxProposes } from './domain/creneaux'
import type { Besoin, DomaineDemarche } from './domain/demande'
import { fuseauDe, lireTelephone, type Territoire } from './domain/telephone'
import { CRENEAU_DES_QUE_POSSIBLE, type DepsSolidarite, makeDeposer } from './use-cases/deposer'

interface DemandeDemo {
  telephone: string
  prenom: string
  besoin: Besoin
  territoire?: Territoire
  domaineDemarche?: DomaineDemarche
  dansJours?: number
  arnaque?: boolean
  isolement?: boolean
  sms?: boolean
  creneau?: boolean
}

const DEMANDES: DemandeDemo[] = [
  { telephone: '01 99 00 00 01', prenom: 'Josiane', besoin: 'email' },
  { telephone: '01 99 00 00 02', prenom: 'Marcel', besoin: 'arnaque', arnaque: true },
  {
    telephone: '01 99 00 00 03',
    prenom: 'Fatou',
    besoin: 'demarche',
    domaineDemarche: 'caf',
    dansJours: 2,
    isolement: true,
  },
  {
    telephone: '02 62 99 00 04',
    prenom: 'Jean-Claude',
    besoin: 'materiel',
    territoire: 'reunion',
    creneau: true,
  },
  { telephone: '01 99 00 00 05', prenom: 'Lucienne', besoin: 'internet', sms: true, creneau: true },
]

/** Fills an empty queue (demo mode only: the app calls it when `DEMO_DATA` is on). */
export async function seedSolidarite(deps: DepsSolidarite): Promise<void> {
  const [n] = await deps.db.select({ n: count() }).from(demandes)
  if ((n?.n ?? 0) > 0) return
  const deposer = makeDeposer(deps)
  const maintenant = deps.horloge()
  for (const d of DEMANDES) {
    const lu = lireTelephone(d.telephone)
    if (!lu.ok) throw new Error(`numéro de démonstration illisible : ${d.telephone}`)
    const territoire = d.territoire ?? 'metropole'
    const creneau = d.creneau ? creneauxProposes(maintenant, fuseauDe(territoire))[1]?.id : undefined
    await deposer({
      telephone: lu.telephone,
      prenom: d.prenom,
      besoin: d.besoin,
      domaineDemarche: d.domaineDemarche,
      dateLimiteDemarche: d.dansJours
        ? new Date(maintenant.getTime() + d.dansJours * 86_400_000).toISOString().slice(0, 10)
        : undefined,
      arnaqueEnCours: !!d.arnaque,
      isolement: !!d.isolement,
      reponseParSms: !!d.sms,
      langue: 'fr',
      territoire,
      creneau: creneau ?? CRENEAU_DES_QUE_POSSIBLE,
    })
  }
}
