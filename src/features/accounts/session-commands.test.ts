// The session writes as commands: login, logout and ending a session each change the sessions
// table and write their audit row in one transaction; a refused end changes nothing and writes no row.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, gt } from 'drizzle-orm';
import { databaseModes, openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { auditEvents, sessions } from '../../db/schema.ts';
import { createUser } from './commands.ts';
import { downloadPersonalData } from './personal-data.ts';
import { endOwnSession, hashToken, logIn, logOut } from './sessions.ts';
import { renewRecoveryCodes } from './totp.ts';
import { publicSessionId } from './routes-security.tsx';

const TIMEOUTS = { idleMinutes: 30, absoluteHours: 12 };
let counter = 0;

for (const mode of databaseModes()) {
  describe(`session commands (${mode})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(mode);
    });
    after(async () => database.close());

    async function newUser(name: string) {
      counter++;
      const { id } = await createUser(database.db, { email: `session${counter}-${Date.now()}@example.org`, displayName: name, password: 'correct horse battery staple' });
      return { id, userId: id, displayName: name };
    }
    const lastAuditId = async () => (await database.db.select({ id: auditEvents.id }).from(auditEvents)).reduce((max, row) => Math.max(max, Number(row.id)), 0);
    const auditSince = async (id: number) => database.db.select().from(auditEvents).where(gt(auditEvents.id, id)).orderBy(auditEvents.id);
    const sessionsOf = async (userId: string) => database.db.select().from(sessions).where(eq(sessions.userId, userId));

    test('login starts a session, ends the one the browser came with, and writes one user.login row', async () => {
      const user = await newUser('Ada Login');
      const first = await logIn(database.db, user, TIMEOUTS, { ip: '192.0.2.7', method: 'password' });
      assert.ok(first.ok);
      const mark = await lastAuditId();
      const second = await logIn(database.db, user, TIMEOUTS, { ip: '192.0.2.7', method: 'password+totp', previousSessionId: hashToken(first.value.token) });
      assert.ok(second.ok);
      const stored = await sessionsOf(user.id);
      assert.deepEqual(stored.map((s) => s.id), [hashToken(second.value.token)], 'only the new session is left');
      const rows = await auditSince(mark);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.action, 'user.login');
      assert.equal(rows[0]!.actorUserId, user.id);
      assert.deepEqual(rows[0]!.after, { method: 'password+totp' });
    });

    test('logout removes the session and writes its user.logout row', async () => {
      const user = await newUser('Bo Logout');
      const started = await logIn(database.db, user, TIMEOUTS, { method: 'password' });
      assert.ok(started.ok);
      const mark = await lastAuditId();
      const answer = await logOut(database.db, user, hashToken(started.value.token), '192.0.2.8');
      assert.ok(answer.ok);
      assert.equal((await sessionsOf(user.id)).length, 0);
      const rows = await auditSince(mark);
      assert.deepEqual(rows.map((r) => [r.action, r.actorUserId, r.objectId]), [['user.logout', user.id, user.id]]);
    });

    test('logging out a session that is already gone writes no audit row', async () => {
      const user = await newUser('Cy Twice');
      const mark = await lastAuditId();
      const answer = await logOut(database.db, user, hashToken('no-such-session-token-at-all'));
      assert.ok(answer.ok);
      assert.equal((await auditSince(mark)).length, 0);
    });

    test('ending another user’s session id is refused: the session stays and no audit row is written', async () => {
      const owner = await newUser('Di Owner');
      const stranger = await newUser('Ed Stranger');
      const started = await logIn(database.db, owner, TIMEOUTS, { method: 'password' });
      assert.ok(started.ok);
      const ownersPublicId = publicSessionId(hashToken(started.value.token));
      const mark = await lastAuditId();
      const answer = await endOwnSession(database.db, stranger, ownersPublicId, publicSessionId);
      assert.equal(answer.ok, false);
      assert.equal((await sessionsOf(owner.id)).length, 1);
      assert.equal((await auditSince(mark)).length, 0);
    });

    test('ending one of one’s own sessions removes just that one and writes one session.end row', async () => {
      const user = await newUser('Fi Two Devices');
      const laptop = await logIn(database.db, user, TIMEOUTS, { method: 'password' });
      const phone = await logIn(database.db, user, TIMEOUTS, { method: 'password' });
      assert.ok(laptop.ok && phone.ok);
      const mark = await lastAuditId();
      const answer = await endOwnSession(database.db, user, publicSessionId(hashToken(laptop.value.token)), publicSessionId, '192.0.2.9');
      assert.ok(answer.ok);
      assert.equal(answer.value.sessionId, hashToken(laptop.value.token));
      assert.deepEqual((await sessionsOf(user.id)).map((s) => s.id), [hashToken(phone.value.token)]);
      const rows = await auditSince(mark);
      assert.deepEqual(rows.map((r) => [r.action, r.actorUserId]), [['session.end', user.id]]);
    });

    test('new recovery codes and a personal-data download each write their audit row', async () => {
      const user = await newUser('Gu Careful');
      const mark = await lastAuditId();
      const codes = await renewRecoveryCodes(database.db, user);
      assert.equal(codes.length, 10);
      const data = await downloadPersonalData(database.db, user);
      assert.equal((data.account as { id: string }).id, user.id);
      const rows = await database.db.select().from(auditEvents).where(and(gt(auditEvents.id, mark), eq(auditEvents.actorUserId, user.id))).orderBy(auditEvents.id);
      assert.deepEqual(rows.map((r) => r.action), ['user.recovery_codes_replace', 'user.personal_data_export']);
    });
  });
}
