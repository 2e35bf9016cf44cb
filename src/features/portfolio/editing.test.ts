import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, ne } from 'drizzle-orm';
import { setClock } from '../../clock.ts';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { actions, organisations, projectPartners, projects } from '../../db/schema.ts';
import { leiden } from '../../seed/leiden.ts';
import { resolveText } from '../../domain/localized.ts';
import { partnerConsultations } from './tables.ts';

const project3a = leiden.projects.find((p) => p.code === '3a')!;
const partnerOf3a = project3a.partners.find((p) => p.role === 'partner')!.organisation;

function projectForm(csrf: string, version: number, overrides: Record<string, string> = {}) {
  return {
    _csrf: csrf,
    version: String(version),
    code: '3a',
    title_nl: 'Wonen voor studenten',
    title_en: 'Housing for students',
    goal_nl: 'Meer kamers',
    goal_en: 'More rooms',
    description_nl: '',
    description_en: '',
    status_nl: 'bestaand, in uitvoering',
    status_en: 'existing, in progress',
    lifecycle: 'running',
    leadOrganisationId: '',
    leadNote_nl: '',
    leadNote_en: '',
    safeguarding_nl: 'In de begroting',
    safeguarding_en: 'In the budget',
    published: 'on',
    ...overrides,
  };
}

