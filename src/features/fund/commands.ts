// Writes on the fund. Every command checks permission itself, changes data and writes its audit
// row in one transaction. Commitments, payments and corrections change the fund's balance row
// with a conditional UPDATE (…WHERE committed + x <= contributed): the row lock it takes makes
// concurrent awards queue, and PostgreSQL re-checks the condition on the latest row version, so
// a fund is never over-committed (FACTS.md). The CHECK constraints on the row are the backstop.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { bodies, organisations, programmes, projects } from '../../db/schema.ts';
import { UUID } from '../meetings/forms.ts';
import { isExecutiveDecisionOf } from './queries.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { AccessDenied, type Actor } from '../../domain/policy.ts';
import { awardAmounts, type AwardDecision, type Amounts } from '../../domain/ledger.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { fundPolicy } from './policy.ts';
import { fundApplications, fundBalances, fundIdempotencyKeys, funds, ledgerEntries, type AdviceKind, type BudgetLine, type FundKind } from './tables.ts';

/** A refusal the user can act on; `key` is a message key. */
export class FundError extends Error {
  constructor(public readonly key: string) {
    super(key);
  }
}

class Rollback extends Error {
  constructor(public readonly outcome: Record<string, unknown>) {
    super('rollback');
  }
}

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,80}$/;

/**
 * Runs `work` once per (user, action, key): the key row is inserted first in the same
 * transaction, so a concurrent duplicate waits for the first and then reads its stored result.
 */
async function once<T extends Record<string, unknown>>(
  db: Db,
  input: { actor: Actor; programmeId: string; action: string; idempotencyKey?: string | null },
  work: (tx: Db) => Promise<T>,
): Promise<T & { replayed?: boolean }> {
  const key = input.idempotencyKey && IDEMPOTENCY_KEY.test(input.idempotencyKey) ? `${input.actor.userId}:${input.action}:${input.idempotencyKey}` : null;
  try {
    return await db.transaction(async (tx) => {
      if (key) {
        const claimed = await tx
          .insert(fundIdempotencyKeys)
          .values({ key, programmeId: input.programmeId, userId: input.actor.userId, action: input.action })
          .onConflictDoNothing()
          .returning({ key: fundIdempotencyKeys.key });
        if (claimed.length === 0) {
          const [stored] = await tx.select({ result: fundIdempotencyKeys.result }).from(fundIdempotencyKeys).where(eq(fundIdempotencyKeys.key, key));
          return { ...((stored?.result ?? {}) as T), replayed: true };
        }
      }
      const result = await work(tx);
      if (key) await tx.update(fundIdempotencyKeys).set({ result }).where(eq(fundIdempotencyKeys.key, key));
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.outcome as T;
    if (pgCode(error) === '23514') throw new FundError('fund.error.wouldOvercommit');
    throw error;
  }
}

function requireRole(allowed: boolean, action: string): void {
  if (!allowed) throw new AccessDenied(action);
}

export async function createFund(db: Db, input: { actor: Actor; programmeId: string; kind: FundKind; organisationId?: string | null; name: LocalizedText }) {
  requireRole(fundPolicy.manage(input.actor), 'fund.create');
  return db.transaction(async (tx) => {
    if (input.kind === 'earmarked') {
      const [org] = await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, input.organisationId ?? ''), eq(organisations.programmeId, input.programmeId)));
      if (!org) throw new FundError('fund.error.partyRequired');
      const [existing] = await tx.select({ id: funds.id }).from(funds).where(and(eq(funds.programmeId, input.programmeId), eq(funds.organisationId, org.id)));
      if (existing) throw new FundError('fund.error.earmarkExists');
    }
    const [fund] = await tx
      .insert(funds)
      .values({ programmeId: input.programmeId, kind: input.kind, organisationId: input.kind === 'earmarked' ? input.organisationId! : null, name: input.name })
      .returning();
    await tx.insert(fundBalances).values({ fundId: fund!.id, programmeId: input.programmeId });
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'fund.create', objectType: 'fund', objectId: fund!.id, after: fund });
    return fund!;
  });
}

/** The hours that make one FTE in this programme: what every hours figure is shown as FTE with. */
export async function setHoursPerFte(db: Db, input: { actor: Actor; programmeId: string; hours: number }): Promise<void> {
  requireRole(fundPolicy.manage(input.actor), 'fund.hoursPerFte');
  if (!Number.isInteger(input.hours) || input.hours < MIN_HOURS_PER_FTE || input.hours > MAX_HOURS_PER_FTE) throw new FundError('fund.error.hoursPerFte');
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ hoursPerFte: programmes.hoursPerFte }).from(programmes).where(eq(programmes.id, input.programmeId)).for('update');
    await tx.update(programmes).set({ hoursPerFte: input.hours }).where(eq(programmes.id, input.programmeId));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'fund.hoursPerFte', objectType: 'programme', objectId: input.programmeId, before, after: { hoursPerFte: input.hours } });
  });
}
/** A working year lies between these (part-time norms to a full year of 52 × 40 hours, with margin). */
export const MIN_HOURS_PER_FTE = 1000;
export const MAX_HOURS_PER_FTE = 2200;

