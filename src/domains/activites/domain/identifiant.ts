/**
 * Identifiers of activities: UUID version 7 (RFC 9562), 48 bits of milliseconds then random bits.
 * Activities are written in time order, so a time-ordered primary key grows at its right edge
 * instead of touching a random page of a 20-million-row index on every write. The offline queue
 * (`src/client/activites-saisie.ts`) builds the same; older clients' version 4 ids stay accepted.
 */
export function uuidV7(
  maintenantMs: number = Date.now(),
  aleatoire: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  const b = aleatoire(16)
  let t = Math.max(0, Math.floor(maintenantMs))
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256
    t = Math.floor(t / 256)
  }
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
