import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { setClock } from '../../clock.ts';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { organisations, projectPartners, projects } from '../../db/schema.ts';
import { mailOutbox } from '../monitoring/tables.ts';
import { joinRequests, partnerConsultations } from './tables.ts';

for (const mode of databaseModes()) {
  describe(`asking to join a project (${mode})`, () => {
    let t: TestApp;
    let projectId: string;
    before(async () => {
      t = await startTestApp(mode);
      projectId = (await t.database.db.select().from(projects).where(eq(projects.code, '3a')))[0]!.id;
      setClock('2018-02-01T12:00:00Z');
    });
    after(async () => {
      setClock(null);
      await t.close();
    });

    const orgIdOf = async (slug: string) => (await t.database.db.select().from(organisations).where(eq(organisations.slug, slug)))[0]!.id;
    const requestsOf = async (organisationId: string) => t.database.db.select().from(joinRequests).where(and(eq(joinRequests.projectId, projectId), eq(joinRequests.organisationId, organisationId)));
    const isPartner = async (organisationId: string) => (await t.database.db.select().from(projectPartners).where(and(eq(projectPartners.projectId, projectId), eq(projectPartners.organisationId, organisationId)))).length;
    const post = (session: { cookie: string; csrf: string }, path: string, payload: Record<string, string>, locale = 'nl') =>
      t.app.inject({ method: 'POST', url: `/${locale}/leiden/projects/3a${path}`, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf, ...payload } });
    const get = (session: { cookie: string }, url: string) => t.app.inject({ url, headers: { cookie: session.cookie } });

    test('a non-party asks, the lead records the advice and accepts after confirming; the requester sees it and is mailed', async () => {
      const outsiderId = await orgIdOf('taskforce-studentenhuisvesting');
      const partner = await loginAs(t, { role: 'partner', organisation: 'taskforce-studentenhuisvesting', name: 'Tessa Taskforce' });
      const lead = await loginAs(t, { role: 'lead', project: '3a', name: 'Lotte Lead' });

      const page = await get(partner, '/nl/leiden/projects/3a');
      assert.match(page.body, /href="\/nl\/leiden\/projects\/3a\/join-requests\/new"[^>]*>[^<]*Toetreding aanvragen als Taskforce Studentenhuisvesting/);
      const form = await get(partner, '/en/leiden/projects/3a/join-requests/new');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Ask to join/);

      // The requester's own language is required; nothing is stored without it.
      const englishOnly = await post(partner, '/join-requests/new', { organisationId: outsiderId, motivation_en: 'We build student housing' });
      assert.equal(englishOnly.statusCode, 400);
      assert.match(englishOnly.body, /Schrijf uw motivatie in elk geval in het Nederlands/);
      assert.match(englishOnly.body, /We build student housing/, 'the input is kept');
      const tooLong = await post(partner, '/join-requests/new', { organisationId: outsiderId, motivation_nl: 'x'.repeat(4001) });
      assert.equal(tooLong.statusCode, 400);
      const notMine = await post(partner, '/join-requests/new', { organisationId: await orgIdOf('iclon'), motivation_nl: 'Namens een ander' });
      assert.equal(notMine.statusCode, 400, 'only for an organisation the contact speaks for');
      assert.equal((await requestsOf(outsiderId)).length, 0);

      const asked = await post(partner, '/join-requests/new', { organisationId: outsiderId, motivation_nl: 'Wij bouwen studentenwoningen.\n- 200 kamers' });
      assert.equal(asked.statusCode, 303);
      assert.equal(asked.headers.location, '/nl/leiden/projects/3a#join-requests');
      const again = await post(partner, '/join-requests/new', { organisationId: outsiderId, motivation_nl: 'Nog een keer' });
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /al een openstaand verzoek/);
      const [request] = await requestsOf(outsiderId);
      assert.equal(request!.status, 'requested');
      assert.equal(request!.requestedByLabel, 'Tessa Taskforce');
      assert.equal(request!.version, 1);

      const waiting = await get(partner, '/nl/leiden/projects/3a');
      assert.match(waiting.body, /In behandeling/);
      assert.doesNotMatch(waiting.body, /Toetreding aanvragen als/, 'no second request while one is open');
      assert.match((await get(partner, '/nl/leiden/my-work')).body, /3a [^<]*: In behandeling/);

      // The lead finds it on the project page and in my work.
      const leadPage = await get(lead, '/nl/leiden/projects/3a');
      const reviewPath = `/nl/leiden/projects/3a/join-requests/${request!.id}`;
      assert.match(leadPage.body, new RegExp(`href="${reviewPath}"`));
      assert.match((await get(lead, '/nl/leiden/my-work')).body, new RegExp(`href="${reviewPath}"`));
      const review = await get(lead, reviewPath);
      assert.equal(review.statusCode, 200);
      assert.match(review.body, /is geen partij bij de samenwerkingsovereenkomst/);

      const noAdvice = await post(lead, `/join-requests/${request!.id}/accept`, { version: '1', role: 'partner' });
      assert.equal(noAdvice.statusCode, 400);
      assert.match(noAdvice.body, /leg het advies van de stuurgroep vast/);
      const advice = { version: '1', role: 'partner', consultedOn: '2018-01-20', level: 'support', outcome: 'agreed', note_nl: 'Welkom' };
      const ask = await post(lead, `/join-requests/${request!.id}/accept`, advice);
      assert.equal(ask.statusCode, 200);
      assert.match(ask.body, /Taskforce Studentenhuisvesting toelaten tot 3a\./);
      assert.match(ask.body, /name="confirmed" value="yes"/);
      assert.equal(await isPartner(outsiderId), 0, 'nothing before the confirmation');
      const stale = await post(lead, `/join-requests/${request!.id}/accept`, { ...advice, version: '7', confirmed: 'yes' });
      assert.equal(stale.statusCode, 409);
      assert.equal(await isPartner(outsiderId), 0);

      const accepted = await post(lead, `/join-requests/${request!.id}/accept`, { ...advice, confirmed: 'yes' });
      assert.equal(accepted.statusCode, 303);
      assert.equal(await isPartner(outsiderId), 1);
      const [after] = await requestsOf(outsiderId);
      assert.equal(after!.status, 'accepted');
      assert.equal(after!.decidedByLabel, 'Lotte Lead');
      assert.equal(after!.version, 2);
      const [consultation] = await t.database.db.select().from(partnerConsultations).where(and(eq(partnerConsultations.projectId, projectId), eq(partnerConsultations.organisationId, outsiderId)));
      assert.equal(consultation!.outcome, 'agreed');
      const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'joinRequest'));
      assert.ok(mails.some((m) => /^Toetreding toegekend: 3a\./.test(m.subject) && m.body.includes('#join-requests')), JSON.stringify(mails.map((m) => m.subject)));

      const twice = await post(lead, `/join-requests/${request!.id}/accept`, { ...advice, confirmed: 'yes' });
      assert.equal(twice.statusCode, 409, 'a decided request is not decided again');
      const seen = await get(partner, '/en/leiden/projects/3a');
      assert.match(seen.body, /Accepted by Lotte Lead/);
      assert.match((await get(partner, '/nl/leiden/my-work')).body, /: Toegelaten/);
      assert.match((await get(lead, '/nl/leiden/projects/3a')).body, /Toetredingsverzoek toegelaten/, 'in the history');
    });

    test('the lead declines with a reason; who asked may withdraw; others get 404', async () => {
      const unitId = await orgIdOf('iclon');
      const partner = await loginAs(t, { role: 'partner', organisation: 'iclon', name: 'Ilse Iclon' });
      const lead = await loginAs(t, { role: 'lead', project: '3a', name: 'Lotte Lead' });
      assert.equal((await post(partner, '/join-requests/new', { organisationId: unitId, motivation_nl: 'Wij leiden docenten op.' })).statusCode, 303);
      const [request] = await requestsOf(unitId);
      const review = await get(lead, `/nl/leiden/projects/3a/join-requests/${request!.id}`);
      assert.match(review.body, /is partij bij de samenwerkingsovereenkomst/);

      const noReason = await post(lead, `/join-requests/${request!.id}/decline`, { version: '1' });
      assert.equal(noReason.statusCode, 400);
      const confirm = await post(lead, `/join-requests/${request!.id}/decline`, { version: '1', reason_nl: 'Past niet in de opzet' });
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /Het verzoek van ICLON[^<]*afwijzen\?/);
      assert.equal((await requestsOf(unitId))[0]!.status, 'requested');
      const declined = await post(lead, `/join-requests/${request!.id}/decline`, { version: '1', reason_nl: 'Past niet in de opzet', confirmed: 'yes' });
      assert.equal(declined.statusCode, 303);
      assert.equal((await requestsOf(unitId))[0]!.status, 'declined');
      assert.equal(await isPartner(unitId), 0);
      assert.match((await get(partner, '/nl/leiden/projects/3a')).body, /Afgewezen door Lotte Lead[^<]*Reden: Past niet in de opzet/);
      assert.match((await get(partner, '/nl/leiden/my-work')).body, /: Afgewezen \(Reden: Past niet in de opzet\)/);
      const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'joinRequest'));
      assert.ok(mails.some((m) => /^Toetreding afgewezen: 3a\./.test(m.subject) && m.body.includes('Past niet in de opzet')));

      // A new request after a decline; who asked withdraws it after confirming; nobody else can.
      assert.equal((await post(partner, '/join-requests/new', { organisationId: unitId, motivation_nl: 'Tweede poging' })).statusCode, 303);
      const second = (await requestsOf(unitId)).find((r) => r.status === 'requested')!;
      const path = `/join-requests/${second.id}/withdraw`;
      assert.equal((await post(lead, path, { version: '1', confirmed: 'yes' })).statusCode, 404, 'only who asked withdraws');
      assert.equal((await post(partner, path, { version: '1' })).statusCode, 200, 'a confirmation step first');
      assert.equal((await post(partner, path, { version: '1', confirmed: 'yes' })).statusCode, 303);
      assert.equal((await requestsOf(unitId)).find((r) => r.id === second.id)!.status, 'withdrawn');

      const otherLead = await loginAs(t, { role: 'lead', project: '2a' });
      assert.equal((await get(otherLead, `/nl/leiden/projects/3a/join-requests/${second.id}`)).statusCode, 404);
      assert.equal((await get(partner, `/nl/leiden/projects/3a/join-requests/${second.id}`)).statusCode, 404);
      assert.equal((await get(lead, '/nl/leiden/projects/3a/join-requests/new')).statusCode, 404, 'a lead has no organisation to ask for');
      // Added straight from the partner form while a request is open: the request is answered with it, and who asked is told.
      assert.equal((await post(partner, '/join-requests/new', { organisationId: unitId, motivation_nl: 'Derde poging' })).statusCode, 303);
      const third = (await requestsOf(unitId)).find((r) => r.status === 'requested')!;
      assert.equal((await post(lead, '/partners/new', { organisationId: unitId, role: 'partner' })).statusCode, 303);
      assert.equal(await isPartner(unitId), 1);
      const answered = (await requestsOf(unitId)).find((r) => r.id === third.id)!;
      assert.equal(answered.status, 'accepted');
      assert.equal(answered.decidedByLabel, 'Lotte Lead');
      const told = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'joinRequest'));
      assert.equal(told.filter((m) => /^Toetreding toegekend: 3a\./.test(m.subject) && m.body.includes('ICLON')).length, 1);

      const coordinator = await loginAs(t, { role: 'coordinator' });
      assert.equal((await get(coordinator, `/nl/leiden/projects/3a/join-requests/${second.id}`)).statusCode, 200);
    });
  });
}
