import http from 'node:http'

/** The small HTTP client of the benches: one request to the server under test, its cookies kept apart. */

export interface Reponse {
  statut: number
  corps: string
  cookies: string[]
}

export interface OptionsRequete {
  cookie?: string
  /** A form (urlencoded unless `type` says otherwise) or a JSON text. */
  corps?: string
  type?: string
  /** The CSRF token, in its header (the JSON endpoints). */
  csrf?: string
  /** The loopback address the request leaves from (rate limits are per address). */
  ip?: string
  /** A keep-alive agent shared by the bench's requests. */
  agent?: http.Agent
}

export function requete(port: number, methode: string, chemin: string, o: OptionsRequete = {}) {
  return new Promise<Reponse>((resolve, reject) => {
    const r = http.request(
      {
        host: '127.0.0.1',
        port,
        method: methode,
        path: chemin,
        ...(o.agent ? { agent: o.agent } : {}),
        ...(o.ip ? { localAddress: o.ip } : {}),
        headers: {
          ...(o.cookie ? { cookie: o.cookie } : {}),
          ...(o.corps !== undefined
            ? {
                'content-type': o.type ?? 'application/x-www-form-urlencoded',
                'content-length': Buffer.byteLength(o.corps),
              }
            : {}),
          ...(o.csrf ? { 'csrf-token': o.csrf } : {}),
        },
      },
      (res) => {
        const morceaux: Buffer[] = []
        res.on('data', (m) => morceaux.push(m))
        res.on('end', () =>
          resolve({
            statut: res.statusCode ?? 0,
            corps: Buffer.concat(morceaux).toString(),
            cookies: (res.headers['set-cookie'] ?? []).map((x) => x.split(';')[0] ?? ''),
          }),
        )
        res.on('error', reject)
      },
    )
    r.on('error', reject)
    if (o.corps !== undefined) r.write(o.corps)
    r.end()
  })
}
