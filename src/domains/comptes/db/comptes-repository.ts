import { and, asc, count, desc, eq, gt, ilike, inArray, isNull, or, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import type { Habilitation, Role } from '../domain/roles'
import { codesSecours, comptes, jetons, rolesComptes, sessions } from './schema'

export type CompteRow = typeof comptes.$inferSelect
export type SessionRow = typeof sessions.$inferSelect

export const normaliserEmail = (email: string) => email.trim().toLowerCase()

export async function trouverCompteParEmail(db: Database, email: string): Promise<CompteRow | undefined> {
  const [row] = await db
    .select()
    .from(comptes)
    .where(eq(comptes.email, normaliserEmail(email)))
  return row
}

export async function trouverCompte(db: Database, id: string): Promise<CompteRow | undefined> {
  const [row] = await db.select().from(comptes).where(eq(comptes.id, id))
  return row
}

export async function habilitationsDe(db: Database, compteId: string): Promise<Habilitation[]> {
  const rows = await db.select().from(rolesComptes).where(eq(rolesComptes.compteId, compteId))
  return rows.map(versHabilitation)
}

function versHabilitation(r: {
  role: string
  porteeType: string
  porteeCode: string
  porteeLibelle: string
}) {
  return {
    role: r.role as Role,
    portee: {
      type: r.porteeType as Habilitation['portee']['type'],
      code: r.porteeCode,
      libelle: r.porteeLibelle,
    },
  }
}

export async function creerCompte(
  db: Database,
  c: {
    email: string
    prenom: string
    nom: string
    motDePasseHash?: string | null
    invitationEnAttente?: boolean
    totpSecret?: string | null
    totpActifDepuis?: Date | null
  },
  habilitations: readonly Habilitation[],
): Promise<CompteRow> {
  const [row] = await db
    .insert(comptes)
    .values({ ...c, email: normaliserEmail(c.email) })
    .returning()
  if (!row) throw new Error('insertion du compte sans retour')
  if (habilitations.length > 0) await ajouterHabilitations(db, row.id, habilitations)
  return row
}

export async function ajouterHabilitations(
  db: Database,
  compteId: string,
  habilitations: readonly Habilitation[],
) {
  await db
    .insert(rolesComptes)
    .values(
      habilitations.map((h) => ({
        compteId,
        role: h.role,
        porteeType: h.portee.type,
        porteeCode: h.portee.code,
        porteeLibelle: h.portee.libelle,
      })),
    )
    .onConflictDoNothing()
}

export async function retirerHabilitation(db: Database, compteId: string, h: Habilitation) {
  await db
    .delete(rolesComptes)
    .where(
      and(
        eq(rolesComptes.compteId, compteId),
        eq(rolesComptes.role, h.role),
        eq(rolesComptes.porteeType, h.portee.type),
        eq(rolesComptes.porteeCode, h.portee.code),
      ),
    )
}

export async function mettreAJourCompte(
  db: Database,
  id: string,
  champs: Partial<typeof comptes.$inferInsert>,
) {
  await db.update(comptes).set(champs).where(eq(comptes.id, id))
}

/**
 * One more wrong password or code. The increment happens in the database, in one statement: wrong
 * attempts sent in parallel all count (reading the counter and writing it back would count 20 as 1).
 * Returns the new count.
 */
export async function compterEchec(db: Database, id: string): Promise<number> {
  const [row] = await db
    .update(comptes)
    .set({ echecsConnexion: sql`${comptes.echecsConnexion} + 1` })
    .where(eq(comptes.id, id))
    .returning({ echecs: comptes.echecsConnexion })
  return row?.echecs ?? 0
}

/**
 * Locks the account until `jusqua` at least: a slower concurrent request that computed a shorter lock
 * never shortens a longer one (greatest).
 */
export async function bloquerCompte(db: Database, id: string, jusqua: Date) {
  const t = sql`${jusqua.toISOString()}::timestamptz`
  await db
    .update(comptes)
    .set({ bloqueJusquA: sql`greatest(coalesce(${comptes.bloqueJusquA}, ${t}), ${t})` })
    .where(eq(comptes.id, id))
}

/** Lock end as the database has it now (not as read at the start of a request). */
export async function bloqueJusquA(db: Database, id: string): Promise<Date | null> {
  const [row] = await db.select({ b: comptes.bloqueJusquA }).from(comptes).where(eq(comptes.id, id))
  return row?.b ?? null
}

/**
 * A complete login clears the failure count, but only if the account is not locked at this instant and,
 * when a TOTP step is given, only if no concurrent request has accepted that step or a later one: a
 * correct code racing a burst of wrong ones loses once they have locked the account, and one code opens
 * one session. `false` when refused.
 */
export async function reussirConnexion(
  db: Database,
  id: string,
  maintenant: Date,
  champs: Partial<typeof comptes.$inferInsert> & { totpDernierPas?: number },
): Promise<boolean> {
  const rows = await db
    .update(comptes)
    .set({ ...champs, echecsConnexion: 0, bloqueJusquA: null })
    .where(
      and(
        eq(comptes.id, id),
        or(
          isNull(comptes.bloqueJusquA),
          sql`${comptes.bloqueJusquA} <= ${maintenant.toISOString()}::timestamptz`,
        ),
        champs.totpDernierPas !== undefined
          ? or(isNull(comptes.totpDernierPas), sql`${comptes.totpDernierPas} < ${champs.totpDernierPas}`)
          : undefined,
      ),
    )
    .returning({ id: comptes.id })
  return rows.length === 1
}

/**
 * Claims a TOTP time step for the account, in one statement: true only if no code of this step or a
 * later one was accepted before (at any login, re-entry or signature), so a code works once anywhere.
 */
export async function reserverPasTotp(db: Database, compteId: string, pas: number): Promise<boolean> {
  const rows = await db
    .update(comptes)
    .set({ totpDernierPas: pas })
    .where(
      and(
        eq(comptes.id, compteId),
        or(isNull(comptes.totpDernierPas), sql`${comptes.totpDernierPas} < ${pas}`),
      ),
    )
    .returning({ id: comptes.id })
  return rows.length === 1
}

export async function compterAdminsActifs(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(rolesComptes)
    .innerJoin(comptes, eq(comptes.id, rolesComptes.compteId))
    .where(and(eq(rolesComptes.role, 'admin'), eq(comptes.actif, true)))
  return row?.n ?? 0
}

export interface RechercheComptes {
  texte?: string | undefined
  role?: Role | undefined
  page: number
  parPage: number
}

export async function rechercherComptes(db: Database, r: RechercheComptes) {
  const conditions = []
  if (r.texte) {
    const motif = `%${r.texte.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    conditions.push(or(ilike(comptes.email, motif), ilike(comptes.nom, motif), ilike(comptes.prenom, motif)))
  }
  if (r.role) {
    conditions.push(
      inArray(
        comptes.id,
        db.select({ id: rolesComptes.compteId }).from(rolesComptes).where(eq(rolesComptes.role, r.role)),
      ),
    )
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined
  const [total] = await db.select({ n: count() }).from(comptes).where(where)
  const lignes = await db
    .select()
    .from(comptes)
    .where(where)
    .orderBy(asc(comptes.nom), asc(comptes.prenom), asc(comptes.id))
    .limit(r.parPage)
    .offset((r.page - 1) * r.parPage)
  const roles =
    lignes.length === 0
      ? []
      : await db
          .select()
          .from(rolesComptes)
          .where(
            inArray(
              rolesComptes.compteId,
              lignes.map((l) => l.id),
            ),
          )
  return {
    total: total?.n ?? 0,
    comptes: lignes.map((l) => ({
      ...l,
      habilitations: roles
        .filter((x) => x.compteId === l.id)
        .map((x) => ({
          role: x.role as Role,
          portee: {
            type: x.porteeType as Habilitation['portee']['type'],
            code: x.porteeCode,
            libelle: x.porteeLibelle,
          },
        })),
    })),
  }
}

// ——— Sessions ———

export async function creerSession(
  db: Database,
  s: {
    jetonHash: string
    compteId: string
    niveau: SessionRow['niveau']
    inactiviteMinutes: number
    navigateur: string
    maintenant: Date
  },
) {
  const [row] = await db
    .insert(sessions)
    .values({
      jetonHash: s.jetonHash,
      compteId: s.compteId,
      niveau: s.niveau,
      inactiviteMinutes: s.inactiviteMinutes,
      navigateur: s.navigateur.slice(0, 300),
      creeLe: s.maintenant,
      vuLe: s.maintenant,
      dernierFacteurLe: s.maintenant,
    })
    .returning()
  if (!row) throw new Error('insertion de session sans retour')
  return row
}

type LigneRole = { role: string; porteeType: string; porteeCode: string; porteeLibelle: string }

const preparerSessionParJeton = (db: Database) =>
  db
    .select({
      session: sessions,
      compte: comptes,
      roles: sql<LigneRole[] | string>`coalesce((
        select json_agg(json_build_object('role', r.role, 'porteeType', r.portee_type,
          'porteeCode', r.portee_code, 'porteeLibelle', r.portee_libelle))
        from roles_comptes r where r.compte_id = ${comptes.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(comptes, eq(comptes.id, sessions.compteId))
    .where(and(eq(sessions.jetonHash, sql.placeholder('jeton')), isNull(sessions.revoqueeLe)))
    .prepare('session_par_jeton')
const sessionParJeton = new WeakMap<Database, ReturnType<typeof preparerSessionParJeton>>()

/**
 * The live session of a token, its account and the account's roles, in one round trip, as a
 * statement prepared once per database (it is read on every authenticated request).
 */
export async function trouverSessionParJeton(db: Database, jetonHash: string) {
  let requete = sessionParJeton.get(db)
  if (!requete) {
    requete = preparerSessionParJeton(db)
    sessionParJeton.set(db, requete)
  }
  const [row] = await requete.execute({ jeton: jetonHash })
  if (!row) return undefined
  const roles: LigneRole[] = typeof row.roles === 'string' ? JSON.parse(row.roles) : row.roles
  return { session: row.session, compte: row.compte, habilitations: roles.map(versHabilitation) }
}

export async function mettreAJourSession(
  db: Database,
  id: string,
  champs: Partial<typeof sessions.$inferInsert>,
) {
  await db.update(sessions).set(champs).where(eq(sessions.id, id))
}

export async function sessionsActives(db: Database, compteId: string, maintenant: Date) {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.compteId, compteId), isNull(sessions.revoqueeLe)))
    .orderBy(desc(sessions.vuLe))
  return rows.filter((s) => s.vuLe.getTime() + s.inactiviteMinutes * 60_000 > maintenant.getTime())
}

export async function revoquerSession(db: Database, compteId: string, sessionId: string, maintenant: Date) {
  const rows = await db
    .update(sessions)
    .set({ revoqueeLe: maintenant })
    .where(and(eq(sessions.id, sessionId), eq(sessions.compteId, compteId), isNull(sessions.revoqueeLe)))
    .returning({ id: sessions.id })
  return rows.length
}

/** Closes one session whatever its account: the browser's own, at logout or when another opens. */
export async function fermerSession(db: Database, sessionId: string, maintenant: Date) {
  await mettreAJourSession(db, sessionId, { revoqueeLe: maintenant })
}

/** Whether the session is one of the account's, open or closed: another account's is not found. */
export async function estSessionDuCompte(db: Database, compteId: string, sessionId: string) {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.compteId, compteId)))
  return row !== undefined
}

