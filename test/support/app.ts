// An app on a test database, with helpers to create users and log in through the real form.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createUser, grantRole } from '../../src/features/accounts/commands.ts';
import { agreements, programmes, users, type Role } from '../../src/db/schema.ts';
import { totpCredentials } from '../../src/features/accounts/tables.ts';
import { currentCode } from '../../src/features/accounts/totp.ts';
import { boxFor } from '../../src/features/accounts/secret-box.ts';
import { forgetProgrammes } from '../../src/web/request-context.ts';
import { openTestDatabase, type DatabaseMode, type TestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * 'running': Leiden's parties renewed the agreement twice (to 2032), so the suite works in it as a
   * running programme on today's date. Default 'as-seeded': on today's date Leiden is a finished
   * programme, an archive (see renewProgramme).
   */
  leiden?: 'as-seeded' | 'running';
}

export async function startTestApp(mode: DatabaseMode, overrides: Partial<Config> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await openTestDatabase(mode);
  const config = { ...loadConfig({}), baseUrl: 'http://localhost', ...overrides };
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  if (options.leiden === 'running') await renewAgreement(database.db, 'leiden', 2);
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export const TEST_PASSWORD = 'correct horse battery staple';
let userCounter = 0;

export interface UserSpec {
  role?: Role;
  project?: string;
  organisation?: string;
  programme?: string;
  name?: string;
}

/** Creates a user (with a role when given) and returns its e-mail address. */
export async function buildUser(t: TestApp, spec: UserSpec = {}): Promise<{ id: string; email: string }> {
  userCounter++;
  const email = `user${userCounter}-${Date.now()}@example.org`;
  const user = await createUser(t.database.db, { email, displayName: spec.name ?? `Test User ${userCounter}`, password: TEST_PASSWORD });
  if (spec.role) await grantRole(t.database.db, { userId: user.id, programmeSlug: spec.programme ?? 'leiden', role: spec.role, project: spec.project, organisation: spec.organisation });
  return { id: user.id, email };
}

export interface Session {
  cookie: string;
  csrf: string;
}

function cookiesOf(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('No CSRF field on the page');
  return match[1]!;
}

/** An anonymous visitor: the CSRF cookie and token from the login page. */
export async function anonymous(t: TestApp): Promise<Session> {
  const page = await t.app.inject({ method: 'GET', url: '/nl/login' });
  return { cookie: `ks_csrf=${cookiesOf(page).ks_csrf}`, csrf: csrfFrom(page.body) };
}

/**
 * Logs in through the real forms, with the second step where the account has one: an administrator
 * or coordinator without an authenticator enrols one through the enrolment form at the first login
 * (as a person would), and later logins enter a code from it (see `authenticatorCode`).
 */
export async function login(t: TestApp, email: string, password = TEST_PASSWORD): Promise<Session> {
  const visitor = await anonymous(t);
  const response = await t.app.inject({
    method: 'POST',
    url: '/nl/login',
    headers: { cookie: visitor.cookie },
    payload: { email, password, _csrf: visitor.csrf },
  });
  if (response.statusCode !== 303) throw new Error(`Login failed for ${email}: ${response.statusCode}`);
  const session = cookiesOf(response).ks_session ?? (await secondStep(t, email, visitor, response));
  const account = await t.app.inject({ method: 'GET', url: '/nl/account', headers: { cookie: `ks_session=${session}` } });
  return { cookie: `ks_session=${session}`, csrf: csrfFrom(account.body) };
}

/** The second step after a right password (enrolment or a code); returns the session cookie. */
async function secondStep(t: TestApp, email: string, visitor: Session, passwordStep: LightMyRequestResponse): Promise<string> {
  const location = String(passwordStep.headers.location);
  const cookie = `${visitor.cookie}; ks_login=${cookiesOf(passwordStep).ks_login ?? ''}`;
  let response: LightMyRequestResponse;
  if (location === '/nl/login/enrol') {
    const page = await t.app.inject({ method: 'GET', url: location, headers: { cookie } });
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec(page.body)?.[1];
    if (!secret) throw new Error(`No authenticator secret on the enrolment page for ${email}`);
    response = await t.app.inject({ method: 'POST', url: location, headers: { cookie }, payload: { _csrf: visitor.csrf, code: currentCode(secret) } });
  } else if (location === '/nl/login/verify') {
    response = await t.app.inject({ method: 'POST', url: location, headers: { cookie }, payload: { _csrf: visitor.csrf, code: await authenticatorCode(t, email) } });
  } else {
    throw new Error(`Login for ${email} went to ${location}`);
  }
  const session = cookiesOf(response).ks_session;
  if (!session) throw new Error(`Second login step failed for ${email}: ${response.statusCode}`);
  return session;
}

/**
 * What the account's authenticator app shows now, for a time step not used yet: a code is refused
 * when its step was used before (replay), so a third login within a minute waits for the next code,
 * as a person would. Reads the secret the server stored (only a test can).
 */
export async function authenticatorCode(t: TestApp, email: string): Promise<string> {
  const [row] = await t.database.db
    .select({ secret: totpCredentials.secret, lastStep: totpCredentials.lastStep })
    .from(totpCredentials)
    .innerJoin(users, eq(users.id, totpCredentials.userId))
    .where(eq(users.email, email));
  if (!row) throw new Error(`${email} has no authenticator`);
  const secret = boxFor(t.config).open(row.secret);
  const PERIOD_MS = 30_000;
  const step = Math.max(Math.floor(Date.now() / PERIOD_MS) - 1, row.lastStep + 1);
  // The server accepts one step either side of its own; wait until `step` is within that.
  const wait = (step - 1) * PERIOD_MS - Date.now() + 50;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return currentCode(secret, step * PERIOD_MS + 1);
}

/** The test app served at a base URL (browser tests log in through the same helpers). */
const servedApps = new Map<string, TestApp>();
export function registerServedApp(baseUrl: string, t: TestApp): void {
  servedApps.set(baseUrl, t);
}
export function servedApp(baseUrl: string): TestApp {
  const t = servedApps.get(baseUrl);
  if (!t) throw new Error(`No test app registered for ${baseUrl}`);
  return t;
}

/** Logs in a fresh user with the given role. */
export async function loginAs(t: TestApp, spec: UserSpec = {}): Promise<Session & { userId: string; email: string }> {
  const user = await buildUser(t, spec);
  return { ...(await login(t, user.email)), userId: user.id, email: user.email };
}

export async function userIdByEmail(t: TestApp, email: string): Promise<string> {
  const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

/**
 * Leiden's agreement (2017-07-07, five years) ended on 2022-07-06, so on today's date Leiden is an
 * archive where only the coordinator may change anything (src/domain/lifecycle.ts). A suite that
 * works in a programme as a running one on today's date (or later) renews its agreement: each
 * renewal adds five years. Most suites ask for it with startTestApp's `leiden: 'running'`.
 */
export async function renewProgramme(t: TestApp, slug: string, renewals: number): Promise<void> {
  await renewAgreement(t.database.db, slug, renewals);
}

async function renewAgreement(db: TestDatabase['db'], slug: string, renewals: number): Promise<void> {
  const [programme] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, slug));
  if (!programme) throw new Error(`renewProgramme: no programme ${slug}`);
  await db.update(agreements).set({ renewals }).where(eq(agreements.programmeId, programme.id));
  forgetProgrammes(db);
}
