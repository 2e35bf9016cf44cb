// Personal data: the download holds the person's data and no secrets; erasure leaves no trace of
// the name or e-mail address in any table, while the audit trail keeps a pseudonym.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { anonymous, login, loginAs, startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/support/app.ts';
import { auditEvents, organisations, people, programmes } from '../../db/schema.ts';
import { createUser, grantRole } from './commands.ts';
import { accountErasures } from './tables.ts';

const NAME = 'Zebedeus Quarantaine-Vlietstra';
const MARKERS = ['zebedeus', 'vlietstra', 'uniek-voorbeeld'];

for (const mode of databaseModes()) {
  describe(`personal data (${mode})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(mode);
    });
    after(async () => t.close());

    async function tablesMentioning(): Promise<string[]> {
      const db = t.database.db;
      const tables = ((await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)) as unknown as { rows: { table_name: string }[] }).rows;
      const found: string[] = [];
      for (const { table_name } of tables) {
        // The whole row as text: every column of every type, not only the ones we expect.
        for (const marker of MARKERS) {
          const result = (await db.execute(sql`select count(*)::int as n from ${sql.raw(`"${table_name}"`)} r where r::text ilike ${`%${marker}%`}`)) as unknown as { rows: { n: number }[] };
          if (result.rows[0]!.n > 0) found.push(`${table_name} (${marker}: ${result.rows[0]!.n})`);
        }
      }
      return found;
    }

    test('download all personal data as JSON, without secrets; erasure removes name and e-mail from every table', async () => {
      const db = t.database.db;
      const email = `zebedeus.vlietstra.${mode}@uniek-voorbeeld.nl`;
      const user = await createUser(db, { email, displayName: NAME, password: TEST_PASSWORD });
      await grantRole(db, { userId: user.id, programmeSlug: 'leiden', role: 'partner', organisation: 'lumc' });
      const [programme] = await db.select().from(programmes).where(eq(programmes.slug, 'leiden'));
      const [lumc] = await db.select().from(organisations).where(eq(organisations.slug, 'lumc'));
      await db.insert(people).values({ programmeId: programme!.id, name: NAME, email, organisationId: lumc!.id, userId: user.id });
      // Traces elsewhere: login (audit label), a reset mail, an invitation to a second role.
      const own = await login(t, email);
      const v = await anonymous(t);
      await t.app.inject({ method: 'POST', url: '/nl/password/forgot', headers: { cookie: v.cookie }, payload: { _csrf: v.csrf, email } });
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const invited = await t.app.inject({ method: 'POST', url: '/en/leiden/invitations', headers: { cookie: coordinator.cookie }, payload: { _csrf: coordinator.csrf, email, displayName: NAME, role: 'support' } });
      assert.equal(invited.statusCode, 303);
      assert.ok((await tablesMentioning()).length >= 5, 'the name is in several tables before erasure');

      const download = await t.app.inject({ url: '/nl/account/personal-data', headers: { cookie: own.cookie } });
      assert.equal(download.statusCode, 200);
      assert.match(String(download.headers['content-disposition']), /attachment/);
      const data = JSON.parse(download.body);
      assert.equal(data.account.email, email);
      assert.equal(data.account.displayName, NAME);
      assert.equal(data.account.passwordHash, undefined);
      assert.equal(data.related['role_assignments.user_id'][0].role, 'partner');
      assert.ok(data.related['sessions.user_id'].length >= 1);
      assert.ok(data.related['sessions.user_id'].every((s: { id: string; csrf_token: string }) => s.id === '[secret, not exported]' || s.csrf_token === '[secret, not exported]'));
      assert.ok(data.byEmail.mails.length >= 2);
      assert.ok(data.activity.some((a: { action: string }) => a.action === 'user.login'));
      assert.doesNotMatch(download.body, /\$argon2/);
      assert.equal((await t.app.inject({ url: '/nl/account/personal-data' })).statusCode === 200, false, 'not without signing in');

      // Only an administrator of the programme erases.
      const erase = (cookie: string, payload: Record<string, string>) => t.app.inject({ method: 'POST', url: '/nl/leiden/admin/erase', headers: { cookie }, payload });
      assert.equal((await erase(coordinator.cookie, { _csrf: coordinator.csrf, user: user.id, confirm: 'yes' })).statusCode, 403);
      const admin = await loginAs(t, { role: 'admin' });
      const form = await t.app.inject({ url: '/en/leiden/admin/erase', headers: { cookie: admin.cookie } });
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Zebedeus/);
      assert.equal((await erase(admin.cookie, { _csrf: admin.csrf, user: user.id })).statusCode, 400, 'must confirm');
      assert.equal((await erase(admin.cookie, { _csrf: admin.csrf, user: '00000000-0000-4000-8000-000000000000', confirm: 'yes' })).statusCode, 404);
      assert.equal((await erase(admin.cookie, { _csrf: admin.csrf, user: admin.userId, confirm: 'yes' })).statusCode, 400, 'not oneself');
      const done = await erase(admin.cookie, { _csrf: admin.csrf, user: user.id, confirm: 'yes' });
      assert.equal(done.statusCode, 303);

      assert.deepEqual(await tablesMentioning(), [], 'no table mentions the erased person');
      const [erasure] = await db.select().from(accountErasures).where(eq(accountErasures.userId, user.id));
      const trail = await db.select().from(auditEvents).where(eq(auditEvents.actorUserId, user.id));
      assert.ok(trail.length >= 2, 'the audit trail keeps the events');
      assert.ok(trail.every((row) => row.actorLabel === erasure!.pseudonym));
      assert.notEqual((await t.app.inject({ url: '/nl/account', headers: { cookie: own.cookie } })).statusCode, 200, 'sessions ended');
      const relogin = await t.app.inject({ method: 'POST', url: '/nl/login', headers: { cookie: v.cookie }, payload: { _csrf: v.csrf, email, password: TEST_PASSWORD } });
      assert.equal(relogin.statusCode, 401);
      // Outside an erasure the audit trail is still append-only.
      await assert.rejects(db.execute(sql`update audit_events set actor_label = 'x' where actor_user_id = ${user.id}`));
      await assert.rejects(db.execute(sql`delete from audit_events where actor_user_id = ${user.id}`));
    });
  });
}
