// Signing in over HTTP as a browser does, for code that talks to a running server (the crash test,
// the benchmark) rather than through test/support/app.ts's in-process `login`.
import type { FastifyInstance } from 'fastify';
import { currentCode } from '../../src/features/accounts/totp.ts';

export interface HttpAnswer {
  status: number;
  /** Set-Cookie values joined by ", " (cookie values here never contain a comma). */
  setCookie: string;
  location: string | null;
  body: string;
}

export type Fetcher = (path: string, init?: { method?: 'GET' | 'POST'; cookie?: string; form?: Record<string, string> }) => Promise<HttpAnswer>;

/** A fetcher for a server listening at `base` (redirects are answers, not followed). */
export function fetcherFor(base: string): Fetcher {
  return async (path, init = {}) => {
    const headers: Record<string, string> = {};
    if (init.cookie) headers.cookie = init.cookie;
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(`${base}${path}`, { method: init.method ?? 'GET', headers, body: init.form ? new URLSearchParams(init.form) : undefined, redirect: 'manual' });
    return { status: response.status, setCookie: response.headers.getSetCookie().join(', '), location: response.headers.get('location'), body: await response.text() };
  };
}

/** A fetcher for an app in this process (Fastify's inject). */
export function injectFetcher(app: FastifyInstance): Fetcher {
  return async (path, init = {}) => {
    const response = await app.inject({
      method: init.method ?? 'GET',
      url: path,
      headers: { ...(init.cookie ? { cookie: init.cookie } : {}), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      payload: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    const setCookie = response.headers['set-cookie'];
    return { status: response.statusCode, setCookie: Array.isArray(setCookie) ? setCookie.join(', ') : (setCookie ?? ''), location: response.headers.location?.toString() ?? null, body: response.body };
  };
}

/**
 * One account's authenticator app: its secret is read from the enrolment page at the first login
 * (administrators and coordinators enrol then), and each code is for a time step not used before,
 * since the server refuses a replayed step.
 */
export interface Authenticator {
  secret: string;
  lastStep: number;
}

export function newAuthenticator(): Authenticator {
  return { secret: '', lastStep: -1 };
}

const PERIOD_MS = 30_000;

/** A code for a time step not used yet: waits for the next step when this one was used. */
export async function freshCode(authenticator: Authenticator): Promise<string> {
  let step = Math.floor(Date.now() / PERIOD_MS);
  if (step <= authenticator.lastStep) {
    await new Promise((resolve) => setTimeout(resolve, (authenticator.lastStep + 1) * PERIOD_MS - Date.now() + 50));
    step = Math.floor(Date.now() / PERIOD_MS);
  }
  authenticator.lastStep = step;
  return currentCode(authenticator.secret, step * PERIOD_MS + 1);
}

const cookieValue = (setCookie: string, name: string): string | undefined => new RegExp(`${name}=([^;]+)`).exec(setCookie)?.[1];
const formToken = (html: string): string | undefined => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

/**
 * Signs in through the login form and, where the account needs it, the enrolment or code step.
 * Returns the session cookie and the form token of the signed-in session.
 */
export async function signIn(fetcher: Fetcher, email: string, password: string, authenticator: Authenticator): Promise<{ cookie: string; csrf: string }> {
  const page = await fetcher('/nl/login');
  const csrfCookie = cookieValue(page.setCookie, 'ks_csrf');
  const csrf = formToken(page.body);
  if (!csrfCookie || !csrf) throw new Error(`login page without a form token (${page.status})`);
  const login = await fetcher('/nl/login', { method: 'POST', cookie: `ks_csrf=${csrfCookie}`, form: { email, password, _csrf: csrf } });
  let session = cookieValue(login.setCookie, 'ks_session');
  const step = login.location;
  if (!session && login.status === 303 && (step === '/nl/login/enrol' || step === '/nl/login/verify')) {
    const cookie = `ks_csrf=${csrfCookie}; ks_login=${cookieValue(login.setCookie, 'ks_login') ?? ''}`;
    if (step === '/nl/login/enrol') {
      const enrol = await fetcher(step, { cookie });
      authenticator.secret = /id="totp-secret">([A-Z2-7]+)</.exec(enrol.body)?.[1] ?? '';
      authenticator.lastStep = -1;
      if (!authenticator.secret) throw new Error(`no authenticator secret on the enrolment page (${enrol.status})`);
    }
    const second = await fetcher(step, { method: 'POST', cookie, form: { code: await freshCode(authenticator), _csrf: csrf } });
    session = cookieValue(second.setCookie, 'ks_session');
    if (!session) throw new Error(`second login step refused (${second.status}, to ${second.location ?? 'nowhere'})`);
  }
  if (!session) throw new Error(`login refused (${login.status}, to ${step ?? 'nowhere'})`);
  const account = await fetcher('/nl/account', { cookie: `ks_session=${session}` });
  const accountToken = formToken(account.body);
  if (!accountToken) throw new Error(`account page without a form token (${account.status})`);
  return { cookie: `ks_session=${session}`, csrf: accountToken };
}
