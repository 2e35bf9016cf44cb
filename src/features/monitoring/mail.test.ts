// Reminders and the digest, sent through nodemailer to a real SMTP server started in the test;
// users' mail preferences (language, which mails) and one-click unsubscribe (RFC 8058).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { buildUser, loginAs, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { projects, users } from '../../db/schema.ts';
import { createMailer, preferencesFor, type Mailer } from './mail.ts';
import { sendDigest, sendReminders } from './reminders.ts';
import { mailOutbox, mailPreferences } from './tables.ts';
import { startSmtp, textOf } from './test-smtp.ts';

const TODAY = '2018-03-25';
const BASE = 'https://kennisstad.example';

for (const mode of databaseModes()) {
  describe(`mail through SMTP (${mode})`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let mailer: Mailer;
    const mailsTo = (email: string) => smtp.inbox.filter((m) => m.to.includes(email));
    before(async () => {
      t = await startTestApp(mode);
      smtp = await startSmtp();
      mailer = createMailer({ smtpUrl: smtp.url, from: 'Kennisstad <noreply@example.org>' });
      await t.database.db.update(projects).set({ lifecycle: 'running' }).where(eq(projects.code, '3a'));
    });
    after(async () => {
      mailer.close();
      await smtp.close();
      await t.close();
    });

    test('a lead receives, in English, a reminder of due and overdue actions and one of the missing report, each with a one-click unsubscribe', async () => {
      const lead = await buildUser(t, { role: 'lead', project: '3a', name: 'Lead Housing' });
      await t.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, lead.id));
      const sent = await sendReminders(t.database.db, mailer, { today: TODAY, baseUrl: BASE });
      assert.ok(sent >= 2);
      const mails = mailsTo(lead.email);
      assert.equal(mails.length, 2, 'one mail per kind');
      const actions = mails.find((m) => /Subject: =\?UTF-8\?Q\?Reminder=3A_actions_falling_due/.test(m.raw));
      const report = mails.find((m) => /Subject: =\?UTF-8\?Q\?Reminder=3A_progress_report_for_2018-Q1/.test(m.raw));
      assert.ok(actions && report, 'both reminders arrived');
      assert.match(actions.raw, /List-Unsubscribe:\s+<https:\/\/kennisstad\.example\/en\/mail\/unsubscribe\/[A-Za-z0-9_-]+\?kind=deadlines>/);
      assert.match(actions.raw, /List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
      assert.match(report.raw, /\?kind=reports>/);
      const text = textOf(actions.raw);
      assert.match(text, /Dear Lead Housing,/);
      assert.match(text, /\[3a\] 31 March 2018: /);
      assert.match(text, /https:\/\/kennisstad\.example\/en\/mail\/preferences/);
      const reportText = textOf(report.raw);
      assert.match(reportText, /has not yet filed a progress report for 2018-Q1/);
      assert.match(reportText, /https:\/\/kennisstad\.example\/en\/leiden\/projects\/3a\/report/);
      const rows = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, lead.email));
      assert.deepEqual(rows.map((r) => r.delivery), ['smtp', 'smtp']);
      assert.ok(rows.some((r) => r.subject === 'Reminder: actions falling due — Leiden Knowledge City Programme'));
    });

    test('the coordinator receives the weekly digest in Dutch with the dated commitments', async () => {
      const coordinator = await buildUser(t, { role: 'coordinator', name: 'Coördinator' });
      await sendDigest(t.database.db, mailer, { today: TODAY, baseUrl: BASE });
      const [mail] = mailsTo(coordinator.email);
      assert.ok(mail, 'the SMTP server received the digest');
      const text = textOf(mail.raw);
      assert.match(text, /Beste Coördinator,/);
      assert.match(text, /31 oktober 2017 — over de termijn/);
      assert.match(text, /30 november 2017 — over de termijn/);
      assert.match(text, /\[3a\] 31 maart 2018: /);
      assert.match(text, /Ontbrekende voortgangsrapportages over 2018-Q1: [1-9]/);
      assert.match(mail.raw, /List-Unsubscribe:\s+<https:\/\/kennisstad\.example\/nl\/mail\/unsubscribe\/[A-Za-z0-9_-]+\?kind=digest>/);
    });

    test('one-click unsubscribe (RFC 8058 POST, no cookie) stops that kind only; the confirmation page asks first; unknown token or kind 404', async () => {
      const lead = await buildUser(t, { role: 'lead', project: '3a' });
      const { unsubscribeToken: token } = await preferencesFor(t.database.db, lead.id);
      const page = await t.app.inject({ url: `/nl/mail/unsubscribe/${token}?kind=deadlines` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Wilt u deze e-mail niet meer ontvangen: Herinneringen aan acties die vervallen\?/);
      // What a mail provider sends for List-Unsubscribe-Post: no cookie, no CSRF token.
      const oneClick = await t.app.inject({
        method: 'POST',
        url: `/nl/mail/unsubscribe/${token}?kind=deadlines`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(oneClick.statusCode, 200);
      assert.match(oneClick.body, /U bent afgemeld voor: Herinneringen aan acties die vervallen/);
      const [prefs] = await t.database.db.select().from(mailPreferences).where(eq(mailPreferences.userId, lead.id));
      assert.equal(prefs!.reminders, false);
      assert.equal(prefs!.reportReminders, true, 'only that kind is switched off');
      await sendReminders(t.database.db, mailer, { today: TODAY, baseUrl: BASE });
      const subjects = mailsTo(lead.email).map((m) => /Subject: (.*)/.exec(m.raw)![1]!);
      assert.equal(subjects.length, 1);
      assert.match(subjects[0]!, /voortgangsrapportage/);
      assert.equal((await t.app.inject({ url: '/nl/mail/unsubscribe/aaaaaaaaaaaaaaaaaaaaaaaaaaaa' })).statusCode, 404);
      assert.equal((await t.app.inject({ url: `/nl/mail/unsubscribe/${token}?kind=everything` })).statusCode, 404);
      const wrongToken = await t.app.inject({ method: 'POST', url: '/nl/mail/unsubscribe/bbbbbbbbbbbbbbbbbbbbbbbbbbbb', payload: {} });
      assert.equal(wrongToken.statusCode, 404);
    });

    test('preferences page: a lead who switches reminders off gets none, another lead still does; mail language follows the choice', async () => {
      const quiet = await loginAs(t, { role: 'lead', project: '3a' });
      const english = await loginAs(t, { role: 'lead', project: '3a', name: 'Language Lead' });
      const other = await buildUser(t, { role: 'lead', project: '3a' });
      const account = await t.app.inject({ url: '/nl/account', headers: { cookie: quiet.cookie } });
      assert.match(account.body, /<a class="utrecht-link" href="\/nl\/account\/mail">E-mailinstellingen<\/a>/, 'the account page links to the mail settings');
      const page = await t.app.inject({ url: '/nl/account/mail', headers: { cookie: quiet.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<legend class="utrecht-form-fieldset__legend">Welke e-mail wilt u ontvangen\?<\/legend>/);
      assert.match(page.body, /id="preferences-deadlines" name="deadlines" value="on" checked/);
      const save = (session: typeof quiet, payload: Record<string, string>) =>
        t.app.inject({ method: 'POST', url: '/nl/account/mail', headers: { cookie: session.cookie }, payload: { ...payload, _csrf: session.csrf } });
      // Only the digest and invitations stay on (unchecked boxes are not sent).
      const saved = await save(quiet, { locale: '', digest: 'on', invitations: 'on' });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, '/nl/account/mail?saved=1');
      assert.match((await t.app.inject({ url: '/nl/account/mail?saved=1', headers: { cookie: quiet.cookie } })).body, /Uw e-mailinstellingen zijn opgeslagen/);
      assert.equal((await save(english, { locale: 'en', deadlines: 'on', reports: 'on' })).statusCode, 303);
      const bad = await save(english, { locale: 'fr' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Kies een van de mogelijkheden/);
      assert.match(bad.body, /aria-invalid="true"/);
      const anonymousPage = await t.app.inject({ url: '/nl/account/mail' });
      assert.equal(anonymousPage.statusCode, 303);
      assert.match(String(anonymousPage.headers.location), /\/nl\/login/);

      await sendReminders(t.database.db, mailer, { today: TODAY, baseUrl: BASE });
      assert.equal(mailsTo(quiet.email).length, 0, 'switched off: no reminder at all');
      assert.equal(mailsTo(other.email).length, 2, 'the others still get both reminders');
      const languageMails = mailsTo(english.email);
      assert.equal(languageMails.length, 2);
      assert.ok(languageMails.every((m) => /Dear Language Lead,/.test(textOf(m.raw))), 'a Dutch account that chose English mail gets English');
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

    test('a dedupe key hands a mail over once; a failed attempt is retried under the same key', async () => {
      const mail = { programmeId: null, kind: 'test', to: 'dedupe@example.org', subject: 'Once', body: 'x', dedupeKey: 'test:once:dedupe' };
      const broken = createMailer({ smtpUrl: 'smtp://127.0.0.1:1' });
      assert.equal(await broken.send(t.database.db, mail), 'failed');
      broken.close();
      assert.equal(await mailer.send(t.database.db, mail), 'smtp');
      assert.equal(await mailer.send(t.database.db, mail), 'duplicate');
      assert.equal(mailsTo('dedupe@example.org').length, 1);
      const rows = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'dedupe@example.org'));
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.delivery, 'smtp');
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
