// Two-step login with time-based one-time passwords (RFC 6238, via otpauth) and one-time
// recovery codes. Required for administrators and coordinators, optional for everyone else.
import { createHash, randomInt } from 'node:crypto';
import { and, eq, gt, inArray, isNull, lt, not, like } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { Db } from '../../db/client.ts';
import { roleAssignments, users } from '../../db/schema.ts';
import { recordAudit } from '../../db/audit.ts';
import { loginChallenges, recoveryCodes, totpCredentials } from './tables.ts';
import { hashToken, newToken } from './tokens.ts';
import type { SecretBox } from './secret-box.ts';
import { loadQrCode } from '../../web/lazy-modules.ts';

export const PRIVILEGED_ROLES = ['admin', 'coordinator'] as const;
export const CHALLENGE_MINUTES = 10;
/** Wrong codes per pending login; after that the login starts again from the password. */
export const CHALLENGE_ATTEMPTS = 5;
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label = 'Kennisstad', issuer = 'Kennisstad'): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/**
 * The authenticator entry: issued by this installation (INSTALLATION_NAME), so that someone with
 * accounts on two installations (two cities) can tell the codes apart, labelled with the account.
 */
export function otpauthUri(secret: string, label: string, installationName: string): string {
  return totpFor(secret, label, installationName).toString();
}

export async function qrSvg(uri: string): Promise<string> {
  const QRCode = await loadQrCode();
  return QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/** The current code, for tests and for nothing else. */
export function currentCode(secret: string, at = Date.now()): string {
  return totpFor(secret).generate({ timestamp: at });
}

/** The time step a code belongs to (±1 step of clock drift), or null when it is wrong. */
export function matchingStep(secret: string, code: string, at = Date.now()): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totpFor(secret).validate({ token: clean, timestamp: at, window: 1 });
  if (delta === null) return null;
  return Math.floor(at / 1000 / PERIOD) + delta;
}

export async function hasTotp(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ userId: totpCredentials.userId }).from(totpCredentials).where(eq(totpCredentials.userId, userId));
  return Boolean(row);
}

export async function isPrivileged(db: Db, userId: string): Promise<boolean> {
  const rows = await db.select({ role: roleAssignments.role }).from(roleAssignments).where(and(eq(roleAssignments.userId, userId), inArray(roleAssignments.role, [...PRIVILEGED_ROLES])));
  return rows.length > 0;
}

/**
 * What must happen after a correct password: nothing, a code, or enrolment first. An administrator
 * or coordinator without an authenticator (created by the command line, or given the role later)
 * enrols at the first login: no session with such a role runs on a password alone.
 */
export async function secondStepFor(db: Db, user: { id: string }): Promise<'none' | 'verify' | 'enrol'> {
  if (await hasTotp(db, user.id)) return 'verify';
  return (await isPrivileged(db, user.id)) ? 'enrol' : 'none';
}

// --- Recovery codes: ten per set, each usable once, stored as SHA-256 (they are 50 random bits).

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[^a-z0-9]/g, '')).digest('hex');
}

export async function replaceRecoveryCodes(tx: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: 10 }, newRecoveryCode);
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

/** New recovery codes for a user who has an authenticator (the old ones stop working), with the audit row. */
export async function renewRecoveryCodes(db: Db, actor: { userId: string; displayName: string }): Promise<string[]> {
  return db.transaction(async (tx) => {
    const fresh = await replaceRecoveryCodes(tx, actor.userId);
    await recordAudit(tx, { actor, programmeId: null, action: 'user.recovery_codes_replace', objectType: 'user', objectId: actor.userId });
    return fresh;
  });
}

export async function remainingRecoveryCodes(db: Db, userId: string): Promise<number> {
  const rows = await db.select({ id: recoveryCodes.id }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}

/**
 * Accepts a 6-digit code (not replayed) or an unused recovery code, and uses it up. 'replayed': the
 * right code of a time step already used (someone pressed twice, or logged in twice within 30
 * seconds); refused, but it says nothing about a guesser, so the caller does not count it.
 */
export async function verifySecondFactor(db: Db, box: SecretBox, userId: string, input: string): Promise<'totp' | 'recovery' | 'replayed' | null> {
  const [credential] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, userId));
  if (!credential) return null;
  const step = matchingStep(box.open(credential.secret), input);
  if (step !== null) {
    // Conditional update: the same code cannot be used twice, not even by two requests at once.
    const rows = await db
      .update(totpCredentials)
      .set({ lastStep: step })
      .where(and(eq(totpCredentials.userId, userId), lt(totpCredentials.lastStep, step)))
      .returning({ userId: totpCredentials.userId });
    return rows.length > 0 ? 'totp' : 'replayed';
  }
  const clean = input.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (clean.length !== 10) return null;
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(clean)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length > 0 ? 'recovery' : null;
}

