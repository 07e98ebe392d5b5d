/**
 * Progressive lockout after failed logins: the first four failures are free (typos happen), then each
 * further failure locks the account for twice as long as the previous one, up to one hour.
 */
export const ECHECS_TOLERES = 4
export const BLOCAGE_MAX_MINUTES = 60

export function dureeBlocageMinutes(echecs: number): number {
  if (echecs <= ECHECS_TOLERES) return 0
  return Math.min(2 ** (echecs - ECHECS_TOLERES - 1), BLOCAGE_MAX_MINUTES)
}

export function estBloque(bloqueJusquA: Date | null, maintenant: Date): boolean {
  return bloqueJusquA !== null && bloqueJusquA.getTime() > maintenant.getTime()
}
