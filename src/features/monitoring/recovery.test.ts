// "Exactly once, and survive a restart" for the mail jobs: a reminders job whose instance died in
// the middle is taken over after its lease expires and nobody gets a mail twice; a slot scheduled
// before a restart is run by the restarted app (the schedule lives in the database).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, like } from 'drizzle-orm';
import { databaseModes, openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { buildUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { projects } from '../../db/schema.ts';
import { claimNext, daily, JobRunner, scheduleSlots } from './jobs.ts';
import { createMailer, type Mailer } from './mail.ts';
import { sendReminders } from './reminders.ts';
import { jobs, mailOutbox } from './tables.ts';
import { startSmtp } from './test-smtp.ts';

const TODAY = '2018-03-25';

for (const mode of databaseModes()) {
  describe(`mail jobs survive crashes and restarts (${mode})`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let mailer: Mailer;
    before(async () => {
      t = await startTestApp(mode);
      smtp = await startSmtp();
      mailer = createMailer({ smtpUrl: smtp.url });
      await t.database.db.update(projects).set({ lifecycle: 'running' }).where(eq(projects.code, '3a'));
    });
    after(async () => {
      mailer.close();
      await smtp.close();
      await t.close();
    });

    test('a reminders job claimed by an instance that died after its first mail is run once by another instance after the lease expires; no duplicate mail', async () => {
      const db = t.database.db;
      const leads = await Promise.all([1, 2, 3].map((i) => buildUser(t, { role: 'lead', project: '3a', name: `Crash Lead ${i}` })));
      const schedule = [daily('reminders', 5)];
      await scheduleSlots(db, schedule, new Date());
      const job = await claimNext(db, 'instance-a', ['reminders'], 60);
      assert.ok(job);
      // Instance A sends one mail and dies (the handler never returns, the job is never finished).
      let handedOver = 0;
      const dying: Mailer = {
        mode: 'smtp',
        async send(d, mail) {
          if (handedOver++ >= 1) throw new Error('killed');
          return mailer.send(d, mail);
        },
        close() {},
      };
      await assert.rejects(sendReminders(db, dying, { today: TODAY, baseUrl: 'http://localhost', runKey: `job:${job.id}` }), /killed/);
      assert.equal(smtp.inbox.length, 1, 'the dead instance got one mail out');

      const ran: number[] = [];
      const b = new JobRunner(db, schedule, {
        reminders: async (claimed) => {
          ran.push(claimed.id);
          return `sent ${await sendReminders(db, mailer, { today: TODAY, baseUrl: 'http://localhost', runKey: `job:${claimed.id}` })}`;
        },
      });
      assert.equal(await b.tick(), 0, 'while A’s lease lasts, B leaves the job alone');
      await db.update(jobs).set({ leaseUntil: new Date(Date.now() - 1000) }).where(eq(jobs.id, job.id));
      assert.equal(await b.tick(), 1);
      assert.equal(await b.tick(), 0, 'and only once');
      assert.deepEqual(ran, [job.id]);
      const [row] = await db.select().from(jobs).where(eq(jobs.id, job.id));
      assert.equal(row!.state, 'done');
      assert.equal(row!.attempts, 2);
      assert.equal(row!.claimedBy, b.instanceId);

      // Every lead: exactly one reminder of each kind, the first one's included.
      for (const lead of leads) {
        const subjects = smtp.inbox.filter((m) => m.to.includes(lead.email)).map((m) => /Subject: (.*)/.exec(m.raw)![1]);
        assert.equal(subjects.length, 2, `${lead.email}: ${subjects.join(' | ')}`);
        assert.equal(new Set(subjects).size, 2);
      }
      const addresses = smtp.inbox.flatMap((m) => m.to);
      assert.equal(addresses.length, new Set(addresses.map((a, i) => `${a}:${/Subject: (.*)/.exec(smtp.inbox[i]!.raw)![1]}`)).size, 'no mail twice');
    });
  });

  describe(`a scheduled job runs after an app restart (${mode})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(mode);
    });
    after(async () => database.close());

    test('the slot the stopped app had scheduled is run by the restarted app, from the database', async () => {
      // The first app scheduled this morning's reminders and was stopped before it ran them.
      const slot = daily('reminders', 5).slotAt(new Date());
      await scheduleSlots(database.db, [daily('reminders', 5)], new Date());
      const [pending] = await database.db.select().from(jobs).where(and(eq(jobs.name, 'reminders'), eq(jobs.runAt, slot)));
      assert.equal(pending!.state, 'pending');

      // The restarted app: a new connection (PostgreSQL) and a new app that starts its jobs when it listens.
      const handle = database.url ? await openDatabase({ databaseUrl: database.url }) : database;
      const previous = { JOBS: process.env.JOBS, JOBS_INTERVAL_MS: process.env.JOBS_INTERVAL_MS, SMTP_URL: process.env.SMTP_URL };
      delete process.env.JOBS;
      delete process.env.SMTP_URL;
      process.env.JOBS_INTERVAL_MS = '200';
      const app = await buildApp({ config: { ...loadConfig({}), baseUrl: 'http://localhost' }, database: handle, logger: false });
      try {
        await app.listen({ port: 0, host: '127.0.0.1' });
        let row = pending;
        for (let i = 0; i < 100 && row!.state !== 'done'; i++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          [row] = await database.db.select().from(jobs).where(eq(jobs.id, pending!.id));
        }
        assert.equal(row!.state, 'done', `the job is ${row!.state}`);
        assert.equal(row!.attempts, 1);
        assert.match(row!.result!, /^sent \d+$/);
        const rows = await database.db.select({ id: mailOutbox.id }).from(mailOutbox).where(like(mailOutbox.dedupeKey, `job:${pending!.id}:%`));
        assert.equal(rows.length, Number(/\d+/.exec(row!.result!)![0]), 'the mails it counted are in the outbox under its key');
      } finally {
        await app.close();
        Object.assign(process.env, Object.fromEntries(Object.entries(previous).filter(([, v]) => v !== undefined)));
        if (previous.JOBS_INTERVAL_MS === undefined) delete process.env.JOBS_INTERVAL_MS;
        if (handle !== database) await handle.close();
      }
    });
  });
}
