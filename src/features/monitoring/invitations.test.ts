// Meeting invitations through a real SMTP server: each member with an account gets a mail in their
// own language with the meeting's .ics attached (METHOD:REQUEST, the calendar feed's UID); a change
// is sent as an update of the same calendar entry; a member who switched invitations off gets none.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ical from 'node-ical';
import { asc, eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { buildUser, loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { people, users } from '../../db/schema.ts';
import { savePreferences } from './mail.ts';
import { mailOutbox } from './tables.ts';
import { partsOf, startSmtp, textOf, type Received } from './test-smtp.ts';

const P = '/nl/leiden';

function calendarOf(mail: Received): { headers: string; text: string; event: ical.VEvent } {
  const part = partsOf(mail.raw).find((p) => /Content-Type:\s*text\/calendar/i.test(p.headers));
  assert.ok(part, 'a text/calendar part');
  const events = Object.values(ical.sync.parseICS(part.content)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
  assert.equal(events.length, 1);
  // Unfold long lines (RFC 5545 3.1) so the tests can read whole properties.
  return { headers: part.headers, text: part.content.replace(/\r\n[ \t]/g, ''), event: events[0]! };
}

for (const mode of databaseModes()) {
  describe(`meeting invitations (${mode})`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let coordinator: Session;
    before(async () => {
      smtp = await startSmtp();
      const previous = process.env.SMTP_URL;
      process.env.SMTP_URL = smtp.url;
      try {
        t = await startTestApp(mode, {}, { leiden: 'running' });
      } finally {
        if (previous === undefined) delete process.env.SMTP_URL;
        else process.env.SMTP_URL = previous;
      }
      coordinator = await loginAs(t, { role: 'coordinator' });
    });
    after(async () => {
      await t.close();
      await smtp.close();
    });

    const post = (session: Session, url: string, payload: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { ...payload, _csrf: session.csrf } });

    const subjects = async (address: string) =>
      (await t.database.db.select({ subject: mailOutbox.subject }).from(mailOutbox).where(eq(mailOutbox.toAddress, address)).orderBy(asc(mailOutbox.id))).map((r) => r.subject);

    /** Gives the executive member with this name an account; returns its address. */
    async function seat(name: string, locale: 'nl' | 'en', options: { invitations?: boolean } = {}) {
      const user = await buildUser(t, { role: 'executive', name: `Account of ${name}` });
      await t.database.db.update(users).set({ locale }).where(eq(users.id, user.id));
      await t.database.db.update(people).set({ userId: user.id }).where(eq(people.name, name));
      if (options.invitations === false) {
        const actor = { userId: user.id, displayName: name, programmeId: null, assignments: [] };
        const saved = await savePreferences({ actor, db: t.database.db, preferences: { deadlines: true, reports: true, digest: true, invitations: false } });
        assert.ok(saved.ok);
      }
      return user.email;
    }

    test('the coordinator sends invitations; members get them in their language with the .ics attached; a change goes out as an update of the same entry', async () => {
      const names = (await t.database.db.select({ name: people.name }).from(people)).map((p) => p.name);
      const [dutch, english, quiet] = ['Stolker', 'Spaan', 'Dirkse'].map((part) => names.find((n) => n.includes(part))!);
      const nlAddress = await seat(dutch!, 'nl');
      const enAddress = await seat(english!, 'en');
      const quietAddress = await seat(quiet!, 'nl', { invitations: false });

      // 12 November 2030, 14:00 in Amsterdam (winter time) is 13:00 UTC.
      const planned = await post(coordinator, `${P}/bodies/executive/meetings`, { date: '2030-11-12', startTime: '14:00', endTime: '16:00', location: 'Stadhuis Leiden' });
      assert.equal(planned.statusCode, 303);
      const id = /\/meetings\/([0-9a-f-]{36})$/.exec(String(planned.headers.location))![1]!;
      const page = await t.app.inject({ url: `${P}/meetings/${id}`, headers: { cookie: coordinator.cookie } });
      assert.match(page.body, /Er zijn nog geen uitnodigingen verstuurd/);
      assert.match(page.body, /Uitnodigingen versturen/);
      // Beforehand: who will receive one, and who will not and why.
      assert.match(page.body, /2 leden krijgen een uitnodiging: /);
      assert.match(page.body, /van den Eijnden[^<]*: (niet gekoppeld aan een account|geen account en geen e-mailadres bekend)/);
      assert.match(page.body, /: heeft vergaderuitnodigingen zelf uitgezet/);

      const member = await loginAs(t, { role: 'executive' });
      assert.equal((await post(member, `${P}/meetings/${id}/invitations`)).statusCode, 403, 'only the coordinator sends');
      assert.equal(smtp.inbox.length, 0);

      const sent = await post(coordinator, `${P}/meetings/${id}/invitations`);
      assert.equal(sent.statusCode, 303);
      // Afterwards: how many were sent (by SMTP: none queued), skipped (switched off) and unreachable.
      const report = /^(.*)\?invited=2-0-1-0-(\d+)#invitations-heading$/.exec(String(sent.headers.location));
      assert.ok(report, String(sent.headers.location));
      assert.equal(report[1], `${P}/meetings/${id}`);
      const reported = await t.app.inject({ url: String(sent.headers.location).replace(/#.*/, ''), headers: { cookie: coordinator.cookie } });
      assert.match(reported.body, /2 uitnodigingen per e-mail verstuurd\./);
      assert.match(reported.body, /1 lid had deze versie al of heeft uitnodigingen uitgezet\./);
      const to = (address: string) => smtp.inbox.filter((m) => m.to.includes(address));
      assert.equal(to(nlAddress).length, 1);
      assert.equal(to(enAddress).length, 1);
      assert.equal(to(quietAddress).length, 0, 'switched invitations off');

      const nlMail = to(nlAddress)[0]!;
      assert.match(textOf(nlMail.raw), /U bent uitgenodigd voor deze vergadering/);
      assert.match(textOf(nlMail.raw), /Wanneer: 12 november 2030 om 14:00 – 16:00/);
      const enMail = to(enAddress)[0]!;
      assert.deepEqual(await subjects(enAddress), ['Invitation: Steering group – executive, 12 November 2030']);
      assert.match(textOf(enMail.raw), /When: 12 November 2030 at 14:00 – 16:00/);
      const invite = calendarOf(enMail);
      // iMIP as Outlook and Exchange expect it: the calendar is an alternative of the text, with its METHOD.
      const head = enMail.raw.slice(0, enMail.raw.search(/\r?\n\r?\n/));
      assert.match(head, /^Content-Type: multipart\/mixed;/im);
      assert.match(enMail.raw, /Content-Type: multipart\/alternative;[\s\S]*Content-Type: text\/plain[\s\S]*Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
      assert.match(invite.headers, /Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
      assert.doesNotMatch(invite.headers, /Content-Disposition: attachment/i, 'the alternative part is not an attachment');
      assert.match(enMail.raw, /Content-Type: application\/ics; name=invite\.ics/i, 'and invite.ics for clients that only open attachments');
      assert.match(head, /^Auto-Submitted: auto-generated\r?$/m);
      assert.match(head, /^Content-Language: en\r?$/m);
      assert.match(nlMail.raw.slice(0, nlMail.raw.search(/\r?\n\r?\n/)), /^Content-Language: nl\r?$/m);
      assert.match(invite.text, /^METHOD:REQUEST\r?$/m);
      assert.match(invite.text, /^DTSTART:20301112T130000Z\r?$/m, 'start written in UTC');
      assert.equal(invite.event.start.toISOString(), '2030-11-12T13:00:00.000Z');
      assert.equal(invite.event.end!.toISOString(), '2030-11-12T15:00:00.000Z');
      // The organizer is the no-reply sender: no reply is asked for.
      assert.match(invite.text, new RegExp(`^ATTENDEE;.*RSVP=FALSE;CN="Account of [^"]+":mailto:${enAddress.replace(/[.]/g, '\\.')}\\r?$`, 'im'));
      assert.match(invite.text, new RegExp(`^UID:meeting-${id}@kennisstad\\r?$`, 'm'), 'a UID that does not change with the domain');
      assert.match(invite.text, /^ORGANIZER;CN="Kennisstad":mailto:no-reply@kennisstad\.invalid\r?$/m);
      // The same UID as the body's calendar feed: a calendar that subscribed holds one entry.
      const feed = await t.app.inject({ url: `${P}/bodies/executive/meetings.ics` });
      const feedEvent = (Object.values(ical.sync.parseICS(feed.body)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[]).find((e) => e.uid === invite.event.uid);
      assert.ok(feedEvent, `the feed has UID ${invite.event.uid}`);

      // Pressing again sends nothing new, and says so; the page says what was sent.
      const again = await post(coordinator, `${P}/meetings/${id}/invitations`);
      assert.match(String(again.headers.location), /\?invited=0-0-3-0-\d+#/);
      assert.match((await t.app.inject({ url: String(again.headers.location).replace(/#.*/, ''), headers: { cookie: coordinator.cookie } })).body, /Er is geen uitnodiging verstuurd\./);
      assert.equal(smtp.inbox.length, 2);
      const after = await t.app.inject({ url: `${P}/meetings/${id}`, headers: { cookie: coordinator.cookie } });
      assert.match(after.body, /Uitnodigingen verstuurd op .* aan 2 leden\. De leden hebben de laatste versie\./);

      // A change (cancelled): the page asks to send the update; members get METHOD:CANCEL for the same UID, SEQUENCE 1.
      const sequence = /name="sequence" value="(\d+)"/.exec((await t.app.inject({ url: `${P}/meetings/${id}`, headers: { cookie: coordinator.cookie } })).body)![1]!;
      const cancelled = await post(coordinator, `${P}/meetings/${id}/cancel`, { sequence, reason: 'Geen agendapunten', confirmed: 'yes' });
      assert.equal(cancelled.statusCode, 303);
      assert.match(String(cancelled.headers.location), /#invitations-heading$/, 'lands where the update is sent');
      assert.match((await t.app.inject({ url: `${P}/meetings/${id}`, headers: { cookie: coordinator.cookie } })).body, /Wijziging versturen/);
      assert.equal((await post(coordinator, `${P}/meetings/${id}/invitations`)).statusCode, 303);
      const update = to(enAddress);
      assert.equal(update.length, 2);
      const cancel = calendarOf(update[1]!);
      assert.deepEqual(await subjects(enAddress), ['Invitation: Steering group – executive, 12 November 2030', 'Cancelled: Steering group – executive, 12 November 2030']);
      assert.match(cancel.text, /^METHOD:CANCEL\r?$/m);
      assert.match(cancel.text, /^SEQUENCE:1\r?$/m);
      assert.equal(cancel.event.uid, invite.event.uid);
      assert.equal(to(nlAddress).length, 2);
    });
  });
}
