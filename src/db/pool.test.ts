// The PostgreSQL pool survives the server ending its idle connections (a restart or failover):
// the next query reconnects and the process does not stop on an uncaught error.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { databaseModes, openTestDatabase, type TestDatabase } from '../../test/support/database.ts';

for (const mode of databaseModes().filter((candidate) => candidate === 'postgres')) {
  describe(`PostgreSQL pool (${mode})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(mode, { seed: false });
    });
    after(async () => database?.close());

    test('idle connections ended by the server are replaced; queries go on', async () => {
      // Several idle connections in the pool.
      await Promise.all([1, 2, 3].map(() => database.db.execute(sql`select pg_sleep(0.05)`)));
      const warnings: string[] = [];
      const onWarning = (warning: Error) => warnings.push(warning.message);
      process.on('warning', onWarning);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        const name = new URL(database.url!).pathname.slice(1);
        const ended = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
        assert.ok(ended.rowCount! >= 1, 'the pool had idle connections to end');
      } finally {
        await admin.end();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      const rows = await database.db.execute(sql`select 41 + 1 as answer`);
      assert.equal(Number((rows as unknown as { rows: { answer: number }[] }).rows[0]!.answer), 42);
      process.off('warning', onWarning);
      assert.ok(warnings.some((message) => message.includes('PostgreSQL closed an idle connection')), 'the loss is reported');
    });
  });
}
