// The foundation tables. Every programme-owned row carries programme_id, so one installation
// can host several cities' programmes and a query can always be scoped to one of them.
// Feature folders add their own tables in their own `tables.ts` and are re-exported from
// src/db/tables.ts, which drizzle-kit reads.

import type { CriterionCheck } from '../domain/criterion-checks.ts';
import type { StaleTranslations } from '../domain/translation.ts';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { LocalizedText } from '../domain/localized.ts';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const text2 = (name: string) => jsonb(name).$type<LocalizedText>();
const programmeRef = () =>
  uuid('programme_id')
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' });

/** Whose confirmed decision an award from the fund rests on (src/features/fund). */
export const FUND_AWARD_DECISIONS = ['executive', 'either'] as const;
export type FundAwardDecision = (typeof FUND_AWARD_DECISIONS)[number];

export const programmes = pgTable('programmes', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text2('name').notNull(),
  city: text('city').notNull(),
  periodStart: date('period_start').notNull(),
  periodEnd: date('period_end').notNull(),
  mission: text2('mission').notNull().default({}),
  /** Design tokens (CSS custom properties) that give the programme its own look. */
  themeTokens: jsonb('theme_tokens').$type<Record<string, string>>().notNull().default({}),
  hoursPerFte: integer('hours_per_fte').notNull().default(1600),
  contactEmail: text('contact_email'),
  /** The licence of the open-data export (src/features/open-data/licences.ts); CC0 is the Dutch open-data default. */
  openDataLicence: text('open_data_licence').notNull().default('cc0'),
  /**
   * A programme setting the agreement does not fix ("niet in de overeenkomst"): the minutes of a
   * meeting are approved at the next meeting of its body and then frozen (corrections only as a
   * new note). On by default.
   */
  minutesApprovedAtNextMeeting: boolean('minutes_approved_at_next_meeting').notNull().default(true),
  /**
   * A programme setting the agreement leaves open ("wordt nog nader bepaald"): which confirmed
   * decision an award from the fund rests on, the executive level's (default) or either level's.
   */
  fundAwardDecision: text('fund_award_decision').$type<FundAwardDecision>().notNull().default('executive'),
  /** The programme this one succeeds (src/features/programmes/successor-commands.ts); null for a first programme. */
  predecessorId: uuid('predecessor_id').references((): AnyPgColumn => programmes.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
},
  // One successor per programme: the link reads the same both ways, and two simultaneous starts cannot both succeed.
  (t) => [uniqueIndex('programmes_predecessor').on(t.predecessorId)],
);

export const ORGANISATION_KINDS = [
  'municipality',
  'university',
  'medical_centre',
  'applied_sciences',
  'faculty',
  'school',
  'company',
  'government',
  'housing',
  'cultural',
  'association',
  'healthcare',
  'network',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    programmeId: programmeRef(),
    slug: text('slug').notNull(),
    name: text2('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    /**
     * "Deel van / part of": a faculty or institute belongs to its university; null for independent
     * organisations. A unit counts as the party its parent chain reaches (src/domain/parties.ts);
     * the edit command refuses a parent that would close a cycle.
     */
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id, { onDelete: 'set null' }),
    website: text('website'),
    description: text2('description').notNull().default({}),
    /** Optimistic concurrency for the coordinator's edit form (src/db/versioned.ts). */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('organisations_programme_slug').on(t.programmeId, t.slug), index('organisations_parent').on(t.parentId)],
);

export const people = pgTable(
  'people',
  {
    id: id(),
    programmeId: programmeRef(),
    name: text('name').notNull(),
    email: text('email'),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    position: text2('position').notNull().default({}),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('people_programme').on(t.programmeId)],
);

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash'),
  locale: text('locale').$type<'nl' | 'en'>().notNull().default('nl'),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const ROLES = ['admin', 'coordinator', 'executive', 'support', 'lead', 'partner'] as const;
export type Role = (typeof ROLES)[number];

