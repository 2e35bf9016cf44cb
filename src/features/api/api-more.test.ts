// The API endpoints for the agreement, funds, meetings, decisions, annual agendas, measurements,
// progress reports, news and events: anonymous, permitted and forbidden callers on both databases,
// every response checked against the served OpenAPI document.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { agreementParties, agreements, auditEvents, bodies, organisations, programmes, projects, targets } from '../../db/schema.ts';
import { agreementAmendments, agreementRepresentatives } from '../agreement/tables.ts';
import { annualAgendas } from '../agenda/tables.ts';
import { fundBalances, funds } from '../fund/tables.ts';
import { agendaItems, decisions, meetings } from '../meetings/tables.ts';
import { isoToday, periodOf, previousPeriod } from '../monitoring/periods.ts';
import { events, newsItems } from '../website/tables.ts';
import { openApiChecker, type OpenApiChecker } from './testing.ts';

const API = '/api/v1';
const L = `${API}/programmes/leiden`;

async function createToken(t: TestApp, session: { cookie: string; csrf: string }, scope: 'read' | 'read-write'): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/en/account/tokens',
    headers: { cookie: session.cookie },
    payload: { name: `test ${scope}`, scope, programme: 'leiden', _csrf: session.csrf },
  });
  assert.equal(response.statusCode, 201, response.body.slice(0, 300));
  return /<code id="new-token">([^<]+)<\/code>/.exec(response.body)![1]!;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

