// Starting a successor of Leiden (finished on today's date) through its page: the form, the check
// and confirmation, what is copied and linked, the links both ways, and that roles in one programme
// give nothing in the other.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { setClock } from '../../clock.ts';
import { databaseModes } from '../../../test/support/database.ts';
import { buildUser, login, loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { grantRole } from '../accounts/commands.ts';
import { rows as rowsOf } from '../../../test/security/world.ts';

const TODAY = '2026-12-03T10:00:00Z';

for (const mode of databaseModes()) {
  describe(`successor programme (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session & { userId: string };
    let lead: Session;
    let carried: { id: string; code: string }[];
    let notCarriable: { id: string; code: string } = { id: '', code: '' };
    const rows = <T = Record<string, unknown>,>(query: ReturnType<typeof sql>) => rowsOf<T>(t.database.db, query);

    before(async () => {
      setClock(TODAY);
      t = await startTestApp(mode);
      coordinator = await loginAs(t, { role: 'coordinator', name: 'Cora Coördinator' });
      carried = await rows<{ id: string; code: string }>(sql`
        select p.id, p.code from projects p join programmes g on g.id = p.programme_id
        where g.slug = 'leiden' and p.lifecycle = 'running' and exists (select 1 from actions a where a.project_id = p.id and a.state in ('open', 'in_progress'))
        order by p.position, p.code limit 2`);
      assert.equal(carried.length, 2);
      await t.database.db.execute(sql`update projects set lifecycle = 'completed' where code = '4d' and programme_id = (select id from programmes where slug = 'leiden')`);
      notCarriable = (await rows<{ id: string; code: string }>(sql`select p.id, p.code from projects p join programmes g on g.id = p.programme_id where g.slug = 'leiden' and p.code = '4d'`))[0]!;
      lead = await loginAs(t, { role: 'lead', project: carried[0]!.code, name: 'Lotte Trekker' });
    });
    after(async () => {
      setClock(null);
      await t?.close();
    });

    const get = (url: string, session?: Session) => t.app.inject({ url, headers: session ? { cookie: session.cookie } : {} });
    const post = (url: string, session: Session, payload: Record<string, string | string[]>) =>
      t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf, ...payload } });
    const form = (over: Record<string, string | string[]> = {}) => ({
      name_nl: 'Kennisstad Leiden 2027-2031',
      name_en: 'Knowledge City Leiden 2027-2031',
      slug: 'leiden-2027',
      startOn: '2027-01-01',
      termYears: '5',
      projectIds: carried.map((p) => p.id),
      ...over,
    });

    test('the page is the coordinator’s: the form lists the projects that may carry on; others are refused', async () => {
      const page = await get('/en/leiden/successor', coordinator);
      assert.equal(page.statusCode, 200);
      for (const project of carried) assert.match(page.body, new RegExp(`name="projectIds" value="${project.id}"`));
      assert.doesNotMatch(page.body, new RegExp(`value="${notCarriable.id}"`), 'a completed project stays behind');
      assert.match(page.body, /Always carried over: \d+ parties/);
      assert.equal((await get('/nl/leiden/successor', lead)).statusCode, 403);
      assert.equal((await post('/nl/leiden/successor', lead, form())).statusCode, 403);
      assert.equal((await get('/nl/leiden/successor')).statusCode, 303);
      // The archive notice points the coordinator to it.
      assert.match((await get('/en/leiden', coordinator)).body, /href="\/en\/leiden\/successor"/);
      assert.doesNotMatch((await get('/en/leiden')).body, /href="\/en\/leiden\/successor"/);
    });

    test('archive leftovers: no overdue filter or column, edit links only on the coordinator’s correction paths', async () => {
      const list = (await get('/en/leiden/projects', lead)).body;
      assert.doesNotMatch(list, /name="overdue"/);
      const csv = (await get('/en/leiden/export/projects.csv', coordinator)).body;
      assert.doesNotMatch(csv.split('\n')[0]!, /overdue/i);
      assert.match(csv.split('\n')[0]!, /Open actions/i);
      const code = carried[0]!.code;
      const asLead = (await get(`/en/leiden/projects/${code}`, lead)).body;
      assert.doesNotMatch(asLead, new RegExp(`/en/leiden/projects/${code}/(edit|actions/new|actions/[^"]+/edit)"`), 'the lead sees no edit links in an archive');
      const asCoordinator = (await get(`/en/leiden/projects/${code}`, coordinator)).body;
      assert.match(asCoordinator, new RegExp(`/en/leiden/projects/${code}/edit"`), 'the coordinator corrects');
    });

    test('bad input is refused with a message per field, in the reader’s language; nothing is made', async () => {
      const empty = await post('/nl/leiden/successor', coordinator, {});
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Dit veld is verplicht|verplicht/);
      const cases: [Record<string, string | string[]>, RegExp][] = [
        [{ slug: 'Leiden 2027' }, /Use 2 to 60 lower-case letters/],
        [{ slug: 'leiden' }, /already in use/],
        [{ slug: 'my-work' }, /already in use/],
        [{ startOn: '2016-01-01' }, /must start after/],
        [{ termYears: '11' }, /11|between|from/i],
        [{ projectIds: [notCarriable.id] }, /Choose one of the options/],
        [{ projectIds: ['00000000-0000-4000-8000-000000000000'] }, /Choose one of the options/],
        [{ name_nl: 'x'.repeat(201) }, /at most 200/i],
      ];
      for (const [over, message] of cases) {
        const response = await post('/en/leiden/successor', coordinator, form(over));
        assert.equal(response.statusCode, 400, JSON.stringify(over));
        assert.match(response.body, /role="alert"/);
        assert.match(response.body, message, JSON.stringify(over));
      }
      assert.equal((await rows(sql`select 1 from programmes where slug = 'leiden-2027'`)).length, 0);
    });

    test('check and confirm lists what will be copied; only the confirmation starts the successor', async () => {
      const check = await post('/en/leiden/successor', coordinator, form());
      assert.equal(check.statusCode, 200);
      assert.match(check.body, /Start the successor programme Knowledge City Leiden 2027-2031\?/);
      assert.match(check.body, /from 1 January 2027 to 31 December 2031/);
      for (const project of carried) assert.match(check.body, new RegExp(`Project ${project.code} .* carries on, with \\d+ partners and \\d+ open actions`));
      assert.match(check.body, /name="confirmed" value="yes"/);
      assert.equal((await rows(sql`select 1 from programmes where slug = 'leiden-2027'`)).length, 0, 'nothing before the confirmation');

      const started = await post('/en/leiden/successor', coordinator, { ...form(), confirmed: 'yes' });
      assert.equal(started.statusCode, 303);
      assert.equal(started.headers.location, '/en/leiden-2027');

      const [programme] = await rows<{ id: string; predecessor: string }>(sql`select p.id, g.slug as predecessor from programmes p join programmes g on g.id = p.predecessor_id where p.slug = 'leiden-2027'`);
      assert.equal(programme!.predecessor, 'leiden');
      const count = async (table: string, slug: string) =>
        (await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)} where programme_id = (select id from programmes where slug = ${slug})`))[0]!.n;
      for (const table of ['themes', 'criteria', 'bodies', 'agreement_parties', 'agreement_representatives', 'organisations']) {
        assert.equal(await count(table, 'leiden-2027'), await count(table, 'leiden'), `${table} carried over`);
      }
      const projects = await rows<{ code: string; from: string }>(sql`
        select p.code, old.code as from from projects p join projects old on old.id = p.predecessor_project_id where p.programme_id = ${programme!.id} order by p.code`);
      assert.deepEqual(projects.map((p) => p.code).sort(), carried.map((p) => p.code).sort());
      assert.ok(projects.every((p) => p.code === p.from), 'each linked to its predecessor');
      for (const project of carried) {
        const [open] = await rows<{ n: number }>(sql`select count(*)::int as n from actions where project_id = ${project.id} and state in ('open', 'in_progress')`);
        const [copied] = await rows<{ n: number; closed: number }>(sql`
          select count(*)::int as n, count(*) filter (where a.state not in ('open', 'in_progress'))::int as closed
          from actions a join projects p on p.id = a.project_id where p.predecessor_project_id = ${project.id}`);
        assert.equal(copied!.n, open!.n, `open actions of ${project.code}`);
        assert.equal(copied!.closed, 0);
        const [partners] = await rows<{ old: number; fresh: number }>(sql`
          select (select count(*)::int from project_partners where project_id = ${project.id}) as old,
                 (select count(*)::int from project_partners pp join projects p on p.id = pp.project_id where p.predecessor_project_id = ${project.id}) as fresh`);
        assert.equal(partners!.fresh, partners!.old);
      }
      // The copies point inside the new programme only.
      const crossing = await rows(sql`
        select 1 from project_partners pp join organisations o on o.id = pp.organisation_id where pp.programme_id = ${programme!.id} and o.programme_id <> ${programme!.id}
        union all select 1 from projects p join themes th on th.id = p.theme_id where p.programme_id = ${programme!.id} and th.programme_id <> ${programme!.id}
        union all select 1 from actions a join projects p on p.id = a.project_id where a.programme_id = ${programme!.id} and p.programme_id <> ${programme!.id}`);
      assert.equal(crossing.length, 0);
      const [audit] = await rows<{ n: number }>(sql`select count(*)::int as n from audit_events where action = 'programme.startSuccessor' and object_id = ${programme!.id}`);
      assert.equal(audit!.n, 1);
    });

    test('the links show both ways; the project pages name their predecessor and successor', async () => {
      const archive = (await get('/en/leiden')).body;
      assert.match(archive, /This programme carries on in <a class="utrecht-link" href="\/en\/leiden-2027">Knowledge City Leiden 2027-2031<\/a>/);
      const successor = await get('/nl/leiden-2027');
      assert.equal(successor.statusCode, 200);
      assert.match(successor.body, /Dit programma volgt op <a class="utrecht-link" href="\/nl\/leiden">/);
      const code = carried[0]!.code;
      assert.match((await get(`/en/leiden-2027/projects/${code}`)).body, new RegExp(`carries on project <a class="utrecht-link" href="/en/leiden/projects/${code}">${code}</a>`));
      assert.match((await get(`/en/leiden/projects/${code}`)).body, new RegExp(`carries on as project <a class="utrecht-link" href="/en/leiden-2027/projects/${code}">${code}</a>`));
      // One successor per programme.
      const again = await post('/en/leiden/successor', coordinator, { ...form({ slug: 'leiden-2032' }), confirmed: 'yes' });
      assert.equal(again.statusCode, 409);
      assert.match((await get('/en/leiden/successor', coordinator)).body, /already has a successor programme/);
    });

    test('several programmes, one person: the start page and menus show where they are and switch with links', async () => {
      const work = await get('/en/leiden-2027/my-work', coordinator);
      assert.equal(work.statusCode, 200);
      assert.match(work.body, /id="my-programmes"/);
      assert.match(work.body, /href="\/en\/leiden\/my-work" data-programme="leiden"/);
      assert.match(work.body, /You are working in Knowledge City Leiden 2027-2031/);
      const back = await get('/en/leiden/my-work', coordinator);
      assert.match(back.body, /href="\/en\/leiden-2027\/my-work" data-programme="leiden-2027"/);
      // The lead of a carried project keeps leading it; a lead of nothing carried has no role there.
      const leadWork = await get('/en/leiden-2027/my-work', lead);
      assert.match(leadWork.body, /data-programme="leiden"/);
      // /my-work without a programme lets a person with several choose.
      const choose = await get('/nl/my-work', coordinator);
      assert.equal(choose.statusCode, 200);
    });

    test('data never crosses: a role in one programme gives nothing in the other', async () => {
      const onlyNew = await buildUser(t, { name: 'Nina Nieuw' });
      await grantRole(t.database.db, { userId: onlyNew.id, programmeSlug: 'leiden-2027', role: 'coordinator' });
      const nina = await login(t, onlyNew.email);
      const onlyOld = await loginAs(t, { role: 'coordinator', name: 'Olaf Oud' });
      for (const [session, own, other] of [
        [nina, 'leiden-2027', 'leiden'],
        [onlyOld, 'leiden', 'leiden-2027'],
      ] as const) {
        assert.equal((await get(`/nl/${own}/dashboard`, session)).statusCode, 200, `${own} dashboard for its coordinator`);
        for (const path of ['dashboard', 'deadlines', 'successor', 'agreement/representatives', 'outbox']) {
          assert.equal((await get(`/nl/${other}/${path}`, session)).statusCode, 403, `${other}/${path}`);
        }
        const edit = await post(`/nl/${other}/projects/${carried[1]!.code}/edit`, session, { version: '1' });
        assert.ok([403, 404].includes(edit.statusCode), `${other} project edit: ${edit.statusCode}`);
      }
    });
  });
}
