import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { bodies, organisations, projects } from '../../db/schema.ts';
import { setClock } from '../../clock.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { admissionDecisions } from './tables.ts';

for (const mode of databaseModes()) {
  describe(`proposals and admission (${mode})`, () => {
    let t: TestApp;
    let orgId: (slug: string) => string;
    before(async () => {
      // Inside Leiden's term: spring 2018, the clock running on.
      setClock('2018-04-01T12:00:00Z');
      t = await startTestApp(mode);
      const rows = await t.database.db.select({ id: organisations.id, slug: organisations.slug }).from(organisations);
      orgId = (slug) => rows.find((r) => r.slug === slug)!.id;
    });
    after(async () => {
      setClock(null);
      await t.close();
    });

    /** Proposes a project as `slug`'s person, with these partner organisations; returns its admission URL. */
    async function propose(lead: string, partners: string[], extra: Record<string, string> = {}) {
      const proposer = await loginAs(t, { role: 'partner', organisation: lead });
      const submitted = await t.app.inject({
        method: 'POST',
        url: '/nl/leiden/proposals/new',
        headers: { cookie: proposer.cookie },
        payload: { _csrf: proposer.csrf, title_nl: `Voorstel van ${lead}`, goal_nl: 'Een doel', leadOrganisationId: orgId(lead), partners: partners.map(orgId), ...extra },
      });
      assert.equal(submitted.statusCode, 303);
      return { proposer, admissionUrl: String(submitted.headers.location) };
    }

    /** An executive meeting on `date` (10:00) with one recorded decision; confirmed unless told otherwise. */
    async function executiveDecision(date: string, text: string, options: { confirmed?: boolean; body?: 'executive' | 'support' } = {}) {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const planned = await t.app.inject({ method: 'POST', url: `/nl/leiden/bodies/${options.body ?? 'executive'}/meetings`, headers: { cookie: coordinator.cookie }, payload: { _csrf: coordinator.csrf, date, startTime: '10:00', endTime: '11:00', location: 'Stadhuis' } });
      assert.equal(planned.statusCode, 303);
      const meetingId = String(planned.headers.location).split('/').at(-1)!;
      const recorded = await t.app.inject({ method: 'POST', url: `/nl/leiden/meetings/${meetingId}/decisions`, headers: { cookie: coordinator.cookie }, payload: { _csrf: coordinator.csrf, text_nl: text, outcome: 'adopted' } });
      assert.equal(recorded.statusCode, 303, 'the secretary records the decision of a meeting that has started');
      const [decision] = await t.database.db.select().from(decisions).where(eq(decisions.meetingId, meetingId));
      if (options.confirmed !== false) await t.database.db.update(decisions).set({ confirmedAt: new Date(`${date}T12:00:00Z`), confirmedByName: 'Voorzitter' }).where(eq(decisions.id, decision!.id));
      return { meetingId, decisionId: decision!.id };
    }

    test('criterion a counts parties: two non-parties, or two units of one party, are too few', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const nonParties = await propose('leiden-marketing', ['gemeente-den-haag']);
      let page = await t.app.inject({ url: nonParties.admissionUrl, headers: { cookie: coordinator.cookie } });
      assert.match(page.body, /Nog geen deelnemende partij heeft belang verklaard; er zijn er minstens twee nodig/);
      const units = await propose('faculteit-geesteswetenschappen', ['faculteit-rechtsgeleerdheid']);
      page = await t.app.inject({ url: units.admissionUrl.replace('/nl/', '/en/'), headers: { cookie: coordinator.cookie } });
      assert.match(page.body, /Only one participating party has declared an interest; at least two are needed. A faculty or institute counts as the party it is part of/);
      const unitAndParty = await propose('iclon', ['gemeente-leiden']);
      page = await t.app.inject({ url: unitAndParty.admissionUrl, headers: { cookie: coordinator.cookie } });
      assert.match(page.body, /2 deelnemende partijen hebben belang verklaard/);
    });

    test('the annexed projects were admitted by the agreement of 7 July 2017, not by a meeting', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const [row] = await t.database.db.select().from(projects).where(eq(projects.code, '2e'));
      const [decision] = await t.database.db.select().from(admissionDecisions).where(eq(admissionDecisions.projectId, row!.id));
      assert.equal(decision!.source, 'agreement');
      assert.equal(decision!.decisionId, null);
      assert.equal(decision!.meetingId, null);
      const page = await t.app.inject({ url: '/nl/leiden/projects/2e/admission', headers: { cookie: coordinator.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Toegelaten<\/strong> — Toegelaten bij de overeenkomst van 7 juli 2017/);
      assert.equal((page.body.match(/Toegelaten bij de overeenkomst<\/strong>/g) ?? []).length, 6, 'each criterion shows the agreement');
      assert.doesNotMatch(page.body, /Niet vervuld/);
      const english = await t.app.inject({ url: '/en/leiden/projects/2e/admission', headers: { cookie: coordinator.cookie } });
      assert.match(english.body, /Admitted by the agreement of 7 July 2017/);
      const all = await t.database.db.select().from(admissionDecisions).where(eq(admissionDecisions.source, 'agreement'));
      assert.equal(all.length, 17, 'the 17 projects of the annex');
    });

    test('a proposal walks from submission through judgement and recommendation to admission by a confirmed executive decision', async () => {
      const { proposer, admissionUrl } = await propose('hogeschool-leiden', ['universiteit-leiden']);
      const code = /projects\/([^/]+)\/admission/.exec(admissionUrl)![1]!;
      assert.match(code, /^V\d+$/);

      let page = await t.app.inject({ url: admissionUrl, headers: { cookie: proposer.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /2 deelnemende partijen hebben belang verklaard/);
      assert.match(page.body, /Hogeschool Leiden is trekker/);
      assert.match(page.body, /nog niet beschreven hoe het succes wordt geborgd/);
      assert.match(page.body, /De partners hebben nog geen afspraken over bemensing\/capaciteit en financiering vastgelegd/);
      assert.match(page.body, /2 vervuld, 2 niet vervuld, 2 nog te beoordelen/);

      // Not public, not for other leads; the proposer may not judge.
      assert.equal((await t.app.inject({ url: `/nl/leiden/projects/${code}` })).statusCode, 404);
      const otherLead = await loginAs(t, { role: 'lead', project: '2a' });
      assert.equal((await t.app.inject({ url: admissionUrl, headers: { cookie: otherLead.cookie } })).statusCode, 404);
      const judge = (session: { cookie: string; csrf: string }, payload: Record<string, string>) =>
        t.app.inject({ method: 'POST', url: `${admissionUrl}/judgement`, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf, ...payload } });
      assert.equal((await judge(proposer, { criterion: 'c', met: 'yes', reasoning_nl: 'zelf' })).statusCode, 404);

      const support = await loginAs(t, { role: 'support', name: 'Sam Support' });
      assert.equal((await judge(support, { criterion: 'x', met: 'yes', reasoning_nl: '' })).statusCode, 400);
      assert.equal((await judge(support, { criterion: 'c', met: 'yes', reasoning_nl: 'Hogeschool en universiteit samen' })).statusCode, 303);
      assert.equal((await judge(support, { criterion: 'd', met: 'yes', reasoning_nl: 'Bestaat nog niet in Leiden' })).statusCode, 303);

      const executive = await loginAs(t, { role: 'executive' });
      const { meetingId, decisionId } = await executiveDecision('2018-03-01', 'Toelating zomerschool');
      const decide = (payload: Record<string, string>, locale = 'nl') =>
        t.app.inject({ method: 'POST', url: `${admissionUrl.replace('/nl/', `/${locale}/`)}/decision`, headers: { cookie: executive.cookie }, payload: { _csrf: executive.csrf, reasons_nl: 'Past in de agenda', decision: decisionId, ...payload } });
      const early = await decide({ outcome: 'admit' });
      assert.equal(early.statusCode, 409);
      assert.match(early.body, /moet eerst een advies vastleggen/);

      const recommend = await t.app.inject({
        method: 'POST',
        url: `${admissionUrl}/recommendation`,
        headers: { cookie: support.cookie },
        payload: { _csrf: support.csrf, outcome: 'admit', reasons_nl: 'Voldoet straks aan alles', decidedOn: '2018-02-01' },
      });
      assert.equal(recommend.statusCode, 303);
      assert.equal((await t.app.inject({ method: 'POST', url: `${admissionUrl}/decision`, headers: { cookie: support.cookie }, payload: { _csrf: support.csrf, outcome: 'admit', reasons_nl: 'x', decision: decisionId } })).statusCode, 404);

      const blocked = await decide({ outcome: 'admit' });
      assert.equal(blocked.statusCode, 409);
      assert.match(blocked.body, /pas als aan alle criteria/);
      assert.equal((await decide({ outcome: 'maybe', reasons_nl: '' })).statusCode, 400);

      // The proposer completes the proposal: safeguarding and the partners' arrangements (criterion f, per project).
      const [row] = await t.database.db.select().from(projects).where(eq(projects.code, code));
      const edit = await t.app.inject({
        method: 'POST',
        url: `/nl/leiden/projects/${code}/edit`,
        headers: { cookie: proposer.cookie },
        payload: {
          _csrf: proposer.csrf,
          version: String(row!.version),
          title_nl: 'Leidse zomerschool',
          title_en: 'Leiden summer school',
          goal_nl: 'Een zomerschool',
          safeguarding_nl: 'Opgenomen in het onderwijsaanbod',
          staffingArrangements_nl: 'Elk twee docenten',
          lifecycle: 'proposed',
          leadOrganisationId: orgId('hogeschool-leiden'),
        },
      });
      assert.equal(edit.statusCode, 303);
      page = await t.app.inject({ url: admissionUrl, headers: { cookie: executive.cookie } });
      assert.match(page.body, /De afspraken over financiering ontbreken nog/);
      const [edited] = await t.database.db.select().from(projects).where(eq(projects.code, code));
      assert.equal(
        (await t.app.inject({ method: 'POST', url: `/nl/leiden/projects/${code}/edit`, headers: { cookie: proposer.cookie }, payload: { _csrf: proposer.csrf, version: String(edited!.version), title_nl: 'Leidse zomerschool', title_en: 'Leiden summer school', goal_nl: 'Een zomerschool', safeguarding_nl: 'Opgenomen in het onderwijsaanbod', staffingArrangements_nl: 'Elk twee docenten', financingArrangements_nl: 'Elk de helft', lifecycle: 'proposed', leadOrganisationId: orgId('hogeschool-leiden') } })).statusCode,
        303,
      );
      page = await t.app.inject({ url: admissionUrl.replace('/nl/', '/en/'), headers: { cookie: executive.cookie } });
      assert.match(page.body, /6 met, 0 not met, 0 still to be judged/);
      assert.match(page.body, /The partners have stated their arrangements on staffing\/capacity and on financing/);

      // The form offers only eligible decisions, newest first, nothing chosen beforehand.
      const unconfirmed = await executiveDecision('2018-03-10', 'Nog niet bevestigd', { confirmed: false });
      const supportLevel = await executiveDecision('2018-03-12', 'Besluit van het ambtelijk overleg', { body: 'support' });
      const newer = await executiveDecision('2018-03-15', 'Later besluit');
      page = await t.app.inject({ url: admissionUrl, headers: { cookie: executive.cookie } });
      assert.match(page.body, /<select[^>]*name="decision"[^>]*><option value(?:="")?>Kies…?[^<]*<\/option><option value="[0-9a-f-]{36}">15 maart 2018: Later besluit<\/option><option value="[0-9a-f-]{36}">1 maart 2018: Toelating zomerschool<\/option><\/select>/);
      // Refused with a clear message, nothing stored: none chosen, unconfirmed, of the support level, of a meeting not yet held.
      const [notYetHeld] = await t.database.db
        .insert(meetings)
        .values({ programmeId: row!.programmeId, bodyId: (await t.database.db.select().from(bodies).where(eq(bodies.kind, 'executive')))[0]!.id, startsAt: new Date('2018-12-01T09:00:00Z'), endsAt: new Date('2018-12-01T10:00:00Z') })
        .returning();
      const [futureDecision] = await t.database.db.insert(decisions).values({ programmeId: row!.programmeId, meetingId: notYetHeld!.id, outcome: 'adopted', text: { nl: 'Vooruit besloten' }, confirmedAt: new Date() }).returning();
      for (const refused of ['', unconfirmed.decisionId, supportLevel.decisionId, futureDecision!.id, '00000000-0000-4000-8000-000000000000']) {
        const answer = await decide({ outcome: 'admit', decision: refused });
        assert.equal(answer.statusCode, 400, refused);
        assert.match(answer.body, refused ? /Kies een bevestigd besluit van de bestuurlijke stuurgroep uit een gehouden vergadering/ : /Kies een optie|Kies|verplicht/);
      }
      const english = await decide({ outcome: 'admit', decision: unconfirmed.decisionId }, 'en');
      assert.match(english.body, /Choose a confirmed decision of the executive steering group from a meeting that has been held/);

      // The confirmation step names the meeting's date; nothing is stored before it.
      const asked = await decide({ outcome: 'admit' });
      assert.equal(asked.statusCode, 200);
      assert.match(asked.body, new RegExp(`${code} toelaten\\?`));
      assert.match(asked.body, /in de vergadering van 1 maart 2018: Toelating zomerschool/);
      assert.match(asked.body, /name="confirmed" value="yes"/);
      assert.equal((await t.database.db.select().from(projects).where(eq(projects.code, code)))[0]!.lifecycle, 'proposed');
      assert.equal((await decide({ outcome: 'admit', confirmed: 'yes' })).statusCode, 303);
      const [admitted] = await t.database.db.select().from(projects).where(eq(projects.code, code));
      assert.equal(admitted!.lifecycle, 'admitted');
      assert.equal(admitted!.published, true);
      const rows = await t.database.db.select().from(admissionDecisions).where(eq(admissionDecisions.projectId, admitted!.id));
      assert.deepEqual(rows.map((d) => d.kind).sort(), ['decision', 'recommendation']);
      const decided = rows.find((d) => d.kind === 'decision')!;
      assert.equal(decided.source, 'decision');
      assert.equal(decided.decisionId, decisionId);
      assert.equal(decided.meetingId, meetingId);
      assert.equal(decided.decidedOn, '2018-03-01', 'the meeting\'s date, not the day it was recorded');
      assert.notEqual(newer.decisionId, decisionId);
      page = await t.app.inject({ url: admissionUrl, headers: { cookie: executive.cookie } });
      assert.match(page.body, new RegExp(`<a class="utrecht-link" href="/nl/leiden/meetings/${meetingId}">Besloten door de bestuurlijke stuurgroep in de vergadering van 1 maart 2018</a>`));
      assert.equal((await t.app.inject({ url: `/nl/leiden/projects/${code}` })).statusCode, 200);
      const again = await decide({ outcome: 'reject', confirmed: 'yes' });
      assert.equal(again.statusCode, 409);
      const history = await t.app.inject({ url: `/en/leiden/projects/${code}`, headers: { cookie: executive.cookie } });
      assert.match(history.body, /Decision recorded/);
      assert.match(history.body, /Proposal submitted/);
    });

    test('the proposals list needs an account and shows proposals to the coordinator', async () => {
      const anonymous = await t.app.inject({ url: '/nl/leiden/proposals' });
      assert.notEqual(anonymous.statusCode, 200);
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const list = await t.app.inject({ url: '/en/leiden/proposals', headers: { cookie: coordinator.cookie } });
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /New project proposal/);
      const noRole = await loginAs(t, {});
      assert.equal((await t.app.inject({ url: '/nl/leiden/proposals/new', headers: { cookie: noRole.cookie } })).statusCode, 403);
    });
  });
}
