// Writes on the fund's money: funds, the hours per FTE, contributions and corrections (the
// applications' writes are in application-commands.ts). Every command takes parsed input
// (schema.ts), checks permission itself, refuses per field as an Outcome and writes its audit row
// in one transaction. Contributions, commitments, payments and corrections change the fund's
// balance row with a conditional UPDATE (…WHERE committed + x <= contributed): the row lock it
// takes makes concurrent awards queue, and PostgreSQL re-checks the condition on the latest row
// version, so a fund is never over-committed (FACTS.md). The CHECK constraints on the row are the backstop.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { programmes, type FundAwardDecision } from '../../db/schema.ts';
import type { Actor } from '../../domain/policy.ts';
import { done, FORM_ERROR, refusedField, type Outcome } from '../../domain/outcome.ts';
import { authorize } from '../../policies.ts';
import { MAX_HOURS_PER_FTE, MIN_HOURS_PER_FTE, type ContributionInput, type CorrectionInput, type FundInput, type FundAwardRuleInput, type HoursPerFteInput } from './schema.ts';
import { fundBalances, fundIdempotencyKeys, funds, ledgerEntries } from './tables.ts';
import { isPartyOrUnit } from './queries.ts';
import { loadProgrammeParties } from '../agreement/party-queries.ts';

export interface FundCommand {
  actor: Actor | null;
  db: Db;
  programmeId: string;
}

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,80}$/;

/**
 * Runs `work` once per (user, action, key): the key row is inserted first in the same
 * transaction, so a concurrent duplicate waits for the first and then reads its stored result.
 * A refusal rolls everything back, the key's claim included, so the same key may be sent again.
 */
export async function once<T extends Record<string, unknown>>(
  input: FundCommand & { action: string; idempotencyKey?: string | null },
  work: (tx: Db) => Promise<Outcome<T>>,
): Promise<Outcome<T & { replayed?: boolean }>> {
  const actor = input.actor!;
  const key = input.idempotencyKey && IDEMPOTENCY_KEY.test(input.idempotencyKey) ? `${actor.userId}:${input.action}:${input.idempotencyKey}` : null;
  try {
    return await writeTransaction(input.db, async (tx): Promise<Outcome<T & { replayed?: boolean }>> => {
      if (key) {
        const claimed = await tx
          .insert(fundIdempotencyKeys)
          .values({ key, programmeId: input.programmeId, userId: actor.userId, action: input.action })
          .onConflictDoNothing()
          .returning({ key: fundIdempotencyKeys.key });
        if (claimed.length === 0) {
          const [stored] = await tx.select({ result: fundIdempotencyKeys.result }).from(fundIdempotencyKeys).where(eq(fundIdempotencyKeys.key, key));
          return done({ ...((stored?.result ?? {}) as T), replayed: true });
        }
      }
      const answer = await work(tx);
      if (answer.ok && key) await tx.update(fundIdempotencyKeys).set({ result: answer.value }).where(eq(fundIdempotencyKeys.key, key));
      return answer;
    });
  } catch (error) {
    // The balance row's CHECK constraints: the last guard against over-commitment.
    if (pgCode(error) === '23514') return refusedField(FORM_ERROR, 'fund.error.wouldOvercommit');
    throw error;
  }
}

/** A fund of this programme, for use inside a command's transaction. */
export async function fundInProgramme(tx: Db, programmeId: string, fundId: string) {
  const [fund] = await tx.select().from(funds).where(and(eq(funds.id, fundId), eq(funds.programmeId, programmeId)));
  return fund ?? null;
}

export async function createFund(input: FundCommand & { fund: FundInput }): Promise<Outcome<typeof funds.$inferSelect>> {
  authorize(input.actor, 'fund.manage');
  const { kind, party, name } = input.fund;
  if (kind === 'earmarked' && !party) return refusedField('party', 'fund.error.partyRequired');
  return writeTransaction(input.db, async (tx) => {
    if (kind === 'earmarked') {
      // "Geoormerkt per partner": an earmark belongs to a party itself, not to one of its units.
      if (!(await loadProgrammeParties(tx, input.programmeId)).partyOrganisationIds.has(party!)) return refusedField('party', 'fund.error.earmarkParty');
      const [existing] = await tx.select({ id: funds.id }).from(funds).where(and(eq(funds.programmeId, input.programmeId), eq(funds.organisationId, party!)));
      if (existing) return refusedField('party', 'fund.error.earmarkExists');
    }
    const [fund] = await tx
      .insert(funds)
      // A name given in one language stands for both.
      .values({ programmeId: input.programmeId, kind, organisationId: kind === 'earmarked' ? party! : null, name: { nl: name.nl || name.en, en: name.en || name.nl } })
      .returning();
    await tx.insert(fundBalances).values({ fundId: fund!.id, programmeId: input.programmeId });
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'fund.create', objectType: 'fund', objectId: fund!.id, after: fund });
    return done(fund!);
  });
}

/** The hours that make one FTE in this programme: what every hours figure is shown as FTE with. */
/**
 * The programme setting the agreement leaves open: whose confirmed decision an award rests on. The
 * coordinator sets it; the change and its audit row commit together.
 */