async function fundInProgramme(tx: Db, programmeId: string, fundId: string) {
  const [fund] = await tx.select().from(funds).where(and(eq(funds.id, fundId), eq(funds.programmeId, programmeId)));
  if (!fund) throw new FundError('fund.error.fundRequired');
  return fund;
}

export async function recordContribution(
  db: Db,
  input: { actor: Actor; programmeId: string; fundId: string; organisationId: string; year: number; cents: number; hours: number; note?: string; idempotencyKey?: string | null },
) {
  requireRole(fundPolicy.manage(input.actor), 'fund.contribute');
  if (input.cents < 0 || input.hours < 0 || input.cents + input.hours === 0) throw new FundError('fund.error.nothing');
  return once(db, { ...input, action: 'contribute' }, async (tx) => {
    const fund = await fundInProgramme(tx, input.programmeId, input.fundId);
    if (fund.kind === 'earmarked' && fund.organisationId !== input.organisationId) throw new FundError('fund.error.otherEarmark');
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, input.organisationId), eq(organisations.programmeId, input.programmeId)));
    if (!org) throw new FundError('fund.error.partyRequired');
    await tx
      .update(fundBalances)
      .set({ contributedCents: sql`${fundBalances.contributedCents} + ${input.cents}`, contributedHours: sql`${fundBalances.contributedHours} + ${input.hours}` })
      .where(eq(fundBalances.fundId, fund.id));
    const [entry] = await tx
      .insert(ledgerEntries)
      .values({ programmeId: input.programmeId, fundId: fund.id, kind: 'contribution', amountCents: input.cents, hours: input.hours, year: input.year, organisationId: org.id, note: input.note || null, actorUserId: input.actor.userId })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'fund.contribute', objectType: 'ledger_entry', objectId: String(entry!.id), after: entry });
    return { outcome: 'recorded', entryId: entry!.id };
  });
}

export interface ApplicationInput {
  actor: Actor;
  programmeId: string;
  projectId: string;
  fundId: string;
  cents: number;
  hours: number;
  purpose: LocalizedText;
  periodStart: string;
  periodEnd: string;
  budgetLines: BudgetLine[];
  idempotencyKey?: string | null;
}

export async function submitApplication(db: Db, input: ApplicationInput) {
  requireRole(fundPolicy.apply(input.actor, input.projectId), 'fund.apply');
  return once(db, { ...input, action: 'apply' }, async (tx) => {
    await fundInProgramme(tx, input.programmeId, input.fundId);
    const [project] = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.id, input.projectId), eq(projects.programmeId, input.programmeId)));
    if (!project) throw new FundError('fund.error.projectRequired');
    const [application] = await tx
      .insert(fundApplications)
      .values({
        programmeId: input.programmeId,
        fundId: input.fundId,
        projectId: input.projectId,
        applicantUserId: input.actor.userId,
        requestedCents: input.cents,
        requestedHours: input.hours,
        purpose: input.purpose,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        budgetLines: input.budgetLines,
      })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'fund.apply', objectType: 'fund_application', objectId: application!.id, after: application });
    return { outcome: 'submitted', applicationId: application!.id };
  });
}

export async function adviseApplication(db: Db, input: { actor: Actor; programmeId: string; applicationId: string; advice: AdviceKind; note: string }) {
  requireRole(fundPolicy.advise(input.actor), 'fund.advise');
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(fundApplications)
      .set({ advice: input.advice, adviceNote: input.note, advisedByUserId: input.actor.userId, advisedAt: new Date(), status: 'advised' })
      .where(and(eq(fundApplications.id, input.applicationId), eq(fundApplications.programmeId, input.programmeId), inArray(fundApplications.status, ['submitted', 'advised'])))
      .returning();
    if (!updated) throw new FundError('fund.error.alreadyDecided');
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'fund.advise', objectType: 'fund_application', objectId: updated.id, after: { advice: input.advice, note: input.note } });
    return updated;
  });
}

export type AwardOutcome = { outcome: 'awarded' | 'partial' | 'declined' | 'insufficient' | 'alreadyDecided'; cents?: number; hours?: number; replayed?: boolean };

