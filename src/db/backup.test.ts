import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { databaseModes, openTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { createBackup, restoreBackup, RestoreError } from './backup.ts';
import { recordAudit } from './audit.ts';
import { auditEvents, projects } from './schema.ts';
import { createUser } from '../features/accounts/commands.ts';

for (const mode of databaseModes()) {
  describe(`backup, restore and the audit trail (${mode})`, () => {
    let source: TestDatabase;
    before(async () => {
      source = await openTestDatabase(mode);
      await createUser(source.db, { email: 'backup@example.org', displayName: 'Backup Person', password: 'a long enough password' });
      await recordAudit(source.db, { actor: null, programmeId: null, action: 'test.event', objectType: 'test', after: { when: 'now', nested: { list: [1, 2] } } });
    });
    after(async () => source.close());

    test('a backup restored into an empty database gives identical data', async () => {
      const backup = await createBackup(source.db);
      assert.ok(backup.tables.projects!.length >= 17);
      const target = await openTestDatabase(mode, { seed: false });
      try {
        const counts = await restoreBackup(target.db, JSON.parse(JSON.stringify(backup)));
        assert.equal(counts.projects, backup.tables.projects!.length);
        const again = await createBackup(target.db);
        assert.deepEqual(again.tables, backup.tables);
        // Serial ids continue after the restored rows.
        await recordAudit(target.db, { actor: null, programmeId: null, action: 'after.restore', objectType: 'test' });
        const ids = (await target.db.select({ id: auditEvents.id }).from(auditEvents)).map((row) => row.id);
        assert.equal(new Set(ids).size, ids.length);
      } finally {
        await target.close();
      }
    });

    test('restore refuses a database that already holds data, and a file that is not a backup', async () => {
      const backup = await createBackup(source.db);
      await assert.rejects(restoreBackup(source.db, backup), RestoreError);
      await assert.rejects(restoreBackup(source.db, { format: 'other' } as never), RestoreError);
    });

    test('the database refuses to change or delete audit rows', async () => {
      await assert.rejects(source.db.update(auditEvents).set({ action: 'tampered' }).where(eq(auditEvents.action, 'test.event')));
      await assert.rejects(source.db.delete(auditEvents));
      await assert.rejects(source.db.execute(sql`truncate audit_events`));
      const rows = await source.db.select().from(auditEvents).where(eq(auditEvents.action, 'test.event'));
      assert.equal(rows.length, 1);
    });

    test('seeding twice loads the programme once and keeps later edits', async () => {
      const { seedDefaults } = await import('./bootstrap.ts');
      const { loadProgramme } = await import('../seed/load.ts');
      const { leiden } = await import('../seed/leiden.ts');
      await source.db.update(projects).set({ title: { nl: 'Aangepast', en: 'Edited' } }).where(eq(projects.code, '1a'));
      assert.equal(await seedDefaults(source), 'not-empty');
      assert.equal(await loadProgramme(source.db, leiden), 'already-loaded');
      const [row] = await source.db.select({ title: projects.title }).from(projects).where(eq(projects.code, '1a'));
      assert.deepEqual(row!.title, { nl: 'Aangepast', en: 'Edited' });
      assert.equal((await source.db.select().from(projects)).length, leiden.projects.length);
    });
  });
}
