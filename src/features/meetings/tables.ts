// The steering group at work: who sits in which body, its meetings with their ordered agenda,
// documents, minutes, decisions (and the proposals that prepare them) and the action list that
// is carried from meeting to meeting until done.
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../domain/localized.ts';
import { bodies, organisations, people, programmes, projects, users } from '../../db/schema.ts';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const text2 = (name: string) => jsonb(name).$type<LocalizedText>();
const programmeRef = () =>
  uuid('programme_id')
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' });

export const MEMBER_POSITIONS = ['chair', 'member', 'secretary'] as const;
export type MemberPosition = (typeof MEMBER_POSITIONS)[number];

/** A seat in a body for a term; leaving sets `endsOn`, a replacement is a new membership. */
export const bodyMemberships = pgTable(
  'body_memberships',
  {
    id: id(),
    programmeId: programmeRef(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    position: text('position').$type<MemberPosition>().notNull().default('member'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    /** The membership this one took over from, when someone was replaced. */
    replacesId: uuid('replaces_id'),
    /** Default data not taken from the agreement's text: shown labelled "voorbeeld / example" until the coordinator edits it. */
    example: boolean('example').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('body_memberships_body').on(t.bodyId)],
);

export const MEETING_STATES = ['planned', 'held', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    programmeId: programmeRef(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'cascade' }),
    /** Instants in UTC; entered and shown in Europe/Amsterdam time. */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location').notNull().default(''),
    onlineUrl: text('online_url'),
    state: text('state').$type<MeetingState>().notNull().default('planned'),
    /** Why the meeting was cancelled, as the secretary gave it (shown on its page); null otherwise. */
    cancelReason: text('cancel_reason'),
    minutes: text2('minutes').notNull().default({}),
    /**
     * Set when the minutes were approved: at the body's next meeting (minutesApprovedInMeetingId) or,
     * when the programme does not approve them at the next meeting, marked final by the secretary
     * (minutesApprovedInMeetingId null). From then on minutes, agenda items and decisions are frozen.
     */
    minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
    minutesApprovedInMeetingId: uuid('minutes_approved_in_meeting_id'),
    /** Counts every change, so ICS clients see SEQUENCE go up. */
    sequence: integer('sequence').notNull().default(0),
    /**
     * Counts saves of the minutes: the minutes form names the version it was opened at and a stale
     * save is refused (two tabs, two secretaries). Apart from `sequence`, so a rescheduled meeting
     * does not make an open minutes form stale.
     */
    minutesVersion: integer('minutes_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meetings_body_starts').on(t.bodyId, t.startsAt), index('meetings_programme_starts').on(t.programmeId, t.startsAt)],
);

export const AGENDA_ITEM_KINDS = ['information', 'discussion', 'decision'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const agendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: id(),
    programmeId: programmeRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').$type<AgendaItemKind>().notNull(),
    title: text2('title').notNull(),
    notes: text2('notes').notNull().default({}),
    /** Set when the item puts a support meeting's proposal before the executive level. */
    proposalId: uuid('proposal_id'),
    /** Withdrawn items stay in the record (audited), shown as withdrawn. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** Counts edits: a save names the version it started from (src/db/versioned.ts). */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('meeting_agenda_items_meeting').on(t.meetingId, t.position)],
);

export const agendaItemProjects = pgTable(
  'meeting_agenda_item_projects',
  {
    id: id(),
    programmeId: programmeRef(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
  },
  (t) => [index('meeting_agenda_item_projects_item').on(t.agendaItemId)],
);

/** A document for an agenda item, referenced by its address (the document store holds the file). */
export const meetingDocuments = pgTable(
  'meeting_documents',
  {
    id: id(),
    programmeId: programmeRef(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    title: text2('title').notNull(),
    url: text('url').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('meeting_documents_item').on(t.agendaItemId)],
);

/** Prepared at a support meeting for the executive level; `decisionId` closes the trail. */
export const decisionProposals = pgTable(
  'decision_proposals',
  {
    id: id(),
    programmeId: programmeRef(),
    preparedInMeetingId: uuid('prepared_in_meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    forMeetingId: uuid('for_meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    title: text2('title').notNull(),
    text: text2('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('decision_proposals_prepared').on(t.preparedInMeetingId), index('decision_proposals_for').on(t.forMeetingId)],
);

export const DECISION_OUTCOMES = ['adopted', 'rejected', 'postponed'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const decisions = pgTable(
  'decisions',
  {
    id: id(),
    programmeId: programmeRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    proposalId: uuid('proposal_id').references(() => decisionProposals.id, { onDelete: 'set null' }),
    text: text2('text').notNull(),
    outcome: text('outcome').$type<DecisionOutcome>().notNull(),
    public: boolean('public').notNull().default(false),
    /** Who recorded it (the secretary); a decision takes effect only once someone else confirms it. */
    recordedByUserId: uuid('recorded_by_user_id'),
    recordedByName: text('recorded_by_name'),
    /** The chair or another member of the body who attended the meeting; null: awaiting confirmation. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedByUserId: uuid('confirmed_by_user_id'),
    confirmedByName: text('confirmed_by_name'),
    /** Withdrawn decisions stay in the record (audited) but back nothing. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** Counts edits: a save names the version it started from (src/db/versioned.ts). */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('decisions_meeting').on(t.meetingId), index('decisions_programme_public').on(t.programmeId, t.public)],
);

/**
 * A correction to minutes that were approved (frozen): appended below them, never changing them,
 * with who wrote it and when (and an audit row).
 */
export const minutesNotes = pgTable(
  'meeting_minutes_notes',
  {
    id: id(),
    programmeId: programmeRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    text: text2('text').notNull(),
    authorUserId: uuid('author_user_id'),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('meeting_minutes_notes_meeting').on(t.meetingId)],
);

export const PRESENCES = ['present', 'apologies'] as const;
export type Presence = (typeof PRESENCES)[number];

/** Who of the body's members attended a meeting, and who sent apologies. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    id: id(),
    programmeId: programmeRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => bodyMemberships.id, { onDelete: 'cascade' }),
    presence: text('presence').$type<Presence>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('meeting_attendance_member').on(t.meetingId, t.membershipId)],
);

export const MEETING_ACTION_STATES = ['open', 'done'] as const;
export type MeetingActionState = (typeof MEETING_ACTION_STATES)[number];

/** The body's action list: raised in one meeting, shown at every later one until done. */
export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: id(),
    programmeId: programmeRef(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'cascade' }),
    raisedInMeetingId: uuid('raised_in_meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    description: text2('description').notNull(),
    owner: text('owner').notNull(),
    dueOn: date('due_on'),
    state: text('state').$type<MeetingActionState>().notNull().default('open'),
    doneInMeetingId: uuid('done_in_meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('meeting_actions_body').on(t.bodyId, t.state)],
);

/**
 * A member's private calendar feed: a secret address (stored as a hash) that a calendar program
 * subscribes to without signing in, listing the meetings of the bodies the member sees, with their
 * agendas. Revoked by the member at any time; a new one replaces the old.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: id(),
    programmeId: programmeRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('calendar_feeds_token').on(t.tokenHash), index('calendar_feeds_user').on(t.userId)],
);
