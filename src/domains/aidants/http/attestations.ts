import type { FastifyReply, FastifyRequest } from 'fastify'
import { type MandatComplet, trouverUsager } from '../db/mandats-repository'
import { attestationPdf } from '../views/attestation-pdf'
import type { ContexteRoutes } from './commun'

/** The attestation of a mandate or of its revocation, as a page model and as a PDF answer. */
export function makeAttestations({ deps, registre }: ContexteRoutes) {
  /** What both renderings of an attestation (page and PDF) need; the revocation one only once revoked. */
  const attestation = async (
    request: FastifyRequest,
    m: MandatComplet,
    organisation: { nom: string },
    revocationDemandee: boolean,
  ) => {
    const revocation = revocationDemandee && !!m.hashRevocation
    const hash = revocation && m.hashRevocation ? m.hashRevocation : m.hashAttestation
    const usager = await trouverUsager(deps.db, m.usagerId)
    return {
      nature: revocation ? ('revocation' as const) : ('mandat' as const),
      organisation: organisation.nom,
      usager: usager && !usager.pseudonymiseLe ? `${usager.prenoms} ${usager.nom}` : '',
      demarches: m.autorisations.map((a) => a.demarche),
      duree: m.duree,
      creeLe: m.creeLe,
      expireLe: m.expireLe,
      revoqueLe: m.revoqueLe,
      versionTexte: m.versionTexte,
      hash,
      urlVerification: `${registre.origine(request)}/aidants/verifier/${hash}`,
    }
  }
  const envoyerPdf = async (reply: FastifyReply, a: Awaited<ReturnType<typeof attestation>>) => {
    const pdf = attestationPdf(a)
    return reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `inline; filename="attestation-${a.nature === 'mandat' ? 'mandat' : 'revocation'}-${a.hash.slice(0, 12)}.pdf"`,
      )
      .header('cache-control', 'private, no-store')
      .send(pdf)
  }
  return { attestation, envoyerPdf }
}
export type Attestation = Awaited<ReturnType<ReturnType<typeof makeAttestations>['attestation']>>
