// Scheduled jobs on the database, so they run exactly once however many app instances run and
// survive a restart. Each instance schedules the current slot of every job (INSERT ... ON CONFLICT
// DO NOTHING on a unique (name, run_at)); a slot is claimed by one UPDATE whose subquery locks
// the row with FOR UPDATE SKIP LOCKED, so two instances never claim the same row. A claim is a
// lease: the running instance extends it (heartbeat) until it finishes; when an instance dies the
// lease expires and another instance takes the job over. Handlers make their effects idempotent
// per run (mail: one per job and recipient, see mail.ts), so a taken-over job does not repeat them.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { jobs } from './tables.ts';

export type JobRow = typeof jobs.$inferSelect;
export type JobHandler = (job: JobRow) => Promise<string | void>;

export interface Schedule {
  name: string;
  /** The start of the slot that contains `now` (the most recent time the job should have run). */
  slotAt(now: Date): Date;
}

export const LEASE_MINUTES = 15;

/** Every day at the given UTC hour. */
export function daily(name: string, hourUtc: number): Schedule {
  return {
    name,
    slotAt(now) {
      const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
      if (slot > now) slot.setUTCDate(slot.getUTCDate() - 1);
      return slot;
    },
  };
}

/** Every `minutes` minutes (slots counted from midnight UTC, so every instance picks the same slot). */
export function every(name: string, minutes: number): Schedule {
  const step = Math.max(1, Math.round(minutes)) * 60_000;
  return {
    name,
    slotAt(now) {
      const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      return new Date(day + Math.floor((now.getTime() - day) / step) * step);
    },
  };
}

/** Every week on the given weekday (0 = Sunday, 1 = Monday) at the given UTC hour. */
export function weekly(name: string, weekday: number, hourUtc: number): Schedule {
  return {
    name,
    slotAt(now) {
      const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
      slot.setUTCDate(slot.getUTCDate() - ((slot.getUTCDay() - weekday + 7) % 7));
      if (slot > now) slot.setUTCDate(slot.getUTCDate() - 7);
      return slot;
    },
  };
}

export async function scheduleSlots(db: Db, schedules: Schedule[], now: Date): Promise<void> {
  if (schedules.length === 0) return;
  await db
    .insert(jobs)
    .values(schedules.map((s) => ({ name: s.name, runAt: s.slotAt(now) })))
    .onConflictDoNothing();
}

/** A claim that is not extended within this time belongs to a crashed instance and is taken over. */
export const LEASE_SECONDS = 120;
/** A job whose claims expired this often (it kills whoever runs it) is given up as failed. */
export const MAX_ATTEMPTS = 5;

/**
 * Claims the oldest due job: pending, or running under a lease that expired (its instance died).
 * Legacy claims without a lease expire LEASE_MINUTES after they were made.
 */
export async function claimNext(db: Db, instanceId: string, names: string[], leaseSeconds = LEASE_SECONDS): Promise<JobRow | null> {
  if (names.length === 0) return null;
  const nameList = sql.join(
    names.map((n) => sql`${n}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    update ${jobs} set state = 'running', claimed_by = ${instanceId}, claimed_at = now(),
      lease_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1
    where id = (
      select id from ${jobs}
      where name in (${nameList}) and run_at <= now() and attempts < ${MAX_ATTEMPTS}
        and (state = 'pending' or (state = 'running'
          and coalesce(lease_until, claimed_at + make_interval(mins => ${LEASE_MINUTES})) < now()))
      order by run_at
      limit 1
      for update skip locked
    )
    returning id`);
  const rows = (result as unknown as { rows: { id: number | string }[] }).rows;
  const id = rows[0]?.id;
  if (id === undefined) return null;
  const [row] = await db.select().from(jobs).where(eq(jobs.id, Number(id)));
  return row ?? null;
}

/** The heartbeat: extends this instance's lease; false when the lease was lost (taken over). */
export async function extendLease(db: Db, jobId: number, instanceId: string, leaseSeconds = LEASE_SECONDS): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where(and(eq(jobs.id, jobId), eq(jobs.claimedBy, instanceId), eq(jobs.state, 'running')))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Jobs whose last allowed claim expired are recorded as failed instead of staying "running". */
export async function giveUpExpired(db: Db): Promise<void> {
  await db.execute(sql`
    update ${jobs} set state = 'failed', finished_at = now(), result = 'lease expired after ' || attempts || ' attempts'
    where state = 'running' and attempts >= ${MAX_ATTEMPTS}
      and coalesce(lease_until, claimed_at + make_interval(mins => ${LEASE_MINUTES})) < now()`);
}

export async function finish(db: Db, job: JobRow, instanceId: string, state: 'done' | 'failed', result: string | null): Promise<void> {
  await db
    .update(jobs)
    .set({ state, finishedAt: new Date(), leaseUntil: null, result: result?.slice(0, 2000) ?? null })
    .where(and(eq(jobs.id, job.id), eq(jobs.claimedBy, instanceId), eq(jobs.state, 'running')));
}

export class JobRunner {
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly schedules: Schedule[],
    private readonly handlers: Record<string, JobHandler>,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly leaseSeconds = LEASE_SECONDS,
  ) {}

  /** Schedules the current slots and runs every due job this instance can claim; returns how many ran here. */
  async tick(now: Date = new Date()): Promise<number> {
    if (this.running) return this.running;
    this.running = this.work(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async work(now: Date): Promise<number> {
    await scheduleSlots(this.db, this.schedules, now);
    await giveUpExpired(this.db);
    let count = 0;
    for (;;) {
      const job = await claimNext(this.db, this.instanceId, Object.keys(this.handlers), this.leaseSeconds);
      if (!job) return count;
      count++;
      // Extend the lease three times per lease period while the handler runs.
      const heartbeat = setInterval(() => {
        extendLease(this.db, job.id, this.instanceId, this.leaseSeconds).catch(this.onError);
      }, (this.leaseSeconds * 1000) / 3);
      heartbeat.unref();
      try {
        const result = await this.handlers[job.name]!(job);
        await finish(this.db, job, this.instanceId, 'done', result ?? null);
      } catch (error) {
        this.onError(error);
        await finish(this.db, job, this.instanceId, 'failed', error instanceof Error ? error.message : String(error));
      } finally {
        clearInterval(heartbeat);
      }
    }
  }

  start(intervalMs = 60_000): void {
    if (this.timer) return;
    const run = () => void this.tick().catch(this.onError);
    run();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }
}
