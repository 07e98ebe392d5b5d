import type { FastifyInstance } from 'fastify'
import { exigerRole } from '../../../platform/auth/utilisateur'
import { DocumentPdf } from '../../../platform/pdf/pdf'
import { minutesFaites, trouverParcours } from '../db/formation-repository'
import { CERTIFICATIONS, heures } from '../domain/formation'
import { type ContexteRoutes, makeInscriptionAccessible } from './commun'

/** `/formation/attestations/:id/pdf`: the end-of-training certificate (trainee, provider, national team). */
export function routesAttestations(app: FastifyInstance, { deps }: ContexteRoutes) {
  const inscriptionAccessible = makeInscriptionAccessible(deps)

  app.get('/formation/attestations/:id/pdf', { preHandler: exigerRole() }, async (request, reply) => {
    const d = await inscriptionAccessible(request)
    if (d?.i.statut !== 'termine') return reply.callNotFound()
    const p = await trouverParcours(deps.db, d.i.parcoursId)
    if (!p) return reply.callNotFound()
    const minutes = await minutesFaites(deps.db, d.i.id)
    const doc = new DocumentPdf('Attestation de formation')
      .paragraphe('République française', 10, 'gras')
      .paragraphe('Attestation de fin de formation', 18, 'gras')
      .separateur()
      .paragraphe(
        `${d.i.prenom} ${d.i.nom} a suivi le parcours « ${p.libelle} » (version ${p.version}, ${heures(p.dureeMinutes)}).`,
      )
      .paragraphe(
        `Heures de présence enregistrées : ${heures(minutes)}. Formation terminée le ${d.i.termineLe ?? ''}.`,
      )
    if (d.i.certification)
      doc.paragraphe(
        `${CERTIFICATIONS[d.i.certification as keyof typeof CERTIFICATIONS] ?? d.i.certification} obtenue le ${d.i.certifieLe ?? ''}.`,
      )
    doc
      .separateur()
      .paragraphe('Délivrée par Escale pour l’Agence nationale de la cohésion des territoires.', 9)
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'inline; filename="attestation.pdf"')
      .header('cache-control', 'no-store')
      .send(doc.octets())
  })
}
