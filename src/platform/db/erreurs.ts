/**
 * A unique constraint refused the write (SQLSTATE 23505), as PostgreSQL and PGlite report it, directly or
 * wrapped by Drizzle in `cause`: two requests raced to create the same thing.
 */
export function estViolationUnicite(e: unknown): boolean {
  const x = e as { code?: string; cause?: { code?: string } } | null
  return x?.code === '23505' || x?.cause?.code === '23505'
}

/** What an error becomes in the logs: enough to find the fault, nothing a user typed. */
export interface ErreurJournal {
  type: string
  /** SQLSTATE for database errors, the error's own code otherwise. */
  code?: string
  /** The statement with its placeholders (`$1`…), never the values bound to them. */
  requete?: string
  contrainte?: string
  table?: string
  colonne?: string
  message?: string
  pile?: string
}

const dejaNettoyees = new WeakSet<object>()
const SQLSTATE = /^[0-9A-Z]{5}$/

/**
 * An error as it may be logged. Database errors carry the user's data in several places: Drizzle's
 * message appends the statement's parameters ("params: …", names, phone numbers, a CV's bytes), and the
 * engine's message, `detail` and `where` quote the offending value ("Key (email)=(…) already exists",
 * "invalid input syntax for type uuid: \"…\""). So for them only the SQLSTATE, the statement without
 * parameters and the names of the constraint, table and column are kept, with the stack frames (the
 * first lines of `stack` repeat the message). Other errors keep a shortened message, with e-mail
 * addresses masked and anything after "params:" cut. Used by the logger's `err` serializer, so every
 * `log.error({ err })` goes through it; applying it twice changes nothing.
 */
export function erreurPourJournal(e: unknown): ErreurJournal {
  if (typeof e !== 'object' || e === null)
    return marquer({ type: typeof e, message: nettoyerTexte(String(e)) })
  if (dejaNettoyees.has(e)) return e as ErreurJournal
  const chaine: Record<string, unknown>[] = []
  for (
    let x: unknown = e;
    typeof x === 'object' && x !== null && chaine.length < 4;
    x = (x as { cause?: unknown }).cause
  )
    chaine.push(x as Record<string, unknown>)
  const texte = (o: Record<string, unknown> | undefined, cle: string) =>
    typeof o?.[cle] === 'string' ? (o[cle] as string) : undefined
  // A driver's error has a SQLSTATE and a severity (a Node error's `EPIPE` has only the former).
  const base = chaine.find((x) => SQLSTATE.test(texte(x, 'code') ?? '') && texte(x, 'severity') !== undefined)
  const requete = chaine.map((x) => texte(x, 'query')).find((q) => q !== undefined)
  const pile = framesDe(texte(chaine[0], 'stack'))
  const type = (chaine[0]?.constructor as { name?: string } | undefined)?.name ?? 'Object'
  if (base || requete !== undefined)
    return marquer({
      type,
      ...(base ? { code: texte(base, 'code') } : {}),
      ...(requete !== undefined ? { requete: requete.slice(0, 2_000) } : {}),
      ...(texte(base, 'constraint') ? { contrainte: texte(base, 'constraint') } : {}),
      ...(texte(base, 'table') ? { table: texte(base, 'table') } : {}),
      ...(texte(base, 'column') ? { colonne: texte(base, 'column') } : {}),
      ...(pile ? { pile } : {}),
    })
  const message = texte(chaine[0], 'message')
  const code = texte(chaine[0], 'code')
  return marquer({
    type,
    ...(code ? { code } : {}),
    ...(message !== undefined ? { message: nettoyerTexte(message) } : {}),
    ...(pile ? { pile } : {}),
  })
}

function marquer(x: ErreurJournal): ErreurJournal {
  dejaNettoyees.add(x)
  return x
}

/** Only the "at …" lines: the first lines of a stack are the message again. */
function framesDe(stack: string | undefined): string | undefined {
  const frames = stack?.split('\n').filter((l) => /^\s+at /.test(l))
  return frames?.length ? frames.slice(0, 15).join('\n') : undefined
}

function nettoyerTexte(t: string): string {
  return t
    .replace(/\n?params:[\s\S]*$/, '')
    .replace(/[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+/g, '[adresse masquée]')
    .slice(0, 500)
}
