// Personal API tokens: a user creates one in the browser for one programme, with read or
// read-write scope. Only the SHA-256 of the token is stored, so a copy of the table is useless.
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { programmes, users } from '../../db/schema.ts';

export const API_TOKEN_SCOPES = ['read', 'read-write'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scope: text('scope').$type<ApiTokenScope>().notNull(),
    /** SHA-256 (hex) of the token; the token itself is shown once, at creation. */
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters, so the owner can tell tokens apart. */
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user').on(t.userId)],
);
