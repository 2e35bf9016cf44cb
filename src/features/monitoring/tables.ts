// Monitoring's own tables: measurements of targets, progress reports per project and period,
// the mail outbox, users' mail preferences and the scheduled jobs that send reminders.
import { bigserial, boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../domain/localized.ts';
import { programmes, projects, targets, users } from '../../db/schema.ts';

export const measurements = pgTable(
  'measurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    targetId: uuid('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    measuredOn: date('measured_on').notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source').notNull(),
    enteredByUserId: uuid('entered_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Kept when the account is erased, so the history still says who entered the figure. */
    enteredByName: text('entered_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('measurements_target_on').on(t.targetId, t.measuredOn)],
);

export const REPORT_STATUSES = ['on_track', 'at_risk', 'off_track'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** A reporting period such as "2026-Q4". */
    period: text('period').notNull(),
    status: text('status').$type<ReportStatus>().notNull(),
    narrative: jsonb('narrative').$type<LocalizedText>().notNull().default({}),
    filedByUserId: uuid('filed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    filedByName: text('filed_by_name').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('progress_reports_project_period').on(t.projectId, t.period), index('progress_reports_programme_period').on(t.programmeId, t.period)],
);

/** Every mail the app sends, kept: the outbox admins read when no SMTP server is configured. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** 'pending' (being sent), 'outbox' (no SMTP configured), 'smtp' (handed to the server) or 'failed'. */
    delivery: text('delivery').notNull(),
    error: text('error'),
    /**
     * One mail per job run and recipient (e.g. "job:12:deadlines:<user>"): a job re-run after a
     * crash skips what the crashed run already sent. Null for mails sent outside a job.
     */
    dedupeKey: text('dedupe_key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_created').on(t.createdAt)],
);

export const mailPreferences = pgTable('mail_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Language of the mails; null = the account's language. */
  locale: text('locale').$type<'nl' | 'en'>(),
  /** Reminders of actions due soon or overdue. */
  reminders: boolean('reminders').notNull().default(true),
  /** Reminders of a missing progress report. */
  reportReminders: boolean('report_reminders').notNull().default(true),
  digest: boolean('digest').notNull().default(true),
  meetingInvitations: boolean('meeting_invitations').notNull().default(true),
  /** Secret in every mail's unsubscribe link; works without signing in. */
  unsubscribeToken: text('unsubscribe_token').notNull().unique(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Scheduled work. One row per job and slot (unique): every instance may schedule the same slot,
 * only one row exists, and only one instance can claim it (UPDATE ... FOR UPDATE SKIP LOCKED).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    state: text('state').$type<'pending' | 'running' | 'done' | 'failed'>().notNull().default('pending'),
    claimedBy: text('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** The claim holds until then; the running instance extends it (heartbeat), a crashed one lets it expire. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    result: text('result'),
  },
  (t) => [uniqueIndex('jobs_name_run_at').on(t.name, t.runAt), index('jobs_state_run_at').on(t.state, t.runAt)],
);
