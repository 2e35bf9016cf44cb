import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { organisations, projects } from '../../db/schema.ts';
import { admissionDecisions } from './tables.ts';

for (const mode of databaseModes()) {
  describe(`proposals and admission (${mode})`, () => {
    let t: TestApp;
    let orgId: (slug: string) => string;
    before(async () => {
      t = await startTestApp(mode);
      const rows = await t.database.db.select({ id: organisations.id, slug: organisations.slug }).from(organisations);
      orgId = (slug) => rows.find((r) => r.slug === slug)!.id;
    });
    after(async () => t.close());

    test('a proposal walks from submission through judgement and recommendation to admission, refused steps explained', async () => {
      const proposer = await loginAs(t, { role: 'partner', organisation: 'hogeschool-leiden' });
      const form = await t.app.inject({ url: '/nl/leiden/proposals/new', headers: { cookie: proposer.cookie } });
      assert.equal(form.statusCode, 200);
      const base = { _csrf: proposer.csrf, title_nl: 'Leidse zomerschool', title_en: 'Leiden summer school', goal_nl: 'Een zomerschool', safeguarding_nl: '' };
      const invalid = await t.app.inject({ method: 'POST', url: '/nl/leiden/proposals/new', headers: { cookie: proposer.cookie }, payload: { ...base, partners: ['not-an-id'] } });
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /Kies de organisatie die het project wil trekken/);
      assert.match(invalid.body, /Leidse zomerschool/);
      const submitted = await t.app.inject({
        method: 'POST',
        url: '/nl/leiden/proposals/new',
        headers: { cookie: proposer.cookie },
        payload: { ...base, leadOrganisationId: orgId('hogeschool-leiden'), partners: [orgId('universiteit-leiden')] },
      });
      assert.equal(submitted.statusCode, 303);
      const admissionUrl = String(submitted.headers.location);
      const code = /projects\/([^/]+)\/admission/.exec(admissionUrl)![1]!;
      assert.match(code, /^V\d+$/);

      let page = await t.app.inject({ url: admissionUrl, headers: { cookie: proposer.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /2 deelnemende partijen hebben belang verklaard/);
      assert.match(page.body, /Hogeschool Leiden is trekker/);
      assert.match(page.body, /nog niet beschreven hoe het succes wordt geborgd/);
      assert.match(page.body, /Nog geen afspraken over bemensing en financiering met: Hogeschool Leiden, Universiteit Leiden/);
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
      const decide = (payload: Record<string, string>) =>
        t.app.inject({ method: 'POST', url: `${admissionUrl}/decision`, headers: { cookie: executive.cookie }, payload: { _csrf: executive.csrf, decidedOn: '2018-03-01', reasons_nl: 'Past in de agenda', ...payload } });
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
      assert.equal((await t.app.inject({ method: 'POST', url: `${admissionUrl}/decision`, headers: { cookie: support.cookie }, payload: { _csrf: support.csrf, outcome: 'admit', reasons_nl: 'x', decidedOn: '2018-03-01' } })).statusCode, 404);

      const blocked = await decide({ outcome: 'admit' });
      assert.equal(blocked.statusCode, 409);
      assert.match(blocked.body, /pas als aan alle criteria/);
      assert.equal((await decide({ outcome: 'maybe', reasons_nl: '' })).statusCode, 400);

      // The proposer completes the proposal: safeguarding and the partners' agreements.
      const [row] = await t.database.db.select().from(projects).where(eq(projects.code, code));
      const edit = await t.app.inject({
        method: 'POST',
        url: `/nl/leiden/projects/${code}/edit`,
        headers: { cookie: proposer.cookie },
        payload: { _csrf: proposer.csrf, version: String(row!.version), title_nl: 'Leidse zomerschool', title_en: 'Leiden summer school', goal_nl: 'Een zomerschool', safeguarding_nl: 'Opgenomen in het onderwijsaanbod', lifecycle: 'proposed', leadOrganisationId: orgId('hogeschool-leiden') },
      });
      assert.equal(edit.statusCode, 303);
      for (const slug of ['hogeschool-leiden', 'universiteit-leiden']) {
        const form = await t.app.inject({ url: `/nl/leiden/projects/${code}/partners/${slug}/edit`, headers: { cookie: proposer.cookie } });
        const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
        const saved = await t.app.inject({
          method: 'POST',
          url: `/nl/leiden/projects/${code}/partners/${slug}/edit`,
          headers: { cookie: proposer.cookie },
          payload: { _csrf: proposer.csrf, version, role: slug === 'hogeschool-leiden' ? 'lead' : 'partner', declaredInterest: 'on', capacityHours: '200', commitmentAgreed: 'on' },
        });
        assert.equal(saved.statusCode, 303);
      }
      page = await t.app.inject({ url: admissionUrl.replace('/nl/', '/en/'), headers: { cookie: executive.cookie } });
      assert.match(page.body, /6 met, 0 not met, 0 still to be judged/);

      assert.equal((await decide({ outcome: 'admit' })).statusCode, 303);
      const [admitted] = await t.database.db.select().from(projects).where(eq(projects.code, code));
      assert.equal(admitted!.lifecycle, 'admitted');
      assert.equal(admitted!.published, true);
      const decisions = await t.database.db.select().from(admissionDecisions).where(eq(admissionDecisions.projectId, admitted!.id));
      assert.deepEqual(decisions.map((d) => d.kind).sort(), ['decision', 'recommendation']);
      assert.equal((await t.app.inject({ url: `/nl/leiden/projects/${code}` })).statusCode, 200);
      const again = await decide({ outcome: 'reject' });
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
      assert.equal((await t.app.inject({ url: '/nl/leiden/proposals/new', headers: { cookie: noRole.cookie } })).statusCode, 404);
    });
  });
}
