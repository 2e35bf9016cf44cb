// Password hashing with argon2id (OWASP's first choice), and the throttle on guessing.
import argon2 from 'argon2';
import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { loginFailures } from '../../db/schema.ts';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Without a hash, still spend the time of a verification: no timing hint that the account exists.
  if (!hash) {
    await argon2.hash(password, { type: argon2.argon2id });
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

export function throttleKeys(email: string, ip: string): { account: string; address: string } {
  return { account: `account:${email.toLowerCase()}`, address: `address:${ip}` };
}

export async function isThrottled(db: Db, email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
  const keys = throttleKeys(email, ip);
  const [accountRow] = await db.select({ n: count() }).from(loginFailures).where(and(eq(loginFailures.key, keys.account), gt(loginFailures.at, since)));
  if ((accountRow?.n ?? 0) >= THROTTLE.perAccount) return true;
  const [addressRow] = await db.select({ n: count() }).from(loginFailures).where(and(eq(loginFailures.key, keys.address), gt(loginFailures.at, since)));
  return (addressRow?.n ?? 0) >= THROTTLE.perAddress;
}

export async function recordFailure(db: Db, email: string, ip: string): Promise<void> {
  const keys = throttleKeys(email, ip);
  await db.insert(loginFailures).values([{ key: keys.account }, { key: keys.address }]);
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(Date.now() - 24 * 3600_000)));
}

export async function clearFailures(db: Db, email: string, ip: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, throttleKeys(email, ip).account));
}
