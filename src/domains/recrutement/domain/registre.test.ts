import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { siretValide } from './identifiants'
import { lireRna, lireSiret, verificationDe } from './registre'

/** The Luhn key digit that makes `debut` (13 digits) a valid SIRET. */
function avecCle(debut: string): string {
  for (let d = 0; d < 10; d++) if (siretValide(`${debut}${d}`)) return `${debut}${d}`
  throw new Error(debut)
}
const chiffres = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''))
// La Poste's SIREN has its own rule (sum of digits): left out of the single-digit-error property.
const siret = chiffres(13)
  .filter((d) => !d.startsWith('356000000'))
  .map(avecCle)
const rna = chiffres(9).map((d) => `W${d}`)
/** Spaces, dots or dashes as people type them between groups. */
const espace = (texte: string) =>
  fc.constantFrom(' ', '.', '-', '').map((sep) => texte.replace(/(\d{3})(?=\d)/g, `$1${sep}`))

describe('SIRET et numéro RNA : deux champs qui ne se confondent pas', () => {
  it('un SIRET valide, même espacé, est lu comme SIRET et refusé comme RNA', () => {
    fc.assert(
      fc.property(
        siret.chain((s) => espace(s).map((e) => [s, e] as const)),
        ([s, tape]) => {
          expect(lireSiret(tape)).toEqual({ ok: true, valeur: s })
          const r = lireRna(tape)
          expect(r.ok).toBe(false)
          expect(r.ok === false && r.message).toMatch(/SIRET/)
        },
      ),
    )
  })

  it('un numéro RNA, même en minuscules, est lu comme RNA et jamais accepté comme SIRET', () => {
    fc.assert(
      fc.property(rna, fc.boolean(), (n, minuscule) => {
        const tape = minuscule ? n.toLowerCase() : ` ${n} `
        expect(lireRna(tape)).toEqual({ ok: true, valeur: n })
        const r = lireSiret(tape)
        expect(r.ok).toBe(false)
        expect(r.ok === false && r.message).toMatch(/RNA/)
      }),
    )
  })

  it('un SIRET dont un chiffre est faux est refusé', () => {
    fc.assert(
      fc.property(siret, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (s, i, delta) => {
        const faux = s.slice(0, i) + ((Number(s[i]) + delta) % 10) + s.slice(i + 1)
        expect(lireSiret(faux).ok).toBe(false)
      }),
    )
  })

  it('aucun texte n’est à la fois un SIRET et un RNA ; ce qui passe a la forme attendue', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), siret, rna, chiffres(14)), (texte) => {
        const s = lireSiret(texte)
        const r = lireRna(texte)
        expect(s.ok === true && r.ok === true).toBe(false)
        if (s.ok === true) expect(siretValide(s.valeur) && /^\d{14}$/.test(s.valeur)).toBe(true)
        if (r.ok === true) expect(r.valeur).toMatch(/^W\d{9}$/)
      }),
    )
    expect(lireSiret('  ')).toEqual({ ok: 'vide' })
  })
})

describe('ce que le registre décide', () => {
  const etablissement = (code: string, actif = true) => ({
    statut: 'trouve' as const,
    etablissement: {
      siret: '21840055400018',
      siren: '218400554',
      denomination: 'X',
      adresse: '',
      codePostal: '',
      commune: '',
      libelleCommune: '',
      categorieJuridique: { code, libelle: '' },
      activite: { code: '', libelle: '' },
      actif,
    },
  })
  it('la catégorie juridique fait public ou privé ; fermé ou inconnu refuse ; une panne remet à plus tard', () => {
    expect(verificationDe(etablissement('7210'))).toEqual({
      etat: 'verifiee',
      categorieJuridique: '7210',
      categorie: 'public',
    })
    expect(verificationDe(etablissement('7361'))).toMatchObject({ categorie: 'public' })
    expect(verificationDe(etablissement('9220'))).toMatchObject({ categorie: 'prive' })
    expect(verificationDe(etablissement('5499'))).toMatchObject({ categorie: 'prive' })
    expect(verificationDe(etablissement('9220', false))).toEqual({ etat: 'refusee', motif: 'ferme' })
    expect(verificationDe({ statut: 'introuvable' })).toEqual({ etat: 'refusee', motif: 'introuvable' })
    expect(verificationDe({ statut: 'indisponible' })).toEqual({ etat: 'a_verifier' })
  })
})