/** A user's role in one programme; `lead` names a project, `partner` an organisation. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: id(),
    programmeId: programmeRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('role_assignments_user').on(t.userId, t.programmeId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value: a leaked table does not leak usable session ids. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Failed logins, counted per key (account and address) inside a window to throttle guessing. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_at').on(t.key, t.at)],
);

export const agreements = pgTable('agreements', {
  id: id(),
  programmeId: programmeRef(),
  title: text2('title').notNull(),
  signedOn: date('signed_on').notNull(),
  signedPlace: text('signed_place').notNull(),
  termYears: integer('term_years').notNull().default(5),
  renewalYears: integer('renewal_years').notNull().default(5),
  /** How many renewals have been adopted; the end date is derived, never stored. */
  renewals: integer('renewals').notNull().default(0),
  createdAt: createdAt(),
});

export const agreementParties = pgTable(
  'agreement_parties',
  {
    id: id(),
    programmeId: programmeRef(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The body that signs, e.g. "Het college van bestuur van de Universiteit Leiden". */
    signingBody: text2('signing_body').notNull(),
    /** How the party is referred to in the text, e.g. "de universiteit". */
    referredToAs: text2('referred_to_as').notNull().default({}),
    signatoryName: text('signatory_name').notNull(),
    signatoryTitle: text2('signatory_title').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('agreement_parties_org').on(t.agreementId, t.organisationId)],
);

/** The consolidated text, section by section; versioning of the whole lives with amendments. */
export const agreementSections = pgTable(
  'agreement_sections',
  {
    id: id(),
    programmeId: programmeRef(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    heading: text2('heading').notNull(),
    body: text2('body').notNull(),
  },
  (t) => [uniqueIndex('agreement_sections_key').on(t.agreementId, t.key)],
);

export const BODY_KINDS = ['executive', 'support', 'coordinator'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const bodies = pgTable(
  'bodies',
  {
    id: id(),
    programmeId: programmeRef(),
    kind: text('kind').$type<BodyKind>().notNull(),
    name: text2('name').notNull(),
    tasks: text2('tasks').notNull(),
    /**
     * How the agreement says the body is appointed, quoted. More than one entry where the text
     * contradicts itself (the coordinator is "door de gemeente aangesteld" and "door de stuurgroep
     * aan te wijzen"): every reading is shown, none is picked.
     */
    appointment: jsonb('appointment').$type<LocalizedText[]>().notNull().default([]),
    minMeetingsPerYear: integer('min_meetings_per_year'),
    maxMeetingsPerYear: integer('max_meetings_per_year'),
  },
  (t) => [uniqueIndex('bodies_programme_kind').on(t.programmeId, t.kind)],
);

export const criteria = pgTable(
  'criteria',
  {
    id: id(),
    programmeId: programmeRef(),
    letter: text('letter').notNull(),
    text: text2('text').notNull(),
    /** 'data' is checked from the proposal's data; 'judgement' is decided and recorded by people. */
    assessment: text('assessment').$type<'data' | 'judgement'>().notNull(),
    /** What the criterion checks (src/domain/criterion-checks.ts); null for criteria loaded before checks existed (Leiden's a-f are evaluated by src/domain/criteria.ts). */
    check: jsonb('check').$type<CriterionCheck>(),
  },
  (t) => [uniqueIndex('criteria_programme_letter').on(t.programmeId, t.letter)],
);

export const themes = pgTable(
  'themes',
  {
    id: id(),
    programmeId: programmeRef(),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    title: text2('title').notNull(),
    goal: text2('goal').notNull().default({}),
    description: text2('description').notNull().default({}),
  },
  (t) => [uniqueIndex('themes_programme_code').on(t.programmeId, t.code)],
);

export const LIFECYCLES = ['proposed', 'admitted', 'running', 'completed', 'safeguarded', 'rejected', 'stopped'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const projects = pgTable(
  'projects',
  {
    id: id(),
    programmeId: programmeRef(),
    /** Null for the programme's own organisation item (5 in the agreement), which has no theme. */
    themeId: uuid('theme_id').references(() => themes.id, { onDelete: 'set null' }),
    code: text('code').notNull(),
    position: integer('position').notNull().default(0),
    title: text2('title').notNull(),
    goal: text2('goal').notNull().default({}),
    description: text2('description').notNull().default({}),
    /** The agreement's own wording, e.g. "bestaand, in uitvoering". */
    status: text2('status').notNull().default({}),
    lifecycle: text('lifecycle').$type<Lifecycle>().notNull().default('proposed'),
    leadOrganisationId: uuid('lead_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** The lead as the text words it, e.g. "gemeente dient de vraag verder te articuleren". */
    leadNote: text2('lead_note').notNull().default({}),
    contactPersonId: uuid('contact_person_id').references(() => people.id, { onDelete: 'set null' }),
    /** Criterion e: how success will be safeguarded, clear at the start. */
    safeguarding: text2('safeguarding').notNull().default({}),
    /** Criterion f, per project: what the partners together agreed on staffing/capacity; empty while not stated. */
    staffingArrangements: text2('staffing_arrangements').notNull().default({}),
    /** Criterion f, per project: what the partners together agreed on financing; empty while not stated. */
    financingArrangements: text2('financing_arrangements').notNull().default({}),
    /** Per text field, the language left behind by an edit of the other one (src/domain/translation.ts). */
    staleTranslations: jsonb('stale_translations').$type<StaleTranslations>().notNull().default({}),
    published: boolean('published').notNull().default(true),
    /** The project in the predecessor programme this one carries on (a successor programme's carried project). */
    predecessorProjectId: uuid('predecessor_project_id').references((): AnyPgColumn => projects.id, { onDelete: 'set null' }),
    /** Optimistic concurrency: every save names the version it started from. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('projects_programme_code').on(t.programmeId, t.code),
    // "2D" beside "2d" would be two addresses for what reads as one code; the application checks
    // first (with a clear message), this refuses what two simultaneous saves would slip past it.
    uniqueIndex('projects_programme_code_ignoring_case').on(t.programmeId, sql`lower(${t.code})`),
    index('projects_theme').on(t.themeId),
  ],
);

export const PARTNER_ROLES = ['lead', 'partner', 'intended_partner'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export const projectPartners = pgTable(
  'project_partners',
  {
    id: id(),
    programmeId: programmeRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role').$type<PartnerRole>().notNull(),
    position: integer('position').notNull().default(0),
    note: text2('note').notNull().default({}),
    declaredInterest: boolean('declared_interest').notNull().default(false),
    capacityHours: integer('capacity_hours'),
    moneyCents: integer('money_cents'),
    /** Criterion f: this partner's staffing/capacity and financing are agreed. */
    commitmentAgreed: boolean('commitment_agreed').notNull().default(false),
    /** Optimistic concurrency for commitment saves, as on projects. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('project_partners_project_org').on(t.projectId, t.organisationId),
    index('project_partners_org').on(t.organisationId),
  ],
);

export const ACTION_STATES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

export const actions = pgTable(
  'actions',
  {
    id: id(),
    programmeId: programmeRef(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    description: text2('description').notNull(),
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    ownerPersonId: uuid('owner_person_id').references(() => people.id, { onDelete: 'set null' }),
    /** The last day the action is due: an exact date, or the end of a period such as "najaar 2017". */
    dueOn: date('due_on'),
    /** The period as the text has it, e.g. {nl: "najaar 2017", en: "autumn 2017"}. */
    dueLabel: text2('due_label').notNull().default({}),
    state: text('state').$type<ActionState>().notNull().default('open'),
    completedOn: date('completed_on'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('actions_project').on(t.projectId), index('actions_programme_due').on(t.programmeId, t.dueOn)],
);

export const targets = pgTable(
  'targets',
  {
    id: id(),
    programmeId: programmeRef(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    key: text('key').notNull(),
    title: text2('title').notNull(),
    /** Null for a deliverable without a number, such as a study to be delivered. */
    targetValue: integer('target_value'),
    unit: text2('unit').notNull().default({}),
    baselineValue: integer('baseline_value'),
    deadlineOn: date('deadline_on'),
    deadlineLabel: text2('deadline_label').notNull().default({}),
    source: text2('source').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('targets_programme_key').on(t.programmeId, t.key)],
);

/** Append-only: the database refuses UPDATE and DELETE on this table (see the migration). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    programmeId: uuid('programme_id'),
    actorUserId: uuid('actor_user_id'),
    /** Kept when the actor is erased: a pseudonym instead of the name. */
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    result: text('result').notNull().default('ok'),
    origin: text('origin'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_events_object').on(t.objectType, t.objectId), index('audit_events_programme_at').on(t.programmeId, t.at)],
);

/** Which default data sets were loaded, so seeding is idempotent and never overwrites edits. */
export const seedRuns = pgTable('seed_runs', {
  name: text('name').primaryKey(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});

