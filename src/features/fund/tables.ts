// The knowledge fund's tables. The ledger is append-only (a trigger refuses UPDATE and DELETE,
// see drizzle/*_fund_ledger_append_only.sql); the balance row per fund is the guard every award
// updates conditionally, with a CHECK constraint behind it, so no race can over-commit a fund.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../domain/localized.ts';
import { organisations, programmes, projects, users } from '../../db/schema.ts';
import { decisions } from '../meetings/tables.ts';

const money = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
const hours = (name: string) => integer(name).notNull().default(0);
const programmeRef = () =>
  uuid('programme_id')
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' });

export const FUND_KINDS = ['joint', 'earmarked'] as const;
export type FundKind = (typeof FUND_KINDS)[number];

/** One joint fund, or one fund per party earmarked for that party's resources and people. */
export const funds = pgTable(
  'funds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    kind: text('kind').$type<FundKind>().notNull(),
    /** The party whose earmark this is; null for the joint fund. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('funds_programme').on(t.programmeId),
    check('funds_kind_party', sql`(${t.kind} = 'joint' and ${t.organisationId} is null) or (${t.kind} = 'earmarked' and ${t.organisationId} is not null)`),
  ],
);

/** Running totals of a fund's ledger; the row every commitment locks by updating it. */
export const fundBalances = pgTable(
  'fund_balances',
  {
    fundId: uuid('fund_id')
      .primaryKey()
      .references(() => funds.id, { onDelete: 'cascade' }),
    programmeId: programmeRef(),
    contributedCents: money('contributed_cents'),
    committedCents: money('committed_cents'),
    paidCents: money('paid_cents'),
    contributedHours: hours('contributed_hours'),
    committedHours: hours('committed_hours'),
    paidHours: hours('paid_hours'),
  },
  (t) => [
    check('fund_balances_money', sql`${t.paidCents} >= 0 and ${t.paidCents} <= ${t.committedCents} and ${t.committedCents} <= ${t.contributedCents}`),
    check('fund_balances_hours', sql`${t.paidHours} >= 0 and ${t.paidHours} <= ${t.committedHours} and ${t.committedHours} <= ${t.contributedHours}`),
  ],
);

export const APPLICATION_STATUSES = ['submitted', 'advised', 'awarded', 'partial', 'declined'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const ADVICE_KINDS = ['support', 'support_partly', 'against'] as const;
export type AdviceKind = (typeof ADVICE_KINDS)[number];

export interface BudgetLine {
  description: string;
  cents: number;
}

export const fundApplications = pgTable(
  'fund_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    applicantUserId: uuid('applicant_user_id').references(() => users.id, { onDelete: 'set null' }),
    requestedCents: money('requested_cents'),
    requestedHours: hours('requested_hours'),
    purpose: jsonb('purpose').$type<LocalizedText>().notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    budgetLines: jsonb('budget_lines').$type<BudgetLine[]>().notNull().default([]),
    status: text('status').$type<ApplicationStatus>().notNull().default('submitted'),
    advice: text('advice').$type<AdviceKind>(),
    adviceNote: text('advice_note'),
    advisedByUserId: uuid('advised_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    advisedAt: timestamp('advised_at', { withTimezone: true }),
    decision: text('decision').$type<'full' | 'partial' | 'none'>(),
    awardedCents: money('awarded_cents'),
    awardedHours: hours('awarded_hours'),
    decisionNote: text('decision_note'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The steering group's recorded decision (an executive-level meeting's) the award rests on. */
    decisionId: uuid('decision_id').references(() => decisions.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fund_applications_programme').on(t.programmeId, t.status), index('fund_applications_project').on(t.projectId)],
);

export const LEDGER_KINDS = ['contribution', 'commitment', 'release', 'payment', 'correction'] as const;

/** Append-only: every movement of money or hours. Balances are derived from these rows. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    programmeId: programmeRef(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    kind: text('kind').$type<(typeof LEDGER_KINDS)[number]>().notNull(),
    /** Positive, except corrections, which are signed. */
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    hours: integer('hours').notNull(),
    corrects: text('corrects').$type<'contribution' | 'commitment' | 'payment'>(),
    /** The budget year the movement belongs to. */
    year: integer('year').notNull(),
    /** The contributing party (contributions), or the party a correction concerns. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    projectId: uuid('project_id').references(() => projects.id),
    applicationId: uuid('application_id').references(() => fundApplications.id),
    note: text('note'),
    actorUserId: uuid('actor_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_fund').on(t.fundId),
    index('ledger_entries_application').on(t.applicationId),
    index('ledger_entries_programme_year').on(t.programmeId, t.year),
    check('ledger_entries_sign', sql`${t.kind} = 'correction' or (${t.amountCents} >= 0 and ${t.hours} >= 0)`),
    check('ledger_entries_correction', sql`(${t.kind} = 'correction') = (${t.corrects} is not null)`),
  ],
);

/** One effect per key: a repeated form submission or retried request returns the first result. */
export const fundIdempotencyKeys = pgTable(
  'fund_idempotency_keys',
  {
    key: text('key').primaryKey(),
    programmeId: programmeRef(),
    userId: uuid('user_id'),
    action: text('action').notNull(),
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('fund_idempotency_scope').on(t.key, t.action)],
);
