import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dateLocale, estJourOuvre } from '../../../platform/calendrier'
import { HORAIRES_NATIONAUX as SERVICE } from './creneaux'
import { echeancePremierAppel, horsDelai, prochaineOuverture } from './delais'
import {
  appelable,
  classePriorite,
  cleDeTri,
  type DemandeEnAttente,
  type Mediateur,
  suivantePour,
} from './file-attente'
import { apresTentative, type IssueTentative, TENTATIVES_MAXIMUM } from './tentatives'

const paris = (iso: string) => new Date(`${iso}+01:00`)
const instant = fc
  .integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2028, 0, 1) / 60_000 })
  .map((m) => new Date(m * 60_000))
const enService = (t: Date) => {
  const l = dateLocale(t, SERVICE.fuseau)
  return estJourOuvre(l) && l.minutes >= SERVICE.de && l.minutes <= SERVICE.a
}

describe('délai du premier appel', () => {
  it('un jour ouvré de service après la demande, compté de l’ouverture suivante', () => {
    const echeance = (iso: string) => echeancePremierAppel(paris(iso), undefined, SERVICE).toISOString()
    expect(echeance('2026-12-03T10:00:00')).toBe(paris('2026-12-04T10:00:00').toISOString()) // jeudi → vendredi
    expect(echeance('2026-12-05T15:00:00')).toBe(paris('2026-12-08T09:00:00').toISOString()) // samedi → mardi 9 h
    expect(echeance('2026-12-04T17:30:00')).toBe(paris('2026-12-07T17:30:00').toISOString()) // vendredi → lundi
    expect(echeance('2026-12-24T17:00:00')).toBe(paris('2026-12-28T17:00:00').toISOString()) // Noël sauté
    expect(echeance('2026-12-03T19:00:00')).toBe(paris('2026-12-07T09:00:00').toISOString()) // après la fermeture
  })
  it('un créneau choisi fixe l’échéance à sa fin', () => {
    const creneau = { debut: paris('2026-12-04T14:00:00'), fin: paris('2026-12-04T17:00:00') }
    expect(echeancePremierAppel(paris('2026-12-03T10:00:00'), creneau, SERVICE)).toEqual(creneau.fin)
  })
  it('tombe toujours après la demande, un jour ouvré, pendant le service', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const e = echeancePremierAppel(t, undefined, SERVICE)
        expect(e > t).toBe(true)
        expect(enService(e)).toBe(true)
        expect(enService(prochaineOuverture(t, SERVICE))).toBe(true)
      }),
    )
  })
  it('est dépassé tant qu’aucune tentative n’est faite', () => {
    const echeance = paris('2026-12-04T10:00:00')
    expect(horsDelai({ echeance, tentatives: 0 }, paris('2026-12-04T10:01:00'))).toBe(true)
    expect(horsDelai({ echeance, tentatives: 1 }, paris('2026-12-04T10:01:00'))).toBe(false)
    expect(horsDelai({ echeance, tentatives: 0 }, paris('2026-12-04T09:59:00'))).toBe(false)
  })
})

describe('après une tentative d’appel', () => {
  const issues: IssueTentative[] = ['pas-de-reponse', 'messagerie', 'occupe']
  it('rappelle plus tard, pendant le service ; après trois essais, ferme et envoie un SMS', () => {
    fc.assert(
      fc.property(
        instant.filter(enService),
        fc.constantFrom(...issues),
        fc.nat(TENTATIVES_MAXIMUM - 2),
        (t, issue, faites) => {
          const suite = apresTentative(issue, faites, t, SERVICE)
          if (suite.statut !== 'a-rappeler') throw new Error(suite.statut)
          expect(suite.prochaineTentative > t).toBe(true)
          expect(enService(suite.prochaineTentative)).toBe(true)
        },
      ),
    )
    expect(apresTentative('messagerie', TENTATIVES_MAXIMUM - 1, new Date(), SERVICE)).toEqual({
      statut: 'close',
      motif: 'injoignable',
      sms: true,
    })
  })
  it('rappelle un numéro occupé un quart d’heure après, et reste dans le créneau choisi', () => {
    const t = paris('2026-12-03T10:00:00')
    expect(apresTentative('occupe', 0, t, SERVICE)).toEqual({
      statut: 'a-rappeler',
      prochaineTentative: paris('2026-12-03T10:15:00'),
    })
    const creneau = { debut: paris('2026-12-03T09:00:00'), fin: paris('2026-12-03T11:00:00') }
    expect(apresTentative('pas-de-reponse', 0, t, SERVICE, creneau)).toEqual({
      statut: 'a-rappeler',
      prochaineTentative: paris('2026-12-03T10:45:00'),
    })
  })
  it('n’envoie jamais de SMS à un faux numéro, ni à qui refuse', () => {
    expect(apresTentative('faux-numero', 0, new Date(), SERVICE)).toEqual({
      statut: 'close',
      motif: 'faux-numero',
      sms: false,
    })
    expect(apresTentative('refus', 2, new Date(), SERVICE)).toEqual({
      statut: 'close',
      motif: 'refus',
      sms: false,
    })
    expect(apresTentative('joint', 2, new Date(), SERVICE)).toEqual({ statut: 'en-ligne' })
  })
})

const MAINTENANT = paris('2026-12-03T10:00:00')
const demande = (id: string, p: Partial<DemandeEnAttente> = {}): DemandeEnAttente => ({
  id,
  deposeeLe: paris('2026-12-03T08:00:00'),
  classe: 3,
  echeance: paris('2026-12-04T09:00:00'),
  region: '93',
  langue: 'fr',
  ...p,
})
const ANNA: Mediateur = { id: 'anna', regions: [], langues: ['fr'] }

