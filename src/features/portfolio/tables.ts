// Tables of the portfolio's admission, joining and cross-over records. Every row carries
// programme_id; decisions and consultations are append-only records (a new row corrects an old one).
import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../domain/localized.ts';
import { organisations, programmes, projects, users } from '../../db/schema.ts';

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
 * The support steering group's recommendation and the executive steering group's decision on a
 * proposal. `meetingId` is filled in by the meetings capability when it links the decision.
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
    meetingId: uuid('meeting_id'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedByLabel: text('recorded_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('admission_decisions_project').on(t.projectId, t.createdAt)],
);

/** The steering group consulted before an organisation joins a running project. */
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
