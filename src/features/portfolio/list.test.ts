import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { actions, projects } from '../../db/schema.ts';
import { leiden } from '../../seed/leiden.ts';

const withLumc = leiden.projects.filter((p) => p.partners.some((x) => x.organisation === 'lumc')).map((p) => p.code);

for (const mode of databaseModes()) {
  describe(`project list filters and export (${mode})`, () => {
    let t: TestApp;
    before(async () => {
      // Overdue work is a running programme's: Leiden renewed runs on today's date (an archive has none).
      t = await startTestApp(mode, {}, { leiden: 'running' });
      // A title a spreadsheet would run as a formula.
      await t.database.db.update(projects).set({ title: { nl: '=HYPERLINK("http://evil.example","klik")', en: '@SUM(1)' } }).where(eq(projects.code, '1a'));
    });
    after(async () => t.close());

    test('filters by theme, lead, partner, lifecycle, status and overdue actions', async () => {
      const codes = async (query: string) => [...(await t.app.inject({ url: `/nl/leiden/projects${query}` })).body.matchAll(/<td class="utrecht-table__cell">([0-9][a-z]?)<\/td>/g)].map((m) => m[1]);
      const all = await codes('');
      assert.ok(all.length >= 10);
      const theme3 = await codes('?theme=3');
      assert.ok(theme3.length > 0 && theme3.every((c) => c!.startsWith('3')));
      const lumc = await codes('?partner=lumc');
      assert.deepEqual(lumc, withLumc);
      const lead = await codes('?lead=gemeente-leiden');
      assert.ok(lead.length > 0 && lead.length < all.length);
      assert.deepEqual(await codes('?lifecycle=completed'), []);
      assert.ok((await codes('?status=bestaand')).length > 0);
      // The seed's actions fall due in 2017-2018: by now they are overdue.
      const overdue = await codes('?overdue=1');
      const withOverdue = async () =>
        new Set(
          ((await t.database.db.execute(sql`select distinct p.code from projects p join actions a on a.project_id = p.id where a.due_on < current_date and a.state in ('open', 'in_progress')`)) as unknown as { rows: { code: string }[] }).rows.map((r) => r.code),
        );
      const expected = await withOverdue();
      assert.ok(overdue.length > 0);
      assert.deepEqual(overdue, all.filter((c) => expected.has(c!)), 'exactly the projects with an open action past its due date');
      // Finishing a project's late actions takes it off the list (signed in: not the cached page).
      const coordinator = await loginAs(t, { role: 'coordinator' });
      const [late] = overdue;
      await t.database.db.update(actions).set({ state: 'done' }).where(and(inArray(actions.state, ['open', 'in_progress']), sql`${actions.projectId} = (select id from projects where code = ${late!})`));
      const after = [...(await t.app.inject({ url: '/nl/leiden/projects?overdue=1', headers: { cookie: coordinator.cookie } })).body.matchAll(/<td class="utrecht-table__cell">([0-9][a-z]?)<\/td>/g)].map((m) => m[1]);
      assert.ok(!after.includes(late), `${late} has no late actions left`);
      assert.equal(after.length, overdue.length - 1);
      const page = await t.app.inject({ url: '/en/leiden/projects?partner=lumc' });
      assert.match(page.body, /<option value="lumc" selected/);
      assert.match(page.body, /href="\/en\/leiden\/export\/projects.csv\?partner=lumc"/);
    });

    test('CSV export follows the filters and neutralises formula cells', async () => {
      const csv = await t.app.inject({ url: '/nl/leiden/export/projects.csv' });
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.match(String(csv.headers['content-disposition']), /attachment; filename="projects-leiden.csv"/);
      assert.match(csv.body, /^\uFEFFCode;Thema;Project/, 'Dutch Excel: semicolons and a byte-order mark');
      assert.match(csv.body, /\n1a;[^;]*;"'=HYPERLINK\(""http/);
      assert.doesNotMatch(csv.body, /;=HYPERLINK/);
      const filtered = await t.app.inject({ url: '/en/leiden/export/projects.csv?partner=lumc' });
      const lines = filtered.body.trim().split('\r\n');
      assert.deepEqual(lines.slice(1).map((line) => line.split(',')[0]), withLumc);
    });

    test('XLSX export is a real workbook with text, not formulas', async () => {
      const response = await t.app.inject({ url: '/en/leiden/export/projects.xlsx' });
      assert.equal(response.statusCode, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      assert.equal(sheet.getRow(1).getCell(1).value, 'Code');
      let found = false;
      sheet.eachRow((row) => {
        row.eachCell((cell) => assert.notEqual(cell.type, ExcelJS.ValueType.Formula));
        if (row.getCell(1).value === '1a') {
          found = true;
          assert.equal(row.getCell(3).value, '@SUM(1)', 'a text cell as typed: XLSX strings are never formulas');
        }
      });
      assert.ok(found);
    });

    test('the public export leaves out proposals; the coordinator\'s includes them', async () => {
      const coordinator = await loginAs(t, { role: 'coordinator' });
      await t.database.db.update(projects).set({ lifecycle: 'proposed' }).where(eq(projects.code, '3b'));
      const publicCsv = await t.app.inject({ url: '/nl/leiden/export/projects.csv' });
      assert.doesNotMatch(publicCsv.body, /\r\n3b;/);
      const internal = await t.app.inject({ url: '/nl/leiden/export/projects.csv', headers: { cookie: coordinator.cookie } });
      assert.match(internal.body, /\r\n3b;/);
    });
  });
}