export async function revoquerSessions(db: Database, compteId: string, maintenant: Date, sauf?: string) {
  const rows = await db
    .update(sessions)
    .set({ revoqueeLe: maintenant })
    .where(
      and(
        eq(sessions.compteId, compteId),
        isNull(sessions.revoqueeLe),
        sauf ? sql`${sessions.id} <> ${sauf}` : undefined,
      ),
    )
    .returning({ id: sessions.id })
  return rows.length
}

// ——— Single-use tokens ———

export async function creerJeton(
  db: Database,
  j: {
    compteId: string
    usage: (typeof jetons.$inferInsert)['usage']
    jetonHash: string
    expireLe: Date
    /** The service's clock (defaults to the database's): the link limit counts links by creation time. */
    creeLe?: Date
  },
) {
  // A new link replaces the previous ones of the same kind: only the latest e-mail works. They are
  // expired, not marked used: `utilise_le` means a person redeemed the link, and the limit of links
  // per account counts only the others (logging in five times must not lock anyone out).
  await db
    .update(jetons)
    .set({ expireLe: sql`least(${jetons.expireLe}, now())` })
    .where(and(eq(jetons.compteId, j.compteId), eq(jetons.usage, j.usage), isNull(jetons.utiliseLe)))
  await db.insert(jetons).values(j)
}

