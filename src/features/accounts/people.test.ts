// People and accounts are one: the coordinator links a body member to an existing account or
// invites them by e-mail from the body page; accepting links the person with the body's role;
// meeting invitations then reach them, and the meeting page says beforehand who will and will
// not be invited and afterwards how many were sent or queued. Without SMTP_URL every mail waits
// in the outbox, which only administrators see (and find in the navigation).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, desc, eq, like } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { anonymous, buildUser, csrfFrom, login, loginAs, type Session, type TestApp, startTestApp } from '../../../test/support/app.ts';
import { agreementParties, organisations, people, roleAssignments } from '../../db/schema.ts';
import { mailOutbox } from '../monitoring/tables.ts';
import { bodyMemberships } from '../meetings/tables.ts';

const P = '/nl/leiden';

for (const mode of databaseModes()) {
  describe(`people and accounts (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session;
    before(async () => {
      delete process.env.SMTP_URL;
      t = await startTestApp(mode, {}, { leiden: 'running' });
      coordinator = await loginAs(t, { role: 'coordinator' });
    });
    after(async () => t.close());

    const get = (session: Session | null, url: string) => t.app.inject({ url, headers: session ? { cookie: session.cookie } : {} });
    const post = (session: Session, url: string, payload: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { ...payload, _csrf: session.csrf } });

    /** The active executive member whose name contains `part`. */
    async function member(part: string) {
      const rows = await t.database.db
        .select({ id: people.id, name: people.name, userId: people.userId })
        .from(people)
        .innerJoin(bodyMemberships, eq(bodyMemberships.personId, people.id))
        .where(like(people.name, `%${part}%`));
      assert.ok(rows[0], `a member named like ${part}`);
      return rows[0]!;
    }

    test('the body page links each member to their account page, for the coordinator only', async () => {
      const person = await member('Stolker');
      const page = await get(coordinator, `${P}/bodies/executive`);
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(`href="${P}/people/${person.id}"`), 'a link to the person');
      assert.match(page.body, /geen account/);
      const visitor = await get(null, `${P}/bodies/executive`);
      assert.ok(!visitor.body.includes('/people/'), 'visitors see no account links');
      const executive = await loginAs(t, { role: 'executive' });
      assert.equal((await get(executive, `${P}/people/${person.id}`)).statusCode, 403);
      assert.equal((await get(coordinator, `${P}/people/00000000-0000-4000-8000-000000000000`)).statusCode, 404);
      const account = await get(coordinator, `${P}/people/${person.id}`);
      assert.equal(account.statusCode, 200);
      assert.match(account.body, /Nog niet gekoppeld aan een account/);
      assert.match(account.body, /Lid stuurgroep \(bestuurlijk\)/, 'the role of the seat is offered');
    });

    test('linking an existing account gives it the seat\'s role; a foreign or unknown account is refused with the input kept', async () => {
      const person = await member('Spaan');
      const partner = await buildUser(t, { role: 'partner', organisation: 'lumc', name: 'Partner Spaan' });
      const stranger = await buildUser(t, { name: 'No role here' });
      const refused = await post(coordinator, `${P}/people/${person.id}/link`, { user: stranger.id, grant: 'executive' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Kies een account met een rol in dit programma/);
      const badGrant = await post(coordinator, `${P}/people/${person.id}/link`, { user: partner.id, grant: 'lead:1a' });
      assert.equal(badGrant.statusCode, 400);
      assert.match(badGrant.body, /Kies een rol die bij deze persoon hoort/);
      const executive = await loginAs(t, { role: 'executive' });
      assert.equal((await post(executive, `${P}/people/${person.id}/link`, { user: partner.id, grant: 'executive' })).statusCode, 403);

      const linked = await post(coordinator, `${P}/people/${person.id}/link`, { user: partner.id, grant: 'executive' });
      assert.equal(linked.statusCode, 303);
      assert.equal(linked.headers.location, `${P}/people/${person.id}?done=linked`);
      const [row] = await t.database.db.select({ userId: people.userId }).from(people).where(eq(people.id, person.id));
      assert.equal(row!.userId, partner.id);
      const roles = await t.database.db.select({ role: roleAssignments.role }).from(roleAssignments).where(eq(roleAssignments.userId, partner.id));
      assert.deepEqual(roles.map((r) => r.role).sort(), ['executive', 'partner']);
      // Linking again does not grant the role twice.
      assert.equal((await post(coordinator, `${P}/people/${person.id}/link`, { user: partner.id, grant: 'executive' })).statusCode, 303);
      assert.equal((await t.database.db.select().from(roleAssignments).where(and(eq(roleAssignments.userId, partner.id), eq(roleAssignments.role, 'executive')))).length, 1);
      const page = await get(coordinator, `${P}/people/${person.id}?done=linked`);
      assert.match(page.body, /Gekoppeld aan het account van Partner Spaan/);
      // Unlink: the person is no longer that account.
      assert.equal((await post(coordinator, `${P}/people/${person.id}/unlink`)).statusCode, 303);
      const [unlinked] = await t.database.db.select({ userId: people.userId }).from(people).where(eq(people.id, person.id));
      assert.equal(unlinked!.userId, null);
    });

    test('an invitation from the person page links the person on acceptance; the new member lands on their start page with the next meeting', async () => {
      const person = await member('Dirkse');
      const empty = await post(coordinator, `${P}/people/${person.id}/invite`, { email: 'not an address', grant: 'executive' });
      assert.equal(empty.statusCode, 400);
      assert.ok(empty.body.includes('value="not an address"'), 'the input is kept');

      const address = `dirkse-${Date.now()}@example.org`;
      const sent = await post(coordinator, `${P}/people/${person.id}/invite`, { email: address, grant: 'executive' });
      assert.equal(sent.statusCode, 303);
      assert.match((await get(coordinator, `${P}/people/${person.id}?done=invited`)).body, new RegExp(`Er staat een uitnodiging open aan ${address}`));
      const [mail] = await t.database.db.select({ body: mailOutbox.body }).from(mailOutbox).where(eq(mailOutbox.toAddress, address)).orderBy(desc(mailOutbox.id));
      const link = /http:\/\/localhost(\/nl\/invitation\/[A-Za-z0-9_-]+)/.exec(mail!.body)![1]!;

      // A meeting of the body, planned before the member accepts.
      const planned = await post(coordinator, `${P}/bodies/executive/meetings`, { date: '2031-03-04', startTime: '10:00', endTime: '12:00', location: 'Stadhuis Leiden' });
      assert.equal(planned.statusCode, 303);
      const meetingId = /\/meetings\/([0-9a-f-]{36})$/.exec(String(planned.headers.location))![1]!;
      assert.equal((await post(coordinator, `${P}/meetings/${meetingId}/items`, { title_nl: 'Jaarplan', kind: 'discussion' })).statusCode, 303);
      const itemId = /\/items\/([0-9a-f-]{36})\/documents/.exec((await get(coordinator, `${P}/meetings/${meetingId}`)).body)![1]!;
      assert.equal((await post(coordinator, `${P}/meetings/${meetingId}/items/${itemId}/documents`, { docTitle_nl: 'Concept jaarplan', url: 'https://example.org/jaarplan.pdf' })).statusCode, 303);

      const visitor = await anonymous(t);
      const form = await t.app.inject({ url: link, headers: { cookie: visitor.cookie } });
      assert.equal(form.statusCode, 200);
      const accepted = await t.app.inject({ method: 'POST', url: link, headers: { cookie: visitor.cookie }, payload: { password: 'a long enough passphrase 42', _csrf: csrfFrom(form.body) } });
      assert.equal(accepted.statusCode, 303);
      assert.equal(accepted.headers.location, `${P}/my-work`);
      const [row] = await t.database.db.select({ userId: people.userId }).from(people).where(eq(people.id, person.id));
      assert.ok(row!.userId, 'the person is linked to the new account');
      const roles = await t.database.db.select({ role: roleAssignments.role }).from(roleAssignments).where(eq(roleAssignments.userId, row!.userId!));
      assert.deepEqual(roles.map((r) => r.role), ['executive']);

      const session = accepted.cookies.find((c) => c.name === 'ks_session')!.value;
      const start = await t.app.inject({ url: `${P}/my-work`, headers: { cookie: `ks_session=${session}` } });
      assert.equal(start.statusCode, 200);
      assert.match(start.body, /Mijn werk/);
      assert.ok(start.body.includes(`href="${P}/meetings/${meetingId}"`), 'the next meeting is linked');
      assert.match(start.body, /4 maart 2031/);
      assert.match(start.body, /<a class="utrecht-link" href="https:\/\/example.org\/jaarplan.pdf">Concept jaarplan<\/a>/, 'with its documents');
    });

    test('the meeting page says who will and will not be invited and why; sending reports how many were queued, never a silent 0', async () => {
      // The support body has no members in the default data: the coordinator adds one (no account, no address).
      const added = await post(coordinator, `${P}/bodies/support/members`, { name: 'Sam Support', organisation: '', position: 'member', startsOn: '2020-01-01', replaces: '' });
      assert.equal(added.statusCode, 303);
      const planned = await post(coordinator, `${P}/bodies/support/meetings`, { date: '2031-05-06', startTime: '10:00', endTime: '11:00', location: 'Stadhuis' });
      const meetingId = /\/meetings\/([0-9a-f-]{36})$/.exec(String(planned.headers.location))![1]!;
      const url = `${P}/meetings/${meetingId}`;
      const before = await get(coordinator, url);
      assert.match(before.body, /Geen enkel lid krijgt een uitnodiging/);
      assert.match(before.body, /Sam Support: geen account en geen e-mailadres bekend/);

      // Nobody reachable: the report says so.
      const none = await post(coordinator, `${url}/invitations`);
      assert.equal(none.statusCode, 303);
      assert.match(String(none.headers.location), /\?invited=0-0-0-0-1#invitations-heading$/, 'one unreachable member counted');
      const nonePage = await get(coordinator, String(none.headers.location).replace(/#.*/, ''));
      assert.match(nonePage.body, /Er is geen uitnodiging verstuurd\./);
      assert.match(nonePage.body, /1 lid heeft geen bruikbaar account/);

      // Link one support member; without SMTP_URL the invitation waits in the outbox, and the page says so.
      const supportBody = await get(coordinator, `${P}/bodies/support`);
      const personId = /\/people\/([0-9a-f-]{36})" aria-label="Account van Sam Support"/.exec(supportBody.body)![1]!;
      const account = await buildUser(t, { role: 'support', name: 'Support Member' });
      assert.equal((await post(coordinator, `${P}/people/${personId}/link`, { user: account.id, grant: 'support' })).statusCode, 303);
      assert.match((await get(coordinator, url)).body, /1 lid krijgt een uitnodiging: /);
      const sent = await post(coordinator, `${url}/invitations`);
      assert.match(String(sent.headers.location), /\?invited=1-1-0-0-0#invitations-heading$/);
      const page = await get(coordinator, String(sent.headers.location).replace(/#.*/, ''));
      assert.match(page.body, /1 uitnodiging staat klaar in de uitgaande e-mail/);
      const queued = await t.database.db.select({ delivery: mailOutbox.delivery }).from(mailOutbox).where(like(mailOutbox.dedupeKey, `meeting:${meetingId}:%`));
      assert.deepEqual(queued.map((q) => q.delivery), ['outbox']);
    });

    test('the outbox is in the navigation for administrators, not for the coordinator', async () => {
      const admin = await loginAs(t, { role: 'admin' });
      const adminPage = await get(admin, `${P}/bodies`);
      assert.ok(adminPage.body.includes(`href="${P}/outbox"`));
      assert.equal((await get(admin, `${P}/outbox`)).statusCode, 200);
      const coordinatorPage = await get(coordinator, `${P}/bodies`);
      assert.ok(!coordinatorPage.body.includes(`href="${P}/outbox"`));
      assert.ok(coordinatorPage.body.includes(`href="${P}/dashboard"`), 'the coordinator keeps the management items');
      assert.ok(coordinatorPage.body.includes(`href="${P}/my-work"`), 'my work is in the signed-in navigation');
      assert.ok(!(await get(null, `${P}/bodies`)).body.includes(`href="${P}/my-work"`), 'not for visitors');
    });

    test('my work lists what waits for a lead and a partner, each linked to where it is done; /my-work goes on to the programme', async () => {
      const lead = await loginAs(t, { role: 'lead', project: '1a' });
      const landing = await get(lead, '/nl/my-work');
      assert.equal(landing.statusCode, 303);
      assert.equal(landing.headers.location, `${P}/my-work`);
      const page = await get(lead, `${P}/my-work`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Voortgangsrapportages \d{4}-Q\d/);
      assert.ok(page.body.includes(`href="${P}/projects/1a"`) || page.body.includes(`href="${P}/projects/1a/report"`), 'the project is linked');
      assert.ok(page.body.includes(`href="${P}/fund/applications/new"`), 'applying to the fund is linked');
      assert.doesNotMatch(page.body, /Naar het dashboard/);
      const partner = await loginAs(t, { role: 'partner', organisation: 'lumc' });
      const partnerPage = await get(partner, `${P}/my-work`);
      assert.match(partnerPage.body, /Projecten van uw organisatie/);
      assert.match(partnerPage.body, new RegExp(`href="${P}/projects/[0-9a-z]+"`));
      assert.equal((await get(null, `${P}/my-work`)).statusCode, 303, 'visitors are sent to log in');
      const coordinatorPage = await get(coordinator, `${P}/my-work`);
      assert.ok(coordinatorPage.body.includes(`href="${P}/dashboard"`));
      assert.match(coordinatorPage.body, /Naar het dashboard/);
    });

    test('a member who attended sees the decisions awaiting their confirmation on my work (four eyes), the recorder does not', async () => {
      const person = await member('Stolker');
      const account = await buildUser(t, { role: 'executive', name: 'Account Stolker' });
      assert.equal((await post(coordinator, `${P}/people/${person.id}/link`, { user: account.id, grant: 'executive' })).statusCode, 303);
      const planned = await post(coordinator, `${P}/bodies/executive/meetings`, { date: '2026-06-10', startTime: '14:00', endTime: '16:00', location: 'Stadhuis Leiden' });
      assert.equal(planned.statusCode, 303);
      const meetingId = /\/meetings\/([0-9a-f-]{36})$/.exec(String(planned.headers.location))![1]!;
      const [seat] = await t.database.db.select({ id: bodyMemberships.id }).from(bodyMemberships).where(eq(bodyMemberships.personId, person.id));
      assert.equal((await post(coordinator, `${P}/meetings/${meetingId}/attendance`, { present: seat!.id })).statusCode, 303);
      assert.equal((await post(coordinator, `${P}/meetings/${meetingId}/decisions`, { text_nl: 'Werkplan vastgesteld', outcome: 'adopted' })).statusCode, 303);

      const stolker = await login(t, account.email);
      const page = await get(stolker, `${P}/my-work`);
      assert.match(page.body, /Besluiten om te bevestigen/);
      assert.match(page.body, new RegExp(`<a class="utrecht-link" href="${P}/meetings/${meetingId}">Werkplan vastgesteld`));
      const mine = await get(coordinator, `${P}/my-work`);
      assert.doesNotMatch(mine.body, /Werkplan vastgesteld/, 'the coordinator recorded it and did not attend');
    });

    test("a party's representative sees the amendments awaiting their party's answer until they answer", async () => {
      const parties = await t.database.db.select({ id: agreementParties.id, slug: organisations.slug }).from(agreementParties).innerJoin(organisations, eq(organisations.id, agreementParties.organisationId));
      const reps: Record<string, Session & { partyId: string }> = {};
      for (const slug of ['lumc', 'gemeente-leiden']) {
        const user = await loginAs(t, { role: 'partner', organisation: slug, name: `Rep ${slug}` });
        const partyId = parties.find((p) => p.slug === slug)!.id;
        assert.equal((await post(coordinator, `${P}/agreement/representatives`, { party: partyId, email: user.email })).statusCode, 303);
        reps[slug] = { ...user, partyId };
      }
      const proposed = await post(reps.lumc!, `${P}/agreement/amendments`, { confirmed: 'yes', party: reps.lumc!.partyId, title_nl: 'Looptijd verlengen', title_en: 'Extend the term', reason_nl: 'Omdat', reason_en: 'Because', body_duration_nl: 'Deze overeenkomst duurt tien jaar.', body_duration_en: 'This agreement lasts ten years.' });
      assert.equal(proposed.statusCode, 303, proposed.body.slice(0, 300));
      const number = /amendments\/(\d+)$/.exec(String(proposed.headers.location))![1]!;
      const before = await get(reps['gemeente-leiden']!, `${P}/my-work`);
      assert.ok(before.body.includes(`href="${P}/agreement/amendments/${number}"`), 'the amendment is linked');
      assert.match(before.body, /Looptijd verlengen/);
      const answered = await post(reps['gemeente-leiden']!, `${P}/agreement/amendments/${number}/answers`, { party: reps['gemeente-leiden']!.partyId, answer: 'consent', note: '' });
      assert.equal(answered.statusCode, 303, answered.body.slice(0, 300));
      assert.ok(!(await get(reps['gemeente-leiden']!, `${P}/my-work`)).body.includes(`/agreement/amendments/${number}"`), 'answered: no longer waiting');
    });

    test('the invitation form offers projects and organisations as choices', async () => {
      const page = await get(coordinator, `${P}/invitations`);
      assert.match(page.body, /<select[^>]*id="project"/);
      assert.match(page.body, /<select[^>]*id="organisation"/);
      assert.match(page.body, /<option value="lumc"/);
      // From a project's page: the lead role and the project come pre-selected.
      const project = await get(coordinator, `${P}/projects/1a`);
      assert.ok(project.body.includes(`href="${P}/invitations?role=lead&amp;project=1a"`), 'the project page links to inviting its lead');
      assert.ok(!(await get(null, `${P}/projects/1a`)).body.includes('/invitations?'), 'not for visitors');
      const prefilled = await get(coordinator, `${P}/invitations?role=lead&project=1a`);
      assert.match(prefilled.body, /<option value="lead" selected>/);
      assert.match(prefilled.body, /<option value="1a" selected>/);
      const organisation = await get(coordinator, `${P}/organisations/lumc`);
      assert.ok(organisation.body.includes(`href="${P}/invitations?role=partner&amp;organisation=lumc"`));
    });
  });
}