export async function setFundAwardDecision(input: FundCommand & { rule: FundAwardRuleInput }): Promise<Outcome<{ rule: FundAwardDecision }>> {
  authorize(input.actor, 'fund.manage');
  const rule = input.rule.rule;
  return writeTransaction(input.db, async (tx) => {
    const [before] = await tx.select({ rule: programmes.fundAwardDecision }).from(programmes).where(eq(programmes.id, input.programmeId)).for('update');
    if (before && before.rule !== rule) {
      await tx.update(programmes).set({ fundAwardDecision: rule }).where(eq(programmes.id, input.programmeId));
      await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'fund.awardDecision', objectType: 'programme', objectId: input.programmeId, before, after: { rule } });
    }
    return done({ rule });
  });
}

export async function setHoursPerFte(input: FundCommand & { hours: HoursPerFteInput }): Promise<Outcome<{ hoursPerFte: number }>> {
  authorize(input.actor, 'fund.manage');
  const { hoursPerFte } = input.hours;
  if (!Number.isInteger(hoursPerFte) || hoursPerFte < MIN_HOURS_PER_FTE || hoursPerFte > MAX_HOURS_PER_FTE) return refusedField('hoursPerFte', 'fund.error.hoursPerFte');
  return writeTransaction(input.db, async (tx) => {
    const [before] = await tx.select({ hoursPerFte: programmes.hoursPerFte }).from(programmes).where(eq(programmes.id, input.programmeId)).for('update');
    await tx.update(programmes).set({ hoursPerFte }).where(eq(programmes.id, input.programmeId));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'fund.hoursPerFte', objectType: 'programme', objectId: input.programmeId, before, after: { hoursPerFte } });
    return done({ hoursPerFte });
  });
}

export async function recordContribution(input: FundCommand & { contribution: ContributionInput }): Promise<Outcome<{ outcome: 'recorded'; entryId: number; replayed?: boolean }>> {
  authorize(input.actor, 'fund.contribute');
  const { fund: fundId, party, year, note } = input.contribution;
  const cents = input.contribution.amount ?? 0;
  const hours = input.contribution.hours ?? 0;
  if (cents + hours === 0) return refusedField('amount', 'fund.error.nothing');
  return once({ ...input, action: 'contribute', idempotencyKey: input.contribution.idem }, async (tx) => {
    const fund = await fundInProgramme(tx, input.programmeId, fundId);
    if (!fund) return refusedField('fund', 'fund.error.fundRequired');
    if (fund.kind === 'earmarked' && fund.organisationId !== party) return refusedField('party', 'fund.error.otherEarmark');
    if (!(await isPartyOrUnit(tx, input.programmeId, party))) return refusedField('party', 'fund.error.partyRequired');
    await tx
      .update(fundBalances)
      .set({ contributedCents: sql`${fundBalances.contributedCents} + ${cents}`, contributedHours: sql`${fundBalances.contributedHours} + ${hours}` })
      .where(eq(fundBalances.fundId, fund.id));
    const [entry] = await tx
      .insert(ledgerEntries)
      .values({ programmeId: input.programmeId, fundId: fund.id, kind: 'contribution', amountCents: cents, hours, year, organisationId: party, note: note || null, actorUserId: input.actor!.userId })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'fund.contribute', objectType: 'ledger_entry', objectId: String(entry!.id), after: entry });
    return done({ outcome: 'recorded' as const, entryId: entry!.id });
  });
}

/** A signed correction of a contribution; it may not take the fund below what is committed. */
export async function recordCorrection(input: FundCommand & { correction: CorrectionInput }): Promise<Outcome<{ outcome: 'recorded'; entryId: number; replayed?: boolean }>> {
  authorize(input.actor, 'fund.correct');
  const { fund: fundId, party, year, direction, reason } = input.correction;
  const sign = direction === 'down' ? -1 : 1;
  const cents = sign * (input.correction.amount ?? 0);
  const hours = sign * (input.correction.hours ?? 0);
  if (cents === 0 && hours === 0) return refusedField('amount', 'fund.error.nothing');
  return once({ ...input, action: 'correct', idempotencyKey: input.correction.idem }, async (tx) => {
    const fund = await fundInProgramme(tx, input.programmeId, fundId);
    if (!fund) return refusedField('fund', 'fund.error.fundRequired');
    if (party) {
      if (!(await isPartyOrUnit(tx, input.programmeId, party))) return refusedField('party', 'fund.error.partyRequired');
    }
    const guarded = await tx
      .update(fundBalances)
      .set({ contributedCents: sql`${fundBalances.contributedCents} + ${cents}`, contributedHours: sql`${fundBalances.contributedHours} + ${hours}` })
      .where(
        and(
          eq(fundBalances.fundId, fund.id),
          sql`${fundBalances.contributedCents} + ${cents} >= ${fundBalances.committedCents}`,
          sql`${fundBalances.contributedHours} + ${hours} >= ${fundBalances.committedHours}`,
        ),
      )
      .returning({ fundId: fundBalances.fundId });
    if (guarded.length === 0) return refusedField('amount', 'fund.error.wouldOvercommit');
    const [entry] = await tx
      .insert(ledgerEntries)
      .values({
        programmeId: input.programmeId,
        fundId: fund.id,
        kind: 'correction',
        corrects: 'contribution',
        amountCents: cents,
        hours,
        year,
        organisationId: party ?? fund.organisationId,
        note: reason,
        actorUserId: input.actor!.userId,
      })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'fund.correct', objectType: 'ledger_entry', objectId: String(entry!.id), after: entry });
    return done({ outcome: 'recorded' as const, entryId: entry!.id });
  });
}
