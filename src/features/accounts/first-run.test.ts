// First run: with no administrator, the login page points to /setup, where the setup code the
// server printed creates the first administrator (in every programme); afterwards the page is gone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { anonymous, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { loadConfig } from '../../config.ts';
import { auditEvents, programmes, roleAssignments, users } from '../../db/schema.ts';
import { setupCode } from './first-run.ts';

test('every instance with the same secret key prints the same setup code; another installation gets another', () => {
  const key = randomBytes(32).toString('base64');
  const one = setupCode({ ...loadConfig({}), secretKey: key });
  const two = setupCode({ ...loadConfig({}), secretKey: key });
  const other = setupCode({ ...loadConfig({}), secretKey: randomBytes(32).toString('base64') });
  assert.match(one, /^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
  assert.equal(one, two);
  assert.notEqual(one, other);
});

for (const mode of databaseModes()) {
  describe(`first run: the first administrator (${mode})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(mode, { secretKey: randomBytes(32).toString('base64') });
    });
    after(async () => t.close());

    const EMAIL = 'first.admin@example.org';
    const post = async (fields: Record<string, string>) => {
      const visitor = await anonymous(t);
      return t.app.inject({ method: 'POST', url: '/nl/setup', headers: { cookie: visitor.cookie }, payload: { _csrf: visitor.csrf, ...fields } });
    };
    const stored = async () => t.database.db.select().from(users).where(eq(users.email, EMAIL));

    test('the login page offers the set-up, and the set-up page asks for the code', async () => {
      const login = await t.app.inject({ url: '/nl/login' });
      assert.match(login.body, /nog geen beheerder/);
      assert.match(login.body, /href="\/nl\/setup"/);
      const page = await t.app.inject({ url: '/en/setup' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Setup code/);
      assert.match(page.body, /name="password"[^>]*type="password"|type="password"[^>]*name="password"/);
    });

    test('a wrong code, a weak password and a name over the limit are refused with the input kept, and nothing is stored', async () => {
      const good = { code: setupCode(t.config), displayName: 'Eerste Beheerder', email: EMAIL, password: 'a long enough passphrase here' };
      const wrong = await post({ ...good, code: 'AAAA-BBBB-CCCC' });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /Deze instelcode klopt niet/);
      assert.match(wrong.body, /value="Eerste Beheerder"/);
      assert.doesNotMatch(wrong.body, /a long enough passphrase here/, 'the password is never shown again');
      const weak = await post({ ...good, password: 'short' });
      assert.equal(weak.statusCode, 400);
      assert.match(weak.body, /minstens 12 tekens/);
      const long = await post({ ...good, displayName: 'N'.repeat(201) });
      assert.equal(long.statusCode, 400);
      assert.match(long.body, /maximaal 200 tekens/);
      assert.match(long.body, new RegExp(`value="${'N'.repeat(201)}"`), 'the long name is kept in the field, not cut');
      assert.deepEqual(await stored(), []);
    });

    test('the right code creates the administrator in every programme, audited, and goes on to the second step', async () => {
      const code = setupCode(t.config).toLowerCase().replace(/-/g, ' ');
      const response = await post({ code, displayName: 'Eerste Beheerder', email: EMAIL, password: 'a long enough passphrase here' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/nl/login/enrol');
      const [user] = await stored();
      assert.ok(user);
      const roles = await t.database.db.select({ programme: roleAssignments.programmeId }).from(roleAssignments).where(and(eq(roleAssignments.userId, user.id), eq(roleAssignments.role, 'admin')));
      const all = await t.database.db.select({ id: programmes.id }).from(programmes);
      assert.equal(roles.length, all.length);
      assert.ok(all.length >= 1);
      const audit = await t.database.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.actorUserId, user.id));
      assert.deepEqual(audit.map((row) => row.action).sort(), ['role.grant', 'user.create', ...Array(all.length - 1).fill('role.grant')].sort());
    });

    test('once there is an administrator, the set-up page does not exist and the login page no longer offers it', async () => {
      assert.equal((await t.app.inject({ url: '/nl/setup' })).statusCode, 404);
      const again = await post({ code: setupCode(t.config), displayName: 'Tweede', email: 'second@example.org', password: 'a long enough passphrase here' });
      assert.equal(again.statusCode, 404);
      assert.equal((await t.database.db.select().from(users).where(eq(users.email, 'second@example.org'))).length, 0);
      assert.doesNotMatch((await t.app.inject({ url: '/nl/login' })).body, /nog geen beheerder/);
    });
  });
}
