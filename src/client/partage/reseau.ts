/**
 * Is the server reachable? `navigator.onLine` false means surely no network; true only means that an
 * interface is up (a Wi-Fi without internet, a captive portal, a dead mobile link all say true).
 * Before a form leaves for the server, a small request confirms it; a silent network counts as none.
 * Not an island itself: esbuild bundles only the files directly in src/client/.
 */
export async function serveurJoignable(delaiMs = 4000): Promise<boolean> {
  if (!navigator.onLine) return false
  const arret = new AbortController()
  const minuterie = window.setTimeout(() => arret.abort(), delaiMs)
  try {
    // The favicon: tiny, served by the app itself, never cached here (`no-store`), no session needed.
    const r = await fetch('/favicon.ico', { method: 'HEAD', cache: 'no-store', signal: arret.signal })
    // A captive portal answers with a redirection to its own page: that is not our server.
    return r.ok && !r.redirected
  } catch {
    return false
  } finally {
    window.clearTimeout(minuterie)
  }
}
