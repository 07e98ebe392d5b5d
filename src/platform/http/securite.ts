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

export function entetesDeSecurite({ https }: { https: boolean }): Readonly<Record<string, string>> {
  const csp = CSP.map(([directive, valeur]) => `${directive} ${valeur}`)
  if (https) csp.push('upgrade-insecure-requests')
  return Object.freeze({
    'content-security-policy': csp.join(';'),
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
