import ExcelJS from 'exceljs'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { ecrireCsv, formatCsvDemande } from '../../../platform/csv'
import { contourDepartement } from '../../../platform/geo/referentiel-communes'
import { DEPARTEMENTS, departement } from '../../../platform/geo/territoires'
import { chiffresParDepartement, statutsCandidatures, statutsStructures } from '../db/pilotage-repository'
import { projection } from '../domain/couverture'
import { PilotagePage } from '../views/pilotage.page'
import type { ContexteRoutes } from './commun'
import { departementsVisibles } from './perimetre'

/** Simplified outlines for the national map: one vertex in four is plenty at that scale. */
function contoursAlleges(codes: readonly string[]) {
  return codes
    .map((code) => ({ code, anneaux: contourDepartement(code).map((a) => a.filter((_, i) => i % 4 === 0)) }))
    .filter((d) => d.anneaux.length > 0)
}

/** Dashboards for the national team, régions (coordinateurs) and prefectures, each on its scope. */
export async function pilotageRoutes(app: FastifyInstance, { deps }: ContexteRoutes) {
  app.addHook('preHandler', exigerRole('admin', 'coordinateur', 'prefecture'))
  const donnees = async (request: FastifyRequest) => {
    const visibles = departementsVisibles(utilisateurConnecte(request))
    return {
      visibles,
      lignes: await chiffresParDepartement(deps.db, visibles),
    }
  }
  const nom = (c: string) => departement(c)?.nom ?? c

  app.get('/pilotage', async (request, reply) => {
    const { visibles, lignes } = await donnees(request)
    const codes = visibles ?? DEPARTEMENTS.filter((d) => d.zone === 'metro').map((d) => d.code)
    const contours = contoursAlleges(codes)
    const proj = contours.length
      ? projection(
          contours.flatMap((d) => d.anneaux.flat()),
          600,
        )
      : undefined
    return reply.page({
      titre: 'Pilotage du recrutement',
      espace: 'pro',
      ariane: [{ libelle: 'Pilotage' }],
      contenu: (
        <PilotagePage
          titre={
            visibles
              ? `Pilotage du recrutement — ${visibles.map((c) => `${c} ${nom(c)}`).join(', ')}`
              : 'Pilotage national du recrutement'
          }
          lignes={lignes}
          nomDepartement={nom}
          statutsStructures={await statutsStructures(deps.db, visibles)}
          statutsCandidatures={await statutsCandidatures(deps.db, visibles)}
          carte={proj ? { proj, contours } : undefined}
        />
      ),
    })
  })

  const colonnes = [
    'departement',
    'nom',
    'structures',
    'structures_validees',
    'postes_valides',
    'postes_pourvus',
    'postes_vacants',
    'montant_engage_euros',
    'montant_verse_euros',
    'candidats',
  ]
  const enLignes = (l: Awaited<ReturnType<typeof chiffresParDepartement>>) =>
    l.map((x) => [
      x.codeDepartement,
      nom(x.codeDepartement),
      x.structures,
      x.structuresValidees,
      x.postesValides,
      x.postesPourvus,
      Math.max(0, x.postesValides - x.postesPourvus),
      x.montantEngage,
      x.montantPaye,
      x.candidats,
    ])

  app.get('/pilotage/export.csv', async (request, reply) => {
    const { lignes } = await donnees(request)
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="recrutement-par-departement.csv"')
      .header('cache-control', 'no-store')
      .send(ecrireCsv([colonnes, ...enLignes(lignes)], { format: formatCsvDemande(request.query) }))
  })

  app.get('/pilotage/export.xlsx', async (request, reply) => {
    const { lignes } = await donnees(request)
    const classeur = new ExcelJS.Workbook()
    const feuille = classeur.addWorksheet('Par département')
    feuille.addRow(colonnes)
    for (const l of enLignes(lignes)) feuille.addRow(l)
    feuille.getRow(1).font = { bold: true }
    const tampon = Buffer.from(await classeur.xlsx.writeBuffer())
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="recrutement-par-departement.xlsx"')
      .header('cache-control', 'no-store')
      .send(tampon)
  })
}
