// Reminders and the digest, sent through nodemailer to a real SMTP server started in the test.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { anonymous, buildUser, loginAs, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { projects, users } from '../../db/schema.ts';
import { createMailer, type Mailer } from './mail.ts';
import { sendDigest, sendReminders } from './reminders.ts';
import { mailOutbox, mailPreferences } from './tables.ts';

interface Received {
  to: string[];
  raw: string;
}

async function startSmtp(): Promise<{ server: SMTPServer; url: string; inbox: Received[] }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { server, url: `smtp://127.0.0.1:${port}`, inbox };
}

/** The text part of a received mail, with quoted-printable soft breaks and escapes undone. */
function textOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  const latin = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(latin, 'latin1').toString('utf8');
}

const TODAY = '2018-03-25';

for (const mode of databaseModes()) {
  describe(`mail through SMTP (${mode})`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let mailer: Mailer;
    before(async () => {
      t = await startTestApp(mode);
      smtp = await startSmtp();
      mailer = createMailer({ smtpUrl: smtp.url, from: 'Kennisstad <noreply@example.org>' });
      await t.database.db.update(projects).set({ lifecycle: 'running' }).where(eq(projects.code, '3a'));
    });
    after(async () => {
      mailer.close();
      await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
      await t.close();
    });

    test('a lead receives a reminder in English with due and overdue actions, the missing report and an unsubscribe link', async () => {
      const lead = await buildUser(t, { role: 'lead', project: '3a', name: 'Lead Housing' });
      await t.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, lead.id));
      const sent = await sendReminders(t.database.db, mailer, { today: TODAY, baseUrl: 'https://kennisstad.example' });
      assert.ok(sent >= 1);
      const mail = smtp.inbox.find((m) => m.to.includes(lead.email));
      assert.ok(mail, 'the SMTP server received the reminder');
      assert.match(mail.raw, /Subject: =\?UTF-8\?Q\?Reminder=3A_actions_and_progress/);
      assert.match(mail.raw, /List-Unsubscribe:\s+<https:\/\/kennisstad\.example\/en\/mail\/unsubscribe\/[A-Za-z0-9_-]+>/);
      const text = textOf(mail.raw);
      assert.match(text, /Dear Lead Housing,/);
      assert.match(text, /\[3a\] 31 March 2018: /);
      assert.match(text, /has not yet filed a progress report for 2018-Q1/);
      assert.match(text, /https:\/\/kennisstad\.example\/en\/leiden\/projects\/3a\/report/);
      const [row] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, lead.email));
      assert.equal(row!.delivery, 'smtp');
      assert.equal(row!.subject, 'Reminder: actions and progress — Leiden Knowledge City Programme');
      assert.ok(row!.sentAt);
    });

    test('the coordinator receives the weekly digest in Dutch with the dated commitments', async () => {
      const coordinator = await buildUser(t, { role: 'coordinator', name: 'Coördinator' });
      await sendDigest(t.database.db, mailer, { today: TODAY, baseUrl: 'https://kennisstad.example' });
      const mail = smtp.inbox.find((m) => m.to.includes(coordinator.email));
      assert.ok(mail, 'the SMTP server received the digest');
      const text = textOf(mail.raw);
      assert.match(text, /Beste Co.rdinator,/);
      assert.match(text, /31 oktober 2017 — over de termijn/);
      assert.match(text, /30 november 2017 — over de termijn/);
      assert.match(text, /\[3a\] 31 maart 2018: /);
      assert.match(text, /Ontbrekende voortgangsrapportages over 2018-Q1: [1-9]/);
      assert.match(text, /https:\/\/kennisstad\.example\/nl\/mail\/unsubscribe\//);
    });

    test('unsubscribing through the link stops reminders; an unknown token is 404', async () => {
      const lead = await buildUser(t, { role: 'lead', project: '3a' });
      await sendReminders(t.database.db, mailer, { today: TODAY, baseUrl: 'http://localhost' });
      const [prefs] = await t.database.db.select().from(mailPreferences).where(eq(mailPreferences.userId, lead.id));
      const page = await t.app.inject({ url: `/nl/mail/unsubscribe/${prefs!.unsubscribeToken}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Afmelden/);
      const visitor = await anonymous(t);
      const done = await t.app.inject({ method: 'POST', url: `/nl/mail/unsubscribe/${prefs!.unsubscribeToken}`, headers: { cookie: visitor.cookie }, payload: { _csrf: visitor.csrf } });
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /U bent afgemeld/);
      const before = smtp.inbox.filter((m) => m.to.includes(lead.email)).length;
      await sendReminders(t.database.db, mailer, { today: TODAY, baseUrl: 'http://localhost' });
      assert.equal(smtp.inbox.filter((m) => m.to.includes(lead.email)).length, before);
      assert.equal((await t.app.inject({ url: '/nl/mail/unsubscribe/aaaaaaaaaaaaaaaaaaaaaaaaaaaa' })).statusCode, 404);
    });

    test('without SMTP, mail goes to the outbox that admins read in the browser', async () => {
      const outbox = createMailer({});
      assert.equal(outbox.mode, 'outbox');
      const result = await outbox.send(t.database.db, { programmeId: null, kind: 'test', to: 'outbox-test@example.org', subject: 'Outbox only', body: 'Hallo <wereld>' });
      assert.equal(result, 'outbox');
      const admin = await loginAs(t, { role: 'admin' });
      const page = await t.app.inject({ url: '/nl/leiden/outbox', headers: { cookie: admin.cookie } });
      assert.match(page.body, /outbox-test@example\.org — Outbox only \(outbox\)/);
      assert.match(page.body, /Hallo &lt;wereld>/);
    });

    test('an unreachable SMTP server is recorded as failed, not thrown', async () => {
      const broken = createMailer({ smtpUrl: 'smtp://127.0.0.1:1' });
      const result = await broken.send(t.database.db, { programmeId: null, kind: 'test', to: 'nobody@example.org', subject: 'x', body: 'x' });
      broken.close();
      assert.equal(result, 'failed');
      const [row] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'nobody@example.org'));
      assert.equal(row!.delivery, 'failed');
      assert.ok(row!.error);
    });
  });
}
