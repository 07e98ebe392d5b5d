import QRCode from 'qrcode'
import { A4, couperLignes, DocumentPdf, type Police } from '../../../platform/pdf/pdf'
import type { Demarche, Duree } from '../domain/demarches'
import { paragraphesMandat } from '../domain/texte-mandat'
import { dateFr, versionDuTexte } from './commun'

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

/** The mandate text of the version it was signed under, with its facts: the same on screen and in the PDF. */
export const texteAttestation = (a: AttestationPdf) =>
  paragraphesMandat(a.versionTexte, {
    usager: a.usager,
    organisation: a.organisation,
    demarches: a.demarches,
    duree: a.duree,
    creeLe: dateFr(a.creeLe),
    expireLe: dateFr(a.expireLe),
  })

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

interface OptionsTexte {
  taille?: number
  police?: Police
  retrait?: number
  apres?: number
  x?: number
  largeur?: number
}

/** A page written from top to bottom: wrapped paragraphs, the current height kept between them. */
class Feuille {
  readonly marge: number
  readonly largeur: number
  y: number
  constructor(readonly doc: DocumentPdf) {
    this.marge = doc.marge
    this.largeur = A4.largeur - 2 * doc.marge
    this.y = doc.marge
  }

  ecrire(texte: string, o: OptionsTexte = {}) {
    const taille = o.taille ?? 11
    const x = (o.x ?? this.marge) + (o.retrait ?? 0)
    const largeur = (o.largeur ?? this.largeur) - (o.retrait ?? 0)
    for (const ligne of couperLignes(imprimable(texte), taille, largeur, o.police)) {
      this.y += taille * 1.35
      this.doc.texte(x, this.y, ligne, taille, o.police ?? 'normal')
    }
    this.y += o.apres ?? 6
  }
}

/** The mandate text, or for a revocation the statement that it ended and what it used to cover. */
function ecrireTexte(f: Feuille, a: AttestationPdf) {
  const texte = texteAttestation(a)
  const puces = () => {
    for (const d of texte.demarches) f.ecrire(`•  ${d}`, { retrait: 12, apres: 0 })
    f.y += 8
  }
  if (a.nature === 'mandat') {
    for (const p of texte.preambule) f.ecrire(p)
    puces()
    for (const p of texte.conditions) f.ecrire(p)
  } else {
    f.ecrire(
      `Le mandat donné par ${a.usager} à la structure ${a.organisation} le ${dateFr(a.creeLe)} est révoqué depuis le ${a.revoqueLe ? dateFr(a.revoqueLe) : ''}. Aucune démarche ne peut plus être faite en son nom au titre de ce mandat.`,
    )
    f.ecrire('Démarches qui étaient couvertes :', { apres: 0 })
    puces()
  }
  f.ecrire(`Texte du mandat, version du ${versionDuTexte(a.versionTexte)}.`, { taille: 9, apres: 18 })
}

/** Signature blocks side by side: the usager's and the aidant's. */
function ecrireSignatures(f: Feuille) {
  const { doc, marge } = f
  const moitie = f.largeur / 2
  f.y += 12
  doc.texte(marge, f.y, 'Signature de l’usager', 11, 'gras')
  doc.texte(marge + moitie, f.y, 'Signature de l’aidant', 11, 'gras')
  for (const x of [marge, marge + moitie]) {
    const [haut, bas, droite] = [f.y + 8, f.y + 76, x + moitie - 16]
    doc.ligne(x, haut, droite, haut, 0.6)
    doc.ligne(x, bas, droite, bas, 0.6)
    doc.ligne(x, haut, x, bas, 0.6)
    doc.ligne(droite, haut, droite, bas, 0.6)
  }
  f.y += 100
}

/** A QR code `cote` points wide, as horizontal bars (one per run of dark modules): vector, sharp when printed. */
function dessinerQr(doc: DocumentPdf, x: number, y: number, contenu: string, cote: number) {
  const qr = QRCode.create(contenu, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const module = cote / n
  for (let ligne = 0; ligne < n; ligne++) {
    let debut = -1
    for (let col = 0; col <= n; col++) {
      const fonce = col < n && qr.modules.get(ligne, col)
      if (fonce && debut < 0) debut = col
      if (!fonce && debut >= 0) {
        const yBarre = y + (ligne + 0.5) * module
        doc.ligne(x + debut * module, yBarre, x + col * module, yBarre, module)
        debut = -1
      }
    }
  }
}

/** Verification: the QR code, then the hash in clear beside it. */
function ecrireVerification(f: Feuille, a: AttestationPdf) {
  dessinerQr(f.doc, f.marge, f.y, a.urlVerification, 120)
  const aDroite = { x: f.marge + 140, largeur: f.largeur - 140, apres: 2 }
  f.ecrire('Vérifier cette attestation', { ...aDroite, police: 'gras' })
  f.ecrire(
    'Scannez le code ou ouvrez l’adresse ci-dessous : la page dit si l’attestation est authentique et si le mandat est toujours valable, sans donnée personnelle.',
    { ...aDroite, taille: 9 },
  )
  // The address cut before the hash, which is also the attestation's fingerprint.
  f.ecrire('Adresse de vérification :', { ...aDroite, taille: 8, apres: 0 })
  f.ecrire(a.urlVerification.replace(/[0-9a-f]{64}$/, ''), { ...aDroite, taille: 8, apres: 0 })
  f.ecrire(a.hash, { ...aDroite, taille: 8 })
}

/**
 * The printable attestation (mandate or revocation) as a one-page A4 PDF, written with the platform's
 * PDF writer (ADR 030): the mandate text of the version it was signed under, signature blocks, and the
 * verification hash, written out and as a QR code leading to the public verification page.
 */
export function attestationPdf(a: AttestationPdf): Buffer {
  const titre = a.nature === 'mandat' ? 'Attestation de mandat' : 'Attestation de révocation de mandat'
  const doc = new DocumentPdf(`${titre} — Aidants Connect — ${a.hash}`)
  const f = new Feuille(doc)
  doc.nouvellePage()
  f.ecrire('Aidants Connect', { taille: 10, police: 'gras', apres: 10 })
  f.ecrire(titre, { taille: 18, police: 'gras', apres: 12 })
  ecrireTexte(f, a)
  ecrireSignatures(f)
  ecrireVerification(f, a)
  return doc.octets()
}
