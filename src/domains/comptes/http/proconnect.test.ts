import type { AddressInfo } from 'node:net'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { AGENTS_FICTIFS } from '../proconnect/simulateur'

/**
 * The whole ProConnect login over real HTTP: our server listens, its client discovers the simulator,
 * exchanges the code and fetches the signed userinfo from it as it would from ProConnect. A small
 * browser here keeps cookies and follows redirects one by one.
 */
class Client {
  cookies = new Map<string, string>()
  constructor(private readonly origine: string) {}

  async aller(url: string, init: RequestInit = {}) {
    const r = await fetch(new URL(url, this.origine), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers ?? {}), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    })
    for (const c of r.headers.getSetCookie()) {
      const [paire] = c.split(';')
      const [nom, ...valeur] = (paire ?? '').split('=')
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(nom ?? '')
      else this.cookies.set(nom ?? '', valeur.join('='))
    }
    return { statut: r.status, location: r.headers.get('location') ?? '', texte: await r.text(), r }
  }

  /** Follows redirects (GET) until a page answers; returns every address visited. */
  async suivre(url: string, init: RequestInit = {}) {
    const vues: string[] = []
    let r = await this.aller(url, init)
    while (r.statut >= 300 && r.statut < 400) {
      vues.push(r.location)
      r = await this.aller(r.location)
    }
    return { ...r, vues }
  }

  /** Picks an agent on the simulator's page and follows the redirects back to Escale. */
  async choisirAgent(page: string, agent: string) {
    const action = page.match(/action="([^"]+interaction[^"]+)"/)?.[1] ?? ''
    const csrf = page.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? ''
    return this.suivre(action.replaceAll('&amp;', '&'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, agent }).toString(),
    })
  }
}

const lignes = <T>(r: unknown) => (r as { rows: T[] }).rows
const agent = (email: string) => AGENTS_FICTIFS.find((a) => a.email === email)!

