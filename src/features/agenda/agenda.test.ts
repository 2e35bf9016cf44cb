import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { anonymous, loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { actions, auditEvents, bodies, people, projects } from '../../db/schema.ts';
import { leiden } from '../../seed/leiden.ts';
import { bodyMemberships, decisions, meetings } from '../meetings/tables.ts';
import { setClock } from '../../clock.ts';
import { annualAgendaEntries, annualAgendas } from './tables.ts';
import { documentToolsPresent, docxPart, inspectPdf } from '../../../test/support/documents.ts';

const P = '/nl/leiden';

async function post(t: TestApp, session: Session, url: string, payload: Record<string, string>) {
  return t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { ...payload, _csrf: session.csrf } });
}

for (const mode of databaseModes()) {
  describe(`annual agenda (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session;
    let support: Session & { userId: string };
    let lead: Session;
    let first: string;
    before(async () => {
      // Inside Leiden's term: early March 2020, the clock running on.
      setClock('2020-03-05T12:00:00Z');
      t = await startTestApp(mode);
      coordinator = await loginAs(t, { role: 'coordinator' });
      support = await loginAs(t, { role: 'support' });
      lead = await loginAs(t, { role: 'lead', project: '3a' });
      const [row] = await t.database.db.select().from(annualAgendas).where(and(eq(annualAgendas.startYear, 2017), eq(annualAgendas.endYear, 2018)));
      first = row!.id;
    });
    after(async () => {
      setClock(null);
      await t.close();
    });

    test('the 2017-2018 agenda is published, adopted on 7 July 2017, with every admitted or running project', async () => {
      const list = await t.app.inject({ url: `${P}/annual-agendas` });
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /Jaaragenda 2017-2018/);
      const page = await t.app.inject({ url: `/en/leiden/annual-agendas/${first}` });
      assert.equal(page.statusCode, 200);
      // Its source is the agreement itself (annex 1), not a meeting.
      assert.match(page.body, /Adopted by the agreement of 7 July 2017/);
      assert.doesNotMatch(page.body, /meetings\//);
      const [row] = await t.database.db.select().from(annualAgendas).where(eq(annualAgendas.id, first));
      assert.equal(row!.adoptedBy, 'agreement');
      assert.equal(row!.adoptedByDecisionId, null);
      assert.match((await t.app.inject({ url: `${P}/annual-agendas/${first}` })).body, /Vastgesteld bij de overeenkomst van 7 juli 2017/);
      assert.match(page.body, /<strong>State:<\/strong> Published/);
      const onAgenda = await t.database.db.select({ code: projects.code }).from(projects).where(eq(projects.lifecycle, 'running'));
      assert.ok(onAgenda.length > 0);
      for (const { code } of onAgenda) assert.ok(page.body.includes(`/en/leiden/projects/${code}"`), code);
      const entries = await t.database.db.select().from(annualAgendaEntries).where(eq(annualAgendaEntries.agendaId, first));
      assert.equal(entries.length, 17);
      assert.ok(entries.some((e) => e.actions.length > 0), 'actions are on the agenda');
    });

    test('the published agenda as PDF and DOCX: linked from its page, tagged, projects with lead and staffing, actions per project', async (context) => {
      const page = await t.app.inject({ url: `${P}/annual-agendas/${first}` });
      assert.match(page.body, new RegExp(`href="/nl/leiden/annual-agendas/${first}/agenda\\.pdf"`));
      assert.match(page.body, new RegExp(`href="/nl/leiden/annual-agendas/${first}/agenda\\.docx"`));
      const pdfResponse = await t.app.inject({ url: `${P}/annual-agendas/${first}/agenda.pdf` });
      assert.equal(pdfResponse.statusCode, 200);
      assert.equal(pdfResponse.headers['content-type'], 'application/pdf');
      assert.match(String(pdfResponse.headers['content-disposition']), /attachment; filename="annual-agenda-2017-2018-nl\.pdf"/);
      assert.equal((await t.app.inject({ url: `${P}/annual-agendas/00000000-0000-4000-8000-000000000000/agenda.pdf` })).statusCode, 404);
      if (!documentToolsPresent()) return context.skip('PDF tools missing');
      const pdf = inspectPdf(pdfResponse.rawPayload);
      assert.equal(pdf.info['Tagged'], 'yes');
      assert.equal(pdf.info['Title'], 'Jaaragenda 2017-2018');
      assert.equal(pdf.catalog.lang, 'nl-NL');
      assert.ok(pdf.fonts.length > 0 && pdf.fonts.every((f) => f.embedded));
      assert.match(pdf.flatText, /Vastgesteld bij de overeenkomst van 7 juli 2017/);
      assert.match(pdf.flatText, /Projecten, trekkers en bemensing Project Trekker Bemensing 1a\. /);
      assert.match(pdf.flatText, /Programma Leiden Kennisstad · Versie \d+ \(Gepubliceerd\) · gemaakt op 5 maart 2020/);
      const [project] = await t.database.db.select({ code: projects.code, title: projects.title }).from(projects).where(eq(projects.code, '3a'));
      assert.ok(pdf.catalog.outline.some((o) => o.depth === 2 && o.title === `3a. ${project!.title.nl}`), 'a bookmark per project under Acties');
      // The table runs over pages: one table per page, each with its header row, and a row per project.
      const tables = pdf.structureTypes.filter((s) => s === 'Table').length;
      assert.ok(tables >= 1);
      assert.equal(pdf.structureTypes.filter((s) => s === 'TR').length, 17 + tables, 'a header row per page and a row per project');
      assert.equal(pdf.structureTypes.filter((s) => s === 'TH').length, 3 * tables);
      const docx = await t.app.inject({ url: `/en/leiden/annual-agendas/${first}/agenda.docx` });
      assert.equal(docx.statusCode, 200);
      const body = docxPart(docx.rawPayload, 'word/document.xml');
      assert.match(body, /<w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:rPr><w:lang w:val="en-GB"\/><\/w:rPr><w:t xml:space="preserve">Annual agenda 2017-2018</);
      assert.match(body, /<w:tblHeader\/>[\s\S]*?Lead[\s\S]*?Staffing/);
      assert.equal(body.match(/<w:tr>/g)?.length, 18);
    });

    test('next year’s draft starts from the previous one without finished actions; drafts are internal', async () => {
      const [done] = await t.database.db.select().from(actions).limit(1);
      await t.database.db.update(actions).set({ state: 'done' }).where(eq(actions.id, done!.id));
      const invalid = await post(t, coordinator, `${P}/annual-agendas`, { startYear: '2019', endYear: '2015' });
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /Kies een jaar, of een periode van ten hoogste drie jaar/);
      assert.match(invalid.body, /value="2015"/);
      const duplicate = await post(t, coordinator, `${P}/annual-agendas`, { startYear: '2017', endYear: '2018' });
      assert.equal(duplicate.statusCode, 400);
      assert.match(duplicate.body, /bestaat al een jaaragenda/);
      assert.equal((await post(t, support, `${P}/annual-agendas`, { startYear: '2019', endYear: '2019' })).statusCode, 403);
      const created = await post(t, coordinator, `${P}/annual-agendas`, { startYear: '2019', endYear: '2019', basedOn: first });
      assert.equal(created.statusCode, 303);
      const id = String(created.headers.location).split('/').at(-1)!;
      const entries = await t.database.db.select().from(annualAgendaEntries).where(eq(annualAgendaEntries.agendaId, id));
      const firstEntries = await t.database.db.select().from(annualAgendaEntries).where(eq(annualAgendaEntries.agendaId, first));
      assert.equal(entries.length, firstEntries.length);
      const carried = entries.flatMap((e) => e.actions.map((a) => a.actionId));
      assert.ok(!carried.includes(done!.id), 'the finished action is dropped');
      assert.equal(carried.length, firstEntries.flatMap((e) => e.actions).length - 1);

      assert.equal((await t.app.inject({ url: `${P}/annual-agendas/${id}` })).statusCode, 404, 'a draft is not public');
      assert.equal((await t.app.inject({ url: `${P}/annual-agendas/${id}`, headers: { cookie: lead.cookie } })).statusCode, 404);
      assert.equal((await t.app.inject({ url: `${P}/annual-agendas/${id}`, headers: { cookie: support.cookie } })).statusCode, 200);
      for (const format of ['pdf', 'docx']) {
        assert.equal((await t.app.inject({ url: `${P}/annual-agendas/${id}/agenda.${format}` })).statusCode, 404, `a draft's ${format} is not public`);
        assert.equal((await t.app.inject({ url: `${P}/annual-agendas/${id}/agenda.${format}`, headers: { cookie: lead.cookie } })).statusCode, 404);
        assert.equal((await t.app.inject({ url: `${P}/annual-agendas/${id}/agenda.${format}`, headers: { cookie: support.cookie } })).statusCode, 200);
      }
      assert.doesNotMatch((await t.app.inject({ url: `${P}/annual-agendas` })).body, /Jaaragenda 2019/);

      const compare = await t.app.inject({ url: `/en/leiden/annual-agendas/compare?left=${first}&right=${id}`, headers: { cookie: coordinator.cookie } });
      assert.equal(compare.statusCode, 200);
      assert.match(compare.body, /Annual agenda 2017-2018 beside 2019/);
      assert.match(compare.body, /Changed/);
      assert.match(compare.body, /Unchanged/);
      assert.equal((await t.app.inject({ url: `/en/leiden/annual-agendas/compare?left=${first}&right=${id}` })).statusCode, 404, 'the public cannot compare with a draft');
      assert.equal((await t.app.inject({ url: `/en/leiden/annual-agendas/compare?left=${first}&right=nonsense` })).statusCode, 404);
    });

    test('draft -> proposed by the support level -> adopted by an executive decision -> published; no state skipped', async () => {
      const executive = await loginAs(t, { role: 'executive', name: 'Eva Executive' });
      const partner = await loginAs(t, { role: 'partner', organisation: leiden.organisations[0]!.slug });
      const created = await post(t, coordinator, `${P}/annual-agendas`, { startYear: '2020', endYear: '2020' });
      assert.equal(created.statusCode, 303);
      const id = String(created.headers.location).split('/').at(-1)!;
      const url = `${P}/annual-agendas/${id}`;
      const early = await post(t, coordinator, `${url}/publish`, {});
      assert.equal(early.statusCode, 400);
      assert.match(early.body, /Deze stap kan in de huidige stand niet/);
      assert.equal((await post(t, coordinator, `${url}/adopt`, {})).statusCode, 400, 'a draft is not adopted before it is proposed');
      for (const who of [lead, partner, executive]) assert.equal((await post(t, who, `${url}/propose`, {})).statusCode, 404, 'only the support level (or its secretary) proposes');
      assert.equal((await post(t, await anonymous(t), `${url}/propose`, {})).statusCode, 401);
      const draftPage = (await t.app.inject({ url, headers: { cookie: support.cookie } })).body;
      assert.match(draftPage, /action="\/nl\/leiden\/annual-agendas\/[0-9a-f-]+\/propose"/);
      assert.equal((await post(t, support, `${url}/propose`, {})).statusCode, 303);
      assert.equal((await post(t, support, `${url}/propose`, {})).statusCode, 400, 'only once');
      assert.equal((await post(t, coordinator, `${url}/publish`, {})).statusCode, 400, 'a proposal is not published before it is adopted');
      assert.equal((await post(t, support, `${url}/adopt`, {})).statusCode, 404, 'the support level does not adopt');
      assert.equal((await post(t, lead, `${url}/adopt`, {})).statusCode, 404);
      const [proposed] = await t.database.db.select().from(annualAgendas).where(eq(annualAgendas.id, id));
      assert.equal(proposed!.state, 'proposed');
      const [audit] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.objectId, id), eq(auditEvents.action, 'agenda.propose')));
      assert.equal(audit!.actorUserId, support.userId, 'the proposal is recorded as the support member’s');

      // A support-level decision cannot adopt an annual agenda.
      const supportMeeting = await post(t, coordinator, `${P}/bodies/support/meetings`, { date: '2020-02-01', startTime: '10:00', endTime: '11:00', location: 'Leiden' });
      const supportId = String(supportMeeting.headers.location).split('/').at(-1)!;
      await post(t, coordinator, `${P}/meetings/${supportId}/decisions`, { text_nl: 'Steun', outcome: 'adopted' });
      const executiveMeeting = await post(t, coordinator, `${P}/bodies/executive/meetings`, { date: '2020-03-01', startTime: '10:00', endTime: '11:00', location: 'Leiden' });
      const executiveId = String(executiveMeeting.headers.location).split('/').at(-1)!;
      await post(t, coordinator, `${P}/meetings/${executiveId}/decisions`, { text_nl: 'Jaaragenda 2020 vastgesteld', outcome: 'adopted', public: 'yes' });
      // Recorded by the secretary, the decision awaits a member's confirmation: it is not offered and cannot adopt.
      const awaiting = (await t.app.inject({ url, headers: { cookie: coordinator.cookie } })).body;
      assert.doesNotMatch(awaiting, /Jaaragenda 2020 vastgesteld/);
      const [recorded] = await t.database.db.select({ id: decisions.id }).from(decisions).where(eq(decisions.meetingId, executiveId));
      const unconfirmed = await post(t, executive, `${url}/adopt`, { decision: recorded!.id });
      assert.equal(unconfirmed.statusCode, 400);
      assert.match(unconfirmed.body, /Kies een aangenomen en bevestigd besluit van de bestuurlijke stuurgroep uit een gehouden vergadering/);
      await t.database.db.update(decisions).set({ confirmedAt: new Date('2020-03-01T12:00:00Z'), confirmedByName: 'Voorzitter' }).where(eq(decisions.meetingId, executiveId));
      // A confirmed executive decision of a meeting that has not been held yet backs nothing.
      const [laterMeeting] = await t.database.db
        .insert(meetings)
        .values({ programmeId: proposed!.programmeId, bodyId: (await t.database.db.select().from(bodies).where(eq(bodies.kind, 'executive')))[0]!.id, startsAt: new Date('2020-04-01T08:00:00Z'), endsAt: new Date('2020-04-01T09:00:00Z') })
        .returning();
      const [future] = await t.database.db
        .insert(decisions)
        .values({ programmeId: proposed!.programmeId, meetingId: laterMeeting!.id, outcome: 'adopted', text: { nl: 'Toekomstig besluit' }, confirmedAt: new Date('2020-03-02T00:00:00Z') })
        .returning();
      const page = (await t.app.inject({ url, headers: { cookie: coordinator.cookie } })).body;
      assert.doesNotMatch(page, /: Steun</);
      assert.doesNotMatch(page, /Toekomstig besluit/, 'a meeting that has not been held is not offered');
      assert.match(page, /<select[^>]*name="decision"[^>]*><option value(?:="")?>Kies een besluit<\/option><option value="[0-9a-f-]{36}">1 maart 2020: Jaaragenda 2020 vastgesteld/, 'an empty first choice, then the eligible decisions');
      const decisionId = /<option value="([0-9a-f-]{36})">1 maart 2020: Jaaragenda 2020 vastgesteld/.exec(page)![1]!;
      assert.match((await t.app.inject({ url, headers: { cookie: executive.cookie } })).body, new RegExp(`<option value="${decisionId}">`), 'the executive member chooses the decision');
      for (const refused of ['00000000-0000-4000-8000-000000000000', future!.id]) {
        const wrong = await post(t, executive, `${url}/adopt`, { decision: refused });
        assert.equal(wrong.statusCode, 400);
        assert.match(wrong.body, /Kies een aangenomen en bevestigd besluit van de bestuurlijke stuurgroep uit een gehouden vergadering/);
      }
      const none = await post(t, executive, `/en${url.slice(3)}/adopt`, {});
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /Choose an adopted and confirmed decision of the executive steering group from a meeting that has been held/);
      // The confirmation step names the meeting's date and stores nothing.
      const asked = await post(t, executive, `${url}/adopt`, { decision: decisionId });
      assert.equal(asked.statusCode, 200);
      assert.match(asked.body, /Jaaragenda 2020 vaststellen\?/);
      assert.match(asked.body, /in de vergadering van 1 maart 2020: Jaaragenda 2020 vastgesteld/);
      assert.doesNotMatch(asked.body, /achteraf/, 'within its year nothing is adopted afterwards');
      assert.match(asked.body, /name="confirmed" value="yes"/);
      assert.equal((await t.database.db.select().from(annualAgendas).where(eq(annualAgendas.id, id)))[0]!.state, 'proposed', 'nothing stored before the confirmation');
      assert.equal((await post(t, executive, `${url}/adopt`, { decision: decisionId, confirmed: 'yes' })).statusCode, 303);
      const [adopted] = await t.database.db.select().from(annualAgendas).where(eq(annualAgendas.id, id));
      assert.equal(adopted!.adoptedByDecisionId, decisionId, 'linked to the executive decision');
      assert.equal(adopted!.adoptedBy, 'decision');
      assert.equal((await t.app.inject({ url })).statusCode, 404, 'adopted is not yet published');
      assert.equal((await post(t, executive, `${url}/publish`, {})).statusCode, 403, 'publishing is the coordinator’s');
      assert.equal((await post(t, coordinator, `${url}/publish`, {})).statusCode, 303);
      const published = await t.app.inject({ url });
      assert.equal(published.statusCode, 200);
      assert.match(published.body, new RegExp(`<a class="utrecht-link" href="/nl/leiden/meetings/${executiveId}">Vastgesteld door de bestuurlijke stuurgroep in de vergadering van 1 maart 2020</a>`));
      assert.doesNotMatch(published.body, /Achteraf vastgesteld/);
      assert.equal((await post(t, coordinator, `${P}/annual-agendas/00000000-0000-4000-8000-000000000000/publish`, {})).statusCode, 404);

      // An agenda for a year that has passed: the confirmation warns, the page says "adopted afterwards".
      const late = await post(t, coordinator, `${P}/annual-agendas`, { startYear: '2018', endYear: '2018' });
      const lateUrl = `${P}/annual-agendas/${String(late.headers.location).split('/').at(-1)}`;
      assert.equal((await post(t, support, `${lateUrl}/propose`, {})).statusCode, 303);
      const warned = await post(t, executive, `/en${lateUrl.slice(3)}/adopt`, { decision: decisionId });
      assert.equal(warned.statusCode, 200);
      assert.match(warned.body, /Note: 2018 has passed. The annual agenda is adopted afterwards and its page says so./);
      assert.equal((await post(t, executive, `${lateUrl}/adopt`, { decision: decisionId, confirmed: 'yes' })).statusCode, 303);
      const latePage = (await t.app.inject({ url: lateUrl, headers: { cookie: executive.cookie } })).body;
      assert.match(latePage, /Vastgesteld door de bestuurlijke stuurgroep in de vergadering van 1 maart 2020/);
      assert.match(latePage, /Achteraf vastgesteld: de vergadering was na afloop van 2018./);
      const english = (await t.app.inject({ url: `/en${lateUrl.slice(3)}`, headers: { cookie: executive.cookie } })).body;
      assert.match(english, /Adopted afterwards: the meeting was held after 2018 had ended./);
    });

    test('a seat in the support body lets someone propose without a steering role; the coordinator proposes as secretary', async () => {
      const seated = await loginAs(t, { role: 'partner', organisation: leiden.organisations[1]!.slug, name: 'Sam Seat' });
      const [supportBody] = await t.database.db.select().from(bodies).where(eq(bodies.kind, 'support'));
      const [person] = await t.database.db.insert(people).values({ programmeId: supportBody!.programmeId, name: 'Sam Seat', userId: seated.userId }).returning();
      const created = await post(t, coordinator, `${P}/annual-agendas`, { startYear: '2021', endYear: '2021' });
      const url = `${P}/annual-agendas/${String(created.headers.location).split('/').at(-1)}`;
      assert.equal((await post(t, seated, `${url}/propose`, {})).statusCode, 404, 'no seat yet');
      const [seat] = await t.database.db.insert(bodyMemberships).values({ programmeId: supportBody!.programmeId, bodyId: supportBody!.id, personId: person!.id, position: 'member', startsOn: '2021-01-01' }).returning();
      assert.equal((await t.app.inject({ url, headers: { cookie: seated.cookie } })).statusCode, 200, 'a member sees the draft they may propose');
      assert.equal((await post(t, seated, `${url}/propose`, {})).statusCode, 303);
      assert.equal((await post(t, seated, `${url}/adopt`, {})).statusCode, 404);
      await t.database.db.update(bodyMemberships).set({ endsOn: '2021-06-01' }).where(eq(bodyMemberships.id, seat!.id));
      const next = await post(t, coordinator, `${P}/annual-agendas`, { startYear: '2022', endYear: '2022' });
      const nextUrl = `${P}/annual-agendas/${String(next.headers.location).split('/').at(-1)}`;
      assert.equal((await post(t, seated, `${nextUrl}/propose`, {})).statusCode, 404, 'a member who left no longer proposes');
      assert.equal((await post(t, coordinator, `${nextUrl}/propose`, {})).statusCode, 303);
    });
  });
}