/** Login links e-mailed to the account since `depuis` and never redeemed (expired or replaced ones count). */
export async function compterLiensNonUtilises(db: Database, compteId: string, depuis: Date): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(jetons)
    .where(
      and(
        eq(jetons.compteId, compteId),
        eq(jetons.usage, 'lien_connexion'),
        isNull(jetons.utiliseLe),
        gt(jetons.creeLe, depuis),
      ),
    )
  return r?.n ?? 0
}

/** Marks the token used if it is valid, in one statement: two clicks on the same link cannot both win. */
export async function consommerJeton(
  db: Database,
  usage: (typeof jetons.$inferInsert)['usage'],
  jetonHash: string,
  maintenant: Date,
) {
  const [row] = await db
    .update(jetons)
    .set({ utiliseLe: maintenant })
    .where(
      and(
        eq(jetons.jetonHash, jetonHash),
        eq(jetons.usage, usage),
        isNull(jetons.utiliseLe),
        gt(jetons.expireLe, maintenant),
      ),
    )
    .returning({ compteId: jetons.compteId })
  return row?.compteId
}

export async function jetonValide(
  db: Database,
  usage: (typeof jetons.$inferInsert)['usage'],
  jetonHash: string,
  maintenant: Date,
) {
  const [row] = await db
    .select({ compteId: jetons.compteId })
    .from(jetons)
    .where(
      and(
        eq(jetons.jetonHash, jetonHash),
        eq(jetons.usage, usage),
        isNull(jetons.utiliseLe),
        gt(jetons.expireLe, maintenant),
      ),
    )
  return row?.compteId
}

// ——— Recovery codes ———

export async function remplacerCodesSecours(db: Database, compteId: string, hashes: readonly string[]) {
  await db.delete(codesSecours).where(eq(codesSecours.compteId, compteId))
  await db.insert(codesSecours).values(hashes.map((codeHash) => ({ compteId, codeHash })))
}

export async function consommerCodeSecours(
  db: Database,
  compteId: string,
  codeHash: string,
  maintenant: Date,
) {
  const rows = await db
    .update(codesSecours)
    .set({ utiliseLe: maintenant })
    .where(
      and(
        eq(codesSecours.compteId, compteId),
        eq(codesSecours.codeHash, codeHash),
        isNull(codesSecours.utiliseLe),
      ),
    )
    .returning({ id: codesSecours.id })
  return rows.length === 1
}

export async function codesSecoursRestants(db: Database, compteId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(codesSecours)
    .where(and(eq(codesSecours.compteId, compteId), isNull(codesSecours.utiliseLe)))
  return row?.n ?? 0
}
