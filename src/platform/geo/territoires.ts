import { createRequire } from 'node:module'

/** Régions and départements from the Code officiel géographique (@etalab/decoupage-administratif). */
const require = createRequire(import.meta.url)

interface Departement {
  code: string
  nom: string
  region: string
  zone: 'metro' | 'drom' | 'com'
}
interface Region {
  code: string
  nom: string
  zone: 'metro' | 'drom' | 'com'
}

const departementsBruts = require('@etalab/decoupage-administratif/data/departements.json') as Departement[]
const regionsBrutes = require('@etalab/decoupage-administratif/data/regions.json') as Region[]

export const REGIONS: readonly Region[] = regionsBrutes
  .filter((r) => r.zone !== 'com')
  .map((r) => ({ code: r.code, nom: r.nom, zone: r.zone }))
  .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))

export const DEPARTEMENTS: readonly Departement[] = departementsBruts
  .filter((d) => d.zone !== 'com')
  .map((d) => ({ code: d.code, nom: d.nom, region: d.region, zone: d.zone }))
  .sort((a, b) => a.code.localeCompare(b.code))

const parCodeDepartement = new Map(DEPARTEMENTS.map((d) => [d.code, d]))
const parCodeRegion = new Map(REGIONS.map((r) => [r.code, r]))

export const departement = (code: string) => parCodeDepartement.get(code)
export const region = (code: string) => parCodeRegion.get(code)
export const departementsDeRegion = (codeRegion: string) =>
  DEPARTEMENTS.filter((d) => d.region === codeRegion)
