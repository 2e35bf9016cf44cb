// The versioned save as its four callers use it: exactly the audit row each wrote before they shared
// saveVersioned (only changed fields on the pages; every named field through the API; the action or
// partner named next to its project), version + 1, and a stale or refused save that writes nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq, gt } from 'drizzle-orm';
import { databaseModes } from '../../test/support/database.ts';
import { buildUser, startTestApp, type TestApp } from '../../test/support/app.ts';
import { actions, auditEvents, organisations, programmes, projectPartners, projects } from './schema.ts';
import type { Actor } from '../domain/policy.ts';
import type { ProjectRef } from '../features/portfolio/policy.ts';
import { createAction, updateAction, updatePartner, updateProject, type ActionInput, type ProjectInput } from '../features/portfolio/commands.ts';
import { projectChange } from '../features/api/resources/project-input.ts';

type ProjectRow = typeof projects.$inferSelect;

const projectInput = (p: ProjectRow): ProjectInput => ({
  code: p.code,
  themeId: p.themeId,
  title: p.title,
  goal: p.goal,
  description: p.description,
  status: p.status,
  leadNote: p.leadNote,
  safeguarding: p.safeguarding,
  staffingArrangements: p.staffingArrangements,
  financingArrangements: p.financingArrangements,
  lifecycle: p.lifecycle,
  leadOrganisationId: p.leadOrganisationId,
  published: p.published,
});

