import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ical from 'node-ical';
import { and, eq } from 'drizzle-orm';
import { now, setClock } from '../../clock.ts';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, renewProgramme, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { auditEvents, people } from '../../db/schema.ts';
import { amsterdamYear } from '../../domain/cadence.ts';
import { LIMITS } from '../../web/forms.ts';
import { bodyMemberships, decisions, meetingAttendance, meetings } from './tables.ts';

const P = '/nl/leiden';
const LATER = '2040-06-01T10:00:00Z';

async function post(t: TestApp, session: Session, url: string, payload: Record<string, string | string[]>) {
  return t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { ...payload, _csrf: session.csrf } });
}

async function plan(t: TestApp, coordinator: Session, kind: 'executive' | 'support', date: string, extra: Record<string, string> = {}): Promise<string> {
  const response = await post(t, coordinator, `${P}/bodies/${kind}/meetings`, { date, startTime: '14:00', endTime: '16:00', location: 'Stadhuis Leiden', ...extra });
  assert.equal(response.statusCode, 303, response.body.slice(0, 300));
  const id = /\/meetings\/([0-9a-f-]{36})$/.exec(String(response.headers.location))?.[1];
  assert.ok(id, String(response.headers.location));
  return id!;
}

for (const mode of databaseModes()) {
  describe(`meetings (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session & { userId: string };
    let support: Session;
    let executive: Session;
    let lead: Session;
    before(async () => {
      t = await startTestApp(mode);
      coordinator = await loginAs(t, { role: 'coordinator' });
      support = await loginAs(t, { role: 'support' });
      executive = await loginAs(t, { role: 'executive' });
      lead = await loginAs(t, { role: 'lead', project: '3a' });
      // The programme's clock runs from mid-2040, so the meetings these tests plan (2030-2035) have
      // taken place when their minutes and decisions are recorded; the tests of that rule set their own time.
      // Leiden is renewed four times (until 6 July 2042) so that it still runs then, not an archive.
      await renewProgramme(t, 'leiden', 4);
      setClock(LATER);
    });
    after(async () => {
      setClock(null);
      await t.close();
    });

    test('the bodies page shows the three bodies and the four signatories in the executive group, in both languages', async () => {
      const nl = await t.app.inject({ url: `${P}/bodies` });
      assert.equal(nl.statusCode, 200);
      for (const name of ['Stolker', 'Spaan', 'Van den Eijnden', 'Dirkse']) assert.match(nl.body, new RegExp(name, 'i'));
      assert.match(nl.body, /Stuurgroep – [Aa]mbtelijke steun/);
      const en = await t.app.inject({ url: '/en/leiden/bodies/executive' });
      assert.equal(en.statusCode, 200);
      assert.match(en.body, /Meets on average twice a year, counted over the term/);
      assert.match(en.body, /since 7 July 2017/);
      assert.equal((await t.app.inject({ url: `${P}/bodies/board` })).statusCode, 404);
    });

    test('planning a meeting: Amsterdam time stored as UTC; invalid input 400; others refused', async () => {
      const bad = await post(t, coordinator, `${P}/bodies/support/meetings`, { date: '2030-02-30', startTime: '14:00', endTime: '13:00', location: 'Het Gebouw' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Geef een bestaande datum/);
      assert.match(bad.body, /value="Het Gebouw"/, 'keeps what the user typed');
      const order = await post(t, coordinator, `${P}/bodies/support/meetings`, { date: '2030-02-01', startTime: '14:00', endTime: '13:00' });
      assert.equal(order.statusCode, 400);
      assert.match(order.body, /De eindtijd moet na de begintijd liggen/);
      assert.match(order.body, /Vul een plaats of een link voor online deelname in/, 'every problem of the schedule at once');
      const link = await post(t, coordinator, `${P}/bodies/support/meetings`, { date: '2030-02-01', startTime: '14:00', endTime: '16:00', onlineUrl: 'javascript:alert(1)' });
      assert.equal(link.statusCode, 400);
      assert.match(link.body, /Geef een webadres dat begint met https:\/\//);
      const springForward = await post(t, coordinator, `${P}/bodies/support/meetings`, { date: '2030-03-31', startTime: '02:30', endTime: '04:00', location: 'x' });
      assert.equal(springForward.statusCode, 400, '02:30 does not exist in Amsterdam that night');
      assert.match(springForward.body, /Vul een geldige tijd in/);
      assert.equal((await post(t, support, `${P}/bodies/support/meetings`, { date: '2030-02-01', startTime: '14:00', endTime: '16:00', location: 'x' })).statusCode, 404);
      const anonymous = await t.app.inject({ method: 'POST', url: `${P}/bodies/support/meetings`, payload: { date: '2030-02-01' } });
      assert.ok([401, 403].includes(anonymous.statusCode));
      assert.equal((await t.app.inject({ url: `${P}/bodies/support/meetings/new`, headers: { cookie: lead.cookie } })).statusCode, 404);
      assert.equal((await t.app.inject({ url: `${P}/bodies/support/meetings/new`, headers: { cookie: coordinator.cookie } })).statusCode, 200);

      const id = await plan(t, coordinator, 'support', '2030-07-01');
      const page = await t.app.inject({ url: `/en/leiden/meetings/${id}`, headers: { cookie: coordinator.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /1 July 2030 at 14:00 – 16:00/);
      const ics = await t.app.inject({ url: `/en/leiden/meetings/${id}/meeting.ics`, headers: { cookie: coordinator.cookie } });
      assert.match(ics.body, /DTSTART:20300701T120000Z/, 'summer time: 14:00 in Amsterdam is 12:00 UTC');
    });

    test('who sees a meeting: coordinator and members; the support level not the executive one; others 404', async () => {
      const supportMeeting = await plan(t, coordinator, 'support', '2030-03-01');
      const executiveMeeting = await plan(t, coordinator, 'executive', '2030-04-01');
      const status = async (session: Session | null, id: string) => (await t.app.inject({ url: `${P}/meetings/${id}`, headers: session ? { cookie: session.cookie } : {} })).statusCode;
      assert.equal(await status(coordinator, supportMeeting), 200);
      assert.equal(await status(support, supportMeeting), 200);
      assert.equal(await status(executive, supportMeeting), 200);
      assert.equal(await status(executive, executiveMeeting), 200);
      assert.equal(await status(support, executiveMeeting), 404);
      assert.equal(await status(lead, supportMeeting), 404);
      // Without a session: the login page, with the meeting as the return address (a mail link still works).
      assert.equal(await status(null, supportMeeting), 303);
      assert.equal(await status(coordinator, '00000000-0000-4000-8000-000000000000'), 404);
      assert.equal(await status(coordinator, 'not-a-uuid'), 404);
      // A member sees, but may not prepare.
      const page = await t.app.inject({ url: `${P}/meetings/${supportMeeting}`, headers: { cookie: support.cookie } });
      assert.doesNotMatch(page.body, /Agendapunt toevoegen/);
      const write = await post(t, support, `${P}/meetings/${supportMeeting}/items`, { title_nl: 'x', kind: 'information' });
      assert.equal(write.statusCode, 404);
    });

    test('an ordered agenda with kinds, linked projects and documents; items can be moved', async () => {
      const id = await plan(t, coordinator, 'support', '2030-05-01');
      const invalid = await post(t, coordinator, `${P}/meetings/${id}/items`, { title_nl: '', title_en: '', kind: 'gossip', projects: ['9z'] });
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /Vul dit veld in/);
      assert.match(invalid.body, /Kies een van de mogelijkheden/);
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/items`, { title_nl: 'Voortgang 3a', title_en: 'Progress 3a', kind: 'information', projects: ['3a', '1a'] })).statusCode, 303);
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/items`, { title_nl: 'Begroting', kind: 'decision' })).statusCode, 303);
      let page = (await t.app.inject({ url: `${P}/meetings/${id}`, headers: { cookie: coordinator.cookie } })).body;
      assert.ok(page.indexOf('Voortgang 3a') < page.indexOf('Begroting'));
      assert.match(page, /Ter besluitvorming/);
      assert.match(page, /href="\/nl\/leiden\/projects\/3a"/);
      const itemId = [...page.matchAll(/\/items\/([0-9a-f-]{36})\/move/g)].map((m) => m[1]).at(-1)!;
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/items/${itemId}/move`, { direction: 'up' })).statusCode, 303);
      page = (await t.app.inject({ url: `${P}/meetings/${id}`, headers: { cookie: coordinator.cookie } })).body;
      assert.ok(page.indexOf('<strong><span>Begroting') < page.indexOf('<strong><span>Voortgang 3a'), 'moved up');

      const badDoc = await post(t, coordinator, `${P}/meetings/${id}/items/${itemId}/documents`, { docTitle_nl: 'Notitie', url: 'ftp://x' });
      assert.equal(badDoc.statusCode, 400);
      assert.match(badDoc.body, /Geef een webadres dat begint met https:\/\//);
      assert.match(badDoc.body, /value="Notitie"/, 'keeps what the user typed');
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/items/${itemId}/documents`, { docTitle_nl: 'Notitie begroting', url: 'https://example.org/begroting.pdf' })).statusCode, 303);
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/items/00000000-0000-4000-8000-000000000000/documents`, { docTitle_nl: 'x', url: 'https://example.org' })).statusCode, 404);
      page = (await t.app.inject({ url: `${P}/meetings/${id}`, headers: { cookie: coordinator.cookie } })).body;
      assert.match(page, /href="https:\/\/example.org\/begroting.pdf"[^>]*><span>Notitie begroting/);
    });

    test('minutes and meeting state', async () => {
      const id = await plan(t, coordinator, 'support', '2030-06-01');
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/minutes`, { minutes_nl: '', minutes_en: '', version: '1' })).statusCode, 400);
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/minutes`, { minutes_nl: 'Besproken: voortgang.', minutes_en: 'Discussed: progress.', version: '1' })).statusCode, 303);
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/state`, { state: 'exploded' })).statusCode, 400);
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/state`, { state: 'held' })).statusCode, 303);
      const page = await t.app.inject({ url: `/en/leiden/meetings/${id}`, headers: { cookie: support.cookie } });
      assert.match(page.body, /Discussed: progress\./);
      assert.match(page.body, /<dd[^>]*>Held<\/dd>/);
    });

    test('minutes hold LIMITS.minutes characters per language, posted as a real form; one more is refused with the message and the text kept', async () => {
      const id = await plan(t, coordinator, 'support', '2030-06-15');
      // Accented letters and dashes take 6 to 9 bytes once percent-encoded: two languages of these are ~530 KB.
      const full = 'Één café — één idée — coördinatie — ‘notulen’ — '.repeat(3000).slice(0, LIMITS.minutes - 1) + '.';
      assert.equal(full.length, 100_000);
      const encoded = (nl: string, en: string, version = '1') => new URLSearchParams({ minutes_nl: nl, minutes_en: en, version, _csrf: coordinator.csrf }).toString();
      const form = (nl: string, en: string) =>
        t.app.inject({
          method: 'POST',
          url: `${P}/meetings/${id}/minutes`,
          headers: { cookie: coordinator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: encoded(nl, en),
        });
      assert.ok(Buffer.byteLength(encoded(full, full)) > 2 * 256 * 1024, 'twice the old form body limit (256 KB)');
      const saved = await form(full, full);
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
      const [row] = await t.database.db.select({ minutes: meetings.minutes }).from(meetings).where(eq(meetings.id, id));
      assert.equal(row!.minutes.nl, full, 'stored whole, not shortened');
      assert.equal(row!.minutes.en, full);

      const tooLong = await form(`${full}x`, 'Short English minutes.');
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.body, /Dit is te lang: maximaal 100\.000 tekens/);
      assert.ok(tooLong.body.includes(`>${full}x</textarea>`), 'the typed text is kept in the form');
      assert.ok(tooLong.body.includes('>Short English minutes.</textarea>'));
      const [after] = await t.database.db.select({ minutes: meetings.minutes }).from(meetings).where(eq(meetings.id, id));
      assert.equal(after!.minutes.en, full, 'nothing saved');
    });

    test('minutes saved from two tabs: the stale save is refused (409) with who saved what and when, the typed text kept, nothing overwritten', async () => {
      const id = await plan(t, coordinator, 'support', '2030-06-20');
      const secretary = await loginAs(t, { role: 'coordinator', name: 'Tweede Secretaris' });
      const opened = await t.app.inject({ url: `${P}/meetings/${id}`, headers: { cookie: coordinator.cookie } });
      assert.match(opened.body, /<input type="hidden" name="version" value="1"\/>/, 'the minutes form carries the version it was opened at');
      assert.equal((await post(t, secretary, `${P}/meetings/${id}/minutes`, { minutes_nl: 'Eerste tabblad: besproken.', version: '1' })).statusCode, 303);
      const stale = await post(t, coordinator, `${P}/meetings/${id}/minutes`, { minutes_nl: 'Tweede tabblad: anders besproken.', minutes_en: 'Second tab.', version: '1' });
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, /Iemand anders heeft dit intussen gewijzigd/);
      assert.match(stale.body, /Tweede Secretaris heeft dit op .+ opgeslagen, nadat u het formulier opende/);
      assert.match(stale.body, /NL: Eerste tabblad: besproken\./, 'what is saved now');
      assert.ok(stale.body.includes('>Tweede tabblad: anders besproken.</textarea>'), 'the typed text is kept in the form');
      assert.ok(stale.body.includes('>Second tab.</textarea>'));
      assert.match(stale.body, /<input type="hidden" name="version" value="2"\/>/, 'saving again knowingly saves over the current version');
      const [kept] = await t.database.db.select({ minutes: meetings.minutes, version: meetings.minutesVersion }).from(meetings).where(eq(meetings.id, id));
      assert.deepEqual(kept, { minutes: { nl: 'Eerste tabblad: besproken.' }, version: 2 }, 'nothing overwritten');
      const english = await t.app.inject({ method: 'POST', url: `/en/leiden/meetings/${id}/minutes`, headers: { cookie: coordinator.cookie }, payload: { minutes_nl: 'x', version: '1', _csrf: coordinator.csrf } });
      assert.equal(english.statusCode, 409);
      assert.match(english.body, /Someone else changed this in the meantime/);
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/minutes`, { minutes_nl: 'Tweede tabblad: anders besproken.', version: '2' })).statusCode, 303);
      const [after] = await t.database.db.select({ minutes: meetings.minutes, version: meetings.minutesVersion }).from(meetings).where(eq(meetings.id, id));
      assert.deepEqual(after, { minutes: { nl: 'Tweede tabblad: anders besproken.' }, version: 3 });
      // The same text sent again is no change: no new version that would make another tab stale.
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/minutes`, { minutes_nl: 'Tweede tabblad: anders besproken.', version: '3' })).statusCode, 303);
      assert.equal((await t.database.db.select({ version: meetings.minutesVersion }).from(meetings).where(eq(meetings.id, id)))[0]!.version, 3);
    });

    test('two-tier trail: a support proposal lands on a later executive agenda and the decision refers back', async () => {
      const earlierExecutive = await plan(t, coordinator, 'executive', '2031-01-10');
      const supportMeeting = await plan(t, coordinator, 'support', '2031-02-01');
      const executiveMeeting = await plan(t, coordinator, 'executive', '2031-03-01');
      const proposal = { title_nl: 'Toelating project 5x', title_en: 'Admission of project 5x', text_nl: 'De stuurgroep laat project 5x toe.', text_en: 'The steering group admits project 5x.' };
      const tooEarly = await post(t, coordinator, `${P}/meetings/${supportMeeting}/proposals`, { ...proposal, forMeeting: earlierExecutive });
      assert.equal(tooEarly.statusCode, 400);
      assert.match(tooEarly.body, /Kies een bestuurlijke vergadering na deze vergadering/);
      const atExecutive = await post(t, coordinator, `${P}/meetings/${executiveMeeting}/proposals`, { ...proposal, forMeeting: executiveMeeting });
      assert.equal(atExecutive.statusCode, 400);
      assert.equal((await post(t, coordinator, `${P}/meetings/${supportMeeting}/proposals`, { ...proposal, forMeeting: executiveMeeting })).statusCode, 303);

      let executivePage = (await t.app.inject({ url: `${P}/meetings/${executiveMeeting}`, headers: { cookie: coordinator.cookie } })).body;
      assert.match(executivePage, /Toelating project 5x/);
      assert.ok(executivePage.includes(`href="/nl/leiden/meetings/${supportMeeting}">Voorbereid in het ambtelijk overleg van 1 februari 2031`));
      const itemId = /<option value="([0-9a-f-]{36})">Toelating project 5x/.exec(executivePage)![1]!;
      const invalid = await post(t, coordinator, `${P}/meetings/${executiveMeeting}/decisions`, { item: itemId, text_nl: 'x', outcome: 'maybe' });
      assert.equal(invalid.statusCode, 400);
      const otherItem = await post(t, coordinator, `${P}/meetings/${executiveMeeting}/decisions`, { item: '00000000-0000-4000-8000-000000000000', text_nl: 'x', outcome: 'adopted' });
      assert.equal(otherItem.statusCode, 400);
      assert.equal((await post(t, coordinator, `${P}/meetings/${executiveMeeting}/decisions`, { item: itemId, text_nl: 'Project 5x is toegelaten.', text_en: 'Project 5x is admitted.', outcome: 'adopted', public: 'yes' })).statusCode, 303);
      executivePage = (await t.app.inject({ url: `${P}/meetings/${executiveMeeting}`, headers: { cookie: coordinator.cookie } })).body;
      assert.match(executivePage, /Project 5x is toegelaten\.[\s\S]*Aangenomen[\s\S]*Voorbereid in het ambtelijk overleg van 1 februari 2031/);
      const supportPage = (await t.app.inject({ url: `/en/leiden/meetings/${supportMeeting}`, headers: { cookie: support.cookie } })).body;
      assert.ok(supportPage.includes(`href="/en/leiden/meetings/${executiveMeeting}">On the agenda of 1 March 2031`));
      assert.match(supportPage, /Decision: Adopted/);
    });

    test('decisions: the public sees public ones only; members see their bodies’ internal ones', async () => {
      const supportMeeting = await plan(t, coordinator, 'support', '2032-02-01');
      const executiveMeeting = await plan(t, coordinator, 'executive', '2032-03-01');
      await post(t, coordinator, `${P}/meetings/${supportMeeting}/decisions`, { text_nl: 'Intern steunbesluit', outcome: 'postponed' });
      await post(t, coordinator, `${P}/meetings/${executiveMeeting}/decisions`, { text_nl: 'Intern bestuursbesluit', outcome: 'rejected' });
      await post(t, coordinator, `${P}/meetings/${executiveMeeting}/decisions`, { text_nl: 'Openbaar bestuursbesluit', outcome: 'adopted', public: 'yes' });
      const list = async (session: Session | null) => (await t.app.inject({ url: `${P}/decisions`, headers: session ? { cookie: session.cookie } : {} })).body;
      assert.doesNotMatch(await list(null), /Openbaar bestuursbesluit/, 'awaiting confirmation: not yet public');
      assert.match(await list(coordinator), /Openbaar bestuursbesluit/);
      // Confirmed by a member who attended (the four-eyes test below goes through the pages).
      await t.database.db.update(decisions).set({ confirmedAt: new Date('2032-03-01T15:00:00Z'), confirmedByName: 'Voorzitter' }).where(eq(decisions.meetingId, executiveMeeting));
      const publicList = await list(null);
      assert.match(publicList, /Openbaar bestuursbesluit/);
      assert.doesNotMatch(publicList, /De partijen ondertekenen de samenwerkingsovereenkomst/, 'no invented signing decision in the default data');
      assert.doesNotMatch(publicList, /Intern steunbesluit|Intern bestuursbesluit/);
      const supportList = await list(support);
      assert.match(supportList, /Intern steunbesluit/);
      assert.doesNotMatch(supportList, /Intern bestuursbesluit/);
      const coordinatorList = await list(coordinator);
      assert.match(coordinatorList, /Intern steunbesluit[\s\S]*|Intern bestuursbesluit/);
      assert.match(coordinatorList, /Intern bestuursbesluit/);
      assert.doesNotMatch(await list(lead), /Intern/);
    });

    test('the action list is carried from meeting to meeting until done', async () => {
      const first = await plan(t, coordinator, 'support', '2033-02-01');
      const second = await plan(t, coordinator, 'support', '2033-04-01');
      const third = await plan(t, coordinator, 'support', '2033-06-01');
      const bad = await post(t, coordinator, `${P}/meetings/${first}/actions`, { description_nl: 'Notitie schrijven', owner: '', dueOn: '2033-13-01' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /value="Notitie schrijven"/);
      assert.equal((await post(t, coordinator, `${P}/meetings/${first}/actions`, { description_nl: 'Notitie schrijven', owner: 'Gemeente', dueOn: '2033-03-15' })).statusCode, 303);
      const secondPage = (await t.app.inject({ url: `${P}/meetings/${second}`, headers: { cookie: coordinator.cookie } })).body;
      assert.match(secondPage, /Notitie schrijven/);
      const actionId = /\/actions\/([0-9a-f-]{36})\/done/.exec(secondPage)![1]!;
      assert.equal((await post(t, coordinator, `${P}/meetings/${second}/actions/${actionId}/done`, {})).statusCode, 303);
      assert.equal((await post(t, coordinator, `${P}/meetings/${second}/actions/${actionId}/done`, {})).statusCode, 404, 'already done');
      assert.match((await t.app.inject({ url: `${P}/meetings/${second}`, headers: { cookie: coordinator.cookie } })).body, /Notitie schrijven[\s\S]*Afgerond/);
      assert.doesNotMatch((await t.app.inject({ url: `${P}/meetings/${third}`, headers: { cookie: coordinator.cookie } })).body, /Notitie schrijven/);
      // Another body's meeting does not carry it.
      const executiveMeeting = await plan(t, coordinator, 'executive', '2033-05-01');
      assert.doesNotMatch((await t.app.inject({ url: `${P}/meetings/${executiveMeeting}`, headers: { cookie: coordinator.cookie } })).body, /Notitie schrijven/);
    });

    test('members: add, leave and replace; invalid input 400', async () => {
      const bad = await post(t, coordinator, `${P}/bodies/support/members`, { name: '', position: 'king', startsOn: 'soon', organisation: 'nowhere' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Vul dit veld in/);
      assert.equal((await post(t, coordinator, `${P}/bodies/support/members`, { name: 'A. Ambtenaar', position: 'chair', startsOn: '2018-01-01', organisation: 'gemeente-leiden' })).statusCode, 303);
      const page = (await t.app.inject({ url: `${P}/bodies/support`, headers: { cookie: coordinator.cookie } })).body;
      const membershipId = /\/members\/([0-9a-f-]{36})\/leave/.exec(page)![1]!;
      assert.equal((await post(t, coordinator, `${P}/bodies/support/members`, { name: 'B. Opvolger', position: 'chair', startsOn: '2019-01-01', replaces: membershipId })).statusCode, 303);
      const after = (await t.app.inject({ url: '/en/leiden/bodies/support' })).body;
      assert.match(after, /A\. Ambtenaar[\s\S]*1 January 2018 to 1 January 2019/);
      assert.match(after, /B\. Opvolger[\s\S]*since 1 January 2019/);
      assert.equal((await post(t, coordinator, `${P}/bodies/support/members/${membershipId}/leave`, { endsOn: '2020-01-01' })).statusCode, 404, 'already left');
      // Managing members is the coordinator's, refused by role before anything is looked up: 403.
      assert.equal((await post(t, support, `${P}/bodies/support/members`, { name: 'X', position: 'member', startsOn: '2018-01-01' })).statusCode, 403);
      const newcomer = /\/members\/([0-9a-f-]{36})\/leave/.exec((await t.app.inject({ url: `${P}/bodies/support`, headers: { cookie: coordinator.cookie } })).body)![1]!;
      assert.equal((await post(t, coordinator, `${P}/bodies/support/members/${newcomer}/leave`, { endsOn: 'x' })).statusCode, 400);
    });

    test('an empty body tells the coordinator what to do; a coordinator adds the secretary with organisation, position and term', async () => {
      // The agreement names nobody for the coordinator/secretary body: it starts empty.
      const empty = (await t.app.inject({ url: `${P}/bodies/coordinator`, headers: { cookie: coordinator.cookie } })).body;
      assert.match(empty, /de samenwerkingsovereenkomst noemt hiervoor geen personen/);
      assert.match(empty, /<a class="utrecht-link" href="#add-member">/);
      assert.match(empty, /id="add-member"/);
      assert.doesNotMatch(empty, /<table/, 'no empty table');
      const visitor = (await t.app.inject({ url: '/en/leiden/bodies/coordinator' })).body;
      assert.match(visitor, /No members have been recorded yet; the coordinator adds them/);
      assert.doesNotMatch(visitor, /cooperation agreement names no people|id="add-member"/);
      const form = /<form[^>]*action="\/nl\/leiden\/bodies\/coordinator\/members"[\s\S]*?<\/form>/.exec(empty)![0];
      for (const name of ['name', 'organisation', 'position', 'startsOn']) assert.match(form, new RegExp(`name="${name}"`), name);
      for (const position of ['chair', 'member', 'secretary']) assert.match(form, new RegExp(`<option value="${position}"`), position);
      assert.match(form, /<label class="utrecht-form-label" for="member-organisation">/);

      const added = await post(t, coordinator, `${P}/bodies/coordinator/members`, { name: 'S. Secretaris', organisation: 'gemeente-leiden', position: 'secretary', startsOn: '2017-07-07' });
      assert.equal(added.statusCode, 303);
      const page = (await t.app.inject({ url: '/en/leiden/bodies/coordinator' })).body;
      assert.doesNotMatch(page, /No members have been recorded yet/);
      assert.match(page, /<td class="utrecht-table__cell">S\. Secretaris<\/td>\s*<td class="utrecht-table__cell">(<span>)?[^<]*Leiden[^<]*(<\/span>)?<\/td>\s*<td class="utrecht-table__cell">Secretary<\/td>\s*<td class="utrecht-table__cell">since 7 July 2017<\/td>/);
    });

    test('an active membership linked to a user opens the body’s meetings to that user', async () => {
      const member = await loginAs(t, { role: 'partner', organisation: 'lumc' });
      const executiveMeeting = await plan(t, coordinator, 'executive', '2034-03-01');
      assert.equal((await t.app.inject({ url: `${P}/meetings/${executiveMeeting}`, headers: { cookie: member.cookie } })).statusCode, 404);
      const [spaan] = await t.database.db.select({ id: people.id }).from(people).where(eq(people.name, 'Prof. Dr. W.J.M. Spaan'));
      await t.database.db.update(people).set({ userId: member.userId }).where(eq(people.id, spaan!.id));
      assert.equal((await t.app.inject({ url: `${P}/meetings/${executiveMeeting}`, headers: { cookie: member.cookie } })).statusCode, 200);
      await t.database.db.update(bodyMemberships).set({ endsOn: '2030-01-01' }).where(eq(bodyMemberships.personId, spaan!.id));
      assert.equal((await t.app.inject({ url: `${P}/meetings/${executiveMeeting}`, headers: { cookie: member.cookie } })).statusCode, 404, 'after leaving');
    });

    test('ICS feed per body and per meeting: valid RFC 5545 with UTC times', async () => {
      const id = await plan(t, coordinator, 'executive', '2035-01-15', { startTime: '09:30', endTime: '11:00', onlineUrl: 'https://meet.example.org/ks' });
      const feed = await t.app.inject({ url: `${P}/bodies/executive/meetings.ics` });
      assert.equal(feed.statusCode, 200);
      assert.match(String(feed.headers['content-type']), /^text\/calendar/);
      const text = feed.body;
      assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'), 'CRLF line endings');
      assert.ok(text.trimEnd().endsWith('END:VCALENDAR'));
      assert.match(text, /\r\nVERSION:2\.0\r\n/);
      assert.match(text, /\r\nPRODID:[^\r\n]+\r\n/);
      assert.match(text, /\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n/, 'subscribed calendars refresh hourly');
      for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `line folded: ${line}`);
      const stamps = text.match(/^DTSTAMP[^\r\n]*/gm)!;
      assert.ok(stamps.length >= 2);
      for (const stamp of stamps) assert.match(stamp, /^DTSTAMP:\d{8}T\d{6}Z$/);
      for (const start of text.match(/^DT(START|END)[^\r\n]*/gm)!) assert.match(start, /^DT(START|END):\d{8}T\d{6}Z$/, 'UTC, never floating');
      assert.match(text, /DTSTART:20350115T083000Z/, 'winter time: 09:30 in Amsterdam is 08:30 UTC');
      assert.doesNotMatch(text, /DTSTART:20170707T100000Z/, 'no invented signing meeting in the default data');
      const events = Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
      // The UID does not name the site's host: entries survive a move to another domain.
      const event = events.find((e) => e.uid === `meeting-${id}@kennisstad`)!;
      assert.ok(event, 'parsed by node-ical');
      assert.equal((event.start as Date).toISOString(), '2035-01-15T08:30:00.000Z');
      assert.equal((event.end as Date).toISOString(), '2035-01-15T10:00:00.000Z');
      assert.match(text.replace(/\r\n /g, ''), new RegExp(`URL;VALUE=URI:http://localhost/nl/leiden/meetings/${id}`));
      const uids = events.map((e) => e.uid);
      assert.equal(new Set(uids).size, uids.length, 'unique UIDs');

      const single = await t.app.inject({ url: `${P}/meetings/${id}/meeting.ics`, headers: { cookie: coordinator.cookie } });
      assert.equal(single.statusCode, 200);
      assert.equal((single.body.match(/BEGIN:VEVENT/g) ?? []).length, 1);
      const visitor = await t.app.inject({ url: `${P}/meetings/${id}/meeting.ics` });
      assert.equal(visitor.statusCode, 303, 'not for the public: sign in first');
      assert.match(String(visitor.headers.location), /^\/nl\/login\?next=/);
      assert.equal((await t.app.inject({ url: `${P}/bodies/nothing/meetings.ics` })).statusCode, 404);
    });

    test('the dashboard: the executive level’s average over the term, the support level’s range per year (pro rata in a part-year), years without an adopted annual agenda', async () => {
      const dashboard = async (locale = 'nl') => (await t.app.inject({ url: `/${locale}/leiden/dashboard`, headers: { cookie: coordinator.cookie } })).body;
      try {
        // Two months into the term: 2017 is a part-year (7 July to 31 December), so its share of "4 à 6 x p.j." is 2 to 3.
        setClock('2017-09-01T10:00:00Z', { frozen: true });
        await plan(t, coordinator, 'support', '2017-10-10');
        let body = await dashboard();
        assert.match(body, /Vergaderritme en jaaragenda’s/);
        assert.match(body, /Looptijd van de overeenkomst: 7 juli 2017 tot en met 6 juli 2022/);
        assert.match(body, /Stuurgroep – [Aa]mbtelijke steun: 1 vergadering gepland of gehouden in 2017; voor het deel van 2017 binnen de looptijd naar rato 2 tot 3\. Plan een vergadering\./);
        assert.match(body, /De overeenkomst \(bijlage\): ‘Ambtelijke steun \(4 à 6 x p\.j\.\)’/);
        assert.match(body, /De overeenkomst: ‘De stuurgroep komt gemiddeld twee keer per jaar bijeen voor de vaststelling van de jaaragenda en een tussentijdse evaluatie van activiteiten’/);
        assert.match(body, /Voor elk jaar van de looptijd tot nu is een jaaragenda vastgesteld/, 'the 2017-2018 agenda of the annex');
        await plan(t, coordinator, 'support', '2017-12-10');
        assert.match(await dashboard(), /Stuurgroep – [Aa]mbtelijke steun: 2 vergaderingen in 2017 \(0 gehouden, 2 gepland\); voor het deel van 2017 binnen de looptijd naar rato 2 tot 3\./);

        // Eighteen months into the term, with no executive meeting in 2018: short on average, and 2019 has no adopted agenda.
        setClock('2019-01-07T12:00:00Z', { frozen: true });
        await plan(t, coordinator, 'support', '2019-02-10');
        body = await dashboard();
        assert.match(body, /Stuurgroep – [Bb]estuurlijk: gemiddeld [01](,\d)? keer per jaar over de looptijd tot nu \(1,5 jaar, (0 vergaderingen|1 vergadering) gehouden\); met geen geplande vergaderingen erbij [01](,\d)? keer per jaar, minder dan gemiddeld 2 keer per jaar\. Plan een vergadering\./);
        assert.match(body, /Stuurgroep – [Aa]mbtelijke steun: 1 vergadering gepland of gehouden in 2019; de overeenkomst noemt 4 tot 6\./);
        assert.match(body, /Voor 2019 is geen jaaragenda vastgesteld\.[^<]*<a class="utrecht-link" href="\/nl\/leiden\/annual-agendas">Naar de jaaragenda’s<\/a>/);
        // Three meetings in 2018 and one planned: never a yearly maximum, the average over the term counts.
        for (const date of ['2018-02-01', '2018-06-01', '2018-11-01']) await plan(t, coordinator, 'executive', date);
        await plan(t, coordinator, 'executive', '2019-06-01');
        body = await dashboard();
        assert.match(body, /Stuurgroep – [Bb]estuurlijk: gemiddeld [23](,\d)? keer per jaar over de looptijd tot nu \(1,5 jaar, [34] vergaderingen gehouden\); met de 1 geplande vergadering erbij [23](,\d)? keer per jaar\./);
        assert.doesNotMatch(body, /[Bb]estuurlijk:[^<]*Plan een vergadering/);
        for (const month of ['04', '06', '08']) await plan(t, coordinator, 'support', `2019-${month}-10`);
        assert.match(await dashboard(), /Stuurgroep – [Aa]mbtelijke steun: 4 vergaderingen in 2019 \(0 gehouden, 4 gepland\); de overeenkomst noemt 4 tot 6\./);
        for (const month of ['09', '10', '11']) await plan(t, coordinator, 'support', `2019-${month}-10`);
        body = await dashboard('en');
        assert.match(body, /Steering group – official support: 7 meetings planned or held in 2019; the agreement names 4 to 6\./);
        assert.match(body, /No annual agenda has been adopted for 2019\./);
        assert.match(body, /the steering group meets on average twice a year/);
        // The dashboard is the coordinator's: a member is told so (403), the page's existence is no secret.
        assert.equal((await t.app.inject({ url: `${P}/dashboard`, headers: { cookie: support.cookie } })).statusCode, 403);
      } finally {
        setClock(LATER);
      }
    });

    test('minutes, attendance and decisions only once the meeting has started, never for a cancelled one; nothing stored', async () => {
      try {
        setClock('2019-03-01T12:00:00Z', { frozen: true }); // 13:00 in Amsterdam
        const id = await plan(t, coordinator, 'executive', '2019-03-01'); // 14:00 - 16:00
        const before = (await t.app.inject({ url: `${P}/meetings/${id}`, headers: { cookie: coordinator.cookie } })).body;
        assert.match(before, /Notulen, aanwezigheid en besluiten kunnen worden vastgelegd zodra de vergadering is begonnen \(1 maart 2019\)/);
        assert.doesNotMatch(before, /action="\/nl\/leiden\/meetings\/[^"]+\/decisions"/, 'no decision form yet');
        const decision = await post(t, coordinator, `${P}/meetings/${id}/decisions`, { text_nl: 'Vooraf vastgelegd', outcome: 'adopted', public: 'yes' });
        assert.equal(decision.statusCode, 400);
        assert.match(decision.body, /Deze vergadering is nog niet begonnen/);
        const minutes = await post(t, coordinator, `${P}/meetings/${id}/minutes`, { minutes_nl: 'Vooraf geschreven', version: '1' });
        assert.equal(minutes.statusCode, 400);
        assert.match(minutes.body, /Deze vergadering is nog niet begonnen/);
        const english = await t.app.inject({ method: 'POST', url: `/en/leiden/meetings/${id}/attendance`, headers: { cookie: coordinator.cookie }, payload: { _csrf: coordinator.csrf } });
        assert.equal(english.statusCode, 400);
        assert.match(english.body, /This meeting has not started yet/);
        assert.equal((await t.database.db.select().from(decisions).where(eq(decisions.meetingId, id))).length, 0, 'nothing stored');
        const [row] = await t.database.db.select({ minutes: meetings.minutes }).from(meetings).where(eq(meetings.id, id));
        assert.deepEqual(row!.minutes, {});

        // From its start the record can be made.
        setClock('2019-03-01T13:00:00Z', { frozen: true });
        assert.equal((await post(t, coordinator, `${P}/meetings/${id}/minutes`, { minutes_nl: 'Besproken.', version: '1' })).statusCode, 303);
        assert.equal((await post(t, coordinator, `${P}/meetings/${id}/decisions`, { text_nl: 'Na de start vastgelegd', outcome: 'adopted' })).statusCode, 303);

        // A cancelled meeting, even long after its date: refused.
        const cancelled = await plan(t, coordinator, 'executive', '2019-02-01');
        assert.equal((await post(t, coordinator, `${P}/meetings/${cancelled}/cancel`, { sequence: '0', reason: 'Geen quorum', confirmed: 'yes' })).statusCode, 303);
        const refused = await post(t, coordinator, `${P}/meetings/${cancelled}/decisions`, { text_nl: 'Besluit bij afgelaste vergadering', outcome: 'adopted' });
        assert.equal(refused.statusCode, 400);
        assert.match(refused.body, /Deze vergadering is geannuleerd/);
        assert.equal((await t.database.db.select().from(decisions).where(eq(decisions.meetingId, cancelled))).length, 0);
      } finally {
        setClock(LATER);
      }
    });

    test('four eyes: a decision the secretary records awaits confirmation by a member who attended, never the recorder', async () => {
      try {
        setClock('2019-05-01T08:00:00Z', { frozen: true });
        const chair = await loginAs(t, { role: 'executive', name: 'Chair Person' });
        const absent = await loginAs(t, { role: 'executive', name: 'Absent Member' });
        const stranger = await loginAs(t, { role: 'executive', name: 'Not A Member' });
        for (const [name, position] of [['C. Voorzitter', 'chair'], ['A. Afwezig', 'member']] as const) {
          assert.equal((await post(t, coordinator, `${P}/bodies/executive/members`, { name, position, startsOn: '2018-01-01', organisation: 'gemeente-leiden' })).statusCode, 303);
        }
        await t.database.db.update(people).set({ userId: chair.userId }).where(eq(people.name, 'C. Voorzitter'));
        await t.database.db.update(people).set({ userId: absent.userId }).where(eq(people.name, 'A. Afwezig'));
        const id = await plan(t, coordinator, 'executive', '2019-04-15');
        assert.equal((await post(t, coordinator, `${P}/meetings/${id}/decisions`, { text_nl: 'Jaaragenda 2019 vastgesteld', text_en: 'Annual agenda 2019 adopted', outcome: 'adopted', public: 'yes' })).statusCode, 303);
        const [decision] = await t.database.db.select().from(decisions).where(eq(decisions.meetingId, id));
        assert.equal(decision!.recordedByUserId, coordinator.userId);
        assert.equal(decision!.confirmedAt, null);
        const confirmUrl = `${P}/meetings/${id}/decisions/${decision!.id}/confirm`;

        let page = (await t.app.inject({ url: `/en/leiden/meetings/${id}`, headers: { cookie: coordinator.cookie } })).body;
        assert.match(page, /Awaiting confirmation/);
        assert.match(page, /Nobody can confirm the decisions yet: record the attendance first/);
        assert.doesNotMatch((await t.app.inject({ url: `${P}/decisions` })).body, /Jaaragenda 2019 vastgesteld/, 'not public before it is in force');
        // Nobody confirms before the attendance is recorded; the recorder never does.
        assert.equal((await post(t, chair, confirmUrl, { confirmed: 'yes' })).statusCode, 404);
        assert.equal((await post(t, coordinator, confirmUrl, { confirmed: 'yes' })).statusCode, 404);

        const seats = await t.database.db
          .select({ id: bodyMemberships.id, name: people.name })
          .from(bodyMemberships)
          .innerJoin(people, eq(people.id, bodyMemberships.personId))
          .where(eq(bodyMemberships.bodyId, (await t.database.db.select({ b: meetings.bodyId }).from(meetings).where(eq(meetings.id, id)))[0]!.b));
        const seat = (name: string) => seats.find((s) => s.name === name)!.id;
        const both = await post(t, coordinator, `${P}/meetings/${id}/attendance`, { present: [seat('C. Voorzitter')], apologies: [seat('C. Voorzitter')] });
        assert.equal(both.statusCode, 400);
        assert.match(both.body, /Iemand kan niet tegelijk aanwezig zijn en afwezig met bericht/);
        assert.equal((await post(t, coordinator, `${P}/meetings/${id}/attendance`, { present: [seat('C. Voorzitter'), seat('Prof. Dr. W.J.M. Spaan')], apologies: [seat('A. Afwezig')] })).statusCode, 303);
        page = (await t.app.inject({ url: `/en/leiden/meetings/${id}`, headers: { cookie: chair.cookie } })).body;
        assert.match(page, /<dt[^>]*>Present<\/dt>\s*<dd[^>]*>C\. Voorzitter \(Chair\), Prof\. Dr\. W\.J\.M\. Spaan<\/dd>/);
        assert.match(page, /<dt[^>]*>Absent with apologies<\/dt>\s*<dd[^>]*>A\. Afwezig<\/dd>/);
        assert.ok(page.includes(`action="/en/leiden/meetings/${id}/decisions/${decision!.id}/confirm"`), 'the chair who attended is offered the confirmation');
        assert.doesNotMatch((await t.app.inject({ url: `${P}/meetings/${id}`, headers: { cookie: coordinator.cookie } })).body, /decisions\/[0-9a-f-]{36}\/confirm/, 'not to the recorder');

        // Apologies, no seat, or the recorder: 404, nothing changes.
        assert.equal((await post(t, absent, confirmUrl, { confirmed: 'yes' })).statusCode, 404);
        assert.equal((await post(t, stranger, confirmUrl, { confirmed: 'yes' })).statusCode, 404);
        assert.equal((await post(t, coordinator, confirmUrl, { confirmed: 'yes' })).statusCode, 404);
        // The chair: a confirmation step first (nothing written), then the confirmation.
        const ask = await t.app.inject({ method: 'POST', url: `/en${confirmUrl.slice(3)}`, headers: { cookie: chair.cookie }, payload: { _csrf: chair.csrf } });
        assert.equal(ask.statusCode, 200);
        assert.match(ask.body, /Confirm this decision\?/);
        assert.match(ask.body, /Annual agenda 2019 adopted/);
        assert.match(ask.body, /name="confirmed" value="yes"/);
        assert.equal((await t.database.db.select().from(decisions).where(eq(decisions.id, decision!.id)))[0]!.confirmedAt, null, 'nothing before the confirmation');
        setClock('2019-05-02T09:00:00Z', { frozen: true });
        assert.equal((await post(t, chair, confirmUrl, { confirmed: 'yes' })).statusCode, 303);
        const [confirmed] = await t.database.db.select().from(decisions).where(eq(decisions.id, decision!.id));
        assert.equal(confirmed!.confirmedByUserId, chair.userId);
        assert.equal(confirmed!.confirmedAt!.toISOString(), '2019-05-02T09:00:00.000Z', 'on the programme clock');
        const again = await post(t, chair, confirmUrl, { confirmed: 'yes' });
        assert.equal(again.statusCode, 400);
        assert.match(again.body, /Dit besluit is al bevestigd/);
        page = (await t.app.inject({ url: `${P}/meetings/${id}`, headers: { cookie: coordinator.cookie } })).body;
        assert.match(page, /Bevestigd door Chair Person op 2 mei 2019/);
        assert.match((await t.app.inject({ url: `${P}/decisions` })).body, /Jaaragenda 2019 vastgesteld/, 'public once in force');
        const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'decision.confirm'), eq(auditEvents.objectId, decision!.id)));
        assert.equal(audit.length, 1);
        assert.equal(audit[0]!.actorUserId, chair.userId);
        assert.equal((await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'meeting.attendance'), eq(auditEvents.objectId, id)))).length, 1);
        assert.equal((await t.database.db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, id))).length, 3, 'the refused attendance stored nothing');

        // The secretary withdraws it (confirmation step, audited): it stays in the record as withdrawn and backs nothing.
        const withdrawUrl = `${P}/meetings/${id}/decisions/${decision!.id}/withdraw`;
        assert.equal((await post(t, chair, withdrawUrl, { reason: 'Vergissing', confirmed: 'yes' })).statusCode, 404, 'not the members’');
        assert.equal((await post(t, coordinator, withdrawUrl, { confirmed: 'yes' })).statusCode, 400, 'a reason is required');
        const askWithdraw = await post(t, coordinator, withdrawUrl, { reason: 'Vergissing' });
        assert.equal(askWithdraw.statusCode, 200);
        assert.match(askWithdraw.body, /Dit besluit intrekken\?/);
        assert.equal((await t.database.db.select().from(decisions).where(eq(decisions.id, decision!.id)))[0]!.withdrawnAt, null);
        assert.equal((await post(t, coordinator, withdrawUrl, { reason: 'Vergissing', confirmed: 'yes' })).statusCode, 303);
        page = (await t.app.inject({ url: `${P}/meetings/${id}`, headers: { cookie: coordinator.cookie } })).body;
        assert.match(page, /Jaaragenda 2019 vastgesteld[\s\S]*Ingetrokken/);
        assert.doesNotMatch((await t.app.inject({ url: `${P}/decisions` })).body, /Jaaragenda 2019 vastgesteld/, 'withdrawn: no longer public');
        const twice = await post(t, coordinator, withdrawUrl, { reason: 'Nogmaals', confirmed: 'yes' });
        assert.equal(twice.statusCode, 400);
        assert.match(twice.body, /Dit besluit is ingetrokken/);
        assert.equal((await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'decision.withdraw'), eq(auditEvents.objectId, decision!.id)))).length, 1);

        // Once the minutes are approved the record is frozen: no withdrawal.
        assert.equal((await post(t, coordinator, `${P}/meetings/${id}/decisions`, { text_nl: 'Tweede besluit', outcome: 'adopted' })).statusCode, 303);
        const [second] = await t.database.db.select().from(decisions).where(and(eq(decisions.meetingId, id), eq(decisions.outcome, 'adopted'))).then((rows) => rows.filter((r) => !r.withdrawnAt));
        await t.database.db.update(meetings).set({ minutesApprovedAt: new Date('2019-06-01T12:00:00Z') }).where(eq(meetings.id, id));
        const frozen = await post(t, coordinator, `${P}/meetings/${id}/decisions/${second!.id}/withdraw`, { reason: 'Te laat', confirmed: 'yes' });
        assert.equal(frozen.statusCode, 400);
        assert.match(frozen.body, /De notulen van deze vergadering zijn vastgesteld/);
        assert.equal((await t.database.db.select().from(decisions).where(eq(decisions.id, second!.id)))[0]!.withdrawnAt, null);
      } finally {
        setClock(LATER);
      }
    });
  });
}
