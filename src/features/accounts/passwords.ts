// Password hashing with argon2id (OWASP's first choice), and the throttle on guessing.
import { createHash } from 'node:crypto';
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

/**
 * The other credential endpoints (and the code step of the login), each with its own counters so that one cannot lock out another:
 * password reset requests (every request counts: each sends a mail), reset and invitation links
 * that match nothing, and bearer tokens that match nothing. Limits per 15-minute window.
 */
export const CREDENTIAL_LIMITS = {
  /** Second-step codes: kept apart from password failures, which a right password clears. */
  code: { perAccount: 5, perAddress: 20 },
  resetRequest: { perAccount: 5, perAddress: 20 },
  /** Per address only: a guesser tries ever other links, and a used link may be clicked again. */
  link: { perAccount: Infinity, perAddress: 50 },
  bearer: { perAccount: 10, perAddress: 50 },
} as const;
export type CredentialKind = keyof typeof CREDENTIAL_LIMITS;

/** The counter keys; an account is named by a hash (the table keeps no addresses beyond login's). */
function credentialKeys(kind: CredentialKind, account: string, ip: string): { account: string; address: string } {
  return { account: `${kind}:account:${createHash('sha256').update(account.toLowerCase()).digest('hex').slice(0, 32)}`, address: `${kind}:address:${ip}` };
}

async function countSince(db: Db, key: string): Promise<number> {
  const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
  const [row] = await db.select({ n: count() }).from(loginFailures).where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)));
  return row?.n ?? 0;
}

/** Whether this account (or this address) has used up its attempts at a credential endpoint. */
export async function credentialThrottled(db: Db, kind: CredentialKind, account: string, ip: string): Promise<boolean> {
  const keys = credentialKeys(kind, account, ip);
  const limits = CREDENTIAL_LIMITS[kind];
  return (await countSince(db, keys.account)) >= limits.perAccount || (await countSince(db, keys.address)) >= limits.perAddress;
}

/** Counts one attempt (a failure, or for reset requests any request). */
export async function recordCredentialAttempt(db: Db, kind: CredentialKind, account: string, ip: string): Promise<void> {
  const keys = credentialKeys(kind, account, ip);
  await db.insert(loginFailures).values([{ key: keys.account }, { key: keys.address }]);
}

export async function clearCredentialAttempts(db: Db, kind: CredentialKind, account: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, credentialKeys(kind, account, '').account));
}

export async function clearFailures(db: Db, email: string, ip: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, throttleKeys(email, ip).account));
}