for (const mode of databaseModes()) {
  describe(`versioned saves (${mode})`, () => {
    let t: TestApp;
    let actor: Actor;
    let programmeId: string;
    before(async () => {
      t = await startTestApp(mode);
      const [programme] = await t.database.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden'));
      programmeId = programme!.id;
      const user = await buildUser(t, { name: 'Vera Versie' });
      actor = { userId: user.id, displayName: 'Vera Versie', programmeId, assignments: [{ role: 'coordinator' }] };
    });
    after(async () => t?.close());

    const project = async (code: string) => (await t.database.db.select().from(projects).where(and(eq(projects.programmeId, programmeId), eq(projects.code, code))))[0]!;
    const refOf = (p: ProjectRow): ProjectRef => ({ id: p.id, programmeId: p.programmeId });
    const lastAuditId = async () => (await t.database.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id))).at(-1)?.id ?? 0;
    const auditsSince = async (id: number) =>
      (await t.database.db.select().from(auditEvents).where(gt(auditEvents.id, id)).orderBy(asc(auditEvents.id))).map((a) => ({
        action: a.action,
        objectType: a.objectType,
        objectId: a.objectId,
        programmeId: a.programmeId,
        actorLabel: a.actorLabel,
        before: a.before,
        after: a.after,
        origin: a.origin,
      }));

    test('a page save of a project: version + 1, updatedAt touched, one audit row with only the changed fields; a stale save writes nothing', async () => {
      const start = await project('2b');
      const mark = await lastAuditId();
      const values = { ...projectInput(start), title: { ...start.title, en: 'Versioned title' } };
      const saved = await updateProject(t.database.db, { actor, project: refOf(start), expectedVersion: start.version, values });
      assert.ok(saved.ok);
      assert.equal(saved.value.version, start.version + 1);
      assert.equal(saved.value.title.en, 'Versioned title');
      assert.ok(saved.value.updatedAt > start.updatedAt, 'updatedAt moves');
      assert.deepEqual(await auditsSince(mark), [
        { action: 'project.update', objectType: 'project', objectId: start.id, programmeId, actorLabel: 'Vera Versie', before: { title: start.title }, after: { title: values.title }, origin: null },
      ]);

      const stale = await updateProject(t.database.db, { actor, project: refOf(start), expectedVersion: start.version, values: { ...values, title: { nl: 'Te laat' } } });
      assert.ok(!stale.ok && 'conflict' in stale, 'a stale save is a conflict');
      assert.equal(stale.current.version, start.version + 1, 'the conflict carries the row as it is now');
      assert.equal(stale.current.title.en, 'Versioned title');
      assert.equal((await project('2b')).title.en, 'Versioned title', 'nothing overwritten');
      assert.equal((await auditsSince(mark)).length, 1, 'no audit row for the refused save');
    });

    test('a save that changes nothing writes nothing: same version (no other open form goes stale), no history line', async () => {
      const start = await project('2c');
      const mark = await lastAuditId();
      const same = await updateProject(t.database.db, { actor, project: refOf(start), expectedVersion: start.version, values: projectInput(start) });
      assert.ok(same.ok);
      assert.equal(same.value.version, start.version);
      assert.equal((await project('2c')).version, start.version);
      assert.deepEqual((await project('2c')).updatedAt, start.updatedAt);
      assert.deepEqual(await auditsSince(mark), []);
      const stillCurrent = await updateProject(t.database.db, { actor, project: refOf(start), expectedVersion: start.version, values: { ...projectInput(start), goal: { nl: 'Nieuw doel' } } });
      assert.ok(stillCurrent.ok, 'a form opened before the empty save still saves');
    });

    test('a project code another project has (other case) is refused before the version moves', async () => {
      const start = await project('2b');
      const other = await project('1a');
      const mark = await lastAuditId();
      const result = await updateProject(t.database.db, { actor, project: refOf(start), expectedVersion: start.version, values: { ...projectInput(start), code: other.code.toUpperCase() } });
      assert.deepEqual(result, { ok: false, errors: { code: { key: 'pf.error.codeTaken' } } });
      assert.equal((await project('2b')).version, start.version);
      assert.deepEqual(await auditsSince(mark), []);
    });

    test('an API save of a project names every field it sent, changed or not, with origin api; a stale one is a conflict (the API answers 412)', async () => {
      const start = await project('2b');
      const mark = await lastAuditId();
      // What the API's PATCH does: the fields the request names, merged over the stored texts.
      const change = projectChange({ title: { en: start.title.en }, goal: { nl: 'Doel via de API' } }, start);
      assert.ok(change.ok);
      const saved = await updateProject(t.database.db, { actor, project: refOf(start), expectedVersion: start.version, values: change.value, origin: 'api' });
      assert.equal(saved.ok, true);
      const now = await project('2b');
      assert.equal(now.version, start.version + 1);
      assert.equal(now.goal.nl, 'Doel via de API');
      assert.ok(now.updatedAt > start.updatedAt);
      assert.deepEqual(await auditsSince(mark), [
        {
          action: 'project.update',
          objectType: 'project',
          objectId: start.id,
          programmeId,
          actorLabel: 'Vera Versie',
          before: { title: start.title, goal: start.goal },
          after: { title: start.title, goal: { ...start.goal, nl: 'Doel via de API' } },
          origin: 'api',
        },
      ]);
      const stale = await updateProject(t.database.db, { actor, project: refOf(start), expectedVersion: start.version, values: { goal: { nl: 'Verloren' } }, origin: 'api' });
      assert.equal(stale.ok, false);
      assert.ok(!stale.ok && 'conflict' in stale && stale.conflict);
      assert.equal((await project('2b')).goal.nl, 'Doel via de API');
      assert.equal((await auditsSince(mark)).length, 1);
    });

    test('an action save names the action next to its project and passes its origin; stale is a conflict', async () => {
      const p = await project('2b');
      const values: ActionInput = { description: { nl: 'Versie-actie' }, ownerOrganisationId: null, dueOn: null, dueLabel: {}, state: 'open', completedOn: null };
      const created = await createAction(t.database.db, { actor, project: refOf(p), values });
      const mark = await lastAuditId();
      const done = { ...values, state: 'done' as const, completedOn: '2026-11-28' };
      const saved = await updateAction(t.database.db, { actor, project: refOf(p), actionId: created.id, expectedVersion: created.version, values: done, origin: 'api' });
      assert.ok(saved.ok);
      assert.equal(saved.value.version, created.version + 1);
      assert.ok(saved.value.updatedAt >= created.updatedAt);
      assert.deepEqual(await auditsSince(mark), [
        {
          action: 'action.update',
          objectType: 'project',
          objectId: p.id,
          programmeId,
          actorLabel: 'Vera Versie',
          before: { actionId: created.id, state: 'open', completedOn: null },
          after: { actionId: created.id, state: 'done', completedOn: '2026-11-28' },
          origin: 'api',
        },
      ]);
      const stale = await updateAction(t.database.db, { actor, project: refOf(p), actionId: created.id, expectedVersion: created.version, values });
      assert.ok(!stale.ok && stale.conflict);
      assert.equal(stale.current.state, 'done');
      assert.equal((await t.database.db.select().from(actions).where(eq(actions.id, created.id)))[0]!.state, 'done');
      assert.equal((await auditsSince(mark)).length, 1);
      // The action belongs to another project: as if it did not exist, which callers never ask for.
      const other = await project('1a');
      await assert.rejects(updateAction(t.database.db, { actor, project: refOf(other), actionId: created.id, expectedVersion: saved.value.version, values }), /action vanished/);
    });

    test('a partner save names the organisation next to its project (partners have no updatedAt); stale is a conflict', async () => {
      const p = await project('2b');
      const [row] = await t.database.db
        .select({ partner: projectPartners, slug: organisations.slug })
        .from(projectPartners)
        .innerJoin(organisations, eq(organisations.id, projectPartners.organisationId))
        .where(eq(projectPartners.projectId, p.id))
        .orderBy(asc(projectPartners.position));
      const partner = row!.partner;
      const mark = await lastAuditId();
      const values = { role: partner.role, note: partner.note, declaredInterest: partner.declaredInterest, capacityHours: 321, moneyCents: partner.moneyCents, commitmentAgreed: partner.commitmentAgreed };
      const saved = await updatePartner(t.database.db, { actor, project: refOf(p), organisationId: partner.organisationId, expectedVersion: partner.version, values });
      assert.ok(saved.ok);
      assert.equal(saved.value.version, partner.version + 1);
      assert.equal(saved.value.capacityHours, 321);
      assert.deepEqual(await auditsSince(mark), [
        {
          action: 'partner.update',
          objectType: 'project',
          objectId: p.id,
          programmeId,
          actorLabel: 'Vera Versie',
          before: { organisationId: partner.organisationId, capacityHours: partner.capacityHours },
          after: { organisationId: partner.organisationId, capacityHours: 321 },
          origin: null,
        },
      ]);
      const stale = await updatePartner(t.database.db, { actor, project: refOf(p), organisationId: partner.organisationId, expectedVersion: partner.version, values: { ...values, capacityHours: 5 } });
      assert.ok(!stale.ok && stale.conflict);
      assert.equal(stale.current.capacityHours, 321);
      assert.equal((await auditsSince(mark)).length, 1);
    });
  });
}
