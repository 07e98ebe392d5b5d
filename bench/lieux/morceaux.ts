/**
 * CPU time per call of the pieces of a `/api/v1/lieux` request, before and after issue 16 (point 13):
 * less sensitive to a loaded machine than latencies, since only this process's CPU time counts.
 *   npx tsx bench/lieux/morceaux.ts
 */
import { createHash } from 'node:crypto'
import { filtresApi, lireFiltresRapide } from '../../src/domains/lieux/http/filtres-api'
import { empreinte } from '../../src/domains/lieux/http/memoire-reponses'

const q = {
  near: '45.75,4.85',
  radius: '10',
  limit: '10',
  services: 'Aide aux démarches administratives',
  gratuit: '1',
}
const url =
  '/api/v1/lieux?near=45.75%2C4.85&radius=10&limit=10&services=Aide+aux+d%C3%A9marches+administratives&gratuit=1'
// A place's fixed fields as the API writes them (about 1 KB, with a ’ as many names and addresses have).
const fixe = JSON.stringify({
  id: 'c2a3f0e8-0000-4000-8000-000000000000',
  nom: 'Médiathèque l’Alcazar',
  adresse: { voie: '58 cours Belsunce', code_postal: '13001', commune: 'Marseille' },
  services: ['Aide aux démarches administratives', 'Accès internet et matériel informatique'],
  publics_specifiquement_adresses: [],
  frais_a_charge: ['Gratuit'],
  modalites_accompagnement: ['Seul', 'Avec de l’aide', 'Dans un atelier'],
  horaires: 'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00',
  url: '/lieux/c2a3f0e8-0000-4000-8000-000000000000',
}).slice(0, -1)
const ascii = fixe.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
const N = 200_000

function mesure(nom: string, f: (i: number) => unknown) {
  for (let i = 0; i < 20_000; i++) f(i)
  const c0 = process.cpuUsage()
  for (let i = 0; i < N; i++) f(i)
  const c = process.cpuUsage(c0)
  console.log(`${nom.padEnd(46)} ${(((c.user + c.system) / N) * 1000).toFixed(0).padStart(6)} ns CPU/appel`)
}

mesure('filtres : zod (avant)', () => filtresApi.safeParse(q))
mesure('filtres : lecture rapide (après)', () => lireFiltresRapide(q))
mesure('ETag : SHA-1 par requête (avant)', (i) =>
  createHash('sha1').update(`v1|${url}${i}|29000000`).digest('base64url').slice(0, 22),
)
mesure('ETag : racine + FNV-1a (après)', (i) => `W/"abcdefabcdefabcd${empreinte(url + i).toString(36)}"`)
mesure('10 lieux : map + join, 2 octets, UTF-8 (avant)', (i) => {
  const l = Array.from(
    { length: 10 },
    (_, k) => `${fixe},"distance_km":${(i + k) / 100},"ouvert_maintenant":true}`,
  )
  return Buffer.byteLength(`{"total":${i},"page":1,"limit":10,"suivant":null,"resultats":[${l.join(',')}]}`)
})
mesure('10 lieux : +=, ASCII, UTF-8 (après)', (i) => {
  let s = `{"total":${i},"page":1,"limit":10,"suivant":null,"resultats":[`
  for (let k = 0; k < 10; k++) {
    if (k > 0) s += ','
    s += ascii
    s += ',"distance_km":'
    s += (i + k) / 100
    s += ',"ouvert_maintenant":true}'
  }
  return Buffer.byteLength(`${s}]}`)
})
