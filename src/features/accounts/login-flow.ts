// The end of every successful login (password alone, password + code, invitation, reset): a new
// session, an audit row, the cookie and the redirect. Shared so the steps cannot drift apart.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { redirectLocal } from '../../web/http.ts';
import { SESSION_COOKIE, logIn } from './sessions.ts';
import { CHALLENGE_COOKIE, CHALLENGE_MINUTES, secondStepFor, startChallenge } from './totp.ts';
import { boxFor } from './secret-box.ts';
import { DEVICE_COOKIE, DEVICE_DAYS, trustedDevice, withDevice } from './device-cookies.ts';

/** Where a login without a return address lands: the person's start page ("my work"). */
export function startPage(locale: string, programmeSlug?: string): string {
  return programmeSlug ? `/${locale}/${programmeSlug}/my-work` : `/${locale}/my-work`;
}

export function cookieOptions(config: Config) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };
}

export async function startSession(
  db: Db,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  user: { id: string; displayName: string },
  method: string,
): Promise<void> {
  const timeouts = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  // A new session id at every login: a session fixed before login is worth nothing after it.
  const started = await logIn(db, user, timeouts, { ip: request.ip, userAgent: request.headers['user-agent'], previousSessionId: request.sessionId, method });
  if (!started.ok) throw new Error('the session could not start');
  reply.setCookie(SESSION_COOKIE, started.value.token, { ...cookieOptions(config), maxAge: timeouts.absoluteHours * 3600 });
  reply.clearCookie(CHALLENGE_COOKIE, cookieOptions(config));
  // From now on this browser is one where this account signed in (see device-cookies.ts).
  reply.setCookie(DEVICE_COOKIE, withDevice(boxFor(config), request.cookies[DEVICE_COOKIE], user.id), { ...cookieOptions(config), maxAge: DEVICE_DAYS * 86_400 });
}

/** The id of this browser's device cookie for the account, when it has a valid one. */
export function deviceOf(config: Config, request: FastifyRequest, userId: string | undefined): string | null {
  return userId ? trustedDevice(boxFor(config), request.cookies[DEVICE_COOKIE], userId) : null;
}

/**
 * After a correct password (or a single sign-on whose provider did not vouch for a second factor): either the session starts now, or a pending login waits for a code
 * (or for a privileged user to set up an authenticator) at /login/verify or /login/enrol.
 */
export async function afterPassword(
  db: Db,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  user: { id: string; displayName: string; createdAt: Date },
  locale: string,
  next: string | undefined,
  force?: 'enrol',
  method = 'password',
): Promise<FastifyReply> {
  const step = force ?? (await secondStepFor(db, user));
  if (step === 'none') {
    await startSession(db, config, request, reply, user, method);
    return redirectLocal(reply, next, startPage(locale));
  }
  const token = await startChallenge(db, boxFor(config), user.id, step, next);
  reply.setCookie(CHALLENGE_COOKIE, token, { ...cookieOptions(config), maxAge: CHALLENGE_MINUTES * 60 });
  return reply.redirect(`/${locale}/login/${step}`, 303);
}