describe('la file des médiateurs', () => {
  it('classe l’arnaque en cours, puis la démarche proche de sa date limite, puis l’isolement', () => {
    const u = { arnaqueEnCours: false, isolement: false }
    expect(classePriorite({ ...u, arnaqueEnCours: true, isolement: true }, MAINTENANT)).toBe(0)
    expect(classePriorite({ ...u, dateLimiteDemarche: paris('2026-12-05T00:00:00') }, MAINTENANT)).toBe(1)
    expect(
      classePriorite({ ...u, dateLimiteDemarche: paris('2026-12-20T00:00:00'), isolement: true }, MAINTENANT),
    ).toBe(2)
    expect(classePriorite(u, MAINTENANT)).toBe(3)
  })
  it('donne d’abord le créneau qui se ferme, puis la classe, puis le même médiateur, puis l’échéance', () => {
    const d = [
      demande('ancienne', {
        deposeeLe: paris('2026-12-02T08:00:00'),
        echeance: paris('2026-12-03T08:00:00'),
      }),
      demande('isolee', { classe: 2 }),
      demande('deja-vue', { classe: 2, mediateurPrecedent: 'anna' }),
      demande('arnaque', { classe: 0 }),
    ]
    expect(suivantePour(d, ANNA, MAINTENANT)?.id).toBe('arnaque')
    expect(suivantePour(d.slice(0, 3), ANNA, MAINTENANT)?.id).toBe('deja-vue')
    expect(suivantePour(d.slice(0, 2), ANNA, MAINTENANT)?.id).toBe('isolee')
    const creneauQuiFerme = demande('creneau', {
      creneauDebut: paris('2026-12-03T09:00:00'),
      creneauFin: paris('2026-12-03T10:30:00'),
    })
    expect(suivantePour([...d, creneauQuiFerme], ANNA, MAINTENANT)?.id).toBe('creneau')
  })
  it('attend le créneau choisi et la tentative programmée, et respecte région et langue', () => {
    expect(appelable(demande('a', { creneauDebut: paris('2026-12-03T14:00:00') }), ANNA, MAINTENANT)).toBe(
      false,
    )
    expect(appelable(demande('a', { creneauDebut: paris('2026-12-03T10:05:00') }), ANNA, MAINTENANT)).toBe(
      true,
    )
    expect(appelable(demande('a', { pasAvant: paris('2026-12-03T10:15:00') }), ANNA, MAINTENANT)).toBe(false)
    expect(appelable(demande('a', { region: '04' }), { ...ANNA, regions: ['93'] }, MAINTENANT)).toBe(false)
    expect(appelable(demande('a', { langue: 'ar' }), ANNA, MAINTENANT)).toBe(false)
    expect(appelable(demande('a', { langue: 'ar' }), { ...ANNA, langues: ['fr', 'ar'] }, MAINTENANT)).toBe(
      true,
    )
  })
  it('la suivante est appelable et aucune autre appelable ne passe avant elle', () => {
    const arbitraire = fc.record({
      classe: fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>,
      depot: fc.integer({ min: -600, max: 0 }),
      echeance: fc.integer({ min: -120, max: 600 }),
      creneau: fc.option(fc.integer({ min: -180, max: 240 }), { nil: undefined }),
      pasAvant: fc.option(fc.integer({ min: -60, max: 60 }), { nil: undefined }),
      region: fc.constantFrom('93', '04', '974'),
      langue: fc.constantFrom('fr', 'ar'),
      precedent: fc.option(fc.constantFrom('anna', 'bruno'), { nil: undefined }),
    })
    const min = (n: number) => new Date(MAINTENANT.getTime() + n * 60_000)
    fc.assert(
      fc.property(
        fc.array(arbitraire, { maxLength: 30 }),
        fc.subarray(['93', '04', '974']),
        (lignes, regions) => {
          const demandes = lignes.map((l, i) =>
            demande(`d${String(i).padStart(2, '0')}`, {
              classe: l.classe,
              deposeeLe: min(l.depot),
              echeance: min(l.echeance),
              creneauDebut: l.creneau === undefined ? undefined : min(l.creneau),
              creneauFin: l.creneau === undefined ? undefined : min(l.creneau + 120),
              pasAvant: l.pasAvant === undefined ? undefined : min(l.pasAvant),
              region: l.region,
              langue: l.langue,
              mediateurPrecedent: l.precedent,
            }),
          )
          const m: Mediateur = { id: 'anna', regions, langues: ['fr'] }
          const s = suivantePour(demandes, m, MAINTENANT)
          const possibles = demandes.filter((d) => appelable(d, m, MAINTENANT))
          // The rule restated: a slot closing within the hour, the class, the same médiateur, the
          // deadline, the age of the request.
          const ferme = (d: DemandeEnAttente) =>
            d.creneauFin !== undefined && d.creneauFin.getTime() - MAINTENANT.getTime() <= 3_600_000 ? 0 : 1
          const oracle = [...possibles].sort(
            (a, b) =>
              ferme(a) - ferme(b) ||
              a.classe - b.classe ||
              (a.mediateurPrecedent === 'anna' ? 0 : 1) - (b.mediateurPrecedent === 'anna' ? 0 : 1) ||
              a.echeance.getTime() - b.echeance.getTime() ||
              a.deposeeLe.getTime() - b.deposeeLe.getTime() ||
              a.id.localeCompare(b.id),
          )
          expect(s?.id).toBe(oracle[0]?.id)
          if (s) expect(cleDeTri(s, m, MAINTENANT)).toHaveLength(6)
        },
      ),
    )
  })
})
