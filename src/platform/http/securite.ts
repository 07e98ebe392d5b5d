/**
 * Security headers of every response, computed once at start-up: the same for every request, so a
 * request only copies a frozen list (building them per request, as a middleware does, cost about 6 %
 * of the public API's CPU time, see bench/README.md).
 */

const CSP: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['base-uri', "'self'"],
  ['font-src', "'self'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'none'"],
  ['img-src', "'self' data:"],
  ['object-src', "'none'"],
  ['script-src', "'self'"],
  ['script-src-attr', "'none'"],
  ['style-src', "'self'"],
  ['connect-src', "'self'"],
]

export function entetesDeSecurite({
  https,
  formulairesVers = [],
  imagesDe = [],
}: {
  https: boolean
  /** Origins of the map tiles (platform/geo/tuiles.ts): added to `img-src`, nothing else. */
  imagesDe?: readonly string[]
  /**
   * Origins every page's forms may lead to through redirects: the logout form of any page ends at
   * ProConnect's logout when the session came from ProConnect, and a browser checks `form-action` on
   * the submitting page, for each redirect that follows.
   */
  formulairesVers?: readonly string[]
}): Readonly<Record<string, string>> {
  const csp = CSP.map(([directive, valeur]) =>
    directive === 'img-src' && imagesDe.length
      ? `${directive} ${valeur} ${imagesDe.join(' ')}`
      : `${directive} ${valeur}`,
  )
  if (https) csp.push('upgrade-insecure-requests')
  return Object.freeze({
    'content-security-policy': cspAvecFormulairesVers(csp.join(';'), formulairesVers),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  })
}

/**
 * The CSP of a page whose form legitimately leads, through redirects, to another origin (an Aidants
 * Connect partner, FranceConnect): browsers check `form-action` on every redirect that follows a form
 * submission, so `'self'` alone stops the aidant on our last redirect. Only the origins given are
 * added, each reduced to its scheme, host and port (nothing else can slip into the header).
 */
export function cspAvecFormulairesVers(csp: string, urls: Iterable<string>): string {
  const origines = new Set<string>()
  for (const u of urls) {
    try {
      const { origin, protocol } = new URL(u)
      if (protocol === 'https:' || protocol === 'http:') origines.add(origin)
    } catch {
      // A malformed address opens nothing.
    }
  }
  if (origines.size === 0) return csp
  return csp
    .split(';')
    .map((d) => (d.startsWith('form-action ') ? `form-action 'self' ${[...origines].join(' ')}` : d))
    .join(';')
}