for (const mode of databaseModes()) {
  describe(`editing projects (${mode})`, () => {
    let t: TestApp;
    let projectId: string;
    let version: number;
    before(async () => {
      t = await startTestApp(mode, {}, { leiden: 'running' });
      const [row] = await t.database.db.select().from(projects).where(eq(projects.code, '3a'));
      projectId = row!.id;
      version = row!.version;
    });
    after(async () => t.close());

    const editUrl = '/nl/leiden/projects/3a/edit';
    const currentVersion = async () => (await t.database.db.select({ v: projects.version }).from(projects).where(eq(projects.id, projectId)))[0]!.v;

    test('the coordinator edits a project in both languages; the change shows in its history', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator', name: 'Coco Coordinator' });
      const form = await t.app.inject({ url: editUrl, headers: { cookie: coordinator.cookie } });
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="title_en"/);
      assert.match(form.body, new RegExp(`name="version" value="${version}"`));
      const saved = await t.app.inject({ method: 'POST', url: editUrl, headers: { cookie: coordinator.cookie }, payload: projectForm(coordinator.csrf, version) });
      assert.equal(saved.statusCode, 303);
      const page = await t.app.inject({ url: '/en/leiden/projects/3a', headers: { cookie: coordinator.cookie } });
      assert.match(page.body, /Housing for students/);
      assert.match(page.body, /Coco Coordinator/);
      assert.match(page.body, /Project changed/);
      assert.equal(await currentVersion(), version + 1);
    });

    test('a text changed in one language marks the other "translation out of date" until it is updated; a title cannot lose a language', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const save = async (overrides: Record<string, string>) =>
        t.app.inject({ method: 'POST', url: editUrl, headers: { cookie: coordinator.cookie }, payload: projectForm(coordinator.csrf, await currentVersion(), overrides) });
      assert.equal((await save({})).statusCode, 303);
      assert.deepEqual((await t.database.db.select().from(projects).where(eq(projects.id, projectId)))[0]!.staleTranslations, {});
      // Only the Dutch goal changes: the English one is behind.
      assert.equal((await save({ goal_nl: 'Meer en betaalbare kamers' })).statusCode, 303);
      assert.deepEqual((await t.database.db.select().from(projects).where(eq(projects.id, projectId)))[0]!.staleTranslations, { goal: 'en' });
      const english = await t.app.inject({ url: '/en/leiden/projects/3a' });
      assert.match(english.body, /id="translation-stale"><span class="utrecht-data-badge ks-badge">Translation out of date:<\/span> goal/);
      assert.ok(!(await t.app.inject({ url: '/nl/leiden/projects/3a' })).body.includes('id="translation-stale"'), 'the Dutch text is the current one');
      const form = await t.app.inject({ url: '/en/leiden/projects/3a/edit', headers: { cookie: coordinator.cookie } });
      assert.match(form.body, /Translation out of date: the text in the other language was changed after this one was written\./);
      const overview = await t.app.inject({ url: '/en/leiden/manage/website/translations', headers: { cookie: coordinator.cookie } });
      assert.match(overview.body, /id="stale-projects"[\s\S]*3a\. [^<]*<\/a> — English: 1 text out of date/);
      // A required title may not lose a language: refused, input kept, nothing stored.
      const emptied = await save({ goal_nl: 'Meer en betaalbare kamers', title_en: '' });
      assert.equal(emptied.statusCode, 400);
      assert.match(emptied.body, /De titel had een tekst in deze taal en kan niet leeg worden gemaakt/);
      assert.equal((await t.database.db.select().from(projects).where(eq(projects.id, projectId)))[0]!.title.en, 'Housing for students');
      // Updating the English goal brings it up to date.
      assert.equal((await save({ goal_nl: 'Meer en betaalbare kamers', goal_en: 'More and affordable rooms' })).statusCode, 303);
      assert.deepEqual((await t.database.db.select().from(projects).where(eq(projects.id, projectId)))[0]!.staleTranslations, {});
      assert.match((await t.app.inject({ url: '/en/leiden/manage/website/translations', headers: { cookie: coordinator.cookie } })).body, /Every project’s texts are up to date in both languages\./);
    });

    test('invalid input answers 400 with a message and keeps what was typed', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const response = await t.app.inject({
        method: 'POST',
        url: '/en/leiden/projects/3a/edit',
        headers: { cookie: coordinator.cookie },
        payload: projectForm(coordinator.csrf, await currentVersion(), { title_nl: '', title_en: '', goal_en: 'kept text', lifecycle: 'flying' }),
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Fill in this field/);
      assert.match(response.body, /Choose one of the options/);
      assert.match(response.body, /kept text/);
    });

    test('a text over its limit is refused with its message, kept whole, nothing saved', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const before = await currentVersion();
      const long = 'lang '.repeat(101).trim();
      const response = await t.app.inject({ method: 'POST', url: '/nl/leiden/projects/3a/edit', headers: { cookie: coordinator.cookie }, payload: projectForm(coordinator.csrf, before, { title_nl: long }) });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Dit is te lang: maximaal 500 tekens/);
      assert.match(response.body, /id="project-title_nl"[^>]*aria-invalid="true"/);
      assert.ok(response.body.includes(`value="${long}"`), 'the entry is kept whole');
      assert.equal(await currentVersion(), before, 'nothing saved');
      const en = await t.app.inject({ method: 'POST', url: '/en/leiden/projects/3a/edit', headers: { cookie: coordinator.cookie }, payload: projectForm(coordinator.csrf, before, { title_nl: long }) });
      assert.match(en.body, /This is too long: at most 500 characters/);
    });

    test('a stale save gets 409, shows what changed, keeps the entry and overwrites nothing', async () => {
      const first = await loginAs(t, { role: 'coordinator', name: 'First Editor' });
      const second = await loginAs(t, { role: 'lead', project: '3a' });
      const start = await currentVersion();
      const won = await t.app.inject({ method: 'POST', url: editUrl, headers: { cookie: first.cookie }, payload: projectForm(first.csrf, start, { goal_nl: 'Doel van de eerste' }) });
      assert.equal(won.statusCode, 303);
      const stale = await t.app.inject({ method: 'POST', url: editUrl, headers: { cookie: second.cookie }, payload: projectForm(second.csrf, start, { goal_nl: 'Doel van de tweede' }) });
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, /First Editor/);
      assert.match(stale.body, /Doel van de eerste/);
      assert.match(stale.body, /Doel van de tweede/);
      assert.match(stale.body, new RegExp(`name="version" value="${start + 1}"`));
      const [row] = await t.database.db.select().from(projects).where(eq(projects.id, projectId));
      assert.equal(row!.goal.nl, 'Doel van de eerste');
      // Saving again from the conflict page (with the new version) succeeds.
      const retry = await t.app.inject({ method: 'POST', url: editUrl, headers: { cookie: second.cookie }, payload: projectForm(second.csrf, start + 1, { goal_nl: 'Doel van de tweede' }) });
      assert.equal(retry.statusCode, 303);
    });

    test('a lead edits their own project but not another one (404); a lead cannot change the lifecycle', async () => {
      const lead = await loginAs(t, { role: 'lead', project: '3a' });
      assert.equal((await t.app.inject({ url: editUrl, headers: { cookie: lead.cookie } })).statusCode, 200);
      assert.equal((await t.app.inject({ url: '/nl/leiden/projects/2a/edit', headers: { cookie: lead.cookie } })).statusCode, 404);
      const [other] = await t.database.db.select().from(projects).where(eq(projects.code, '2a'));
      const denied = await t.app.inject({ method: 'POST', url: '/nl/leiden/projects/2a/edit', headers: { cookie: lead.cookie }, payload: projectForm(lead.csrf, other!.version) });
      assert.equal(denied.statusCode, 404);
      const [unchanged] = await t.database.db.select().from(projects).where(eq(projects.code, '2a'));
      assert.deepEqual(unchanged!.title, other!.title);
      const own = await t.app.inject({ method: 'POST', url: editUrl, headers: { cookie: lead.cookie }, payload: projectForm(lead.csrf, await currentVersion(), { lifecycle: 'stopped' }) });
      assert.equal(own.statusCode, 303);
      const [row] = await t.database.db.select().from(projects).where(eq(projects.id, projectId));
      assert.notEqual(row!.lifecycle, 'stopped');
    });

    test('partner members see their organisation\'s commitments but cannot edit; the public sees neither', async () => {
      const member = await loginAs(t, { role: 'partner', organisation: partnerOf3a });
      const page = await t.app.inject({ url: '/nl/leiden/projects/3a', headers: { cookie: member.cookie } });
      assert.match(page.body, /Inzet van de partners/);
      assert.match(page.body, /Geschiedenis/);
      assert.doesNotMatch(page.body, /\/projects\/3a\/edit/);
      assert.equal((await t.app.inject({ url: editUrl, headers: { cookie: member.cookie } })).statusCode, 404);
      const publicPage = await t.app.inject({ url: '/nl/leiden/projects/3a' });
      assert.equal(publicPage.statusCode, 200);
      assert.doesNotMatch(publicPage.body, /Inzet van de partners|Geschiedenis/);
      const anonymous = await t.app.inject({ url: editUrl });
      assert.ok([302, 303, 401].includes(anonymous.statusCode), String(anonymous.statusCode));
      assert.equal((await t.app.inject({ url: '/nl/leiden/projects/9z/edit', headers: { cookie: member.cookie } })).statusCode, 404);
    });

    test('actions: a period such as "najaar 2018" sets the due date; an unknown period without date is refused; stale edits conflict', async () => {
      const lead = await loginAs(t, { role: 'lead', project: '3a', name: 'Lotte Trekker' });
      const base = '/nl/leiden/projects/3a/actions';
      const bad = await t.app.inject({ method: 'POST', url: `${base}/new`, headers: { cookie: lead.cookie }, payload: { _csrf: lead.csrf, description_nl: 'Onderzoek', dueLabel_nl: 'ooit', state: 'open' } });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /niet herkend/);
      const created = await t.app.inject({ method: 'POST', url: `${base}/new`, headers: { cookie: lead.cookie }, payload: { _csrf: lead.csrf, description_nl: 'Nieuw onderzoek', description_en: 'New study', dueLabel_nl: 'najaar 2018', dueLabel_en: 'autumn 2018', state: 'open' } });
      assert.equal(created.statusCode, 303);
      const [action] = await t.database.db.select().from(actions).where(and(eq(actions.projectId, projectId), eq(actions.dueOn, '2018-11-30')));
      assert.ok(action, 'the action is due at the end of autumn 2018');
      const edit = `${base}/${action!.id}/edit`;
      assert.equal((await t.app.inject({ url: edit, headers: { cookie: lead.cookie } })).statusCode, 200);
      const payload = { _csrf: lead.csrf, version: String(action!.version), description_nl: 'Nieuw onderzoek', dueLabel_nl: 'najaar 2018', state: 'done', completedOn: '2018-10-01' };
      assert.equal((await t.app.inject({ method: 'POST', url: edit, headers: { cookie: lead.cookie }, payload })).statusCode, 303);
      // Someone else then saves another action of the project: the conflict names who changed this one.
      const coordinator = await loginAs(t, { role: 'coordinator', name: 'Otto Anders' });
      const [other] = await t.database.db.select().from(actions).where(and(eq(actions.projectId, projectId), ne(actions.id, action!.id))).limit(1);
      const otherPayload = { _csrf: coordinator.csrf, version: String(other!.version), description_nl: resolveText(other!.description, 'nl').text, dueOn: other!.dueOn ?? '', state: other!.state, completedOn: other!.completedOn ?? '' };
      assert.equal((await t.app.inject({ method: 'POST', url: `${base}/${other!.id}/edit`, headers: { cookie: coordinator.cookie }, payload: otherPayload })).statusCode, 303);
      const stale = await t.app.inject({ method: 'POST', url: edit, headers: { cookie: lead.cookie }, payload: { ...payload, state: 'cancelled' } });
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, /Lotte Trekker/);
      assert.doesNotMatch(stale.body, /Otto Anders/);
      const [saved] = await t.database.db.select().from(actions).where(eq(actions.id, action!.id));
      assert.equal(saved!.state, 'done');
      assert.equal(saved!.completedOn, '2018-10-01');
      assert.equal((await t.app.inject({ url: `${base}/00000000-0000-0000-0000-000000000000/edit`, headers: { cookie: lead.cookie } })).statusCode, 404);
    });

    const commitmentUrl = `/nl/leiden/projects/3a/partners/${partnerOf3a}/edit`;
    const commitmentRow = async () => {
      const [org] = await t.database.db.select().from(organisations).where(eq(organisations.slug, partnerOf3a));
      const [row] = await t.database.db.select().from(projectPartners).where(and(eq(projectPartners.projectId, projectId), eq(projectPartners.organisationId, org!.id)));
      return row!;
    };

    test('a stale commitment save gets 409 with who changed what and when; nothing is lost; the fresh save wins', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator', name: 'Carla Capaciteit' });
      const lead = await loginAs(t, { role: 'lead', project: '3a' });
      const start = (await commitmentRow()).version;
      const form = await t.app.inject({ url: commitmentUrl, headers: { cookie: lead.cookie } });
      assert.equal(form.statusCode, 200);
      assert.match(form.body, new RegExp(`name="version" value="${start}"`));
      const payload = (session: { csrf: string }, version: number, capacityHours: string) => ({ _csrf: session.csrf, version: String(version), role: 'partner', declaredInterest: 'on', capacityHours, money: '1000' });
      const won = await t.app.inject({ method: 'POST', url: commitmentUrl, headers: { cookie: coordinator.cookie }, payload: payload(coordinator, start, '200') });
      assert.equal(won.statusCode, 303);
      const stale = await t.app.inject({ method: 'POST', url: '/en/leiden/projects/3a/partners/' + partnerOf3a + '/edit', headers: { cookie: lead.cookie }, payload: payload(lead, start, '55') });
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, /Carla Capaciteit saved this on/);
      assert.match(stale.body, /Committed capacity \(hours\)<\/th>\s*<td[^>]*>200<\/td>\s*<td[^>]*>55<\/td>/);
      assert.match(stale.body, /value="55"/, 'the entry is kept in the form');
      assert.match(stale.body, new RegExp(`name="version" value="${start + 1}"`));
      assert.equal((await commitmentRow()).capacityHours, 200, 'the stale save wrote nothing');
      const missing = await t.app.inject({ method: 'POST', url: commitmentUrl, headers: { cookie: lead.cookie }, payload: { ...payload(lead, start, '55'), version: '' } });
      assert.equal(missing.statusCode, 400);
      const retry = await t.app.inject({ method: 'POST', url: commitmentUrl, headers: { cookie: lead.cookie }, payload: payload(lead, start + 1, '55') });
      assert.equal(retry.statusCode, 303);
      const saved = await commitmentRow();
      assert.equal(saved.capacityHours, 55);
      assert.equal(saved.version, start + 2);
    });

    test('partner commitments are edited; the lead lets organisations join, a non-party after the steering group’s advice', async () => {
      const lead = await loginAs(t, { role: 'lead', project: '3a' });
      const commitment = await t.app.inject({
        method: 'POST',
        url: commitmentUrl,
        headers: { cookie: lead.cookie },
        payload: { _csrf: lead.csrf, version: String((await commitmentRow()).version), role: 'partner', declaredInterest: 'on', capacityHours: '120', money: '2500,50', commitmentAgreed: 'on' },
      });
      assert.equal(commitment.statusCode, 303);
      const row = await commitmentRow();
      assert.equal(row!.capacityHours, 120);
      assert.equal(row!.moneyCents, 250050);
      assert.equal(row!.commitmentAgreed, true);
      const badNumber = await t.app.inject({ method: 'POST', url: commitmentUrl, headers: { cookie: lead.cookie }, payload: { _csrf: lead.csrf, version: String(row.version), role: 'partner', capacityHours: '-3' } });
      assert.equal(badNumber.statusCode, 400);

      // Joining is the lead's decision; for a non-party the steering group's advice is recorded, an objection does not block.
      setClock('2018-02-01T12:00:00Z');
      try {
        const orgIdOf = async (slug: string) => (await t.database.db.select().from(organisations).where(eq(organisations.slug, slug)))[0]!.id;
        const isPartner = async (organisationId: string) => (await t.database.db.select().from(projectPartners).where(and(eq(projectPartners.projectId, projectId), eq(projectPartners.organisationId, organisationId)))).length;
        const consultationCount = async () => (await t.database.db.select().from(partnerConsultations).where(eq(partnerConsultations.projectId, projectId))).length;
        const join = (payload: Record<string, string>, locale = 'nl') =>
          t.app.inject({ method: 'POST', url: `/${locale}/leiden/projects/3a/partners/new`, headers: { cookie: lead.cookie }, payload: { _csrf: lead.csrf, role: 'partner', ...payload } });
        const form = await t.app.inject({ url: '/nl/leiden/projects/3a/partners/new', headers: { cookie: lead.cookie } });
        assert.match(form.body, /Elke projecttrekker kan in overleg met de stuurgroep besluiten/);
        assert.match(form.body, /Taskforce[^<]*\(geen partij\)/);
        assert.match(form.body, /ICLON[^<]*\(partij\)/);

        const outsiderId = await orgIdOf('taskforce-studentenhuisvesting');
        const noAdvice = await join({ organisationId: outsiderId });
        assert.equal(noAdvice.statusCode, 400);
        assert.match(noAdvice.body, /Deze organisatie is geen partij: leg het advies van de stuurgroep vast/);
        const noAdviceEn = await join({ organisationId: outsiderId }, 'en');
        assert.match(noAdviceEn.body, /This organisation is not a party: record the steering group&#39;s advice|This organisation is not a party: record the steering group's advice/);
        const future = await join({ organisationId: outsiderId, consultedOn: '2018-03-01', level: 'executive', outcome: 'agreed' });
        assert.equal(future.statusCode, 400);
        const noLevel = await join({ organisationId: outsiderId, consultedOn: '2018-01-15', outcome: 'objection' });
        assert.equal(noLevel.statusCode, 400);
        assert.equal(await isPartner(outsiderId), 0, 'nothing stored');
        assert.equal(await consultationCount(), 0, 'nothing stored');

        const objected = await join({ organisationId: outsiderId, consultedOn: '2018-01-15', level: 'executive', outcome: 'objection', note_nl: 'Liever eerst een verkenning' });
        assert.equal(objected.statusCode, 303, 'an objection is recorded, the lead decides');
        assert.equal(await isPartner(outsiderId), 1);
        const [advice] = await t.database.db.select().from(partnerConsultations).where(eq(partnerConsultations.projectId, projectId));
        assert.equal(advice!.level, 'executive');
        assert.equal(advice!.outcome, 'objection');
        assert.equal(advice!.consultedOn, '2018-01-15');
        const page = await t.app.inject({ url: '/nl/leiden/projects/3a', headers: { cookie: lead.cookie } });
        assert.match(page.body, /Taskforce Studentenhuisvesting<\/span><\/a> — <strong class="ks-advice ks-advice--objection">Advies bestuurlijke stuurgroep \(15 januari 2018\): bezwaar<\/strong>/, 'the objection is shown with the partner');
        const english = await t.app.inject({ url: '/en/leiden/projects/3a', headers: { cookie: lead.cookie } });
        assert.match(english.body, /Advice of the executive steering group \(15 January 2018\): objection/);

        // A unit of a party is a party's: no advice needed; a partly filled advice is refused.
        const unitId = await orgIdOf('iclon');
        const partial = await join({ organisationId: unitId, outcome: 'agreed' });
        assert.equal(partial.statusCode, 400);
        assert.match(partial.body, /Vul het advies van de stuurgroep volledig in/);
        assert.equal((await join({ organisationId: unitId })).statusCode, 303);
        assert.equal(await isPartner(unitId), 1);
        assert.equal(await consultationCount(), 1);
        const twice = await join({ organisationId: unitId });
        assert.equal(twice.statusCode, 400, 'an organisation already a partner is not offered');
      } finally {
        setClock(null);
      }

      const otherLead = await loginAs(t, { role: 'lead', project: '2a' });
      assert.equal((await t.app.inject({ url: '/nl/leiden/projects/3a/partners/new', headers: { cookie: otherLead.cookie } })).statusCode, 404);
    });

    test('the coordinator changes the project code: unique, validated, old links lead to the new code, history kept', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator', name: 'Rena Rename' });
      const lead = await loginAs(t, { role: 'lead', project: '3a' });
      const form = await t.app.inject({ url: editUrl, headers: { cookie: coordinator.cookie } });
      assert.match(form.body, /<label class="utrecht-form-label" for="project-code">Projectcode<\/label>/);
      const save = async (code: string, session = coordinator, url = editUrl) =>
        t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: projectForm(session.csrf, await currentVersion(), { code }) });
      const empty = await save('');
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Vul dit veld in/);
      assert.match(empty.body, /id="project-code"[^>]*aria-invalid="true"/);
      for (const bad of ['3 a', '3a/x', '-3a', 'x'.repeat(13)]) {
        const refused = await save(bad);
        assert.equal(refused.statusCode, 400, bad);
        assert.match(refused.body, /Een code bestaat uit 1 tot 12 letters en cijfers/);
        assert.match(refused.body, /id="project-code"[^>]*aria-invalid="true"/);
      }
      const duplicate = await save('2A');
      assert.equal(duplicate.statusCode, 400);
      assert.match(duplicate.body, /al in gebruik bij een ander project/);
      assert.match(duplicate.body, /value="2A"/, 'the entry is kept');
      assert.equal((await t.database.db.select().from(projects).where(eq(projects.id, projectId)))[0]!.code, '3a');

      const before = await t.database.db.select({ id: actions.id }).from(actions).where(eq(actions.projectId, projectId));
      const renamed = await save('3z');
      assert.equal(renamed.statusCode, 303);
      assert.equal(renamed.headers.location, '/nl/leiden/projects/3z');
      const old = await t.app.inject({ url: '/en/leiden/projects/3a', headers: { cookie: coordinator.cookie } });
      assert.equal(old.statusCode, 302, 'the old address still leads to the project');
      assert.equal(old.headers.location, '/en/leiden/projects/3z');
      const page = await t.app.inject({ url: '/en/leiden/projects/3z', headers: { cookie: coordinator.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /code: 3a → 3z/);
      assert.match(page.body, /Rena Rename/);
      assert.match(page.body, /href="\/en\/leiden\/projects\/3z\/edit"/);
      const after = await t.database.db.select({ id: actions.id }).from(actions).where(eq(actions.projectId, projectId));
      assert.equal(after.length, before.length, 'actions stay with the project');
      assert.equal((await t.app.inject({ url: '/en/leiden/projects/9q' })).statusCode, 404);

      // A lead cannot rename, even by posting a code.
      assert.doesNotMatch((await t.app.inject({ url: '/nl/leiden/projects/3z/edit', headers: { cookie: lead.cookie } })).body, /for="code"/);
      assert.equal((await save('3y', lead, '/nl/leiden/projects/3z/edit')).statusCode, 303);
      assert.equal((await t.database.db.select().from(projects).where(eq(projects.id, projectId)))[0]!.code, '3z');
      assert.equal((await save('3a', coordinator, '/nl/leiden/projects/3z/edit')).statusCode, 303);
      assert.equal((await t.app.inject({ url: '/nl/leiden/projects/3a' })).statusCode, 200, 'a code that is back in use is the project itself again');
    });
  });
}
