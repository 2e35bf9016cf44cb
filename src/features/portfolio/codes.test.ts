// Project codes are unique in a programme ignoring case, also when saves and proposals arrive at
// the same moment (the application's own check cannot see a transaction that has not committed).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { buildUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { organisations, programmes, projects, themes } from '../../db/schema.ts';
import type { Actor } from '../../domain/policy.ts';
import { submitProposal } from './admission.ts';
import { updateProject } from './commands.ts';

type ProjectRow = typeof projects.$inferSelect;

for (const mode of databaseModes()) {
  describe(`project codes (${mode})`, () => {
    let t: TestApp;
    let actor: Actor;
    let programmeId: string;
    before(async () => {
      t = await startTestApp(mode);
      programmeId = (await t.database.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden')))[0]!.id;
      const user = await buildUser(t, { name: 'Cora Code' });
      actor = { userId: user.id, displayName: 'Cora Code', programmeId, assignments: [{ role: 'coordinator' }] };
    });
    after(async () => t?.close());

    const project = async (code: string): Promise<ProjectRow> => (await t.database.db.select().from(projects).where(and(eq(projects.programmeId, programmeId), eq(projects.code, code))))[0]!;
    const rename = (p: ProjectRow, code: string) => updateProject(t.database.db, { actor, project: { id: p.id, programmeId }, expectedVersion: p.version, values: { ...p, code } });

    test('two projects renamed at once to "2Z" and "2z": one is saved, the other is told the code is taken', async () => {
      const [first, second] = [await project('2a'), await project('2b')];
      const results = await Promise.all([rename(first, '2Z'), rename(second, '2z')]);
      assert.equal(results.filter((r) => r.ok).length, 1, JSON.stringify(results));
      assert.equal(results.filter((r) => 'errors' in r && r.errors.code?.key === 'pf.error.codeTaken').length, 1);
      const codes = (await t.database.db.select({ code: projects.code }).from(projects).where(eq(projects.programmeId, programmeId))).map((r) => r.code.toLowerCase());
      assert.equal(codes.filter((c) => c === '2z').length, 1);
    });

    test('ten proposals in one theme at once each get their own code, also next to a code renamed to capitals', async () => {
      const theme = (await t.database.db.select().from(themes).where(and(eq(themes.programmeId, programmeId), eq(themes.code, '4'))))[0]!;
      const existing = (await t.database.db.select({ code: projects.code }).from(projects).where(eq(projects.themeId, theme.id))).map((r) => r.code).sort();
      // The next free letter in capitals: the proposals must skip it, not collide with it.
      const next = [...'abcdefghijklmnopqrstuvwxyz'].map((l) => `4${l}`).find((c) => !existing.includes(c))!;
      const renamed = await rename(await project(existing[0]!), next.toUpperCase());
      assert.ok(renamed.ok);
      const lead = (await t.database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'hogeschool-leiden')))[0]!.id;
      const submitted = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          submitProposal(t.database.db, {
            actor,
            programmeId,
            values: { themeId: theme.id, title: { nl: `Voorstel ${i}` }, goal: { nl: 'Doel' }, description: {}, safeguarding: {}, staffingArrangements: {}, financingArrangements: {}, leadOrganisationId: lead, partnerOrganisationIds: [] },
          }),
        ),
      );
      const codes = submitted.map((s) => s.code.toLowerCase());
      assert.equal(new Set(codes).size, 10, codes.join(' '));
      assert.ok(!codes.includes(next), `${next} is taken by ${next.toUpperCase()}`);
    });
  });
}
