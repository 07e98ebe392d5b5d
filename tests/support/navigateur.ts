import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

/**
 * A tiny browser over `app.inject`: keeps cookies, remembers the CSRF token of the last page, and
 * posts forms the way a real browser does (urlencoded).
 */
export class Navigateur {
  readonly cookies = new Map<string, string>()
  dernierCsrf: string | undefined

  constructor(
    private readonly app: FastifyInstance,
    private readonly userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
    /** Client address seen by the server (rate limits are per address). */
    private readonly ip = '127.0.0.1',
  ) {}

  private enTetes(): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    return { 'user-agent': this.userAgent, ...(cookie ? { cookie } : {}) }
  }

  private retenir(r: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of r.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expire = (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0 || c.value === ''
      if (expire) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(r.body)
    if (m) this.dernierCsrf = m[1]
    return r
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.retenir(
      await this.app.inject({ method: 'GET', url, headers: this.enTetes(), remoteAddress: this.ip }),
    )
  }

  /** Posts a form; `_csrf` is the token of the last page seen unless given (or set to '' to omit it). */
  async post(url: string, champs: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const corps = new URLSearchParams({
      ...(this.dernierCsrf !== undefined ? { _csrf: this.dernierCsrf } : {}),
      ...champs,
    })
    if (champs._csrf === '') corps.delete('_csrf')
    return this.retenir(
      await this.app.inject({
        method: 'POST',
        url,
        remoteAddress: this.ip,
        headers: { ...this.enTetes(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: corps.toString(),
      }),
    )
  }

  /** GET the page holding the form (for its CSRF token), then POST it. */
  async soumettre(pageUrl: string, actionUrl: string, champs: Record<string, string>) {
    await this.get(pageUrl)
    return this.post(actionUrl, champs)
  }
}
