import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { afficherTelephone, lireTelephone } from './telephone'

const chiffres = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''))

/** The ways people write the same number: spaces, dots, dashes, pairs, country code, `(0)`. */
const ecritures = (national: string, indicatif: string) => {
  const sans0 = national.slice(1)
  const paires = national.replace(/(\d{2})(?=\d)/g, '$1 ')
  return [
    national,
    paires,
    national.replace(/(\d{2})(?=\d)/g, '$1.'),
    national.replace(/(\d{2})(?=\d)/g, '$1-'),
    `+${indicatif}${sans0}`,
    `+${indicatif} ${sans0}`,
    `00${indicatif}${sans0}`,
    `+${indicatif} (0)${sans0}`,
    `+${indicatif} ${national}`,
    ` ${paires} `,
  ]
}

const metropole = fc
  .tuple(fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '9'), chiffres(8))
  .map(([p, r]) => `0${p}${r}`)
  .filter(
    (n) =>
      !['0590', '0596', '0594', '0262', '0263', '0269', '0639'].includes(n.slice(0, 4)) &&
      !/^069[0-7]/.test(n),
  )

const OUTRE_MER = [
  { bloc: '0690', indicatif: '590', territoire: 'guadeloupe', fuseau: 'America/Guadeloupe' },
  { bloc: '0596', indicatif: '596', territoire: 'martinique', fuseau: 'America/Martinique' },
  { bloc: '0694', indicatif: '594', territoire: 'guyane', fuseau: 'America/Cayenne' },
  { bloc: '0692', indicatif: '262', territoire: 'reunion', fuseau: 'Indian/Reunion' },
  { bloc: '0639', indicatif: '262', territoire: 'mayotte', fuseau: 'Indian/Mayotte' },
] as const

describe('numéros de téléphone', () => {
  it('lit un numéro de métropole de toutes les façons dont on l’écrit, au même E.164', () => {
    fc.assert(
      fc.property(metropole, (n) => {
        const attendu = `+33${n.slice(1)}`
        for (const e of ecritures(n, '33')) {
          const lu = lireTelephone(e)
          expect(lu, e).toMatchObject({ ok: true, telephone: { e164: attendu, territoire: 'metropole' } })
        }
      }),
    )
  })

  it('reconnaît les outre-mer à leur bloc, avec leur indicatif et leur fuseau', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OUTRE_MER), chiffres(6), (o, r) => {
        const national = `${o.bloc}${r}`
        for (const e of ecritures(national, o.indicatif)) {
          expect(lireTelephone(e), e).toMatchObject({
            ok: true,
            telephone: {
              e164: `+${o.indicatif}${national.slice(1)}`,
              territoire: o.territoire,
              fuseau: o.fuseau,
            },
          })
        }
      }),
    )
  })

  it('refuse un indicatif qui ne va pas avec le bloc (+590 devant un numéro de La Réunion)', () => {
    expect(lireTelephone('+590 692 12 34 56').ok).toBe(false)
    expect(lireTelephone('+33 692 12 34 56')).toMatchObject({
      ok: true,
      telephone: { territoire: 'reunion' },
    })
  })

  it('lit les plans courts du Pacifique et de Saint-Pierre-et-Miquelon', () => {
    expect(lireTelephone('+689 87 12 34 56')).toMatchObject({
      ok: true,
      telephone: { e164: '+68987123456', territoire: 'polynesie', mobile: true, fuseau: 'Pacific/Tahiti' },
    })
    expect(lireTelephone('+687 75 12 34')).toMatchObject({
      ok: true,
      telephone: { territoire: 'nouvelle-caledonie' },
    })
    expect(lireTelephone('+508 55 12 34')).toMatchObject({
      ok: true,
      telephone: { territoire: 'saint-pierre-et-miquelon' },
    })
    expect(lireTelephone('+689 87 12 34').ok).toBe(false)
  })

  it('refuse en français ce qui n’est pas un numéro où l’on peut rappeler', () => {
    const refus = (s: string) => {
      const lu = lireTelephone(s)
      expect(lu.ok, s).toBe(false)
      return lu.ok ? '' : lu.erreur
    }
    expect(refus('')).toMatch(/Indiquez/)
    expect(refus('08 00 12 34 56')).toMatch(/08/)
    expect(refus('06 12 34 56')).toMatch(/10 chiffres/)
    expect(refus('06 12 34 56 78 9')).toMatch(/10 chiffres/)
    expect(refus('+44 20 7946 0958')).toMatch(/France et des outre-mer/)
    expect(refus('06 12 AB 56 78')).toMatch(/10 chiffres/)
    expect(refus('00 12 34 56 78')).toMatch(/France et des outre-mer/) // 00 starts a country code
  })

  it('ne lève jamais : tout texte donne un E.164 bien formé ou un message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[+0-9 .()-]{0,20}$/)), (s) => {
        const lu = lireTelephone(s)
        if (lu.ok) expect(lu.telephone.e164).toMatch(/^\+\d{9,12}$/)
        else expect(lu.erreur.length).toBeGreaterThan(10)
      }),
    )
  })

  it('affiche un numéro comme on le dit, et cet affichage se relit au même numéro', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          metropole,
          fc.constantFrom(...OUTRE_MER).chain((o) => chiffres(6).map((r) => `${o.bloc}${r}`)),
        ),
        (n) => {
          const lu = lireTelephone(n)
          if (!lu.ok) throw new Error(lu.erreur)
          const affiche = afficherTelephone(lu.telephone)
          expect(affiche).toBe(n.replace(/(\d{2})(?=\d)/g, '$1 '))
          expect(lireTelephone(affiche)).toEqual(lu)
        },
      ),
    )
    expect(afficherTelephone({ e164: '+68987123456', territoire: 'polynesie' })).toBe('+689 87 12 34 56')
  })
})
