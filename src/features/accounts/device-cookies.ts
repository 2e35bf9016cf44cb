// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser in
// which someone signed in successfully gets a signed cookie naming that account. Why: the limits on
// guessing count per account and per address, and a whole city hall shares one address; without
// this, twenty typos in the office (or a stranger's guesses at one account) lock out everyone.
// With a valid device cookie for the account being signed in to, the login is counted against that
// device only: the per-address and per-account limits (which strangers fill) do not apply to it,
// and a device that itself makes too many mistakes (THROTTLE.perDevice) is refused until the window
// passes. A stranger's browser has no such cookie: five wrong guesses at an account refuse further
// guesses from every browser without one for the window, while the owner's trusted browser goes on.
// The cookie only lifts the limits: the password (and the code) are checked as always.
//
// Stateless on purpose (no table): an entry is `v1.<user id>.<nonce>.<issued, unix seconds>.<HMAC>`,
// signed with a key derived from the server's secret key; a browser keeps entries for up to
// DEVICE_ACCOUNTS accounts (people sharing a computer), joined by '~'.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { SecretBox } from './secret-box.ts';

export const DEVICE_COOKIE = 'ks_device';
/** How long a browser stays trusted after its last successful login. */
export const DEVICE_DAYS = 180;
/** Accounts remembered per browser; the oldest entry goes first. */
export const DEVICE_ACCOUNTS = 5;

const PURPOSE = 'device-cookie';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Entry {
  userId: string;
  nonce: string;
  issued: number;
  raw: string;
}

function parse(box: SecretBox, value: string | undefined, nowMs: number): Entry[] {
  if (!value || value.length > 2_000) return [];
  const entries: Entry[] = [];
  for (const raw of value.split('~').slice(0, DEVICE_ACCOUNTS)) {
    const [version, userId, nonce, issuedText, signature] = raw.split('.');
    if (version !== 'v1' || !userId || !UUID.test(userId) || !nonce || !/^[A-Za-z0-9_-]{22}$/.test(nonce) || !issuedText || !/^\d{1,12}$/.test(issuedText) || !signature) continue;
    const expected = Buffer.from(box.sign(PURPOSE, `v1.${userId}.${nonce}.${issuedText}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) continue;
    const issued = Number(issuedText);
    if (issued * 1000 + DEVICE_DAYS * 86_400_000 < nowMs || issued * 1000 > nowMs + 60_000) continue;
    entries.push({ userId, nonce, issued, raw });
  }
  return entries;
}

/** The device's id (its nonce) when the cookie holds a valid entry for this account, else null. */
export function trustedDevice(box: SecretBox, value: string | undefined, userId: string, nowMs = Date.now()): string | null {
  return parse(box, value, nowMs).find((entry) => entry.userId === userId)?.nonce ?? null;
}

/** The cookie's new value after a successful login to `userId`: a fresh entry for it, first. */
export function withDevice(box: SecretBox, value: string | undefined, userId: string, nowMs = Date.now()): string {
  const nonce = randomBytes(16).toString('base64url');
  const issued = String(Math.floor(nowMs / 1000));
  const body = `v1.${userId}.${nonce}.${issued}`;
  const others = parse(box, value, nowMs).filter((entry) => entry.userId !== userId);
  return [`${body}.${box.sign(PURPOSE, body)}`, ...others.map((entry) => entry.raw)].slice(0, DEVICE_ACCOUNTS).join('~');
}
