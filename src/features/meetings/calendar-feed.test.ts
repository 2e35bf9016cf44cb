// A member's private calendar feed: made from the bodies page, shown once, fetched without a
// session at its secret address with the meetings (and agendas) of the bodies the member sees
// inside; a new address revokes the old; revoking ends it; a lead or partner has none.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ical from 'node-ical';
import { eq } from 'drizzle-orm';
import { setClock } from '../../clock.ts';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { auditEvents } from '../../db/schema.ts';
import { calendarFeeds } from './tables.ts';

const P = '/nl/leiden';

async function post(t: TestApp, session: Session, url: string, payload: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { ...payload, _csrf: session.csrf } });
}

for (const mode of databaseModes()) {
  describe(`private calendar feed (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session;
    let support: Session & { userId: string };
    before(async () => {
      t = await startTestApp(mode, {}, { leiden: 'running' });
      coordinator = await loginAs(t, { role: 'coordinator' });
      support = await loginAs(t, { role: 'support' });
      setClock('2031-01-10T10:00:00Z');
    });
    after(async () => {
      setClock(null);
      await t.close();
    });

    const plan = async (kind: 'executive' | 'support', date: string, item: string) => {
      const planned = await post(t, coordinator, `${P}/bodies/${kind}/meetings`, { date, startTime: '14:00', endTime: '16:00', location: 'Stadhuis Leiden' });
      assert.equal(planned.statusCode, 303);
      const id = /\/meetings\/([0-9a-f-]{36})$/.exec(String(planned.headers.location))![1]!;
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/items`, { title_nl: item, title_en: `${item} (en)`, kind: 'discussion' })).statusCode, 303);
      return id;
    };

    test('a support member makes the address from the bodies page and subscribes without a session', async () => {
      const supportMeeting = await plan('support', '2031-02-03', 'Voortgang huisvesting');
      const executiveMeeting = await plan('executive', '2031-03-03', 'Vertrouwelijk punt van het bestuur');
      const bodies = await t.app.inject({ url: `${P}/bodies`, headers: { cookie: support.cookie } });
      assert.ok(bodies.body.includes(`href="${P}/my-calendar"`), 'linked from the bodies page');
      assert.ok(!(await t.app.inject({ url: `${P}/bodies` })).body.includes('/my-calendar'), 'not for the public');
      const page = await t.app.inject({ url: `${P}/my-calendar`, headers: { cookie: support.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /U heeft nog geen persoonlijk agenda-abonnement/);

      const made = await post(t, support, `${P}/my-calendar/renew`);
      assert.equal(made.statusCode, 200);
      const address = /id="calendar-feed-address"[^>]*>([^<]+)</.exec(made.body)![1]!;
      assert.match(address, /^http:\/\/localhost(:\d+)?\/feeds\/calendar\/[A-Za-z0-9_-]{40,50}\.ics\?lang=nl$/);
      const path = new URL(address).pathname + new URL(address).search;
      const rows = await t.database.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, support.userId));
      assert.equal(rows.length, 1);
      assert.ok(!rows[0]!.tokenHash.includes(path.split('/').at(-1)!.replace(/\.ics.*/, '')), 'only a hash is stored');
      assert.doesNotMatch((await t.app.inject({ url: `${P}/my-calendar`, headers: { cookie: support.cookie } })).body, /calendar-feed-address/, 'shown once');

      const feed = await t.app.inject({ url: path });
      assert.equal(feed.statusCode, 200);
      assert.match(String(feed.headers['content-type']), /^text\/calendar/);
      assert.equal(feed.headers['cache-control'], 'private, no-store');
      const events = Object.values(ical.sync.parseICS(feed.body)).filter((e) => e?.type === 'VEVENT');
      const uids = events.map((e) => (e as unknown as { uid: string }).uid);
      assert.ok(uids.includes(`meeting-${supportMeeting}@kennisstad`), 'the support level’s meeting');
      assert.ok(!uids.includes(`meeting-${executiveMeeting}@kennisstad`), 'not the executive level’s: a support member does not see it inside');
      assert.match(feed.body, /1\. Voortgang huisvesting/, 'with its agenda');
      assert.doesNotMatch(feed.body, /Vertrouwelijk punt/);

      // The coordinator, the bodies' secretary, sees both in their own feed.
      const own = /id="calendar-feed-address"[^>]*>([^<]+)</.exec((await post(t, coordinator, `${P}/my-calendar/renew`)).body)![1]!;
      const coordinatorFeed = await t.app.inject({ url: new URL(own).pathname });
      assert.match(coordinatorFeed.body, /Vertrouwelijk punt van het bestuur/);

      // A new address revokes the old one; revoking ends the new one too.
      const renewed = /id="calendar-feed-address"[^>]*>([^<]+)</.exec((await post(t, support, `${P}/my-calendar/renew`)).body)![1]!;
      assert.equal((await t.app.inject({ url: path })).statusCode, 404, 'the old address no longer works');
      assert.equal((await t.app.inject({ url: new URL(renewed).pathname })).statusCode, 200);
      const revoked = await post(t, support, `${P}/my-calendar/revoke`);
      assert.equal(revoked.statusCode, 303);
      assert.match((await t.app.inject({ url: String(revoked.headers.location), headers: { cookie: support.cookie } })).body, /Het agenda-abonnement is ingetrokken/);
      assert.equal((await t.app.inject({ url: new URL(renewed).pathname })).statusCode, 404);
      assert.equal((await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'calendar.revoke'))).length, 1);
      assert.equal((await t.app.inject({ url: '/feeds/calendar/not-a-token.ics' })).statusCode, 404);
    });

    test('a lead or partner has no calendar feed page', async () => {
      const lead = await loginAs(t, { role: 'lead', project: '3a' });
      assert.equal((await t.app.inject({ url: `${P}/my-calendar`, headers: { cookie: lead.cookie } })).statusCode, 403);
      assert.equal((await post(t, lead, `${P}/my-calendar/renew`)).statusCode, 403);
    });
  });
}
