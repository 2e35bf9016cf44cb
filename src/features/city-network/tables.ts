// What a programme follows in the network of knowledge cities: another programme of this
// installation (read live) or another installation's open-data export (polled; the last good
// copy kept with when the source was last reached and what went wrong last).
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { NetworkProfile } from '../../domain/network-profile.ts';
import { programmes, users } from '../../db/schema.ts';

export const networkSources = pgTable(
  'network_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The programme that follows. */
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    /** A programme of this installation; null for another installation's export. */
    followedProgrammeId: uuid('followed_programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    /** The URL of another installation's open-data JSON; null for a programme of this installation. */
    url: text('url'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The last time the source was asked. */
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    /** The last time it answered with a readable profile. */
    lastReachedAt: timestamp('last_reached_at', { withTimezone: true }),
    /** What went wrong at the last attempt (a message key and detail); null when it succeeded. */
    lastError: text('last_error'),
    /** The profile as last read successfully: shown while the source is unreachable. */
    lastGood: jsonb('last_good').$type<NetworkProfile>(),
  },
  (t) => [
    uniqueIndex('network_sources_programme_url').on(t.programmeId, t.url),
    uniqueIndex('network_sources_programme_followed').on(t.programmeId, t.followedProgrammeId),
    index('network_sources_url').on(t.url),
    check('network_sources_one_kind', sql`(${t.followedProgrammeId} is null) <> (${t.url} is null)`),
  ],
);
