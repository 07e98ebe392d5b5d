/** Fictional people of the FranceConnect simulator (demo and tests only): nobody real. */
export interface IdentiteFictive {
  sub: string
  given_name: string
  family_name: string
  birthdate: string
  gender: 'female' | 'male'
  birthplace: string
  birthcountry: string
  email: string
}

export const IDENTITES_FICTIVES: readonly IdentiteFictive[] = [
  {
    sub: 'fc-simulateur-0001-angela-dubois',
    given_name: 'Angela Claire Louise',
    family_name: 'Dubois',
    birthdate: '1962-08-24',
    gender: 'female',
    birthplace: '75107',
    birthcountry: '99100',
    email: 'angela.dubois@fictif.escale.localhost',
  },
  {
    sub: 'fc-simulateur-0002-ahmed-benyoucef',
    given_name: 'Ahmed',
    family_name: 'Benyoucef',
    birthdate: '1948-03-02',
    gender: 'male',
    birthplace: '13055',
    birthcountry: '99100',
    email: 'ahmed.benyoucef@fictif.escale.localhost',
  },
  {
    sub: 'fc-simulateur-0003-marie-payet',
    given_name: 'Marie-Josée',
    family_name: 'Payet',
    birthdate: '1955-11-17',
    gender: 'female',
    birthplace: '97411',
    birthcountry: '99100',
    email: 'marie.payet@fictif.escale.localhost',
  },
  {
    sub: 'fc-simulateur-0004-jean-martin',
    given_name: 'Jean',
    family_name: 'Martin',
    birthdate: '1939-01-30',
    gender: 'male',
    birthplace: '62041',
    birthcountry: '99100',
    email: 'jean.martin@fictif.escale.localhost',
  },
]
