// Races: concurrent conflicting saves of one record lose nothing and apply once. 100 concurrent
// saves of one project with the same version: exactly one succeeds, the rest get a conflict
// (page form and API with If-Match), repeated; a double-submitted form has one effect.
// Counting races: concurrent consents of one party to one amendment count once; concurrent
// adoptions of one amendment make one new agreement version; concurrent adoptions of one annual
// agenda adopt it once; concurrent awards of one fund application commit once. (Hundreds of
// simultaneous awards of different applications against one small fund, and idempotency keys, are
// tested in src/features/fund/fund.concurrency.test.ts; not repeated here.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { databaseModes } from '../support/database.ts';
import { loginAs, startTestApp, type TestApp } from '../support/app.ts';
import { rows, succeeded } from './world.ts';
import { createApiToken } from '../../src/features/api/tokens/commands.ts';
import { createFund, recordContribution } from '../../src/features/fund/commands.ts';
import { awardApplication } from '../../src/features/fund/application-commands.ts';
import { heldDecision } from '../support/decisions.ts';
import type { Actor } from '../../src/domain/policy.ts';

const COUNTING = Number(process.env.RACE_COUNTING ?? 20);

const CONCURRENT = 100;
const REPEATS = Number(process.env.RACE_REPEATS ?? 3);

