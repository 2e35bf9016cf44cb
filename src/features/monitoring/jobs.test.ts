// Scheduled jobs run exactly once, also with two app instances on one PostgreSQL, and survive a restart.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { databaseModes, openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { claimNext, daily, extendLease, finish, JobRunner, MAX_ATTEMPTS, weekly, type JobRow } from './jobs.ts';
import { jobs } from './tables.ts';

test('slots: daily at an hour, weekly on a weekday; the current slot is the latest one not in the future', () => {
  const reminders = daily('reminders', 5);
  assert.equal(reminders.slotAt(new Date('2026-11-28T04:59:00Z')).toISOString(), '2026-11-27T05:00:00.000Z');
  assert.equal(reminders.slotAt(new Date('2026-11-28T05:00:00Z')).toISOString(), '2026-11-28T05:00:00.000Z');
  const digest = weekly('digest', 1, 6);
  // 28 November 2026 is a Saturday: the slot is Monday the 23rd.
  assert.equal(digest.slotAt(new Date('2026-11-28T12:00:00Z')).toISOString(), '2026-11-23T06:00:00.000Z');
  assert.equal(digest.slotAt(new Date('2026-11-30T05:59:00Z')).toISOString(), '2026-11-23T06:00:00.000Z');
  assert.equal(digest.slotAt(new Date('2026-11-30T06:00:00Z')).toISOString(), '2026-11-30T06:00:00.000Z');
});

