import QRCode from 'qrcode'
import { A4, couperLignes, DocumentPdf, type Police } from '../../../platform/pdf/pdf'
import type { Demarche, Duree } from '../domain/demarches'
import { paragraphesMandat } from '../domain/texte-mandat'

export interface AttestationPdf {
  nature: 'mandat' | 'revocation'
  organisation: string
  usager: string
  demarches: readonly Demarche[]
  duree: Duree
  creeLe: Date
  expireLe: Date
  revoqueLe: Date | null
  versionTexte: string
  hash: string
  urlVerification: string
}

const dateFr = (d: Date) =>
  d.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' })

/**
 * The platform's PDF writer prints WinAnsi only: French is covered, but a FranceConnect name may carry a
 * letter outside it (ł, ő…). Such a letter is written without its diacritic rather than as « ? ».
 */
const HORS_LATIN1_GARDES = new Set(['’', '‘', '“', '”', '•', '–', '—', '…', 'œ', 'Œ', '€'])
// Letters with a stroke have no Unicode decomposition: their base letter by hand.
const SANS_DECOMPOSITION: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŧ: 't',
  Ŧ: 'T',
}
function imprimable(texte: string): string {
  return [...texte.normalize('NFC')]
    .map((c) => {
      const code = c.codePointAt(0) ?? 0
      if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || HORS_LATIN1_GARDES.has(c))
        return c
      return SANS_DECOMPOSITION[c] ?? c.normalize('NFD').replace(/\p{M}/gu, '')
    })
    .join('')
}

/**
 * The printable attestation (mandate or revocation) as a one-page A4 PDF, written with the platform's
 * PDF writer (ADR 030): the mandate text of the version it was signed under, signature blocks, and the
 * verification hash, written out and as a QR code leading to the public verification page. The QR code
 * is drawn as horizontal bars (one per run of dark modules): vector, sharp when printed.
 */
export function attestationPdf(a: AttestationPdf): Buffer {
  const titre = a.nature === 'mandat' ? 'Attestation de mandat' : 'Attestation de révocation de mandat'
  const doc = new DocumentPdf(`${titre} — Aidants Connect — ${a.hash}`)
  const marge = doc.marge
  const largeur = A4.largeur - 2 * marge
  let y = marge
  const ecrire = (
    texte: string,
    o: {
      taille?: number
      police?: Police
      retrait?: number
      apres?: number
      x?: number
      largeur?: number
    } = {},
  ) => {
    const taille = o.taille ?? 11
    const x = (o.x ?? marge) + (o.retrait ?? 0)
    for (const ligne of couperLignes(
      imprimable(texte),
      taille,
      (o.largeur ?? largeur) - (o.retrait ?? 0),
      o.police,
    )) {
      y += taille * 1.35
      doc.texte(x, y, ligne, taille, o.police ?? 'normal')
    }
    y += o.apres ?? 6
  }

  doc.nouvellePage()
  ecrire('Aidants Connect', { taille: 10, police: 'gras', apres: 10 })
  ecrire(titre, { taille: 18, police: 'gras', apres: 12 })
  const faits = {
    usager: a.usager,
    organisation: a.organisation,
    demarches: a.demarches,
    duree: a.duree,
    creeLe: dateFr(a.creeLe),
    expireLe: dateFr(a.expireLe),
  }
  const texte = paragraphesMandat(a.versionTexte, faits)
  if (a.nature === 'mandat') {
    for (const p of texte.preambule) ecrire(p)
    for (const d of texte.demarches) ecrire(`•  ${d}`, { retrait: 12, apres: 0 })
    y += 8
    for (const p of texte.conditions) ecrire(p)
  } else {
    ecrire(
      `Le mandat donné par ${a.usager} à la structure ${a.organisation} le ${faits.creeLe} est révoqué depuis le ${a.revoqueLe ? dateFr(a.revoqueLe) : ''}. Aucune démarche ne peut plus être faite en son nom au titre de ce mandat.`,
    )
    ecrire('Démarches qui étaient couvertes :', { apres: 0 })
    for (const d of texte.demarches) ecrire(`•  ${d}`, { retrait: 12, apres: 0 })
    y += 8
  }
  ecrire(`Texte du mandat, version du ${a.versionTexte}.`, { taille: 9, apres: 18 })

  // Signature blocks side by side.
  const moitie = largeur / 2
  y += 12
  doc.texte(marge, y, 'Signature de l’usager', 11, 'gras')
  doc.texte(marge + moitie, y, 'Signature de l’aidant', 11, 'gras')
  for (const x of [marge, marge + moitie]) {
    const [haut, bas, droite] = [y + 8, y + 76, x + moitie - 16]
    doc.ligne(x, haut, droite, haut, 0.6)
    doc.ligne(x, bas, droite, bas, 0.6)
    doc.ligne(x, haut, x, bas, 0.6)
    doc.ligne(droite, haut, droite, bas, 0.6)
  }
  y += 100

  // Verification: the QR code, then the hash in clear beside it.
  const qr = QRCode.create(a.urlVerification, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const module = 120 / n
  const haut = y
  for (let ligne = 0; ligne < n; ligne++) {
    let debut = -1
    for (let col = 0; col <= n; col++) {
      const fonce = col < n && qr.modules.get(ligne, col)
      if (fonce && debut < 0) debut = col
      if (!fonce && debut >= 0) {
        const yBarre = haut + (ligne + 0.5) * module
        doc.ligne(marge + debut * module, yBarre, marge + col * module, yBarre, module)
        debut = -1
      }
    }
  }
  const xTexte = marge + 140
  y = haut
  const aDroite = { x: xTexte, largeur: largeur - 140, apres: 2 }
  ecrire('Vérifier cette attestation', { ...aDroite, police: 'gras' })
  ecrire(
    'Scannez le code ou ouvrez l’adresse ci-dessous : la page dit si l’attestation est authentique et si le mandat est toujours valable, sans donnée personnelle.',
    { ...aDroite, taille: 9 },
  )
  // The address cut before the hash, which is also the attestation's fingerprint.
  ecrire('Adresse de vérification :', { ...aDroite, taille: 8, apres: 0 })
  ecrire(a.urlVerification.replace(/[0-9a-f]{64}$/, ''), { ...aDroite, taille: 8, apres: 0 })
  ecrire(a.hash, { ...aDroite, taille: 8 })
  return doc.octets()
}
