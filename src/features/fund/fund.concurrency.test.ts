// The never-over-committed invariant under load: hundreds of simultaneous award decisions
// against a small fund, repeated, on PGlite and PostgreSQL. After each round the balance row
// must satisfy committed ≤ contributed and equal the sum of the ledger.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { databaseModes, openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { organisations, programmes, projects, users } from '../../db/schema.ts';
import type { Actor } from '../../domain/policy.ts';
import { isConsistent } from '../../domain/ledger.ts';
import type { Outcome } from '../../domain/outcome.ts';
import { awardApplication, recordMovement, type AwardResult } from './application-commands.ts';
import { createFund, recordContribution } from './commands.ts';
import { ledgerMatchesBalance } from './queries.ts';
import { fundApplications, ledgerEntries } from './tables.ts';
import { heldDecision } from '../../../test/support/decisions.ts';

const CONCURRENT = 220;

/** What an award answered: its outcome, or the refusal's message key. */
const answerOf = (answer: Outcome<AwardResult>) => (answer.ok ? answer.value.outcome : answer.errors._form?.key ?? JSON.stringify(answer.errors));
const ROUNDS = 3;
const BUDGET_CENTS = 1_000_00;
const ASK_CENTS = 30_00;

for (const mode of databaseModes()) {
  describe(`fund concurrency (${mode})`, () => {
    let database: TestDatabase;
    let programmeId: string;
    /** The confirmed executive decision every award here rests on. */
    let decisionId: string;
    let projectId: string;
    let partyId: string;
    let coordinator: Actor;
    let executive: Actor;
    const figures: string[] = [];

    before(async () => {
      if (mode === 'postgres') process.env.DATABASE_POOL_SIZE = '40';
      database = await openTestDatabase(mode);
      delete process.env.DATABASE_POOL_SIZE;
      const db = database.db;
      [{ id: programmeId }] = (await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden'))) as [{ id: string }];
      [{ id: projectId }] = (await db.select({ id: projects.id }).from(projects).where(and(eq(projects.programmeId, programmeId), eq(projects.code, '3a')))) as [{ id: string }];
      [{ id: partyId }] = (await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.programmeId, programmeId), eq(organisations.slug, 'lumc')))) as [{ id: string }];
      const made = await db
        .insert(users)
        .values([
          { email: `coord-${randomUUID()}@example.org`, displayName: 'Coordinator' },
          { email: `exec-${randomUUID()}@example.org`, displayName: 'Executive' },
        ])
        .returning({ id: users.id });
      coordinator = { userId: made[0]!.id, displayName: 'Coordinator', programmeId, assignments: [{ role: 'coordinator' }] };
      executive = { userId: made[1]!.id, displayName: 'Executive', programmeId, assignments: [{ role: 'executive' }] };
      ({ decisionId } = await heldDecision(db, { programmeId }));
    });
    after(async () => {
      if (figures.length) console.log(`# ${mode}: ${figures.join('; ')}`);
      await database.close();
    });

    async function fundWithApplications(count: number, budgetCents: number, budgetHours: number) {
      const db = database.db;
      const created = await createFund({ actor: coordinator, db, programmeId, fund: { kind: 'joint', name: { nl: 'Kennisfonds', en: 'Knowledge fund' } } });
      assert.ok(created.ok);
      const fund = created.value;
      assert.ok((await recordContribution({ actor: coordinator, db, programmeId, contribution: { fund: fund.id, party: partyId, year: 2018, amount: budgetCents, hours: budgetHours } })).ok);
      const rows = await db
        .insert(fundApplications)
        .values(
          Array.from({ length: count }, (_, i) => ({
            programmeId,
            fundId: fund.id,
            projectId,
            requestedCents: ASK_CENTS,
            requestedHours: 1,
            purpose: { nl: `Aanvraag ${i}`, en: `Application ${i}` },
            periodStart: '2018-01-01',
            periodEnd: '2018-12-31',
          })),
        )
        .returning({ id: fundApplications.id });
      return { fund, applicationIds: rows.map((r) => r.id) };
    }

    for (let round = 1; round <= ROUNDS; round++) {
      test(`round ${round}: ${CONCURRENT} simultaneous awards (plus repeats with the same key) never over-commit`, async () => {
        const db = database.db;
        const { fund, applicationIds } = await fundWithApplications(CONCURRENT, BUDGET_CENTS, 100);
        const keys = applicationIds.map(() => randomUUID());
        const started = performance.now();
        const award = (applicationId: string, key: string) => awardApplication({ actor: executive, db, programmeId, application: { id: applicationId, projectId }, award: { decisionId, decision: 'full', idem: key } });
        const requests = applicationIds.map((applicationId, i) => award(applicationId, keys[i]!));
        // The first 30 requests are sent a second time with the same key, at the same moment.
        const repeats = applicationIds.slice(0, 30).map((applicationId, i) => award(applicationId, keys[i]!));
        const results = (await Promise.all([...requests, ...repeats])).map(answerOf);
        const ms = Math.round(performance.now() - started);
        const counts: Record<string, number> = {};
        for (const r of results.slice(0, CONCURRENT)) counts[r] = (counts[r] ?? 0) + 1;

        const check = await ledgerMatchesBalance(db, fund.id);
        assert.ok(check.equal, `ledger ${JSON.stringify(check.fromLedger)} equals balance row ${JSON.stringify(check.fromRow)}`);
        assert.ok(isConsistent(check.fromRow), `invariant holds: ${JSON.stringify(check.fromRow)}`);
        assert.ok(check.fromRow.committed.cents + 0 <= check.fromRow.contributed.cents);
        const maxAwards = Math.floor(BUDGET_CENTS / ASK_CENTS);
        assert.equal(counts.awarded, maxAwards, `exactly ${maxAwards} awards fit: ${JSON.stringify(counts)}`);
        assert.equal(counts['fund.error.insufficient'], CONCURRENT - maxAwards);
        assert.equal(check.fromRow.committed.cents, maxAwards * ASK_CENTS);
        const [commitments] = await db.select({ n: sql<number>`count(*)::int` }).from(ledgerEntries).where(and(eq(ledgerEntries.fundId, fund.id), eq(ledgerEntries.kind, 'commitment')));
        assert.equal(commitments!.n, maxAwards, 'one ledger entry per award; repeated keys added nothing');
        const awardedRows = await db.select({ n: sql<number>`count(*)::int` }).from(fundApplications).where(and(eq(fundApplications.fundId, fund.id), eq(fundApplications.status, 'awarded')));
        assert.equal(awardedRows[0]!.n, maxAwards);
        // Each repeat answered like its original (a replay or the same decision).
        for (let i = 0; i < 30; i++) {
          const first = results[i]!;
          const repeat = results[CONCURRENT + i]!;
          if (first === 'awarded') assert.ok(repeat === 'awarded' || repeat === 'fund.error.alreadyDecided', `repeat ${i}: ${repeat}`);
        }
        figures.push(`round ${round}: ${CONCURRENT}+30 requests in ${ms} ms, ${JSON.stringify(counts)}, committed €${check.fromRow.committed.cents / 100} of €${check.fromRow.contributed.cents / 100}`);
      });
    }

    test('one idempotency key sent 25 times at once has one effect', async () => {
      const db = database.db;
      const { fund, applicationIds } = await fundWithApplications(1, BUDGET_CENTS, 100);
      const key = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 25 }, () => awardApplication({ actor: executive, db, programmeId, application: { id: applicationIds[0]!, projectId }, award: { decisionId, decision: 'full', idem: key } })),
      );
      assert.ok(results.every((r) => r.ok && r.value.outcome === 'awarded'), JSON.stringify(results.map(answerOf)));
      assert.equal(results.filter((r) => r.ok && !r.value.replayed).length, 1);
      const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.fundId, fund.id));
      assert.equal(entries.filter((e) => e.kind === 'commitment').length, 1);
      assert.ok((await ledgerMatchesBalance(db, fund.id)).equal);
    });

    test('concurrent payments never exceed what an award left open', async () => {
      const db = database.db;
      const { fund, applicationIds } = await fundWithApplications(1, BUDGET_CENTS, 100);
      assert.ok((await awardApplication({ actor: executive, db, programmeId, application: { id: applicationIds[0]!, projectId }, award: { decisionId, decision: 'full' } })).ok);
      const attempts = await Promise.all(
        Array.from({ length: 40 }, () => recordMovement({ actor: coordinator, db, programmeId, application: { id: applicationIds[0]! }, movement: { movement: 'payment', amount: 10_00 } })),
      );
      assert.equal(attempts.filter((a) => a.ok).length, 3, '€30 awarded pays out 3 × €10');
      assert.ok(attempts.every((a) => a.ok || a.errors.amount?.key === 'fund.error.payMoreThanOpen'), 'every other payment is refused as more than is open');
      const check = await ledgerMatchesBalance(db, fund.id);
      assert.ok(check.equal);
      assert.equal(check.fromRow.paid.cents, 30_00);
      assert.ok(isConsistent(check.fromRow));
    });

    test('the ledger refuses UPDATE and DELETE', async () => {
      const db = database.db;
      await assert.rejects(db.execute(sql`update ledger_entries set amount_cents = amount_cents + 1`));
      await assert.rejects(db.execute(sql`delete from ledger_entries`));
      await assert.rejects(db.execute(sql`update fund_balances set committed_cents = contributed_cents + 1`), 'CHECK constraint refuses over-commitment');
    });
  });
}