/** The executive level's decision: full, partial or none. Commits money/hours from the fund. */
export async function awardApplication(
  db: Db,
  input: {
    actor: Actor;
    programmeId: string;
    applicationId: string;
    decision: AwardDecision;
    partial?: Amounts;
    note?: string;
    /** The recorded decision in the minutes of an executive-level meeting of this programme. */
    decisionId?: string | null;
    idempotencyKey?: string | null;
  },
): Promise<AwardOutcome> {
  requireRole(fundPolicy.award(input.actor), 'fund.award');
  return once(db, { ...input, action: 'award' }, async (tx): Promise<AwardOutcome> => {
    const decisionId = input.decisionId || null;
    if (decisionId) await executiveDecision(tx, input.programmeId, decisionId);
    const [application] = await tx.select().from(fundApplications).where(and(eq(fundApplications.id, input.applicationId), eq(fundApplications.programmeId, input.programmeId)));
    if (!application) throw new FundError('fund.error.applicationNotFound');
    const amounts = awardAmounts(input.decision, { cents: application.requestedCents, hours: application.requestedHours }, input.partial);
    if (amounts === 'invalid') throw new FundError('fund.error.partialRange');
    const status = input.decision === 'full' ? 'awarded' : input.decision === 'partial' ? 'partial' : 'declined';
    // Claim the application: only an undecided one can be decided, once.
    const [claimed] = await tx
      .update(fundApplications)
      .set({ status, decision: input.decision, awardedCents: amounts.cents, awardedHours: amounts.hours, decisionNote: input.note || null, decisionId, decidedByUserId: input.actor.userId, decidedAt: new Date() })
      .where(and(eq(fundApplications.id, application.id), inArray(fundApplications.status, ['submitted', 'advised'])))
      .returning({ id: fundApplications.id });
    if (!claimed) return { outcome: 'alreadyDecided' };
    if (amounts.cents > 0 || amounts.hours > 0) {
      const guarded = await tx
        .update(fundBalances)
        .set({ committedCents: sql`${fundBalances.committedCents} + ${amounts.cents}`, committedHours: sql`${fundBalances.committedHours} + ${amounts.hours}` })
        .where(
          and(
            eq(fundBalances.fundId, application.fundId),
            sql`${fundBalances.committedCents} + ${amounts.cents} <= ${fundBalances.contributedCents}`,
            sql`${fundBalances.committedHours} + ${amounts.hours} <= ${fundBalances.contributedHours}`,
          ),
        )
        .returning({ fundId: fundBalances.fundId });
      // Not enough left: undo the claim too, so the application can be decided again later.
      if (guarded.length === 0) throw new Rollback({ outcome: 'insufficient' });
      await tx.insert(ledgerEntries).values({
        programmeId: input.programmeId,
        fundId: application.fundId,
        kind: 'commitment',
        amountCents: amounts.cents,
        hours: amounts.hours,
        year: commitmentYear(application),
        projectId: application.projectId,
        applicationId: application.id,
        note: input.note || null,
        actorUserId: input.actor.userId,
      });
    }
    await recordAudit(tx, {
      actor: input.actor,
      programmeId: input.programmeId,
      action: 'fund.award',
      objectType: 'fund_application',
      objectId: application.id,
      before: { status: application.status },
      after: { status, decision: input.decision, cents: amounts.cents, hours: amounts.hours, decisionId },
    });
    return { outcome: status === 'declined' ? 'declined' : status, cents: amounts.cents, hours: amounts.hours };
  });
}

/** A decision an award may rest on: recorded at a meeting of this programme's executive-level body. */
async function executiveDecision(tx: Db, programmeId: string, decisionId: string): Promise<void> {
  if (!UUID.test(decisionId)) throw new FundError('fund.error.decisionRef');
  const [found] = await tx
    .select({ id: decisions.id })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(decisions.id, decisionId), isExecutiveDecisionOf(programmeId)))
    .for('share');
  if (!found) throw new FundError('fund.error.decisionRef');
}

/** The year an award is booked in: the year its period starts. */
const commitmentYear = (application: { periodStart: string }) => Number(application.periodStart.slice(0, 4));

