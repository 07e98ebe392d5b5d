import { eq } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import type { ResumeAccessibilite } from '../domain/accessibilite'
import { lieuxAcceslibre } from './schema'

/** The cached summary of an Acceslibre record, and when it was read (undefined: never read). */
export async function resumeAcceslibreEnCache(
  db: Database,
  identifiant: string,
): Promise<{ resume: ResumeAccessibilite | null; luLe: Date } | undefined> {
  const [r] = await db.select().from(lieuxAcceslibre).where(eq(lieuxAcceslibre.identifiant, identifiant))
  return r ? { resume: (r.resume as ResumeAccessibilite | null) ?? null, luLe: r.luLe } : undefined
}

export async function garderResumeAcceslibre(
  db: Database,
  identifiant: string,
  resume: ResumeAccessibilite | null,
  le: Date,
): Promise<void> {
  const valeurs = { resume: resume as Record<string, unknown> | null, luLe: le }
  await db
    .insert(lieuxAcceslibre)
    .values({ identifiant, ...valeurs })
    .onConflictDoUpdate({ target: lieuxAcceslibre.identifiant, set: valeurs })
}
