// The programme file: its published schema is current, Leiden's default data is a valid file,
// broken files list every problem with its place and store nothing, and `programme export` of
// Leiden imported into an empty database gives the same public pages (both databases).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { programmes } from '../db/schema.ts';
import { projectPath } from '../paths.ts';
import { startTestApp, type TestApp } from '../../test/support/app.ts';
import { databaseModes, openTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { exportProgramme } from './export.ts';
import { importProgramme } from './import.ts';
import { leiden } from './leiden.ts';
import { programmeFileJsonSchema, programmeFileText, readProgrammeFile } from './programme-file.ts';

test('docs/programme-file.schema.json is the schema the code checks files with', () => {
  assert.equal(readFileSync(projectPath('docs', 'programme-file.schema.json'), 'utf8'), programmeFileJsonSchema(), 'run: npm run cli -- programme schema > docs/programme-file.schema.json');
});

test('Leiden’s default data is a valid programme file', () => {
  const read = readProgrammeFile(programmeFileText(leiden));
  assert.ok(read.ok, JSON.stringify(!read.ok && read.problems));
});

/** Leiden's file with one change made to a copy of it. */
function broken(change: (file: { format: unknown; version: unknown; programme: Record<string, any> }) => void): string {
  const file = JSON.parse(programmeFileText(leiden));
  change(file);
  return JSON.stringify(file);
}

const problemsOf = (content: string) => {
  const read = readProgrammeFile(content);
  assert.equal(read.ok, false, 'refused');
  return read.ok ? [] : read.problems.map((p) => `${p.place}: ${p.message}`);
};

test('a criterion carries its check from the fixed set; one outside the set, or at odds with its assessment, is listed', () => {
  const withChecks = broken((f) => {
    f.programme.criteria[0].check = { kind: 'interest', minParties: 2 };
    f.programme.criteria[2].check = { kind: 'judged' };
  });
  assert.ok(readProgrammeFile(withChecks).ok);
  assert.ok(problemsOf(broken((f) => (f.programme.criteria[0].check = { kind: 'safeguarding' }))).some((p) => p.startsWith('/programme/criteria/0/check')));
  assert.ok(problemsOf(broken((f) => (f.programme.criteria[0].check = { kind: 'interest', minParties: 0 }))).some((p) => p.startsWith('/programme/criteria/0/check')));
  assert.deepEqual(problemsOf(broken((f) => (f.programme.criteria[0].check = { kind: 'judged' }))), ['/programme/criteria/0/assessment: does not match the check "judged"']);
});

test('a broken file gets every problem listed with its place in the file', () => {
  assert.match(problemsOf('{"format": "kennisstad-programme", ')[0]!, /^: not JSON/);
  assert.deepEqual(problemsOf(broken((f) => (f.version = 2))), ['/version: must be 1']);
  assert.deepEqual(problemsOf(broken((f) => (f.format = 'something-else'))), ['/format: must be "kennisstad-programme"']);
  const many = problemsOf(
    broken((f) => {
      delete f.programme.name;
      f.programme.projects[2].lifecycle = 'dreaming';
      f.programme.projects[0].partners[0].colour = 'blue';
      f.programme.targets[0].deadlineOn = '2020-13-45';
      f.programme.organisations[1].website = 'not a url';
    }),
  );
  assert.ok(many.includes('/programme/name: is missing'), many.join('\n'));
  assert.ok(many.some((p) => p.startsWith('/programme/projects/2/lifecycle: must be equal to one of the allowed values')), many.join('\n'));
  assert.ok(many.includes('/programme/projects/0/partners/0/colour: is not part of the format'), many.join('\n'));
  assert.ok(many.some((p) => p.startsWith('/programme/targets/0/deadlineOn: must match format "date"')), many.join('\n'));
  assert.ok(many.some((p) => p.startsWith('/programme/organisations/1/website: must match format "uri"')), many.join('\n'));
  assert.equal(many.length, 5, many.join('\n'));
});

test('references to records that are not in the file, duplicates and a period that ends before it starts', () => {
  const problems = problemsOf(
    broken((f) => {
      f.programme.projects[1].lead = 'nobody';
      f.programme.projects[1].theme = '9';
      f.programme.projects[3].code = f.programme.projects[2].code;
      f.programme.targets[0].project = 'zz';
      f.programme.agreement.parties[0].organisation = 'ghost';
      f.programme.periodEnd = '2000-01-01';
    }),
  );
  const code = leiden.projects[2]!.code;
  assert.deepEqual(problems.sort(), [
    `/programme/agreement/parties/0/organisation: no organisation "ghost" in /programme/organisations`,
    '/programme/periodEnd: is before periodStart',
    `/programme/projects/1/lead: no organisation "nobody" in /programme/organisations`,
    '/programme/projects/1/theme: no theme "9" in /programme/themes',
    `/programme/projects/3/code: "${code}" appears more than once`,
    '/programme/targets/0/project: no project "zz" in /programme/projects',
  ].sort());
});

for (const mode of databaseModes()) {
  describe(`programme export and import (${mode})`, () => {
    let seeded: TestApp;
    let empty: TestDatabase;
    before(async () => {
      seeded = await startTestApp(mode);
      empty = await openTestDatabase(mode, { seed: false });
    });
    after(async () => {
      await seeded.close();
      await empty.close();
    });

    test('a broken file stores nothing; Leiden exported and imported into an empty database gives the same public pages', async () => {
      const exported = await exportProgramme(seeded.database.db, 'leiden');
      assert.ok(exported);
      const content = programmeFileText(exported);

      const refused = await importProgramme(empty.db, content.replace('"kennisstad-programme"', '"other"'));
      assert.equal(refused.ok, false);
      assert.equal((await empty.db.select({ n: count() }).from(programmes))[0]!.n, 0, 'nothing stored');

      const imported = await importProgramme(empty.db, content);
      assert.deepEqual(imported, { ok: true, slug: 'leiden' });
      const again = await importProgramme(empty.db, content);
      assert.ok(!again.ok && again.problems[0]!.place === '/programme/slug', 'the address is taken');

      // The exported file of the imported programme is the same file.
      assert.equal(programmeFileText((await exportProgramme(empty.db, 'leiden'))!), content);

      const copy = await buildApp({ config: { ...loadConfig({}), baseUrl: 'http://localhost' }, database: empty, logger: false });
      try {
        await copy.ready();
        for (const url of ['/nl/leiden', '/en/leiden', '/nl/leiden/projects', '/en/leiden/projects/3a', '/nl/leiden/agreement', '/nl/leiden/targets', '/en/leiden/targets/student-housing', '/nl/leiden/organisations', '/nl/leiden/bodies']) {
          const [original, made] = await Promise.all([seeded.app.inject({ url }), copy.inject({ url })]);
          assert.equal(made.statusCode, 200, url);
          // Records have new ids in the other database; everything a reader sees is the same.
          const readable = (html: string) => html.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
          assert.equal(readable(made.body), readable(original.body), url);
        }
      } finally {
        await copy.close();
      }
    });
  });
}
