// Writes that must leave nothing behind when they fail, and nothing unaudited when they succeed:
// a refused command commits no row; a write a save implies happens in the save's transaction.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { databaseModes } from '../support/database.ts';
import { buildUser, startTestApp, type TestApp } from '../support/app.ts';
import { auditEvents, bodies, organisations, people, programmes, projectPartners, projects } from '../../src/db/schema.ts';
import type { Actor } from '../../src/domain/policy.ts';
import { addMember } from '../../src/features/meetings/commands.ts';
import { updateProject, type ProjectInput } from '../../src/features/portfolio/commands.ts';

for (const mode of databaseModes()) {
  describe(`write leaks (${mode})`, () => {
    let t: TestApp;
    let coordinator: Actor;
    let programmeId: string;
    before(async () => {
      t = await startTestApp(mode);
      const [programme] = await t.database.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden'));
      programmeId = programme!.id;
      const user = await buildUser(t, { name: 'Lekkage Test' });
      coordinator = { userId: user.id, displayName: 'Lekkage Test', programmeId, assignments: [{ role: 'coordinator' }] };
    });
    after(async () => t?.close());

    const countOf = async (table: typeof people | typeof auditEvents) => (await t.database.db.select({ n: count() }).from(table))[0]!.n;

    test('adding a member who replaces a membership that does not exist stores no person and no audit row', async () => {
      const db = t.database.db;
      const [body] = await db.select().from(bodies).where(and(eq(bodies.programmeId, programmeId), eq(bodies.kind, 'support')));
      const peopleBefore = await countOf(people);
      const auditBefore = await countOf(auditEvents);
      const result = await addMember({
        actor: coordinator,
        db,
        programmeId,
        bodyId: body!.id,
        member: { name: 'Nooit Opgeslagen', position: 'member', startsOn: '2026-01-05', replaces: randomUUID() },
      });
      assert.equal(result.ok, false);
      assert.equal(await countOf(people), peopleBefore, 'the person row of a refused member must not be committed');
      assert.equal(await countOf(auditEvents), auditBefore);
      assert.equal((await db.select().from(people).where(eq(people.name, 'Nooit Opgeslagen'))).length, 0);
    });

    test('changing a project\'s lead organisation makes it the lead partner in the same save, under its audit row', async () => {
      const db = t.database.db;
      const [project] = await db.select().from(projects).where(and(eq(projects.programmeId, programmeId), eq(projects.code, '2f')));
      const [lumc] = await db.select().from(organisations).where(and(eq(organisations.programmeId, programmeId), eq(organisations.slug, 'lumc')));
      assert.notEqual(project!.leadOrganisationId, lumc!.id, 'the test needs another lead than LUMC');
      const values: ProjectInput = {
        code: project!.code,
        themeId: project!.themeId,
        title: project!.title,
        goal: project!.goal,
        description: project!.description,
        status: project!.status,
        leadNote: project!.leadNote,
        safeguarding: project!.safeguarding,
        staffingArrangements: project!.staffingArrangements,
        financingArrangements: project!.financingArrangements,
        lifecycle: project!.lifecycle,
        leadOrganisationId: lumc!.id,
        published: project!.published,
      };
      const saved = await updateProject(db, { actor: coordinator, project: { id: project!.id, programmeId }, expectedVersion: project!.version, values });
      assert.equal(saved.ok, true);
      const [partner] = await db.select().from(projectPartners).where(and(eq(projectPartners.projectId, project!.id), eq(projectPartners.organisationId, lumc!.id)));
      assert.equal(partner?.role, 'lead', 'the command itself keeps the lead partner in step');
      const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'project.update'), eq(auditEvents.objectId, project!.id)));
      assert.deepEqual((audit!.after as Record<string, unknown>).leadOrganisationId, lumc!.id);
    });
  });
}
