// An app on a test database, with helpers to create users and log in through the real form.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createUser, grantRole } from '../../src/features/accounts/commands.ts';
import { agreements, users, type Role } from '../../src/db/schema.ts';
import { forgetProgrammes } from '../../src/web/request-context.ts';
import { openTestDatabase, type DatabaseMode, type TestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

export async function startTestApp(mode: DatabaseMode, overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase(mode);
  const config = { ...loadConfig({}), baseUrl: 'http://localhost', ...overrides };
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
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

export async function login(t: TestApp, email: string, password = TEST_PASSWORD): Promise<Session> {
  const visitor = await anonymous(t);
  const response = await t.app.inject({
    method: 'POST',
    url: '/nl/login',
    headers: { cookie: visitor.cookie },
    payload: { email, password, _csrf: visitor.csrf },
  });
  if (response.statusCode !== 303) throw new Error(`Login failed for ${email}: ${response.statusCode}`);
  const session = cookiesOf(response).ks_session!;
  const account = await t.app.inject({ method: 'GET', url: '/nl/account', headers: { cookie: `ks_session=${session}` } });
  return { cookie: `ks_session=${session}`, csrf: csrfFrom(account.body) };
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
 * archive where only the coordinator may change anything (src/domain/lifecycle.ts). A test that
 * works in it as a running programme on today's date (or later) renews it: each renewal adds five years.
 */
export async function renewLeiden(t: TestApp, renewals = 1): Promise<void> {
  await t.database.db.update(agreements).set({ renewals });
  forgetProgrammes(t.database.db);
}
