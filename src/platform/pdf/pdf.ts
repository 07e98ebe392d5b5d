/**
 * A minimal PDF 1.4 writer: pages of text (Helvetica and Helvetica-Bold, WinAnsi encoding so that
 * French accents print) and lines. Enough for conventions and certificates, without a dependency
 * (see docs/adr/030-documents-pdf-et-envois-de-fichiers.md).
 */

export type Police = 'normal' | 'gras'

type Element =
  | { type: 'texte'; x: number; y: number; taille: number; police: Police; texte: string }
  | { type: 'ligne'; x1: number; y1: number; x2: number; y2: number; epaisseur: number }

/** A4 in PostScript points. */
export const A4 = { largeur: 595.28, hauteur: 841.89 } as const

const WIN_ANSI_SPECIAUX: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
}

/** Text → WinAnsi bytes, escaped for a PDF literal string. Characters outside WinAnsi become '?'. */
export function encoderTexte(texte: string): Buffer {
  const octets: number[] = []
  for (const car of texte.normalize('NFC')) {
    let b: number
    const code = car.codePointAt(0) ?? 63
    if (car === '\u202f' || car === '\u2009') b = 0x20
    else if (code >= 0x20 && code < 0x7f) b = code
    else if (code >= 0xa0 && code <= 0xff) b = code
    else b = WIN_ANSI_SPECIAUX[car] ?? 0x3f
    if (b === 0x28 || b === 0x29 || b === 0x5c) octets.push(0x5c)
    octets.push(b)
  }
  return Buffer.from(octets)
}

/** Approximate width of Helvetica (mean glyph width): used only to wrap lines. */
export function largeurTexte(texte: string, taille: number, police: Police = 'normal'): number {
  return texte.length * taille * (police === 'gras' ? 0.56 : 0.52)
}

export function couperLignes(texte: string, taille: number, largeurMax: number, police: Police = 'normal') {
  const lignes: string[] = []
  for (const paragraphe of texte.split('\n')) {
    let courante = ''
    for (const mot of paragraphe.split(/\s+/).filter(Boolean)) {
      const essai = courante ? `${courante} ${mot}` : mot
      if (courante && largeurTexte(essai, taille, police) > largeurMax) {
        lignes.push(courante)
        courante = mot
      } else courante = essai
    }
    lignes.push(courante)
  }
  return lignes
}

export class DocumentPdf {
  private readonly pages: Element[][] = []
  private courante: Element[] | undefined
  /** Vertical position of the flow writer (`paragraphe`), from the top of the page. */
  private curseur = 0
  readonly marge = 56

  constructor(private readonly titre = 'Document') {}

  nouvellePage(): this {
    this.courante = []
    this.pages.push(this.courante)
    this.curseur = this.marge
    return this
  }

  private page(): Element[] {
    if (!this.courante) this.nouvellePage()
    return this.courante as Element[]
  }

  /** `y` measured from the top of the page, as people read it. */
  texte(x: number, y: number, texte: string, taille = 11, police: Police = 'normal'): this {
    this.page().push({ type: 'texte', x, y: A4.hauteur - y, taille, police, texte })
    return this
  }

  ligne(x1: number, y1: number, x2: number, y2: number, epaisseur = 0.8): this {
    this.page().push({ type: 'ligne', x1, y1: A4.hauteur - y1, x2, y2: A4.hauteur - y2, epaisseur })
    return this
  }

  /** Flowing text with wrapping and page breaks. */
  paragraphe(texte: string, taille = 11, police: Police = 'normal', apres = 6): this {
    const hauteurLigne = taille * 1.35
    for (const l of couperLignes(texte, taille, A4.largeur - 2 * this.marge, police)) {
      if (!this.courante || this.curseur + hauteurLigne > A4.hauteur - this.marge) this.nouvellePage()
      this.curseur += hauteurLigne
      this.texte(this.marge, this.curseur, l, taille, police)
    }
    this.curseur += apres
    return this
  }

  separateur(): this {
    if (!this.courante) this.nouvellePage()
    this.curseur += 4
    this.ligne(this.marge, this.curseur, A4.largeur - this.marge, this.curseur)
    this.curseur += 10
    return this
  }

  get nombrePages(): number {
    return this.pages.length
  }

  octets(): Buffer {
    if (this.pages.length === 0) this.nouvellePage()
    const morceaux: Buffer[] = []
    const offsets: number[] = []
    let taille = 0
    const ecrire = (b: Buffer | string) => {
      const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b
      morceaux.push(buf)
      taille += buf.length
    }
    const objet = (n: number, corps: Buffer | string) => {
      offsets[n] = taille
      ecrire(`${n} 0 obj\n`)
      ecrire(corps)
      ecrire('\nendobj\n')
    }
    // Binary comment after the header: tells transfer tools the file is binary (PDF spec 7.5.2).
    ecrire(Buffer.from([...Buffer.from('%PDF-1.4\n%', 'latin1'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]))
    const nPages = this.pages.length
    // 1 catalog, 2 pages tree, 3-4 fonts, 5 info, then (page, content) pairs.
    const idPage = (i: number) => 6 + 2 * i
    objet(1, '<< /Type /Catalog /Pages 2 0 R >>')
    objet(
      2,
      `<< /Type /Pages /Count ${nPages} /Kids [${this.pages.map((_, i) => `${idPage(i)} 0 R`).join(' ')}] >>`,
    )
    objet(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
    objet(4, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>')
    objet(
      5,
      Buffer.concat([
        Buffer.from('<< /Title ('),
        encoderTexte(this.titre),
        Buffer.from(') /Producer (Escale) >>'),
      ]),
    )
    this.pages.forEach((elements, i) => {
      const contenu = Buffer.concat(
        elements.map((e) =>
          e.type === 'texte'
            ? Buffer.concat([
                Buffer.from(
                  `BT /${e.police === 'gras' ? 'F2' : 'F1'} ${e.taille} Tf ${e.x.toFixed(2)} ${e.y.toFixed(2)} Td (`,
                ),
                encoderTexte(e.texte),
                Buffer.from(') Tj ET\n'),
              ])
            : Buffer.from(
                `${e.epaisseur} w ${e.x1.toFixed(2)} ${e.y1.toFixed(2)} m ${e.x2.toFixed(2)} ${e.y2.toFixed(2)} l S\n`,
              ),
        ),
      )
      objet(
        idPage(i),
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.largeur} ${A4.hauteur}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${idPage(i) + 1} 0 R >>`,
      )
      objet(
        idPage(i) + 1,
        Buffer.concat([
          Buffer.from(`<< /Length ${contenu.length} >>\nstream\n`),
          contenu,
          Buffer.from('\nendstream'),
        ]),
      )
    })
    const nObjets = 6 + 2 * nPages
    const debutXref = taille
    ecrire(`xref\n0 ${nObjets}\n0000000000 65535 f \n`)
    for (let n = 1; n < nObjets; n++) ecrire(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`)
    ecrire(`trailer\n<< /Size ${nObjets} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${debutXref}\n%%EOF\n`)
    return Buffer.concat(morceaux)
  }
}
