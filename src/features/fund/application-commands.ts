// Writes on applications: a lead applies, the support level advises, the executive level awards
// (committing money and hours from the fund), and the coordinator records payments and releases.
// Same shape as commands.ts: parsed input, permission checked first, refusals per field as an
// Outcome, the audit row in the same transaction, and `once` per idempotency key.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { bodies, projects, type FundAwardDecision } from '../../db/schema.ts';
import { awardAmounts, type Amounts } from '../../domain/ledger.ts';
import { done, FORM_ERROR, refused, refusedField, type FieldErrors, type Outcome } from '../../domain/outcome.ts';
import { authorize, can } from '../../policies.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { fundInProgramme, once, type FundCommand } from './commands.ts';
import type { ApplicationRef } from './policy.ts';
import { fundAwardDecision, isAwardDecisionOf } from './queries.ts';
import type { AdviceInput, ApplicationInput, AwardInput, MovementInput } from './schema.ts';
import { fundApplications, fundBalances, ledgerEntries } from './tables.ts';
import { now } from '../../clock.ts';

/** The application a command decides on, as the route loaded it. */
type Application = ApplicationRef & { id: string };

export async function submitApplication(input: FundCommand & { application: ApplicationInput }): Promise<Outcome<{ outcome: 'submitted'; applicationId: string; replayed?: boolean }>> {
  authorize(input.actor, 'fund.apply');
  const { project: projectId, fund: fundId, purpose, periodStart, periodEnd } = input.application;
  const cents = input.application.amount ?? 0;
  const hours = input.application.hours ?? 0;
  const problems: FieldErrors = {};
  if (!can(input.actor, 'fund.applyFor', { id: projectId })) problems.project = { key: 'fund.error.projectRequired' };
  if (cents + hours === 0) problems.amount = { key: 'fund.error.nothing' };
  if (periodEnd < periodStart) problems.periodEnd = { key: 'fund.error.periodOrder' };
  if (Object.keys(problems).length > 0) return refused(problems);
  return once({ ...input, action: 'apply', idempotencyKey: input.application.idem }, async (tx) => {
    if (!(await fundInProgramme(tx, input.programmeId, fundId))) return refusedField('fund', 'fund.error.fundRequired');
    const [project] = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.id, projectId), eq(projects.programmeId, input.programmeId)));
    if (!project) return refusedField('project', 'fund.error.projectRequired');
    const [application] = await tx
      .insert(fundApplications)
      .values({
        programmeId: input.programmeId,
        fundId,
        projectId,
        applicantUserId: input.actor!.userId,
        requestedCents: cents,
        requestedHours: hours,
        purpose,
        periodStart,
        periodEnd,
        budgetLines: input.application.budgetLines ?? [],
      })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'fund.apply', objectType: 'fund_application', objectId: application!.id, after: application });
    return done({ outcome: 'submitted' as const, applicationId: application!.id });
  });
}

export async function adviseApplication(input: FundCommand & { application: Application; advice: AdviceInput }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'fund.advise', input.application);
  const { advice } = input.advice;
  const note = input.advice.note ?? '';
  return writeTransaction(input.db, async (tx) => {
    const [updated] = await tx
      .update(fundApplications)
      .set({ advice, adviceNote: note, advisedByUserId: input.actor!.userId, advisedAt: now(), status: 'advised' })
      .where(and(eq(fundApplications.id, input.application.id), eq(fundApplications.programmeId, input.programmeId), inArray(fundApplications.status, ['submitted', 'advised'])))
      .returning();
    if (!updated) return refusedField(FORM_ERROR, 'fund.error.alreadyDecided');
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'fund.advise', objectType: 'fund_application', objectId: updated.id, after: { advice, note } });
    return done({ id: updated.id });
  });
}

export type AwardResult = { outcome: 'awarded' | 'partial' | 'declined'; cents: number; hours: number; replayed?: boolean };

/** Refusals of an award that are about the application's or the fund's state, not the form: answered 409. */
export const AWARD_CONFLICTS = ['fund.error.insufficient', 'fund.error.alreadyDecided'];

/**
 * The executive level's decision: full, partial or none. Commits money and hours from the fund;
 * refused when the fund has not enough left (nothing is claimed then, so it can be decided later)
 * or the application was decided already.
 */
