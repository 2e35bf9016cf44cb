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

/**
 * Per 15-minute window: failures per account and per address from browsers without a device cookie
 * for the account, and failures per trusted device (see device-cookies.ts). The per-account limit is
 * what slows a stranger down (five guesses per window); it does not stop the owner on a device
 * where they signed in before, which counts only its own mistakes.
 */
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 20, perDevice: 5 } as const;

export function throttleKeys(email: string, ip: string): { account: string; address: string } {
  return { account: `account:${email.toLowerCase()}`, address: `address:${ip}` };
}

const deviceKey = (device: string) => `device:${device}`;

/** Whether a password login must be refused now; `device` is the trusted device's id, if any. */
export async function isThrottled(db: Db, email: string, ip: string, device: string | null = null): Promise<boolean> {
  if (device) return (await countSince(db, deviceKey(device))) >= THROTTLE.perDevice;
  const keys = throttleKeys(email, ip);
  if ((await countSince(db, keys.account)) >= THROTTLE.perAccount) return true;
  return (await countSince(db, keys.address)) >= THROTTLE.perAddress;
}

/** Counts a failed login: against the trusted device alone, or else against the account and the address. */
export async function recordFailure(db: Db, email: string, ip: string, device: string | null = null): Promise<void> {
  const keys = throttleKeys(email, ip);
  await db.insert(loginFailures).values(device ? [{ key: deviceKey(device) }] : [{ key: keys.account }, { key: keys.address }]);
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

/** Whether this account (or this address) has used up its attempts at a credential endpoint; a trusted device counts only its own. */
export async function credentialThrottled(db: Db, kind: CredentialKind, account: string, ip: string, device: string | null = null): Promise<boolean> {
  if (device) return (await countSince(db, `${kind}:${deviceKey(device)}`)) >= THROTTLE.perDevice;
  const keys = credentialKeys(kind, account, ip);
  const limits = CREDENTIAL_LIMITS[kind];
  return (await countSince(db, keys.account)) >= limits.perAccount || (await countSince(db, keys.address)) >= limits.perAddress;
}

/** Counts one attempt (a failure, or for reset requests any request). */
export async function recordCredentialAttempt(db: Db, kind: CredentialKind, account: string, ip: string, device: string | null = null): Promise<void> {
  const keys = credentialKeys(kind, account, ip);
  await db.insert(loginFailures).values(device ? [{ key: `${kind}:${deviceKey(device)}` }] : [{ key: keys.account }, { key: keys.address }]);
}

export async function clearCredentialAttempts(db: Db, kind: CredentialKind, account: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, credentialKeys(kind, account, '').account));
}

/**
 * After a right password, the count it was checked against starts again: the trusted device's own,
 * or else the account's (its failures were likely the owner's typos). A right password on a trusted
 * device leaves the account's count alone: those failures came from other browsers, maybe a guesser.
 */
export async function clearFailures(db: Db, email: string, ip: string, device: string | null = null): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, device ? deviceKey(device) : throttleKeys(email, ip).account));
}