function unescapeHtml(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The form's fields as the browser would send them. */
function formValues(html: string): Record<string, string> {
  const forms = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/gi)].map((m) => m[1]!);
  const form = forms.find((f) => f.includes('name="version"')) ?? html;
  const out: Record<string, string> = {};
  for (const tag of form.match(/<input[^>]*>/g) ?? []) {
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (!name) continue;
    if (/type="(checkbox|radio)"/.test(tag) && !/checked/.test(tag)) continue;
    out[name] = unescapeHtml(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  for (const match of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) out[match[1]!] = unescapeHtml(match[2]!);
  for (const match of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    out[match[1]!] = unescapeHtml(/<option[^>]*value="([^"]*)"[^>]*selected/.exec(match[2]!)?.[1] ?? /<option[^>]*value="([^"]*)"/.exec(match[2]!)?.[1] ?? '');
  }
  return out;
}

for (const mode of databaseModes()) {
  describe(`races (${mode})`, () => {
    let t: TestApp;
    let runs = 0;
    let countingRuns = 0;
    before(async () => {
      t = await startTestApp(mode, {}, { leiden: 'running' });
    });
    after(async () => {
      process.stdout.write(`# races (${mode}): ${runs} races of ${CONCURRENT} concurrent saves, each with exactly one winner; ${countingRuns} counting races of ${COUNTING} concurrent requests, each counted once\n`);
      await t?.close();
    });

    const audits = async (objectId: string) =>
      (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_events where object_id = ${objectId}`))[0]!.n;

    test(`${CONCURRENT} concurrent page saves with one version: one wins, the others conflict (×${REPEATS})`, async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const url = '/nl/leiden/projects/1a/edit';
      const [project] = await rows<{ id: string }>(t.database.db, sql`select p.id from projects p join programmes g on g.id = p.programme_id where g.slug = 'leiden' and p.code = '1a'`);
      for (let round = 1; round <= REPEATS; round++) {
        const page = await t.app.inject({ method: 'GET', url, headers: { cookie: coordinator.cookie } });
        assert.equal(page.statusCode, 200);
        const form = formValues(page.body);
        assert.ok(form.version, 'the edit form carries the version');
        const auditBefore = await audits(project!.id);
        const answers = await Promise.all(
          Array.from({ length: CONCURRENT }, (_, i) =>
            t.app.inject({ method: 'POST', url, headers: { cookie: coordinator.cookie }, payload: { ...form, title_nl: `Race ${round}.${i}`, _csrf: coordinator.csrf } }),
          ),
        );
        const statuses = answers.map((a) => a.statusCode);
        assert.equal(statuses.filter((s) => s === 303).length, 1, `exactly one save wins: ${JSON.stringify(statuses)}`);
        assert.equal(statuses.filter((s) => s === 409).length, CONCURRENT - 1, 'the others are told of the conflict');
        const winner = answers.findIndex((a) => a.statusCode === 303);
        const [stored] = await rows<{ title: { nl: string }; version: number }>(t.database.db, sql`select title, version from projects where id = ${project!.id}`);
        assert.equal(stored!.title.nl, `Race ${round}.${winner}`, 'the stored title is the winner’s');
        assert.equal(stored!.version, Number(form.version) + 1, 'the version went up once');
        assert.equal((await audits(project!.id)) - auditBefore, 1, 'one audit row for the one change');
        runs++;
      }
    });

    test(`${CONCURRENT} concurrent API PATCHes with one ETag: one 200, the others 412 (×${REPEATS})`, async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const [programme] = await rows<{ id: string }>(t.database.db, sql`select id from programmes where slug = 'leiden'`);
      const { token } = await createApiToken(t.database.db, { actor: { userId: coordinator.userId, displayName: 'c' }, name: 'race', scope: 'read-write', programmeId: programme!.id });
      const url = '/api/v1/programmes/leiden/projects/1b';
      for (let round = 1; round <= REPEATS; round++) {
        const current = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
        assert.equal(current.statusCode, 200);
        const etag = String(current.headers.etag);
        const answers = await Promise.all(
          Array.from({ length: CONCURRENT }, (_, i) =>
            t.app.inject({ method: 'PATCH', url, headers: { authorization: `Bearer ${token}`, 'if-match': etag }, payload: { title: { nl: `API race ${round}.${i}` } } }),
          ),
        );
        const statuses = answers.map((a) => a.statusCode);
        assert.equal(statuses.filter((s) => s === 200).length, 1, `exactly one PATCH wins: ${JSON.stringify(statuses.filter((s) => s !== 412))}`);
        assert.equal(statuses.filter((s) => s === 412).length, CONCURRENT - 1);
        const winner = answers.findIndex((a) => a.statusCode === 200);
        const after = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
        assert.equal((after.json() as { title: { nl: string } }).title.nl, `API race ${round}.${winner}`);
        runs++;
      }
    });

    test('a double-submitted form has one effect', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const url = '/nl/leiden/projects/2a/edit';
      const page = await t.app.inject({ method: 'GET', url, headers: { cookie: coordinator.cookie } });
      const form = { ...formValues(page.body), title_nl: 'Dubbel verstuurd', _csrf: coordinator.csrf };
      const [first, second] = await Promise.all([1, 2].map(() => t.app.inject({ method: 'POST', url, headers: { cookie: coordinator.cookie }, payload: form })));
      assert.deepEqual([first!.statusCode, second!.statusCode].sort(), [303, 409]);
      const again = await t.app.inject({ method: 'POST', url, headers: { cookie: coordinator.cookie }, payload: form });
      assert.equal(again.statusCode, 409, 'a resubmission after success is a conflict, not a second change');
    });
    const post = (session: { cookie: string; csrf: string }, url: string, payload: Record<string, string>) =>
      t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf, ...payload } });
    const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(t.database.db, query))[0]!.n;

    test(`concurrent consents of one party count once; concurrent adoptions make one version (×${REPEATS})`, async () => {
      const db = t.database.db;
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const parties = await rows<{ id: string; slug: string }>(
        db,
        sql`select p.id, o.slug from agreement_parties p join agreements a on a.id = p.agreement_id join programmes g on g.id = a.programme_id join organisations o on o.id = p.organisation_id where g.slug = 'leiden' order by o.slug`,
      );
      assert.ok(parties.length >= 2);
      const reps: { partyId: string; session: { cookie: string; csrf: string } }[] = [];
      for (const party of parties) {
        const session = await loginAs(t, { role: 'partner', organisation: party.slug });
        assert.equal((await post(coordinator, '/nl/leiden/agreement/representatives', { party: party.id, email: session.email })).statusCode, 303);
        reps.push({ partyId: party.id, session });
      }
      const [section] = await rows<{ key: string }>(db, sql`select s.key from agreement_sections s join agreements a on a.id = s.agreement_id join programmes g on g.id = a.programme_id where g.slug = 'leiden' order by s.position limit 1`);
      for (let round = 1; round <= REPEATS; round++) {
        const proposed = await post(reps[0]!.session, '/nl/leiden/agreement/amendments', { confirmed: 'yes',
          party: reps[0]!.partyId,
          title_nl: `Race ${round}`,
          reason_nl: 'Omdat',
          [`body_${section!.key}_nl`]: `Nieuwe tekst ${round}`,
        });
        assert.equal(proposed.statusCode, 303, proposed.body.slice(0, 300));
        const number = Number(/amendments\/(\d+)$/.exec(String(proposed.headers.location))![1]);
        const [amendment] = await rows<{ id: string }>(db, sql`select m.id from agreement_amendments m join programmes g on g.id = m.programme_id where g.slug = 'leiden' and m.number = ${number}`);
        const base = `/nl/leiden/agreement/amendments/${number}`;
        // One representative consents COUNTING times at once.
        const first = reps[0]!;
        const consents = await Promise.all(Array.from({ length: COUNTING }, () => post(first.session, `${base}/answers`, { party: first.partyId, answer: 'consent' })));
        const consentStatuses = consents.map((r) => r.statusCode);
        assert.equal(consentStatuses.filter((s) => s === 303).length, 1, `one consent accepted: ${JSON.stringify(consentStatuses)}`);
        assert.equal(consentStatuses.filter((s) => s === 409).length, COUNTING - 1, 'the others are told it is answered');
        assert.equal(await count(sql`select count(*)::int as n from agreement_consents where amendment_id = ${amendment!.id} and party_id = ${first.partyId} and withdrawn_at is null`), 1, 'one consent counted');
        assert.equal(await count(sql`select count(*)::int as n from audit_events where object_id = ${amendment!.id} and action = 'agreement.consent.give'`), 1, 'one audit row');
        for (const rep of reps.slice(1)) assert.equal((await post(rep.session, `${base}/answers`, { party: rep.partyId, answer: 'consent' })).statusCode, 303);
        // Everyone adopts at once: one new version.
        const versionsBefore = await count(sql`select count(*)::int as n from agreement_versions v join programmes g on g.id = v.programme_id where g.slug = 'leiden'`);
        const adopters = [coordinator, ...reps.map((r) => r.session)];
        const adoptions = await Promise.all(Array.from({ length: COUNTING }, (_, i) => post(adopters[i % adopters.length]!, `${base}/adopt`, { confirmed: 'yes' })));
        const adoptStatuses = adoptions.map((r) => r.statusCode);
        assert.equal(adoptStatuses.filter((s) => s === 303).length, 1, `one adoption: ${JSON.stringify(adoptStatuses)}`);
        assert.equal(adoptStatuses.filter((s) => s === 409).length, COUNTING - 1);
        assert.equal(await count(sql`select count(*)::int as n from agreement_versions v join programmes g on g.id = v.programme_id where g.slug = 'leiden'`), versionsBefore + 1, 'one new version');
        assert.equal(await count(sql`select count(*)::int as n from agreement_versions where amendment_id = ${amendment!.id}`), 1);
        const [numbers] = await rows<{ n: number; max: number; min: number }>(db, sql`select count(*)::int as n, max(number)::int as max, min(number)::int as min from agreement_versions v join programmes g on g.id = v.programme_id where g.slug = 'leiden'`);
        assert.deepEqual([numbers!.min, numbers!.max], [1, numbers!.n], 'versions numbered 1..n');
        assert.equal(await count(sql`select count(*)::int as n from audit_events where object_id = ${amendment!.id} and action = 'agreement.amendment.adopt'`), 1);
        countingRuns += 2;
      }
    });

    test(`concurrent adoptions of one annual agenda adopt it once (×${REPEATS})`, async () => {
      const db = t.database.db;
      const coordinator = await loginAs(t, { role: 'coordinator' });
      // A held executive meeting with a confirmed decision (the default data has none).
      const [decision] = await rows<{ id: string }>(
        db,
        sql`with held as (insert into meetings (programme_id, body_id, starts_at, ends_at, location, state) select g.id, b.id, '2018-01-15T09:00:00Z', '2018-01-15T11:00:00Z', 'Leiden', 'held' from bodies b join programmes g on g.id = b.programme_id where g.slug = 'leiden' and b.kind = 'executive' returning id, programme_id)
            insert into decisions (programme_id, meeting_id, outcome, public, text, confirmed_at) select held.programme_id, held.id, 'adopted', true, ${JSON.stringify({ nl: 'Jaaragenda vaststellen', en: 'Adopt the annual agenda' })}::jsonb, '2018-01-15T12:00:00Z' from held returning id`,
      );
      assert.ok(decision, 'a confirmed executive decision to adopt with');
      for (let round = 1; round <= REPEATS; round++) {
        const year = 2040 + round;
        const created = await post(coordinator, '/nl/leiden/annual-agendas', { startYear: String(year), endYear: String(year) });
        assert.equal(created.statusCode, 303, created.body.slice(0, 500));
        const url = String(created.headers.location);
        const agendaId = url.split('/').pop()!;
        assert.equal((await post(coordinator, `${url}/propose`, {})).statusCode, 303);
        const decisionId = decision!.id;
        const adoptions: LightMyRequestResponse[] = await Promise.all(Array.from({ length: COUNTING }, () => post(coordinator, `${url}/adopt`, { decision: decisionId, confirmed: 'yes' })));
        const statuses = adoptions.map((r) => r.statusCode);
        assert.equal(statuses.filter((s) => s === 303).length, 1, `one adoption: ${JSON.stringify(statuses)}`);
        assert.ok(statuses.every((s) => s === 303 || s === 400), 'the others are refused');
        const [agenda] = await rows<{ state: string; version: number; decision: string }>(db, sql`select state, version, adopted_by_decision_id as decision from annual_agendas where id = ${agendaId}`);
        assert.deepEqual([agenda!.state, agenda!.decision], ['adopted', decision!.id]);
        assert.equal(agenda!.version, 3, 'created, proposed, adopted: two steps');
        assert.equal(await count(sql`select count(*)::int as n from audit_events where object_id = ${agendaId} and action = 'agenda.adopt'`), 1, 'one audit row');
        countingRuns++;
      }
    });

    test(`concurrent awards of one fund application commit once (×${REPEATS})`, async () => {
      const db = t.database.db;
      const [ids] = await rows<{ programme: string; project: string; org: string }>(
        db,
        sql`select g.id as programme, p.id as project, o.id as org from programmes g join projects p on p.programme_id = g.id join organisations o on o.programme_id = g.id where g.slug = 'leiden' and p.code = '3a' and o.slug = 'lumc'`,
      );
      const coordinatorUser = await loginAs(t, { role: 'coordinator' });
      const executiveUser = await loginAs(t, { role: 'executive' });
      const coordinator: Actor = { userId: coordinatorUser.userId, displayName: 'Coordinator', programmeId: ids!.programme, assignments: [{ role: 'coordinator' }] };
      const executive: Actor = { userId: executiveUser.userId, displayName: 'Executive', programmeId: ids!.programme, assignments: [{ role: 'executive' }] };
      const fund = succeeded(await createFund({ actor: coordinator, db, programmeId: ids!.programme, fund: { kind: 'joint', name: { nl: 'Racefonds', en: 'Race fund' } } }));
      succeeded(await recordContribution({ actor: coordinator, db, programmeId: ids!.programme, contribution: { fund: fund.id, party: ids!.org, year: 2018, amount: 1_000_000_00, hours: 10_000 } }));
      const { decisionId } = await heldDecision(db, { programmeId: ids!.programme });
      for (let round = 1; round <= REPEATS; round++) {
        const [application] = await rows<{ id: string }>(
          db,
          sql`insert into fund_applications (programme_id, fund_id, project_id, requested_cents, requested_hours, purpose, period_start, period_end)
              values (${ids!.programme}, ${fund.id}, ${ids!.project}, 1234500, 7, ${JSON.stringify({ nl: `Race ${round}`, en: `Race ${round}` })}::jsonb, '2018-01-01', '2018-12-31') returning id`,
        );
        const [before] = await rows<{ c: number; h: number }>(db, sql`select committed_cents::int as c, committed_hours::int as h from fund_balances where fund_id = ${fund.id}`);
        // Different callers, no idempotency key: only the application's state can stop a second award.
        const target = { id: application!.id, projectId: ids!.project };
        const answers = await Promise.all(
          Array.from({ length: COUNTING }, (_, i) =>
            awardApplication({ actor: executive, db, programmeId: ids!.programme, application: target, award: { decisionId, decision: i % 3 === 2 ? 'partial' : 'full', amount: 1000_00, hours: 1 } }),
          ),
        );
        const decided = answers.flatMap((a) => (a.ok && (a.value.outcome === 'awarded' || a.value.outcome === 'partial') ? [a.value] : []));
        const refusals = answers.flatMap((a) => (a.ok ? [] : [a.errors._form?.key]));
        assert.equal(decided.length, 1, `decided once: ${JSON.stringify(answers)}`);
        assert.deepEqual(refusals, Array(COUNTING - 1).fill('fund.error.alreadyDecided'));
        const [after] = await rows<{ c: number; h: number }>(db, sql`select committed_cents::int as c, committed_hours::int as h from fund_balances where fund_id = ${fund.id}`);
        assert.deepEqual([after!.c - before!.c, after!.h - before!.h], [decided[0]!.cents, decided[0]!.hours], 'committed once');
        assert.equal(await count(sql`select count(*)::int as n from ledger_entries where application_id = ${application!.id}`), 1, 'one ledger entry');
        assert.equal(await count(sql`select count(*)::int as n from audit_events where object_id = ${application!.id} and action = 'fund.award'`), 1, 'one audit row');
        countingRuns++;
      }
    });
  });
}
