// Password reset by e-mail: a single-use token that expires after an hour. Asking never tells
// whether the address has an account; using the token ends every session of the account.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions, users } from '../../db/schema.ts';
import { recordAudit } from '../../db/audit.ts';
import { passwordResets } from './tables.ts';
import { hashPassword } from './passwords.ts';
import { passwordProblem, type PasswordProblem } from './password-policy.ts';
import { RESET_MINUTES, hashToken, isTokenShape, newToken } from './tokens.ts';

/** At most this many reset mails per account per hour, so the form cannot flood a mailbox. */
export const RESETS_PER_HOUR = 3;

/** Returns the token to mail, or null when there is no active account for the address (or too many asks). */
export async function requestPasswordReset(db: Db, email: string): Promise<{ token: string; userId: string; displayName: string; locale: 'nl' | 'en' } | null> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user || user.disabledAt) return null;
  const recent = await db.select({ id: passwordResets.id }).from(passwordResets).where(and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, new Date(Date.now() - 3600_000))));
  if (recent.length >= RESETS_PER_HOUR) return null;
  const token = newToken();
  await db.transaction(async (tx) => {
    // One live link at a time: asking again voids the earlier ones.
    await tx.update(passwordResets).set({ usedAt: new Date() }).where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await tx.insert(passwordResets).values({ userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) });
    await recordAudit(tx, { actor: null, programmeId: null, action: 'user.password_reset_requested', objectType: 'user', objectId: user.id });
  });
  return { token, userId: user.id, displayName: user.displayName, locale: user.locale };
}

export async function findPasswordReset(db: Db, token: string): Promise<{ id: string; userId: string; email: string; displayName: string } | null> {
  if (!isTokenShape(token)) return null;
  const [row] = await db
    .select({ id: passwordResets.id, userId: users.id, email: users.email, displayName: users.displayName })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date()), isNull(users.disabledAt)));
  return row ?? null;
}

export type ResetOutcome = { ok: true; userId: string } | { ok: false; reason: 'invalid' } | { ok: false; reason: PasswordProblem };

export async function resetPassword(db: Db, token: string, password: string): Promise<ResetOutcome> {
  const reset = await findPasswordReset(db, token);
  if (!reset) return { ok: false, reason: 'invalid' };
  const problem = passwordProblem(password, { email: reset.email, name: reset.displayName });
  if (problem) return { ok: false, reason: problem };
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // Conditional update: two tabs using the same link cannot both succeed.
    const used = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt)))
      .returning({ id: passwordResets.id });
    if (used.length === 0) return { ok: false as const, reason: 'invalid' as const };
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
    await recordAudit(tx, { actor: { userId: reset.userId, displayName: reset.displayName }, programmeId: null, action: 'user.password_reset', objectType: 'user', objectId: reset.userId });
    return { ok: true as const, userId: reset.userId };
  });
}
