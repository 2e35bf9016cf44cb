// Server-side sessions: the cookie holds a random token, the database only its SHA-256, so a
// copy of the table cannot be replayed. Idle and absolute timeouts are enforced on every read.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions, users } from '../../db/schema.ts';

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
