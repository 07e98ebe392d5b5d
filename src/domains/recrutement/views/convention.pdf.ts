import { dateFr } from '../../../platform/layout/champs'
import { DocumentPdf } from '../../../platform/pdf/pdf'
import { euros, LIBELLES_TYPE_STRUCTURE, type TypeStructure } from '../domain/financement'
import type { VueConvention, VueStructure, VueVersement } from './modeles'

/** The convention as a PDF: parties, posts, amounts, payment schedule, amendments, signature. */
export function conventionPdf(p: {
  convention: VueConvention
  structure: VueStructure
  versements: readonly VueVersement[]
  avenants: readonly { version: number; postesAvant: number; postesApres: number; montantApres: number }[]
}): Buffer {
  const c = p.convention
  const s = p.structure
  const doc = new DocumentPdf(`Convention ${c.numero}`)
  doc
    .paragraphe('République française', 10, 'gras')
    .paragraphe(`Convention de financement n° ${c.numero}`, 16, 'gras')
    .paragraphe('Dispositif Conseiller numérique France Services', 12)
    .separateur()
    .paragraphe('Entre les parties', 12, 'gras')
    .paragraphe(
      "L'État, représenté par l'Agence nationale de la cohésion des territoires (ANCT), ci-après « l'État »,",
    )
    .paragraphe(
      `et ${s.nom} (${LIBELLES_TYPE_STRUCTURE[s.type as TypeStructure] ?? s.type}), ${s.siret ? `SIRET ${s.siret}` : s.rna ? `RNA ${s.rna}` : ''}, ${s.adresse} (${s.codeCommune}), représentée par ${s.contactPrenom} ${s.contactNom}, ${s.contactFonction}, ci-après « la structure d'accueil ».`,
    )
    .separateur()
    .paragraphe('Article 1 — Objet', 12, 'gras')
    .paragraphe(
      `La structure d'accueil accueille ${c.postes} conseiller(s) numérique(s) France Services pendant ${c.dureeMois} mois à compter du ${dateFr(c.debut)}, et leur permet de suivre la formation prévue par le dispositif.`,
    )
    .paragraphe('Article 2 — Financement', 12, 'gras')
    .paragraphe(
      `L'État verse une subvention de ${euros(c.tauxEuros)} par poste, soit ${euros(c.montantEuros)} au total, selon l'échéancier suivant :`,
    )
  for (const v of p.versements)
    doc.paragraphe(
      `• Versement ${v.rang} : ${euros(v.montantEuros)}, prévu le ${dateFr(v.datePrevue)}${v.payeLe ? ` (payé le ${dateFr(v.payeLe)})` : ''}`,
      11,
      'normal',
      2,
    )
  if (p.avenants.length > 0) {
    doc.paragraphe('Article 3 — Avenants', 12, 'gras')
    for (const a of p.avenants)
      doc.paragraphe(
        `Avenant n° ${a.version - 1} : les postes passent de ${a.postesAvant} à ${a.postesApres}, pour un montant total de ${euros(a.montantApres)}.`,
      )
  }
  doc
    .separateur()
    .paragraphe('Signatures', 12, 'gras')
    .paragraphe(
      c.signeeLe
        ? `Signée pour la structure d'accueil par ${c.signataire ?? ''} le ${dateFr(c.signeeLe.toISOString())}.`
        : 'En attente de signature par la structure d’accueil.',
    )
  return doc.octets()
}
