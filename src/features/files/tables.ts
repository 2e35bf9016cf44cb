// Uploaded files. The metadata and the bytes live in the database, in two tables: one store for
// PGlite and PostgreSQL, written in the same transaction as the metadata and the audit row (no
// orphan on disk after a crash), shared by every app instance, and part of `cli backup`. The
// bytes sit in their own table so lists of files never read them.
import { boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../domain/localized.ts';
import { programmes, users } from '../../db/schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite answers a Uint8Array, node-postgres a Buffer: one type for the app.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    /** Which feature's record holds the file, e.g. 'project', 'meeting-item', 'programme-logo'. */
    ownerKind: text('owner_kind').notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** Sanitised display name (basename only); never used as a path. */
    name: text('name').notNull(),
    /** Detected from the bytes, not taken from the browser. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Shown to visitors without an account (only where the owner allows public files). */
    isPublic: boolean('is_public').notNull().default(false),
    /** Text alternative for images (required for the logo). */
    alt: jsonb('alt').$type<LocalizedText>().notNull().default({}),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('files_owner').on(t.programmeId, t.ownerKind, t.ownerId)],
);

export const fileContents = pgTable('file_contents', {
  fileId: uuid('file_id')
    .primaryKey()
    .references(() => files.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
});