for (const mode of databaseModes()) {
  describe(`job runner (${mode})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(mode, { seed: false });
    });
    after(async () => database.close());

    test('a slot scheduled many times runs once; the next slot runs again', async () => {
      const ran: string[] = [];
      const runner = new JobRunner(database.db, [daily('once-test', 5)], { 'once-test': async (job) => void ran.push(job.runAt.toISOString()) });
      const now = new Date();
      await runner.tick(now);
      await runner.tick(now);
      await runner.tick(new Date(now.getTime() + 1000));
      assert.equal(ran.length, 1);
      const rows = await database.db.select().from(jobs).where(eq(jobs.name, 'once-test'));
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.state, 'done');
    });

    test('a job left pending by a stopped instance runs after a restart; a failed job is recorded', async () => {
      await database.db.insert(jobs).values({ name: 'restart-test', runAt: new Date(Date.now() - 60_000) });
      const calls: JobRow[] = [];
      const restarted = new JobRunner(database.db, [], {
        'restart-test': async (job) => void calls.push(job),
        failing: async () => {
          throw new Error('boom');
        },
      });
      await database.db.insert(jobs).values({ name: 'failing', runAt: new Date(Date.now() - 60_000) });
      const errors: unknown[] = [];
      const withErrors = new JobRunner(database.db, [], { failing: async () => {} }, (e) => errors.push(e));
      assert.equal(await restarted.tick(), 2);
      assert.equal(calls.length, 1);
      const [failed] = await database.db.select().from(jobs).where(eq(jobs.name, 'failing'));
      assert.equal(failed!.state, 'failed');
      assert.equal(failed!.result, 'boom');
      assert.equal(await withErrors.tick(), 0, 'a failed job is not retried forever');
      assert.deepEqual(errors, []);
    });

    test('a claim is a lease: expired (a crashed instance) it is claimed again, live it is not; the heartbeat extends it; a lost claimant cannot finish', async () => {
      const past = new Date(Date.now() - 60_000);
      await database.db.insert(jobs).values([
        { name: 'lease-test', runAt: past, state: 'running', claimedBy: 'crashed', claimedAt: past, leaseUntil: new Date(Date.now() - 1000), attempts: 1 },
        { name: 'lease-test', runAt: new Date(Date.now() - 30_000), state: 'running', claimedBy: 'busy', claimedAt: new Date(), leaseUntil: new Date(Date.now() + 60_000), attempts: 1 },
        // Claimed by the code before leases: expires LEASE_MINUTES after the claim.
        { name: 'legacy-test', runAt: past, state: 'running', claimedBy: 'old', claimedAt: new Date(Date.now() - 3_600_000), attempts: 1 },
      ]);
      const first = await claimNext(database.db, 'me', ['lease-test'], 30);
      assert.equal(first?.claimedBy, 'me');
      assert.equal(first?.attempts, 2);
      assert.ok(first!.leaseUntil! > new Date(Date.now() + 20_000) && first!.leaseUntil! < new Date(Date.now() + 40_000), 'the lease runs 30 s from now');
      assert.equal(await claimNext(database.db, 'me', ['lease-test']), null, 'a live lease is not taken over');
      assert.equal((await claimNext(database.db, 'me', ['legacy-test']))?.claimedBy, 'me');

      assert.equal(await extendLease(database.db, first!.id, 'me', 600), true);
      const [extended] = await database.db.select().from(jobs).where(eq(jobs.id, first!.id));
      assert.ok(extended!.leaseUntil! > new Date(Date.now() + 500_000));
      // The crashed instance comes back to life: its lease is gone, its heartbeat and finish do nothing.
      assert.equal(await extendLease(database.db, first!.id, 'crashed'), false);
      await finish(database.db, { ...first!, claimedBy: 'crashed' }, 'crashed', 'failed', 'late');
      const [still] = await database.db.select().from(jobs).where(eq(jobs.id, first!.id));
      assert.equal(still!.state, 'running');
      assert.equal(still!.claimedBy, 'me');
    });

    test('a job whose claims keep expiring is given up as failed after MAX_ATTEMPTS', async () => {
      await database.db.insert(jobs).values({ name: 'poison-test', runAt: new Date(Date.now() - 60_000), state: 'running', claimedBy: 'x', claimedAt: new Date(Date.now() - 120_000), leaseUntil: new Date(Date.now() - 1000), attempts: MAX_ATTEMPTS });
      const runner = new JobRunner(database.db, [], { 'poison-test': async () => assert.fail('must not run again') });
      assert.equal(await runner.tick(), 0);
      const [row] = await database.db.select().from(jobs).where(eq(jobs.name, 'poison-test'));
      assert.equal(row!.state, 'failed');
      assert.match(row!.result!, /lease expired after 5 attempts/);
    });

    test('the heartbeat keeps a long job’s lease alive so no other instance takes it over', async () => {
      await database.db.insert(jobs).values({ name: 'long-test', runAt: new Date(Date.now() - 1000) });
      const other = new JobRunner(database.db, [], { 'long-test': async () => assert.fail('taken over while alive') }, undefined, 2);
      let overlapped = -1;
      // Lease of 2 s, heartbeat every 667 ms; the job runs 3 s and meanwhile the other instance tries to claim it.
      const runner = new JobRunner(
        database.db,
        [],
        {
          'long-test': async () => {
            const tries: number[] = [];
            for (let i = 0; i < 5; i++) {
              await new Promise((resolve) => setTimeout(resolve, 600));
              tries.push(await other.tick());
            }
            overlapped = tries.reduce((a, b) => a + b, 0);
          },
        },
        undefined,
        2,
      );
      assert.equal(await runner.tick(), 1);
      assert.equal(overlapped, 0);
      const [row] = await database.db.select().from(jobs).where(eq(jobs.name, 'long-test'));
      assert.equal(row!.state, 'done');
      assert.equal(row!.attempts, 1);
    });
  });
}

// Two instances = two separate connection pools on one PostgreSQL database, as two app servers.
if (process.env.TEST_DATABASE_URL) {
  describe('two instances on one PostgreSQL', () => {
    let database: TestDatabase;
    let second: DatabaseHandle;
    before(async () => {
      database = await openTestDatabase('postgres', { seed: false });
      second = await openDatabase({ databaseUrl: database.url! });
    });
    after(async () => {
      await second.close();
      await database.close();
    });

    test('every job runs exactly once although both instances schedule and claim at the same time', async () => {
      const runs = new Map<number, string[]>();
      const handler = (instance: string) => async (job: JobRow) => {
        runs.set(job.id, [...(runs.get(job.id) ?? []), instance]);
        // Hold the job a moment so the other instance has every chance to grab it too.
        await new Promise((resolve) => setTimeout(resolve, 5));
      };
      const schedule = [daily('pair-daily', 5), weekly('pair-weekly', 1, 6)];
      const a = new JobRunner(database.db, schedule, { 'pair-daily': handler('a'), 'pair-weekly': handler('a'), 'pair-batch': handler('a') });
      const b = new JobRunner(second.db, schedule, { 'pair-daily': handler('b'), 'pair-weekly': handler('b'), 'pair-batch': handler('b') });
      // A backlog of 40 due jobs plus the two scheduled slots, worked off by both instances in parallel.
      await database.db.insert(jobs).values(Array.from({ length: 40 }, (_, i) => ({ name: 'pair-batch', runAt: new Date(Date.now() - (i + 1) * 1000) })));
      const now = new Date();
      const counts = await Promise.all([a.tick(now), b.tick(now), a.tick(now), b.tick(now)]);
      // A second round finds nothing left to do.
      const again = await Promise.all([a.tick(now), b.tick(now)]);
      assert.deepEqual(again, [0, 0]);
      const rows = await database.db.select().from(jobs);
      assert.equal(rows.length, 42, 'one row per scheduled slot, though both instances scheduled it');
      assert.ok(rows.every((row) => row.state === 'done' && row.attempts === 1));
      assert.equal(runs.size, 42);
      for (const [id, instances] of runs) assert.equal(instances.length, 1, `job ${id} ran ${instances.length} times`);
      const byInstance = [...runs.values()].flat();
      // A second tick on a busy instance joins the tick already running rather than starting another.
      assert.equal(counts[0], counts[2]);
      assert.equal(counts[0]! + counts[1]!, 42);
      assert.ok(byInstance.includes('a') && byInstance.includes('b'), 'both instances did part of the work');
      const result = (await database.db.execute(sql`select count(distinct claimed_by)::int as n from jobs`)) as unknown as { rows: { n: number }[] };
      assert.equal(result.rows[0]?.n, 2);
    });
  });
}
