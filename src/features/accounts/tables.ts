// Accounts' own tables: invitations, password reset tokens, second-factor credentials and
// recovery codes, pending two-step logins and the register of erased people (their pseudonyms).
// Every secret that travels in a link or cookie is stored only as its SHA-256; secrets the server
// must read back (authenticator secrets, SSO client secrets) are encrypted (secret-box.ts).
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, people, programmes, projects, users, type Role } from '../../db/schema.ts';

/** The coordinator invites a person by e-mail into a role; the link works once and expires. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    /** The person record (a body member, a project's contact) that the accepted account is linked to. */
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    invitedByUserId: uuid('invited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedUserId: uuid('accepted_user_id').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('invitations_token').on(t.tokenHash), index('invitations_programme').on(t.programmeId, t.createdAt)],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('password_resets_token').on(t.tokenHash), index('password_resets_user').on(t.userId)],
);

/** One authenticator app per user. `lastStep` refuses a code that was already used (replay). */
export const totpCredentials = pgTable('totp_credentials', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  lastStep: integer('last_step').notNull().default(0),
  enabledAt: timestamp('enabled_at', { withTimezone: true }).notNull().defaultNow(),
});

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user').on(t.userId)],
);

/**
 * A login that passed the password and waits for its second step: 'verify' (enter a code) or
 * 'enrol' (a privileged user sets up an authenticator first). The cookie holds the token.
 */
export const loginChallenges = pgTable(
  'login_challenges',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<'verify' | 'enrol'>().notNull(),
    /** For 'enrol': the secret shown to the user, saved only once a code proves the app has it. */
    pendingSecret: text('pending_secret'),
    next: text('next'),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_challenges_user').on(t.userId)],
);

/** Erased people: the pseudonym that stands for them in the audit trail. Holds no personal data. */
export const accountErasures = pgTable('account_erasures', {
  userId: uuid('user_id').primaryKey(),
  pseudonym: text('pseudonym').notNull().unique(),
  erasedByUserId: uuid('erased_by_user_id'),
  erasedAt: timestamp('erased_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Single sign-on with OpenID Connect, one identity provider per programme, set by an admin. */
export const ssoProviders = pgTable('sso_providers', {
  programmeId: uuid('programme_id')
    .primaryKey()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  /** Shown on the login page: "Sign in with <name>". */
  name: text('name').notNull(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  /** Encrypted (AES-256-GCM, see secret-box.ts). */
  clientSecret: text('client_secret').notNull(),
  /** Lower-case e-mail domains whose people may sign in this way. */
  allowedDomains: jsonb('allowed_domains').$type<string[]>().notNull(),
  /** E-mail domain → organisation id: a partner invited without an organisation gets the one of their domain. */
  domainOrganisations: jsonb('domain_organisations').$type<Record<string, string>>().notNull(),
  enabled: boolean('enabled').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A person's account at an identity provider (issuer + subject), linked to one user. */
export const ssoIdentities = pgTable(
  'sso_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sso_identities_subject').on(t.issuer, t.subject), index('sso_identities_user').on(t.userId)],
);

/**
 * A sign-on on its way to the provider and back: state, nonce and PKCE verifier stay on the
 * server; the browser holds only a random token (HttpOnly cookie) whose hash is the id.
 */
export const ssoLogins = pgTable('sso_logins', {
  id: text('id').primaryKey(),
  programmeId: uuid('programme_id')
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  redirectUri: text('redirect_uri').notNull(),
  /** Set when the sign-on accepts an invitation (its token hash). */
  invitationTokenHash: text('invitation_token_hash'),
  next: text('next'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