for (const mode of databaseModes()) {
  describe(`API v1, more resources (${mode})`, () => {
    let t: TestApp;
    let doc: OpenApiChecker;
    const tokens: Record<string, string> = {};
    let representativeToken = '';
    let lumcEarmarkId = '';
    let otherEarmarkId = '';
    let internalDecisionId = '';
    let draftAgendaId = '';

    const get = async (url: string, headers: Record<string, string> = {}) => {
      const response = await t.app.inject({ url, headers });
      doc.check(response);
      return response;
    };
    const send = async (method: 'PATCH' | 'POST', url: string, payload: unknown, headers: Record<string, string> = {}) => {
      const response = await t.app.inject({ method, url, payload: payload as object, headers: { 'content-type': 'application/json', ...headers } });
      doc.check(response);
      return response;
    };
    const token = async (name: string, spec: Parameters<typeof loginAs>[1], scope: 'read' | 'read-write' = 'read-write') => {
      tokens[name] = await createToken(t, await loginAs(t, spec), scope);
    };

    before(async () => {
      t = await startTestApp(mode, {}, { leiden: 'running' });
      doc = await openApiChecker(t.app);
      const db = t.database.db;
      const [leiden] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden'));
      const programmeId = leiden!.id;
      const orgId = async (slug: string) => (await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.programmeId, programmeId), eq(organisations.slug, slug))))[0]!.id;

      await token('coordinator', { role: 'coordinator' });
      await token('coordinatorRead', { role: 'coordinator' }, 'read');
      await token('executive', { role: 'executive' });
      await token('partner', { role: 'partner', organisation: 'lumc' });
      await token('lead3a', { role: 'lead', project: '3a' });
      await token('lead1a', { role: 'lead', project: '1a' });

      // A pending amendment, and a representative of the first party who may see it.
      const [agreement] = await db.select().from(agreements).where(eq(agreements.programmeId, programmeId));
      const [party] = await db.select().from(agreementParties).where(eq(agreementParties.agreementId, agreement!.id)).orderBy(agreementParties.position).limit(1);
      await db.insert(agreementAmendments).values({
        programmeId,
        agreementId: agreement!.id,
        number: 99,
        kind: 'text',
        title: { nl: 'Intern voorstel', en: 'Pending proposal' },
        reason: { en: 'Testing' },
        baseVersion: 1,
        proposedByPartyId: party!.id,
        proposedByName: 'Test',
      });
      const representative = await loginAs(t, { role: 'partner', organisation: 'hogeschool-leiden' });
      await db.insert(agreementRepresentatives).values({ programmeId, partyId: party!.id, userId: representative.userId });
      representativeToken = await createToken(t, representative, 'read');

      // A joint fund (none is seeded: the agreement leaves the fund's form open) and earmarks of two parties.
      const [joint] = await db.insert(funds).values({ programmeId, kind: 'joint', name: { nl: 'Kennisfonds', en: 'Knowledge fund' } }).returning({ id: funds.id });
      await db.insert(fundBalances).values({ fundId: joint!.id, programmeId });
      for (const slug of ['lumc', 'gemeente-leiden']) {
        const [fund] = await db.insert(funds).values({ programmeId, kind: 'earmarked', organisationId: await orgId(slug), name: { en: `Earmark ${slug}` } }).returning({ id: funds.id });
        await db.insert(fundBalances).values({ fundId: fund!.id, programmeId });
        if (slug === 'lumc') lumcEarmarkId = fund!.id;
        else otherEarmarkId = fund!.id;
      }

      // A non-public decision at a held executive meeting; a draft annual agenda.
      const [executiveBody] = await db.select().from(bodies).where(and(eq(bodies.programmeId, programmeId), eq(bodies.kind, 'executive')));
      const [meeting] = await db
        .insert(meetings)
        .values({ programmeId, bodyId: executiveBody!.id, startsAt: new Date('2018-01-15T09:00:00Z'), endsAt: new Date('2018-01-15T10:00:00Z'), state: 'held' })
        .returning();
      await db.insert(agendaItems).values({ programmeId, meetingId: meeting!.id, position: 1, kind: 'decision', title: { nl: 'Vaststelling', en: 'Adoption' } });
      const [decision] = await db
        .insert(decisions)
        .values({ programmeId, meetingId: meeting!.id, outcome: 'adopted', public: false, text: { en: 'Confidential decision' } })
        .returning({ id: decisions.id });
      internalDecisionId = decision!.id;
      // And a public one in force (the default data has none: the first agenda was adopted by the agreement itself).
      await db.insert(decisions).values({ programmeId, meetingId: meeting!.id, outcome: 'adopted', public: true, confirmedAt: new Date('2018-01-16T09:00:00Z'), text: { en: 'Public decision', nl: 'Openbaar besluit' } });
      const [agenda] = await db.insert(annualAgendas).values({ programmeId, startYear: 2019, endYear: 2019, state: 'draft' }).returning({ id: annualAgendas.id });
      draftAgendaId = agenda!.id;

      // A target of an internal proposal.
      const [proposal] = await db.insert(projects).values({ programmeId, code: 'zz8', title: { en: 'Internal proposal' }, lifecycle: 'proposed' }).returning({ id: projects.id });
      await db.insert(targets).values({ programmeId, projectId: proposal!.id, key: 'internal-target', title: { en: 'Internal' }, unit: { en: 'units' } });

      // Draft news and a draft event.
      await db.insert(newsItems).values({ programmeId, slug: 'draft-news', title: { en: 'Draft news' }, status: 'draft' });
      await db.insert(events).values({ programmeId, slug: 'draft-event', title: { en: 'Draft event' }, status: 'draft', startsAt: new Date('2030-01-01T10:00:00Z') });
    });
    after(async () => t.close());

    test('agreement: public text, parties and versions for everyone', async () => {
      const agreement = (await get(`${L}/agreement`)).json();
      assert.ok(agreement.parties.length >= 2);
      assert.ok(agreement.parties.some((p: any) => p.organisation.slug === 'universiteit-leiden'));
      assert.ok(agreement.sections.some((s: any) => s.key === 'introduction'));
      assert.match(agreement.endOn, /^\d{4}-\d{2}-\d{2}$/);
      const versions = (await get(`${L}/agreement/versions`)).json();
      assert.ok(versions.items.some((v: any) => v.number === 1 && v.amendmentNumber === null));
      assert.ok(versions.items.every((v: any) => v.publishedAt === null || v.publishedAt.endsWith('Z')));
      const first = (await get(`${L}/agreement/versions/1`)).json();
      assert.equal(first.number, 1);
      assert.ok(first.sections.length > 0);
      await get(`${L}/agreement/versions/999`).then((r) => assert.equal(r.statusCode, 404));
      await get(`${L}/agreement/versions/zero`).then((r) => assert.equal(r.statusCode, 400));
      await get(`${L}/agreement/versions?foo=1`).then((r) => assert.equal(r.statusCode, 400));
      // A coordinator's token reads the same text.
      await get(`${L}/agreement`, bearer(tokens.coordinatorRead!)).then((r) => assert.equal(r.statusCode, 200));
    });

    test('agreement: pending amendments only for party representatives and the coordinator', async () => {
      const anonymous = (await get(`${L}/agreement/amendments`)).json();
      assert.ok(!anonymous.items.some((a: any) => a.number === 99));
      assert.ok(anonymous.items.every((a: any) => a.state === 'adopted'));
      await get(`${L}/agreement/amendments/99`).then((r) => assert.equal(r.statusCode, 404));
      await get(`${L}/agreement/amendments/99`, bearer(tokens.partner!)).then((r) => assert.equal(r.statusCode, 404));
      await get(`${L}/agreement/amendments?state=pending`, bearer(tokens.partner!)).then((r) => assert.equal(r.json().page.totalItems, 0));

      const represented = (await get(`${L}/agreement/amendments?state=pending`, bearer(representativeToken))).json();
      assert.deepEqual(represented.items.map((a: any) => a.number), [99]);
      const amendment = (await get(`${L}/agreement/amendments/99`, bearer(representativeToken))).json();
      assert.equal(amendment.state, 'pending');
      assert.equal(amendment.title.en, 'Pending proposal');
      assert.deepEqual(amendment.answers, []);
      await get(`${L}/agreement/amendments/99`, bearer(tokens.coordinatorRead!)).then((r) => assert.equal(r.statusCode, 200));
      await get(`${L}/agreement/amendments?state=later`).then((r) => assert.equal(r.statusCode, 400));
    });

    test('funds: a token is needed; partners see joint funds and their own earmark, the coordinator every fund', async () => {
      const anonymous = await get(`${L}/funds`);
      assert.equal(anonymous.statusCode, 401);
      await get(`${L}/funds/${lumcEarmarkId}`).then((r) => assert.equal(r.statusCode, 401));

      const all = (await get(`${L}/funds`, bearer(tokens.coordinatorRead!))).json();
      const ids = all.items.map((f: any) => f.id);
      assert.ok(ids.includes(lumcEarmarkId) && ids.includes(otherEarmarkId));
      const joint = all.items.find((f: any) => f.kind === 'joint');
      assert.ok(joint, 'the joint fund');
      assert.equal(joint.available.cents, joint.contributed.cents - joint.committed.cents);

      const partner = (await get(`${L}/funds`, bearer(tokens.partner!))).json();
      const partnerIds = partner.items.map((f: any) => f.id);
      assert.ok(partnerIds.includes(joint.id) && partnerIds.includes(lumcEarmarkId));
      assert.ok(!partnerIds.includes(otherEarmarkId), 'another party\'s earmark is not the partner\'s business');
      const own = (await get(`${L}/funds/${lumcEarmarkId}`, bearer(tokens.partner!))).json();
      assert.equal(own.party.slug, 'lumc');
      assert.ok(Array.isArray(own.years));
      await get(`${L}/funds/${otherEarmarkId}`, bearer(tokens.partner!)).then((r) => assert.equal(r.statusCode, 404));

      const lead = (await get(`${L}/funds`, bearer(tokens.lead3a!))).json();
      assert.ok(lead.items.every((f: any) => f.kind === 'joint'));
      await get(`${L}/funds/00000000-0000-4000-8000-000000000000`, bearer(tokens.coordinatorRead!)).then((r) => assert.equal(r.statusCode, 404));
      await get(`${L}/funds/not-a-uuid`, bearer(tokens.coordinatorRead!)).then((r) => assert.equal(r.statusCode, 400));
    });

    test('meetings: schedules are public, agenda and minutes only for the body\'s members and the coordinator', async () => {
      const list = (await get(`${L}/meetings?body=executive`)).json();
      assert.ok(list.items.length > 0);
      assert.ok(list.items.every((m: any) => m.body.kind === 'executive' && m.startsAt.endsWith('Z')));
      const id = list.items[0].id;
      const anonymous = await get(`${L}/meetings/${id}`);
      assert.ok(anonymous.headers.etag);
      assert.ok(!('minutes' in anonymous.json()) && !('agendaItems' in anonymous.json()));
      const partner = (await get(`${L}/meetings/${id}`, bearer(tokens.partner!))).json();
      assert.ok(!('agendaItems' in partner));
      const member = (await get(`${L}/meetings/${id}`, bearer(tokens.executive!))).json();
      assert.ok(member.agendaItems.length > 0);
      await get(`${L}/meetings/00000000-0000-4000-8000-000000000000`).then((r) => assert.equal(r.statusCode, 404));
      await get(`${L}/meetings?body=council`).then((r) => assert.equal(r.statusCode, 400));
    });

    test('meetings: the coordinator plans one (POST) and changes it (PATCH with If-Match); others are refused', async () => {
      const url = `${L}/meetings`;
      const input = { body: 'support', startsAt: '2031-03-02T09:00:00Z', endsAt: '2031-03-02T11:00:00Z', location: 'Stadhuis' };
      await send('POST', url, input).then((r) => assert.equal(r.statusCode, 401));
      await send('POST', url, input, bearer(tokens.executive!)).then((r) => assert.equal(r.statusCode, 403));
      await send('POST', url, input, bearer(tokens.coordinatorRead!)).then((r) => assert.equal(r.statusCode, 403));
      const invalid = await send('POST', url, { body: 'support', startsAt: '2031-03-02T11:00:00Z', endsAt: '2031-03-02T09:00:00Z' }, bearer(tokens.coordinator!));
      assert.equal(invalid.statusCode, 400);
      assert.deepEqual(invalid.json().invalidParams.map((p: any) => p.name).sort(), ['body.endsAt', 'body.location']);
      const unknown = await send('POST', url, { ...input, room: 12, onlineUrl: 'ftp://x' }, bearer(tokens.coordinator!));
      assert.equal(unknown.statusCode, 400);
      assert.deepEqual(unknown.json().invalidParams.map((p: any) => p.name).sort(), ['body.onlineUrl', 'body.room']);

      // The planning form's rules hold for the API too: one day (Amsterdam time), whole minutes.
      const overnight = await send('POST', url, { ...input, startsAt: '2031-03-02T21:00:00Z', endsAt: '2031-03-02T23:30:00Z' }, bearer(tokens.coordinator!));
      assert.equal(overnight.statusCode, 400, 'ends after midnight in Amsterdam');
      assert.deepEqual(overnight.json().invalidParams.map((p: any) => p.name), ['body.endsAt']);
      const seconds = await send('POST', url, { ...input, startsAt: '2031-03-02T09:00:30Z' }, bearer(tokens.coordinator!));
      assert.equal(seconds.statusCode, 400);
      assert.deepEqual(seconds.json().invalidParams.map((p: any) => p.name), ['body.startsAt']);

      const created = await send('POST', url, input, bearer(tokens.coordinator!));
      assert.equal(created.statusCode, 201);
      const meeting = created.json();
      assert.equal(meeting.body.kind, 'support');
      assert.equal(meeting.startsAt, '2031-03-02T09:00:00.000Z');
      assert.equal(created.headers.location, `${url}/${meeting.id}`);
      const fetched = await get(String(created.headers.location));
      const etag = String(fetched.headers.etag);
      const one = `${url}/${meeting.id}`;

      await send('PATCH', one, { state: 'cancelled' }, { 'if-match': etag }).then((r) => assert.equal(r.statusCode, 401));
      await send('PATCH', one, { state: 'cancelled' }, { ...bearer(tokens.executive!), 'if-match': etag }).then((r) => assert.equal(r.statusCode, 403));
      await send('PATCH', one, { state: 'cancelled' }, bearer(tokens.coordinator!)).then((r) => assert.equal(r.statusCode, 428));
      await send('PATCH', one, { state: 'cancelled' }, { ...bearer(tokens.coordinator!), 'if-match': `"${meeting.id}.41"` }).then((r) => assert.equal(r.statusCode, 412));
      await send('PATCH', one, { endsAt: '2031-03-02T08:00:00Z' }, { ...bearer(tokens.coordinator!), 'if-match': etag }).then((r) => assert.equal(r.statusCode, 400));
      await send('PATCH', one, {}, { ...bearer(tokens.coordinator!), 'if-match': etag }).then((r) => assert.equal(r.statusCode, 400));
      const changed = await send('PATCH', one, { state: 'cancelled', location: 'Online', onlineUrl: 'https://meet.example/x' }, { ...bearer(tokens.coordinator!), 'if-match': etag });
      assert.equal(changed.statusCode, 200);
      assert.equal(changed.json().state, 'cancelled');
      assert.equal(changed.json().sequence, meeting.sequence + 1);
      assert.notEqual(changed.headers.etag, etag);
      await send('PATCH', one, { state: 'planned' }, { ...bearer(tokens.coordinator!), 'if-match': etag }).then((r) => assert.equal(r.statusCode, 412));
      await send('PATCH', `${url}/00000000-0000-4000-8000-000000000000`, { state: 'held' }, { ...bearer(tokens.coordinator!), 'if-match': '*' }).then((r) => assert.equal(r.statusCode, 404));
      const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.objectId, meeting.id), eq(auditEvents.origin, 'api')));
      assert.deepEqual(audit.map((a) => a.action).sort(), ['meeting.plan', 'meeting.update']);
    });

    test('decisions: public ones for everyone, the others for the body\'s members and the coordinator', async () => {
      const anonymous = (await get(`${L}/decisions?pageSize=100`)).json();
      assert.ok(anonymous.items.length > 0);
      assert.ok(anonymous.items.every((d: any) => d.public === true));
      await get(`${L}/decisions/${internalDecisionId}`).then((r) => assert.equal(r.statusCode, 404));
      await get(`${L}/decisions/${internalDecisionId}`, bearer(tokens.partner!)).then((r) => assert.equal(r.statusCode, 404));
      const member = (await get(`${L}/decisions?pageSize=100`, bearer(tokens.executive!))).json();
      assert.ok(member.items.some((d: any) => d.id === internalDecisionId));
      const one = (await get(`${L}/decisions/${internalDecisionId}`, bearer(tokens.coordinatorRead!))).json();
      assert.equal(one.text.en, 'Confidential decision');
      const publicOne = (await get(`${L}/decisions/${anonymous.items[0].id}`)).json();
      assert.equal(publicOne.id, anonymous.items[0].id);
      assert.equal(publicOne.status, 'confirmed', 'the public sees decisions in force only');
      assert.equal(one.status, 'awaiting_confirmation');
      assert.equal(one.confirmedAt, null);
      await t.database.db.update(decisions).set({ confirmedAt: new Date('2017-07-08T10:00:00Z'), withdrawnAt: new Date('2017-07-09T10:00:00Z') }).where(eq(decisions.id, internalDecisionId));
      const withdrawn = (await get(`${L}/decisions/${internalDecisionId}`, bearer(tokens.coordinatorRead!))).json();
      assert.equal(withdrawn.status, 'withdrawn');
      assert.equal(withdrawn.withdrawnAt, '2017-07-09T10:00:00.000Z');
      await t.database.db.update(decisions).set({ confirmedAt: null, withdrawnAt: null }).where(eq(decisions.id, internalDecisionId));
      await get(`${L}/decisions?outcome=adopted&sort=date`).then((r) => assert.equal(r.statusCode, 400));
    });

    test('annual agendas: published ones for everyone, drafts for the coordinator and steering levels', async () => {
      const anonymous = (await get(`${L}/annual-agendas`)).json();
      assert.ok(anonymous.items.length > 0 && anonymous.items.every((a: any) => a.state === 'published'));
      const published = (await get(`${L}/annual-agendas/${anonymous.items[0].id}`)).json();
      assert.ok(published.entries.length > 0);
      // The first agenda was adopted by the agreement itself, not at a meeting.
      assert.deepEqual(published.adoption, { source: 'agreement', date: '2017-07-07', decisionId: null, meetingStartsAt: null });
      await get(`${L}/annual-agendas/${draftAgendaId}`).then((r) => assert.equal(r.statusCode, 404));
      await get(`${L}/annual-agendas/${draftAgendaId}`, bearer(tokens.partner!)).then((r) => assert.equal(r.statusCode, 404));
      const coordinator = (await get(`${L}/annual-agendas`, bearer(tokens.coordinatorRead!))).json();
      assert.ok(coordinator.items.some((a: any) => a.id === draftAgendaId));
      const draft = (await get(`${L}/annual-agendas/${draftAgendaId}`, bearer(tokens.executive!))).json();
      assert.equal(draft.state, 'draft');
      assert.equal(draft.adoption, null);
    });

    test('measurements: listed with the target; recorded by the coordinator and the project\'s lead only', async () => {
      const url = `${L}/targets/student-housing/measurements`;
      await get(url).then((r) => assert.equal(r.statusCode, 200));
      await get(`${L}/targets/internal-target/measurements`).then((r) => assert.equal(r.statusCode, 404));
      await get(`${L}/targets/internal-target/measurements`, bearer(tokens.coordinatorRead!)).then((r) => assert.equal(r.statusCode, 200));
      await get(`${L}/targets/nope/measurements`).then((r) => assert.equal(r.statusCode, 404));

      const input = { measuredOn: '2020-06-30', value: 1234.5, source: 'Annual housing monitor' };
      await send('POST', url, input).then((r) => assert.equal(r.statusCode, 401));
      await send('POST', url, input, bearer(tokens.partner!)).then((r) => assert.equal(r.statusCode, 403));
      await send('POST', url, input, bearer(tokens.lead1a!)).then((r) => assert.equal(r.statusCode, 403));
      const future = await send('POST', url, { ...input, measuredOn: '2999-01-01' }, bearer(tokens.lead3a!));
      assert.equal(future.statusCode, 400);
      assert.deepEqual(future.json().invalidParams.map((p: any) => p.name), ['body.measuredOn']);
      const invalid = await send('POST', url, { value: 'many', extra: 1 }, bearer(tokens.lead3a!));
      assert.deepEqual(invalid.json().invalidParams.map((p: any) => p.name).sort(), ['body.extra', 'body.measuredOn', 'body.source', 'body.value']);

      const created = await send('POST', url, input, bearer(tokens.lead3a!));
      assert.equal(created.statusCode, 201);
      assert.equal(created.json().value, 1234.5);
      const byCoordinator = await send('POST', `${L}/targets/working-method-proposal/measurements`, { ...input, value: 1 }, bearer(tokens.coordinator!));
      assert.equal(byCoordinator.statusCode, 201);
      const list = (await get(url)).json();
      assert.ok(list.items.some((m: any) => m.id === created.json().id && m.measuredOn === '2020-06-30'));
    });

    test('progress reports: the project\'s lead files and reads them; others are refused', async () => {
      const url = `${L}/projects/3a/progress-reports`;
      const period = periodOf(isoToday());
      const input = { period, status: 'at_risk', narrative: { nl: 'Vertraging bij de bouw', en: 'Construction delayed' } };
      await get(url).then((r) => assert.equal(r.statusCode, 404));
      await get(url, bearer(tokens.partner!)).then((r) => assert.equal(r.statusCode, 404));
      await send('POST', url, input).then((r) => assert.equal(r.statusCode, 401));
      await send('POST', url, input, bearer(tokens.partner!)).then((r) => assert.equal(r.statusCode, 403));
      await send('POST', url, input, bearer(tokens.lead1a!)).then((r) => assert.equal(r.statusCode, 403));
      const old = await send('POST', url, { ...input, period: '2001-Q1' }, bearer(tokens.lead3a!));
      assert.equal(old.statusCode, 400);
      assert.deepEqual(old.json().invalidParams.map((p: any) => p.name), ['body.period']);
      await send('POST', url, { ...input, status: 'fine', narrative: {} }, bearer(tokens.lead3a!)).then((r) => assert.equal(r.statusCode, 400));
      await send('POST', url, { ...input, narrative: { nl: ' ' } }, bearer(tokens.lead3a!)).then((r) => assert.equal(r.statusCode, 400));

      const created = await send('POST', url, input, bearer(tokens.lead3a!));
      assert.equal(created.statusCode, 201);
      assert.equal(created.json().status, 'at_risk');
      const replaced = await send('POST', url, { ...input, status: 'on_track' }, bearer(tokens.lead3a!));
      assert.equal(replaced.statusCode, 200);
      await send('POST', url, { ...input, period: previousPeriod(period) }, bearer(tokens.coordinator!)).then((r) => assert.equal(r.statusCode, 201));
      const list = (await get(url, bearer(tokens.lead3a!))).json();
      assert.equal(list.items.find((r: any) => r.period === period).status, 'on_track');
      assert.equal(list.page.totalItems, 2);
      await get(`${L}/projects/zz8/progress-reports`, bearer(tokens.lead3a!)).then((r) => assert.equal(r.statusCode, 404));
    });

    test('news and events: published ones for everyone, drafts only for the coordinator', async () => {
      const news = (await get(`${L}/news?pageSize=100`)).json();
      assert.ok(news.items.some((n: any) => n.slug === 'convenant-ondertekend'));
      assert.ok(news.items.every((n: any) => n.status === 'published'));
      await get(`${L}/news/convenant-ondertekend`).then((r) => assert.equal(r.json().publishAt, '2017-07-07T12:00:00.000Z'));
      await get(`${L}/news/draft-news`).then((r) => assert.equal(r.statusCode, 404));
      await get(`${L}/news/draft-news`, bearer(tokens.partner!)).then((r) => assert.equal(r.statusCode, 404));
      const all = (await get(`${L}/news?pageSize=100`, bearer(tokens.coordinatorRead!))).json();
      assert.ok(all.items.some((n: any) => n.slug === 'draft-news'));
      await get(`${L}/news/draft-news`, bearer(tokens.coordinatorRead!)).then((r) => assert.equal(r.json().status, 'draft'));

      const events = (await get(`${L}/events?when=past&pageSize=2`)).json();
      assert.equal(events.items.length, 2);
      assert.ok(events.items[0].startsAt >= events.items[1].startsAt, 'past events latest first');
      assert.ok(events.links.next);
      const upcoming = (await get(`${L}/events?when=upcoming`)).json();
      assert.ok(!upcoming.items.some((e: any) => e.slug === 'draft-event'));
      await get(`${L}/events/sciencecafe`).then((r) => assert.equal(r.statusCode, 200));
      await get(`${L}/events/draft-event`).then((r) => assert.equal(r.statusCode, 404));
      await get(`${L}/events/draft-event`, bearer(tokens.coordinatorRead!)).then((r) => assert.equal(r.statusCode, 200));
      await get(`${L}/events?when=tomorrow`).then((r) => assert.equal(r.statusCode, 400));
      await get(`${L}/news?published=true`).then((r) => assert.equal(r.statusCode, 400));
    });

    test('open data: meeting schedules, public decisions, published news and events and the agreement; nothing internal, whoever asks', async () => {
      const [meeting] = await t.database.db.select().from(meetings).limit(1);
      const confirmedAt = new Date('2017-07-08T10:00:00Z');
      await t.database.db.insert(decisions).values([
        { programmeId: meeting!.programmeId, meetingId: meeting!.id, outcome: 'adopted', public: true, text: { en: 'Open decision' }, confirmedAt },
        { programmeId: meeting!.programmeId, meetingId: meeting!.id, outcome: 'adopted', public: true, text: { en: 'Unconfirmed decision' } },
        { programmeId: meeting!.programmeId, meetingId: meeting!.id, outcome: 'adopted', public: true, text: { en: 'Withdrawn decision' }, confirmedAt, withdrawnAt: new Date('2017-07-09T10:00:00Z') },
      ]);
      for (const headers of [{}, bearer(tokens.coordinator!)]) {
        const data = (await get(`${L}/open-data.json`, headers)).json();
        assert.ok(data.decisions.some((d: any) => d.text.en === 'Open decision'));
        assert.ok(data.meetings.length > 0);
        assert.ok(data.meetings.every((m: any) => m.startsAt.endsWith('Z') && !('minutes' in m) && !('agendaItems' in m)), 'no agenda or minutes');
        assert.ok(data.decisions.every((d: any) => d.public === true), 'only public decisions');
        assert.ok(data.decisions.every((d: any) => d.status === 'confirmed'), 'only decisions in force');
        assert.ok(!data.decisions.some((d: any) => /Unconfirmed|Withdrawn/.test(d.text.en ?? '')));
        assert.ok(!data.decisions.some((d: any) => d.id === internalDecisionId));
        assert.ok(data.news.length > 0 && !data.news.some((n: any) => n.slug === 'draft-news'), 'published news only');
        assert.ok(data.events.some((e: any) => e.slug === 'sciencecafe') && !data.events.some((e: any) => e.slug === 'draft-event'));
        assert.ok(data.agreement.sections.some((x: any) => x.key === 'introduction'));
        assert.ok(data.agreement.parties.some((p: any) => p.organisation.slug === 'universiteit-leiden'));
        assert.ok(!JSON.stringify(data).includes('Pending proposal'), 'pending amendments stay out');
        assert.ok(!JSON.stringify(data).includes('Confidential decision'));
      }
      const csv = (await get(`${L}/open-data.csv`)).body;
      const lines = csv.trim().split('\r\n');
      assert.ok(lines.some((l) => l.startsWith('"meeting",') && l.includes('"startsAt"')));
      assert.ok(lines.some((l) => l.startsWith('"news",')));
      assert.ok(lines.some((l) => l.startsWith('"decision",') && l.includes('"Open decision"')));
      assert.ok(lines.some((l) => l.startsWith('"event","sciencecafe",')));
      assert.ok(lines.some((l) => l.startsWith('"agreement-section","introduction",')));
      assert.ok(lines.some((l) => l.startsWith('"agreement-party","universiteit-leiden",')));
      assert.ok(!csv.includes('Confidential decision') && !csv.includes('Draft news') && !csv.includes('Pending proposal'));
    });

    test('every operation of these resources was exercised and checked against the document', () => {
      const mine = new Set(['Agreement', 'Funds', 'Meetings', 'Monitoring', 'News and events']);
      const operations = Object.entries<any>(doc.document.paths).flatMap(([path, ops]) =>
        Object.entries<any>(ops)
          .filter(([, op]) => (op.tags ?? []).some((tag: string) => mine.has(tag)))
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
      assert.equal(operations.length, 23);
      const seen = new Set([...doc.checked.keys()].map((key) => key.split(' ').slice(0, 2).join(' ')));
      assert.deepEqual(operations.filter((op) => !seen.has(op)), []);
    });
  });
}