/** Saves an authenticator once a code from it proves the user has the secret; returns recovery codes. */
export async function enableTotp(db: Db, box: SecretBox, userId: string, secret: string, code: string): Promise<string[] | null> {
  const step = matchingStep(secret, code);
  if (step === null) return null;
  return db.transaction(async (tx) => {
    await tx.delete(totpCredentials).where(eq(totpCredentials.userId, userId));
    await tx.insert(totpCredentials).values({ userId, secret: box.seal(secret), lastStep: step });
    const codes = await replaceRecoveryCodes(tx, userId);
    const [user] = await tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
    await recordAudit(tx, { actor: { userId, displayName: user?.displayName ?? 'system' }, programmeId: null, action: 'user.totp_enable', objectType: 'user', objectId: userId });
    return codes;
  });
}

export async function disableTotp(db: Db, actor: { userId: string; displayName: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(totpCredentials).where(eq(totpCredentials.userId, actor.userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
    await recordAudit(tx, { actor, programmeId: null, action: 'user.totp_disable', objectType: 'user', objectId: actor.userId });
  });
}

// --- Pending logins (between the password and the second step).

export const CHALLENGE_COOKIE = 'ks_login';

export interface Challenge {
  id: string;
  userId: string;
  purpose: 'verify' | 'enrol';
  pendingSecret: string | null;
  next: string | null;
  attempts: number;
}

export async function startChallenge(db: Db, box: SecretBox, userId: string, purpose: 'verify' | 'enrol', next?: string): Promise<string> {
  const token = newToken();
  await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, new Date()));
  await db.insert(loginChallenges).values({
    id: hashToken(token),
    userId,
    purpose,
    pendingSecret: purpose === 'enrol' ? box.seal(newTotpSecret()) : null,
    next: next ?? null,
    expiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60_000),
  });
  return token;
}

export async function findChallenge(db: Db, box: SecretBox, token: string | undefined): Promise<Challenge | null> {
  if (!token || !/^[A-Za-z0-9_-]{40,50}$/.test(token)) return null;
  const [row] = await db
    .select()
    .from(loginChallenges)
    .where(and(eq(loginChallenges.id, hashToken(token)), gt(loginChallenges.expiresAt, new Date())));
  if (!row || row.attempts >= CHALLENGE_ATTEMPTS) return null;
  return { ...row, pendingSecret: row.pendingSecret && box.open(row.pendingSecret) };
}

/**
 * Secrets written before they were encrypted (plain base32) are sealed at start-up. Idempotent:
 * a sealed value starts with its version prefix and is left alone. Returns how many were sealed.
 */
export async function sealPlainTotpSecrets(db: Db, box: SecretBox): Promise<number> {
  const plain = await db.select({ userId: totpCredentials.userId, secret: totpCredentials.secret }).from(totpCredentials).where(not(like(totpCredentials.secret, 'v1:%')));
  for (const row of plain) {
    await db.update(totpCredentials).set({ secret: box.seal(row.secret) }).where(and(eq(totpCredentials.userId, row.userId), eq(totpCredentials.secret, row.secret)));
  }
  // Pending enrolments live ten minutes: one written in plain text is simply dropped.
  await db.delete(loginChallenges).where(and(eq(loginChallenges.purpose, 'enrol'), not(like(loginChallenges.pendingSecret, 'v1:%'))));
  return plain.length;
}

/** Counts a wrong code; returns true when the pending login is used up. */
export async function failChallenge(db: Db, challenge: Challenge): Promise<boolean> {
  const [row] = await db
    .update(loginChallenges)
    .set({ attempts: challenge.attempts + 1 })
    .where(eq(loginChallenges.id, challenge.id))
    .returning({ attempts: loginChallenges.attempts });
  return (row?.attempts ?? CHALLENGE_ATTEMPTS) >= CHALLENGE_ATTEMPTS;
}

export async function endChallenge(db: Db, challenge: Challenge): Promise<void> {
  await db.delete(loginChallenges).where(eq(loginChallenges.id, challenge.id));
}

