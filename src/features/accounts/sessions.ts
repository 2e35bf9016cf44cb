// Server-side sessions: the cookie holds a random token, the database only its SHA-256, so a
// copy of the table cannot be replayed. Idle and absolute timeouts are enforced on every read.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions, users } from '../../db/schema.ts';
import { recordAudit } from '../../db/audit.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { FORM_ERROR, done, refusedField, type Outcome } from '../../domain/outcome.ts';

export const SESSION_COOKIE = 'ks_session';
export const CSRF_COOKIE = 'ks_csrf';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionUser {
  sessionId: string;
  csrfToken: string;
  userId: string;
  displayName: string;
  email: string;
  locale: 'nl' | 'en';
  lastSeenAt: Date;
}

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

export async function createSession(
  db: Db,
  userId: string,
  timeouts: SessionTimeouts,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + timeouts.absoluteHours * 3600_000),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

export async function findSession(db: Db, token: string, timeouts: SessionTimeouts): Promise<SessionUser | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const idleCutoff = new Date(Date.now() - timeouts.idleMinutes * 60_000);
  const rows = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      locale: users.locale,
      disabledAt: users.disabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, new Date()), gt(sessions.lastSeenAt, idleCutoff)))
    .limit(1);
  const row = rows[0];
  if (!row || row.disabledAt) return null;
  return { ...row };
}

/** Refreshes the idle clock, at most once a minute per session to keep reads cheap. */
export async function touchSession(db: Db, session: SessionUser): Promise<void> {
  if (Date.now() - session.lastSeenAt.getTime() < 60_000) return;
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, session.sessionId));
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function purgeExpiredSessions(db: Db, timeouts: SessionTimeouts): Promise<void> {
  const idleCutoff = new Date(Date.now() - timeouts.idleMinutes * 60_000);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, new Date()), lt(sessions.lastSeenAt, idleCutoff)));
}

// --- Commands: each session write runs in one transaction with its audit row.

/**
 * A login: the session the request came with (if any) is ended, so a session fixed before login is
 * worth nothing after it; a new one starts; one audit row `user.login` names the method.
 */
export async function logIn(
  db: Db,
  user: { id: string; displayName: string },
  timeouts: SessionTimeouts,
  meta: { ip?: string; userAgent?: string; previousSessionId?: string | null; method: string },
): Promise<Outcome<{ token: string; csrfToken: string }>> {
  return writeTransaction(db, async (tx) => {
    if (meta.previousSessionId) await destroySession(tx, meta.previousSessionId);
    const session = await createSession(tx, user.id, timeouts, meta);
    await recordAudit(tx, { actor: { userId: user.id, displayName: user.displayName }, programmeId: null, action: 'user.login', objectType: 'user', objectId: user.id, origin: meta.ip, after: { method: meta.method } });
    return done(session);
  });
}

/** A logout: the session ends; one audit row `user.logout` for the signed-in user whose session it was. */
export async function logOut(db: Db, actor: { userId: string; displayName: string } | null, sessionId: string, origin?: string): Promise<Outcome<null>> {
  return writeTransaction(db, async (tx) => {
    const ended = await tx.delete(sessions).where(eq(sessions.id, sessionId)).returning({ userId: sessions.userId });
    if (actor && ended.some((s) => s.userId === actor.userId)) {
      await recordAudit(tx, { actor, programmeId: null, action: 'user.logout', objectType: 'user', objectId: actor.userId, origin });
    }
    return done(null);
  });
}

/**
 * Ends one of the actor's own sessions, named by the id the sessions page shows (`publicId` of the
 * stored id). Another user's session, or an unknown id, is refused: nothing changes, no audit row.
 */
export async function endOwnSession(
  db: Db,
  actor: { userId: string; displayName: string },
  wanted: string,
  publicId: (storedId: string) => string,
  origin?: string,
): Promise<Outcome<{ sessionId: string }>> {
  return writeTransaction(db, async (tx) => {
    const rows = await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, actor.userId));
    const target = rows.find((s) => publicId(s.id) === wanted);
    if (!target) return refusedField(FORM_ERROR, 'accounts.sessions.notFound');
    await tx.delete(sessions).where(and(eq(sessions.id, target.id), eq(sessions.userId, actor.userId)));
    await recordAudit(tx, { actor, programmeId: null, action: 'session.end', objectType: 'user', objectId: actor.userId, origin });
    return done({ sessionId: target.id });
  });
}
