import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { databaseModes, openTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { people, programmes } from './schema.ts';
import { writeTransaction } from './transaction.ts';

for (const mode of databaseModes()) {
  describe(`writeTransaction (${mode})`, () => {
    let database: TestDatabase;
    let programmeId: string;
    before(async () => {
      database = await openTestDatabase(mode);
      programmeId = (await database.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden')))[0]!.id;
    });
    after(async () => database?.close());
    const peopleCount = async () => (await database.db.select({ n: count() }).from(people))[0]!.n;

    test('a refusal after the first write rolls it back and is returned as the answer', async () => {
      const before = await peopleCount();
      const answer = await writeTransaction(database.db, async (tx) => {
        await tx.insert(people).values({ programmeId, name: 'Teruggedraaid' });
        return { ok: false as const, errors: { name: { key: 'form.error.choice' } } };
      });
      assert.deepEqual(answer, { ok: false, errors: { name: { key: 'form.error.choice' } } });
      assert.equal(await peopleCount(), before);
    });

    test('a success commits; an error rolls back and is thrown', async () => {
      const before = await peopleCount();
      const answer = await writeTransaction(database.db, async (tx) => {
        await tx.insert(people).values({ programmeId, name: 'Bewaard' });
        return { ok: true as const };
      });
      assert.equal(answer.ok, true);
      assert.equal(await peopleCount(), before + 1);
      await assert.rejects(
        writeTransaction(database.db, async (tx) => {
          await tx.insert(people).values({ programmeId, name: 'Fout' });
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await peopleCount(), before + 1);
    });
  });
}
