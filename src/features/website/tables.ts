// The programme website's own content: news items, events and free content pages. Every text is
// bilingual; each language keeps its own "last edited" time so the translation overview can tell
// a missing or outdated translation apart from an up-to-date one.
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../domain/localized.ts';
import type { StaleTranslations } from '../../domain/translation.ts';
import { programmes } from '../../db/schema.ts';

export const PUBLICATION_STATES = ['draft', 'scheduled', 'published'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** Per language: when that language's text was last changed (ISO string), for the translation overview. */
export type LanguageTimes = Partial<Record<'nl' | 'en', string>>;

const text2 = (name: string) => jsonb(name).$type<LocalizedText>();

function contentColumns() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    title: text2('title').notNull(),
    summary: text2('summary').notNull().default({}),
    /** Markdown as the editor typed it; rendered and sanitised on the server when shown. */
    body: text2('body').notNull().default({}),
    languageUpdatedAt: jsonb('language_updated_at').$type<LanguageTimes>().notNull().default({}),
    /** Per text, the language left behind when an edit changed only the other (src/domain/translation.ts). */
    staleTranslations: jsonb('stale_translations').$type<StaleTranslations>().notNull().default({}),
    status: text('status').$type<PublicationState>().notNull().default('draft'),
    /** For 'scheduled': the moment it becomes public; for 'published': when it did. */
    publishAt: timestamp('publish_at', { withTimezone: true }),
    imageUrl: text('image_url'),
    /** Required whenever there is an image. */
    imageAlt: text2('image_alt').notNull().default({}),
    /** Default data not taken from the agreement's text: shown labelled "voorbeeld / example" until the coordinator edits it. */
    example: boolean('example').notNull().default(false),
    /** Counts edits: a save names the version it started from (src/db/versioned.ts). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  };
}

export const newsItems = pgTable(
  'news_items',
  {
    ...contentColumns(),
    /** A result the programme shares with the network of knowledge cities (its network profile). */
    sharedWithNetwork: boolean('shared_with_network').notNull().default(false),
  },
  (t) => [
    uniqueIndex('news_items_programme_slug').on(t.programmeId, t.slug),
    index('news_items_programme_publish').on(t.programmeId, t.publishAt),
  ],
);

export const events = pgTable(
  'events',
  {
    ...contentColumns(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    location: text2('location').notNull().default({}),
  },
  (t) => [uniqueIndex('events_programme_slug').on(t.programmeId, t.slug), index('events_programme_starts').on(t.programmeId, t.startsAt)],
);

export const pages = pgTable('pages', contentColumns(), (t) => [uniqueIndex('pages_programme_slug').on(t.programmeId, t.slug)]);

/**
 * The programme's privacy statement (AVG/GDPR article 13), one per programme. The controller, the
 * privacy contact and the retention periods are the coordinator's to fill in: until then the page
 * shows a visible placeholder. `processing` says what is stored about people and why; empty means
 * the text Kennisstad ships (a description of what this application stores), shown and prefilled.
 */
export const privacyStatements = pgTable('privacy_statements', {
  id: uuid('id').primaryKey().defaultRandom(),
  programmeId: uuid('programme_id')
    .notNull()
    .unique()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  controller: text2('controller').notNull().default({}),
  contact: text2('contact').notNull().default({}),
  retention: text2('retention').notNull().default({}),
  processing: text2('processing').notNull().default({}),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
