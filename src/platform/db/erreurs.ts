/**
 * A unique constraint refused the write (SQLSTATE 23505), as PostgreSQL and PGlite report it, directly or
 * wrapped by Drizzle in `cause`: two requests raced to create the same thing.
 */
export function estViolationUnicite(e: unknown): boolean {
  const x = e as { code?: string; cause?: { code?: string } } | null
  return x?.code === '23505' || x?.cause?.code === '23505'
}
