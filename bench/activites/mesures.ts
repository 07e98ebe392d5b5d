import { uuidV7 } from '../../src/domains/activites/domain/identifiant'
import { openDatabase } from '../../src/platform/db/database'
import { arrondi, CONCURRENCE, DUREE_CHARGE_S, mediane, p95, urlBase } from './commun'
import { requete, type Session } from './http'

/** The measures: statistics pages and their SQL reference, recording throughput by HTTP and by SQL. */

export async function mesurerPage(s: Session, chemin: string, fois = 15) {
  for (let i = 0; i < 3; i++) await s.get(chemin)
  const temps: number[] = []
  for (let i = 0; i < fois; i++) {
    const t = performance.now()
    const r = await requete('GET', chemin, { cookie: s.cookie, ip: s.ip })
    temps.push(performance.now() - t)
    if (r.statut !== 200) throw new Error(`${chemin} → ${r.statut}`)
  }
  return { mediane_ms: arrondi(mediane(temps)), p95_ms: arrondi(p95(temps)) }
}

export async function mesurerSql(filtre: object, fois = 15) {
  const h = await openDatabase({ kind: 'postgresql', url: urlBase, poolSize: 2 })
  const { lireCompteurs, lireParDepartement } = await import(
    '../../src/domains/activites/db/activites-repository'
  )
  const periode = { du: '2025-12', au: '2026-11' }
  const temps: number[] = []
  for (let i = 0; i < fois + 3; i++) {
    const t = performance.now()
    await Promise.all([
      lireCompteurs(h.db, filtre as never, periode),
      lireParDepartement(h.db, filtre as never, periode),
    ])
    if (i >= 3) temps.push(performance.now() - t)
  }
  await h.close()
  return { mediane_ms: arrondi(mediane(temps)), p95_ms: arrondi(p95(temps)) }
}

function activite(lieu: string) {
  return {
    id: uuidV7(), // as the form and the offline queue do
    type: 'collectif',
    date: new Date().toISOString().slice(0, 10),
    duree: '90',
    lieu_type: 'lieu_activite',
    lieu_id: lieu,
    participants: '6',
    themes: ['email', 'internet'],
    materiels: 'tablette',
    age_70_plus: '3',
  }
}

export async function chargeHttp(sessions: { s: Session; lieu: string }[]) {
  const fin = Date.now() + DUREE_CHARGE_S * 1000
  let ok = 0
  let erreurs = 0
  const lat: number[] = []
  await Promise.all(
    Array.from({ length: CONCURRENCE }, async (_, i) => {
      const { s, lieu } = sessions[i % sessions.length]!
      while (Date.now() < fin) {
        const t = performance.now()
        try {
          const r = await requete('POST', '/activites/synchronisation', {
            cookie: s.cookie,
            ip: s.ip,
            csrf: s.csrf,
            type: 'application/json',
            corps: JSON.stringify({ activites: [activite(lieu)] }),
          })
          if (r.statut === 200 && r.corps.includes('"enregistree"')) ok++
          else erreurs++
        } catch {
          erreurs++
        }
        lat.push(performance.now() - t)
      }
    }),
  )
  return {
    requetes_par_s: Math.round(ok / DUREE_CHARGE_S),
    erreurs,
    latence_mediane_ms: arrondi(mediane(lat)),
    latence_p99_ms: arrondi([...lat].sort((a, b) => a - b)[Math.floor(lat.length * 0.99)] ?? 0),
  }
}

/**
 * Reference: the same write (activity + both counters in one statement) through the repository, no
 * HTTP; with `enTransaction`, the general path (BEGIN, insert, two upserts, COMMIT) for comparison.
 */
export async function chargeSql(
  ecrivains: { id: string; structureId: string; dep: string; reg: string }[],
  mode: 'instruction' | 'transaction' | 'activite_seule' = 'instruction',
) {
  const h = await openDatabase({ kind: 'postgresql', url: urlBase, poolSize: 10 })
  const { ecrireActivite, insererActiviteAnonyme } = await import(
    '../../src/domains/activites/db/activites-repository'
  )
  const { activites } = await import('../../src/domains/activites/db/schema')
  const ecrire = async (a: Parameters<typeof insererActiviteAnonyme>[1]) => {
    if (mode === 'transaction') await h.db.transaction((tx) => ecrireActivite(tx, undefined, a))
    else if (mode === 'activite_seule') await h.db.insert(activites).values(a)
    else await insererActiviteAnonyme(h.db, a)
  }
  const fin = Date.now() + DUREE_CHARGE_S * 1000
  let ok = 0
  await Promise.all(
    Array.from({ length: CONCURRENCE }, async (_, i) => {
      const e = ecrivains[i % ecrivains.length]!
      while (Date.now() < fin) {
        const maintenant = new Date()
        await ecrire({
          id: uuidV7(),
          conseillerId: e.id,
          structureId: e.structureId,
          codeDepartement: e.dep,
          codeRegion: e.reg,
          date: maintenant.toISOString().slice(0, 10),
          type: 'collectif',
          duree: 90,
          lieuType: 'lieu_activite',
          lieuId: 'lieu',
          lieuNom: 'Lieu',
          codeCommuneLieu: null,
          participants: 6,
          niveau: null,
          titre: null,
          materiels: ['tablette'],
          themes: ['email', 'internet'],
          autonomie: null,
          orientation: 'aucune',
          orientationPrecision: null,
          franceServicesId: null,
          ages: { '70_plus': 3, nc: 3 },
          situations: { nc: 6 },
          codeCommuneBeneficiaire: null,
          beneficiaireId: null,
          creeLe: maintenant,
          modifieLe: maintenant,
        })
        ok++
      }
    }),
  )
  await h.close()
  return { ecritures_par_s: Math.round(ok / DUREE_CHARGE_S) }
}