export async function awardApplication(input: FundCommand & { application: Application; award: AwardInput }): Promise<Outcome<AwardResult>> {
  authorize(input.actor, 'fund.award', input.application);
  const { decision, note } = input.award;
  const decisionId = input.award.decisionId ?? null;
  const partial = decision === 'partial' ? { cents: input.award.amount ?? 0, hours: input.award.hours ?? 0 } : undefined;
  return once({ ...input, action: 'award', idempotencyKey: input.award.idem }, async (tx): Promise<Outcome<AwardResult>> => {
    // Every outcome (full, partial, none) is the body's decision: it names the confirmed decision it rests on.
    const rule = await fundAwardDecision(tx, input.programmeId);
    if (!decisionId || !(await isAwardDecision(tx, input.programmeId, rule, decisionId))) return refusedField('decisionId', rule === 'either' ? 'fund.error.decisionRefEither' : 'fund.error.decisionRef');
    const [application] = await tx.select().from(fundApplications).where(and(eq(fundApplications.id, input.application.id), eq(fundApplications.programmeId, input.programmeId)));
    if (!application) return refusedField(FORM_ERROR, 'fund.error.applicationNotFound');
    const amounts = awardAmounts(decision, { cents: application.requestedCents, hours: application.requestedHours }, partial);
    if (amounts === 'invalid') return refusedField('amount', 'fund.error.partialRange');
    const status = decision === 'full' ? 'awarded' : decision === 'partial' ? 'partial' : 'declined';
    // Claim the application: only an undecided one can be decided, once.
    const [claimed] = await tx
      .update(fundApplications)
      .set({ status, decision, awardedCents: amounts.cents, awardedHours: amounts.hours, decisionNote: note || null, decisionId, decidedByUserId: input.actor!.userId, decidedAt: now() })
      .where(and(eq(fundApplications.id, application.id), inArray(fundApplications.status, ['submitted', 'advised'])))
      .returning({ id: fundApplications.id });
    if (!claimed) return refusedField(FORM_ERROR, 'fund.error.alreadyDecided');
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
      // Not enough left: the refusal rolls the claim back too, so the application can be decided again later.
      if (guarded.length === 0) {
        // Say what is left, so the body can decide a partial award instead.
        const [left] = await tx.select().from(fundBalances).where(eq(fundBalances.fundId, application.fundId));
        const available = { cents: (left?.contributedCents ?? 0) - (left?.committedCents ?? 0), hours: (left?.contributedHours ?? 0) - (left?.committedHours ?? 0) };
        return refusedField(FORM_ERROR, 'fund.error.insufficient', { amount: available.cents / 100, hours: available.hours });
      }
      await tx.insert(ledgerEntries).values({
        programmeId: input.programmeId,
        fundId: application.fundId,
        kind: 'commitment',
        amountCents: amounts.cents,
        hours: amounts.hours,
        year: commitmentYear(application),
        projectId: application.projectId,
        applicationId: application.id,
        note: note || null,
        actorUserId: input.actor!.userId,
      });
    }
    await recordAudit(tx, {
      actor: input.actor,
      programmeId: input.programmeId,
      action: 'fund.award',
      objectType: 'fund_application',
      objectId: application.id,
      before: { status: application.status },
      after: { status, decision, cents: amounts.cents, hours: amounts.hours, decisionId },
    });
    return done({ outcome: status, cents: amounts.cents, hours: amounts.hours });
  });
}

/** A decision an award may rest on: confirmed, of a meeting of this programme's body of the level the setting names. */
async function isAwardDecision(tx: Db, programmeId: string, rule: FundAwardDecision, decisionId: string): Promise<boolean> {
  const [found] = await tx
    .select({ id: decisions.id })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(decisions.id, decisionId), isAwardDecisionOf(programmeId, rule)))
    .for('share');
  return !!found;
}

/** The year an award is booked in: the year its period starts. */
const commitmentYear = (application: { periodStart: string }) => Number(application.periodStart.slice(0, 4));

/** Payments and releases against one awarded application, limited to what it still has open. */
export async function recordMovement(input: FundCommand & { application: { id: string }; movement: MovementInput }): Promise<Outcome<{ outcome: 'recorded'; entryId: number; replayed?: boolean }>> {
  authorize(input.actor, 'fund.pay');
  const kind = input.movement.movement;
  const cents = input.movement.amount ?? 0;
  const hours = input.movement.hours ?? 0;
  const note = input.movement.note;
  if (cents + hours === 0) return refusedField('amount', 'fund.error.nothing');
  return once({ ...input, action: kind, idempotencyKey: input.movement.idem }, async (tx) => {
    // Lock the application row in its own statement first, then sum its entries.
    const locked = await tx.execute(sql`select id from fund_applications where id = ${input.application.id} and programme_id = ${input.programmeId} for update`);
    if (((locked as unknown as { rows: unknown[] }).rows ?? []).length === 0) return refusedField(FORM_ERROR, 'fund.error.applicationNotFound');
    const [application] = await tx.select().from(fundApplications).where(eq(fundApplications.id, input.application.id));
    const open = await openForApplication(tx, input.application.id);
    if (cents > open.cents || hours > open.hours) return refusedField('amount', kind === 'payment' ? 'fund.error.payMoreThanOpen' : 'fund.error.releaseMoreThanOpen');
    const set =
      kind === 'payment'
        ? { paidCents: sql`${fundBalances.paidCents} + ${cents}`, paidHours: sql`${fundBalances.paidHours} + ${hours}` }
        : { committedCents: sql`${fundBalances.committedCents} - ${cents}`, committedHours: sql`${fundBalances.committedHours} - ${hours}` };
    await tx.update(fundBalances).set(set).where(eq(fundBalances.fundId, application!.fundId));
    const [entry] = await tx
      .insert(ledgerEntries)
      .values({
        programmeId: input.programmeId,
        fundId: application!.fundId,
        kind,
        amountCents: cents,
        hours,
        // A payment counts in the year it is made; a release undoes part of the commitment, so it
        // counts in the commitment's year (else that year keeps a commitment no one holds).
        year: kind === 'release' ? commitmentYear(application!) : now().getUTCFullYear(),
        projectId: application!.projectId,
        applicationId: application!.id,
        note: note || null,
        actorUserId: input.actor!.userId,
      })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: `fund.${kind}`, objectType: 'ledger_entry', objectId: String(entry!.id), after: entry });
    return done({ outcome: 'recorded' as const, entryId: entry!.id });
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