describe.each(MOTEURS)('connexion avec ProConnect (%s)', (moteur) => {
  let t: AppDeTest
  let origine: string
  beforeAll(async () => {
    t = await appDeTest(moteur)
    await t.app.listen({ host: '127.0.0.1', port: 0 })
    origine = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => t?.fermer())

  it('publie la découverte du simulateur et le bouton sur la page de connexion', async () => {
    const d = await (await fetch(`${origine}/simulateurs/proconnect/.well-known/openid-configuration`)).json()
    expect(d.issuer).toBe(`${origine}/simulateurs/proconnect`)
    expect(d.code_challenge_methods_supported).toContain('S256')
    expect(d.userinfo_signing_alg_values_supported).toContain('RS256')
    const page = await (await fetch(`${origine}/connexion`)).text()
    expect(page).toContain('S’identifier avec ProConnect')
    expect(page).toContain('href="/connexion/proconnect"')
  })

  it('envoie vers ProConnect avec PKCE, state et nonce, puis lie le compte trouvé par son adresse', async () => {
    const compte = await creerCompteTest(t.base, {
      habilitations: H.conseiller('s-1'),
      email: agent('ines.fabre@demo.escale.localhost').email,
    })
    const c = new Client(origine)
    const depart = await c.aller('/connexion/proconnect?retour=/espace')
    expect(depart.statut).toBe(303)
    const auth = new URL(depart.location)
    expect(auth.origin + auth.pathname).toBe(`${origine}/simulateurs/proconnect/auth`)
    for (const p of ['state', 'nonce', 'code_challenge']) expect(auth.searchParams.get(p)).toMatch(/.{20,}/)
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256')
    expect(auth.searchParams.get('scope')).toContain('siret')
    const choix = await c.suivre(depart.location)
    expect(choix.texte).toContain('ProConnect — simulateur de démonstration')
    const fin = await c.choisirAgent(choix.texte, 'pc-ines-fabre')
    expect(fin.vues.at(-1)).toBe('/espace')
    expect(fin.statut).toBe(200)
    expect(fin.texte).toContain('Alex')
    const [lie] = lignes<{ sub: string }>(
      await t.base.db.execute(sql`select proconnect_sub as sub from comptes where id = ${compte.id}`),
    )
    expect(lie?.sub).toBe('pc-ines-fabre')
  })

  it('un professionnel inconnu n’a pas de compte créé : il est invité à demander un accès', async () => {
    const avant = lignes<{ n: number }>(await t.base.db.execute(sql`select count(*)::int as n from comptes`))
    const c = new Client(origine)
    const choix = await c.suivre('/connexion/proconnect')
    const fin = await c.choisirAgent(choix.texte, 'pc-jeanne-martin')
    expect(fin.statut).toBe(403)
    expect(fin.texte).toContain('Pas encore de compte Escale')
    expect(fin.texte).toContain('jeanne.martin@mairie-barcelonnette.example')
    expect(fin.texte).toContain('/candidature/structure')
    const apres = lignes<{ n: number }>(await t.base.db.execute(sql`select count(*)::int as n from comptes`))
    expect(apres).toEqual(avant)
    expect((await c.aller('/espace')).statut).toBe(303)
  })

  it('le second facteur du rôle reste demandé quand ProConnect n’en a pas fait ; pas quand il en a fait', async () => {
    await creerCompteTest(t.base, {
      habilitations: H.prefecture('13'),
      totp: true,
      email: agent('prefecture13@demo.escale.localhost').email,
    })
    const sansMfa = new Client(origine)
    const r1 = await sansMfa.choisirAgent(
      (await sansMfa.suivre('/connexion/proconnect')).texte,
      'pc-nadia-benali',
    )
    expect(r1.vues).toContain('/connexion/totp')
    expect(r1.texte).toContain('code')

    await creerCompteTest(t.base, {
      habilitations: H.admin(),
      totp: true,
      email: agent('camille.morel@demo.escale.localhost').email,
    })
    const avecMfa = new Client(origine)
    const r2 = await avecMfa.choisirAgent(
      (await avecMfa.suivre('/connexion/proconnect')).texte,
      'pc-camille-morel',
    )
    expect(r2.vues.at(-1)).toBe('/espace')
    expect(r2.vues).not.toContain('/connexion/totp')
  })

  it('refuse un retour sans demande en cours, un state forgé, un code rejoué', async () => {
    const c = new Client(origine)
    const sans = await c.aller('/connexion/proconnect/retour?code=abc&state=xyz')
    expect(sans.statut).toBe(303)
    expect(sans.location).toBe('/connexion')

    const depart = await c.aller('/connexion/proconnect')
    const choix = await c.suivre(depart.location)
    // Stop at the return to Escale, then replay it with another state.
    const action = choix.texte.match(/action="([^"]+interaction[^"]+)"/)?.[1] ?? ''
    const csrf = choix.texte.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? ''
    let r = await c.aller(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, agent: 'pc-ines-fabre' }).toString(),
    })
    while (!r.location.includes('/connexion/proconnect/retour')) r = await c.aller(r.location)
    const retour = new URL(r.location, origine)
    const force = new URL(retour)
    force.searchParams.set('state', 'forge')
    const refuse = await c.aller(force.pathname + force.search)
    expect(refuse.location).toBe('/connexion')
    // The pending login was consumed by the refused attempt: the genuine return does not log in either.
    const rejoue = await c.aller(retour.pathname + retour.search)
    expect(rejoue.location).toBe('/connexion')
    expect((await c.aller('/espace')).statut).toBe(303)
  })

  it('un refus chez ProConnect ramène à la connexion avec un message', async () => {
    const c = new Client(origine)
    const choix = await c.suivre('/connexion/proconnect')
    const fin = await c.choisirAgent(choix.texte, '')
    expect(fin.vues).toContain('/connexion')
    expect(fin.texte).toContain('La connexion avec ProConnect a été annulée')
  })

  it('la déconnexion d’Escale mène à celle de ProConnect, puis revient', async () => {
    await creerCompteTest(t.base, {
      habilitations: H.conseiller('s-2'),
      email: 'autre.conseiller@exemple.fr',
    })
    const c = new Client(origine)
    const fin = await c.choisirAgent((await c.suivre('/connexion/proconnect')).texte, 'pc-ines-fabre')
    expect(fin.vues.at(-1)).toBe('/espace')
    const csrf = fin.texte.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? ''
    const sortie = await c.aller('/deconnexion', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    })
    expect(sortie.statut).toBe(303)
    const fc = new URL(sortie.location)
    expect(fc.pathname).toBe('/simulateurs/proconnect/session/end')
    expect(fc.searchParams.get('id_token_hint')).toMatch(/^ey/)
    expect(fc.searchParams.get('post_logout_redirect_uri')).toBe(`${origine}/connexion/proconnect/deconnecte`)
    expect((await c.aller('/espace')).statut).toBe(303)
  })
})
