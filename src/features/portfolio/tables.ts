// Tables of the portfolio's admission, joining and cross-over records. Every row carries
// programme_id; decisions and consultations are append-only records (a new row corrects an old one).
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../domain/localized.ts';
import { organisations, programmes, projects, users } from '../../db/schema.ts';
import { decisions } from '../meetings/tables.ts';

const text2 = (name: string) => jsonb(name).$type<LocalizedText>();
const programmeRef = () =>
  uuid('programme_id')
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' });
const projectRef = (name = 'project_id') =>
  uuid(name)
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' });

/** A judgement on criterion c or d with its reasoning; the newest per criterion counts. */
export const criterionJudgements = pgTable(
  'criterion_judgements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    projectId: projectRef(),
    criterion: text('criterion').$type<'c' | 'd'>().notNull(),
    met: boolean('met').notNull(),
    reasoning: text2('reasoning').notNull(),
    judgedBy: uuid('judged_by').references(() => users.id, { onDelete: 'set null' }),
    judgedByLabel: text('judged_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('criterion_judgements_project').on(t.projectId, t.criterion, t.createdAt)],
);

export const DECISION_KINDS = ['recommendation', 'decision'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/**
 * Where an admission comes from: a decision of the executive steering group taken at a held
 * meeting (`decision`), or the agreement itself, whose annex admitted the first projects
 * (`agreement`).
 */
export const ADMISSION_SOURCES = ['decision', 'agreement'] as const;
export type AdmissionSource = (typeof ADMISSION_SOURCES)[number];

/**
 * The support steering group's recommendation and the executive steering group's decision on a
 * proposal. A decision names its source: the confirmed meeting decision it rests on (`decisionId`,
 * with its meeting in `meetingId` and that meeting's date in `decidedOn`), or the agreement.
 */
export const admissionDecisions = pgTable(
  'admission_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    projectId: projectRef(),
    kind: text('kind').$type<DecisionKind>().notNull(),
    outcome: text('outcome').$type<'admit' | 'reject'>().notNull(),
    reasons: text2('reasons').notNull(),
    decidedOn: date('decided_on').notNull(),
    source: text('source').$type<AdmissionSource>().notNull().default('decision'),
    decisionId: uuid('decision_id').references(() => decisions.id, { onDelete: 'restrict' }),
    meetingId: uuid('meeting_id'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedByLabel: text('recorded_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('admission_decisions_project').on(t.projectId, t.createdAt)],
);

export const ADVICE_LEVELS = ['support', 'executive'] as const;
export type AdviceLevel = (typeof ADVICE_LEVELS)[number];

/**
 * The steering group's advice when a lead lets an organisation that is not a party join a project
 * ("in overleg met de stuurgroep"): which level advised, and whether it agreed or objected. The
 * lead decides; an objection is recorded and shown with the partner, it does not block.
 */
export const partnerConsultations = pgTable(
  'partner_consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    projectId: projectRef(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    consultedOn: date('consulted_on').notNull(),
    level: text('level').$type<AdviceLevel>().notNull().default('support'),
    outcome: text('outcome').$type<'agreed' | 'objection'>().notNull(),
    note: text2('note').notNull().default({}),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedByLabel: text('recorded_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partner_consultations_project').on(t.projectId)],
);

/** A link between two projects with its reason; stored once, with the lower id first. */
export const crossOvers = pgTable(
  'cross_overs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    projectAId: projectRef('project_a_id'),
    projectBId: projectRef('project_b_id'),
    reason: text2('reason').notNull(),
    /** Default data not taken from the agreement's text: shown labelled "voorbeeld / example" until the coordinator edits it. */
    example: boolean('example').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cross_overs_pair').on(t.projectAId, t.projectBId), index('cross_overs_programme').on(t.programmeId)],
);

export const JOIN_REQUEST_STATUSES = ['requested', 'accepted', 'declined', 'withdrawn'] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

/**
 * A partner organisation's contact asks to join a project: their motivation (at least in their own
 * language), and what became of it — accepted by the lead (through the same joinProject command
 * as adding a partner, with the steering group's advice where the rules ask for it), declined with
 * a reason, or withdrawn by the requester. At most one open request per project and organisation.
 */
export const joinRequests = pgTable(
  'join_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    projectId: projectRef(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    motivation: text2('motivation').notNull(),
    status: text('status').$type<JoinRequestStatus>().notNull().default('requested'),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedByLabel: text('requested_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who accepted, declined or withdrew it, when, and why (a decline always says why). */
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedByLabel: text('decided_by_label'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text2('reason').notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic concurrency (src/db/versioned.ts): a decision names the version it was shown. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('join_requests_project').on(t.projectId, t.createdAt),
    uniqueIndex('join_requests_one_open').on(t.projectId, t.organisationId).where(sql`status = 'requested'`),
  ],
);