/** Payments and releases against one awarded application, limited to what it still has open. */
export async function recordMovement(
  db: Db,
  input: { actor: Actor; programmeId: string; applicationId: string; kind: 'payment' | 'release'; cents: number; hours: number; note?: string; idempotencyKey?: string | null },
) {
  requireRole(fundPolicy.manage(input.actor), `fund.${input.kind}`);
  if (input.cents < 0 || input.hours < 0 || input.cents + input.hours === 0) throw new FundError('fund.error.nothing');
  return once(db, { ...input, action: input.kind }, async (tx) => {
    // Lock the application row in its own statement first, then sum its entries.
    const locked = await tx.execute(sql`select id from fund_applications where id = ${input.applicationId} and programme_id = ${input.programmeId} for update`);
    if (((locked as unknown as { rows: unknown[] }).rows ?? []).length === 0) throw new FundError('fund.error.applicationNotFound');
    const [application] = await tx.select().from(fundApplications).where(eq(fundApplications.id, input.applicationId));
    const open = await openForApplication(tx, input.applicationId);
    if (input.cents > open.cents || input.hours > open.hours) throw new FundError(input.kind === 'payment' ? 'fund.error.payMoreThanOpen' : 'fund.error.releaseMoreThanOpen');
    const set =
      input.kind === 'payment'
        ? { paidCents: sql`${fundBalances.paidCents} + ${input.cents}`, paidHours: sql`${fundBalances.paidHours} + ${input.hours}` }
        : { committedCents: sql`${fundBalances.committedCents} - ${input.cents}`, committedHours: sql`${fundBalances.committedHours} - ${input.hours}` };
    await tx.update(fundBalances).set(set).where(eq(fundBalances.fundId, application!.fundId));
    const [entry] = await tx
      .insert(ledgerEntries)
      .values({
        programmeId: input.programmeId,
        fundId: application!.fundId,
        kind: input.kind,
        amountCents: input.cents,
        hours: input.hours,
        // A payment counts in the year it is made; a release undoes part of the commitment, so it
        // counts in the commitment's year (else that year keeps a commitment no one holds).
        year: input.kind === 'release' ? commitmentYear(application!) : new Date().getUTCFullYear(),
        projectId: application!.projectId,
        applicationId: application!.id,
        note: input.note || null,
        actorUserId: input.actor.userId,
      })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: `fund.${input.kind}`, objectType: 'ledger_entry', objectId: String(entry!.id), after: entry });
    return { outcome: 'recorded', entryId: entry!.id };
  });
}

/** What an application was awarded and has neither been paid nor released. */
export async function openForApplication(tx: Db, applicationId: string): Promise<Amounts> {
  const rows = await tx
    .select({
      cents: sql<string>`coalesce(sum(case when ${ledgerEntries.kind} = 'commitment' or ${ledgerEntries.corrects} = 'commitment' then ${ledgerEntries.amountCents} else -${ledgerEntries.amountCents} end), 0)`,
      hours: sql<string>`coalesce(sum(case when ${ledgerEntries.kind} = 'commitment' or ${ledgerEntries.corrects} = 'commitment' then ${ledgerEntries.hours} else -${ledgerEntries.hours} end), 0)`,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.applicationId, applicationId));
  return { cents: Number(rows[0]?.cents ?? 0), hours: Number(rows[0]?.hours ?? 0) };
}

/** A signed correction of a contribution; it may not take the fund below what is committed. */
export async function recordCorrection(
  db: Db,
  input: { actor: Actor; programmeId: string; fundId: string; organisationId: string | null; year: number; cents: number; hours: number; reason: string; idempotencyKey?: string | null },
) {
  requireRole(fundPolicy.manage(input.actor), 'fund.correct');
  if (input.cents === 0 && input.hours === 0) throw new FundError('fund.error.nothing');
  if (!input.reason.trim()) throw new FundError('fund.error.reasonRequired');
  return once(db, { ...input, action: 'correct' }, async (tx) => {
    const fund = await fundInProgramme(tx, input.programmeId, input.fundId);
    const guarded = await tx
      .update(fundBalances)
      .set({ contributedCents: sql`${fundBalances.contributedCents} + ${input.cents}`, contributedHours: sql`${fundBalances.contributedHours} + ${input.hours}` })
      .where(
        and(
          eq(fundBalances.fundId, fund.id),
          sql`${fundBalances.contributedCents} + ${input.cents} >= ${fundBalances.committedCents}`,
          sql`${fundBalances.contributedHours} + ${input.hours} >= ${fundBalances.committedHours}`,
        ),
      )
      .returning({ fundId: fundBalances.fundId });
    if (guarded.length === 0) throw new FundError('fund.error.wouldOvercommit');
    const [entry] = await tx
      .insert(ledgerEntries)
      .values({
        programmeId: input.programmeId,
        fundId: fund.id,
        kind: 'correction',
        corrects: 'contribution',
        amountCents: input.cents,
        hours: input.hours,
        year: input.year,
        organisationId: input.organisationId ?? fund.organisationId,
        note: input.reason.trim(),
        actorUserId: input.actor.userId,
      })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'fund.correct', objectType: 'ledger_entry', objectId: String(entry!.id), after: entry });
    return { outcome: 'recorded', entryId: entry!.id };
  });
}
