// Every write of the website: each command takes a read form (./schema.ts), checks the permission
// itself (./policy.ts), applies the website's rules, and changes the row and writes the audit row
// in one transaction; a refusal writes nothing. A database trigger tells every page cache on commit.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { programmes } from '../../db/schema.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { saveVersioned, type Conflict, type Saved } from '../../db/versioned.ts';
import { done, refused, refusedField, type Outcome } from '../../domain/outcome.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { emptiedLanguages, staleAfterEdit } from '../../domain/translation.ts';
import type { Actor } from '../../domain/policy.ts';
import { authorize } from '../../policies.ts';
import { forgetThemes } from '../../web/assets.ts';
import { notFound } from '../../web/http.ts';
import { forgetProgrammes } from '../../web/request-context.ts';
import { changedLanguages, contentFrom, TRANSLATED_CONTENT_FIELDS, type ContentKind } from './rules.ts';
import { notifyChange } from './cache.ts';
import { TABLES } from './queries.ts';
import type { ContentForm, EventForm, PrivacyForm, ThemeForm } from './schema.ts';
import { privacyStatements, type LanguageTimes } from './tables.ts';
import { COLOUR_TOKENS, themeFrom } from './theme.ts';

/** How the audit log names each kind (and how a stale save finds who saved last). */
export const CONTENT_OBJECT_TYPES: Record<ContentKind, string> = { news: 'news_item', events: 'event', pages: 'page' };
const OBJECT_TYPES = CONTENT_OBJECT_TYPES;

interface Base {
  actor: Actor | null;
  db: Db;
  programmeId: string;
}

/** The text as saved now, when an edit started from an older version (nothing written). */
export type ContentConflict = Conflict<typeof TABLES.news.$inferSelect>;

/** The tracked bilingual texts of a stored or typed item (an event's location among them). */
const textsOf = (item: object | null): Record<string, LocalizedText | undefined> =>
  Object.fromEntries(TRANSLATED_CONTENT_FIELDS.map((field) => [field, (item as Partial<Record<string, LocalizedText>> | null)?.[field]]));

/**
 * Creates (no id) or updates a news item, event or page; 404 for an id that is not this
 * programme's. An update names the version its form was opened at (src/db/versioned.ts's rule): a
 * stale or missing version is a conflict and writes nothing.
 */
export async function saveContent(input: Base & { kind: ContentKind; id?: string; content: ContentForm | EventForm; now?: Date }): Promise<Outcome<{ id: string; slug: string }> | ContentConflict> {
  const { actor, db, programmeId, kind } = input;
  authorize(actor, 'website.edit');
  const checked = contentFrom(kind, input.content);
  if (!checked.ok) return checked;
  const content = checked.value;
  const now = input.now ?? new Date();
  const table = TABLES[kind] as unknown as typeof TABLES.news;
  return writeTransaction(db, async (tx): Promise<Outcome<{ id: string; slug: string }> | ContentConflict> => {
    const [clash] = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.programmeId, programmeId), eq(table.slug, content.slug)));
    if (clash && clash.id !== input.id) return refusedField('slug', 'website.error.slugTaken');

    const before = input.id ? ((await tx.select().from(table).where(and(eq(table.programmeId, programmeId), eq(table.id, input.id))).for('update'))[0] ?? null) : null;
    if (input.id && !before) throw notFound();
    if (before && before.version !== input.content.version) return { ok: false, conflict: true, current: before };

    // Title and body are what the page shows: one that had a language may not lose it, or the page
    // would silently show the other language in its place.
    if (before) {
      const emptied = (['title', 'body'] as const).flatMap((field) => emptiedLanguages(before[field], content[field]).map((locale) => [`${field}_${locale}`, { key: `website.error.${field}Emptied` }] as const));
      if (emptied.length > 0) return refused(Object.fromEntries(emptied));
    }

    // Each language keeps when its text last changed (the feeds' dates).
    const languageUpdatedAt: LanguageTimes = { ...(before?.languageUpdatedAt ?? {}) };
    for (const locale of changedLanguages(before, content)) {
      if (content.title[locale] || content.body[locale] || content.summary[locale]) languageUpdatedAt[locale] = now.toISOString();
    }
    // Publishing without a date publishes now; a draft keeps no date.
    const publishAt = content.status === 'draft' ? null : content.status === 'published' ? (content.publishAt ?? before?.publishAt ?? now) : content.publishAt;
    const values = {
      slug: content.slug,
      title: content.title,
      summary: content.summary,
      body: content.body,
      status: content.status,
      publishAt,
      imageUrl: content.imageUrl,
      imageAlt: content.imageUrl ? content.imageAlt : {},
      languageUpdatedAt,
      // A text changed in one language only leaves the other "translation out of date" until it is updated too.
      staleTranslations: staleAfterEdit(TRANSLATED_CONTENT_FIELDS, textsOf(before), textsOf({ ...content, imageAlt: content.imageUrl ? content.imageAlt : {} }), before?.staleTranslations ?? {}),
      // Once the coordinator saves an example item, it is theirs: the "example" label goes.
      example: false,
      updatedAt: now,
      ...(kind === 'news' ? { sharedWithNetwork: content.sharedWithNetwork === true } : {}),
      ...(kind === 'events' ? { startsAt: content.startsAt!, endsAt: content.endsAt ?? null, location: content.location ?? {} } : {}),
    };
    let id: string;
    if (before) {
      await tx
        .update(table)
        .set({ ...values, version: before.version + 1 })
        .where(and(eq(table.id, before.id), eq(table.version, before.version)));
      id = before.id;
    } else {
      const [row] = await tx.insert(table).values({ ...values, programmeId } as typeof table.$inferInsert).returning({ id: table.id });
      id = row!.id;
    }
    await recordAudit(tx, {
      actor,
      programmeId,
      action: before ? `${OBJECT_TYPES[kind]}.update` : `${OBJECT_TYPES[kind]}.create`,
      objectType: OBJECT_TYPES[kind],
      objectId: id,
      before: before ? { slug: before.slug, status: before.status, title: before.title } : null,
      after: { slug: content.slug, status: content.status, title: content.title, publishAt, ...(kind === 'news' ? { sharedWithNetwork: content.sharedWithNetwork === true } : {}) },
    });
    return done({ id, slug: content.slug });
  });
}

/** Removes a news item, event or page; 404 for an id that is not this programme's. */
export async function deleteContent(input: Base & { kind: ContentKind; id: string }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'website.delete');
  const table = TABLES[input.kind] as unknown as typeof TABLES.news;
  return writeTransaction(input.db, async (tx) => {
    const [gone] = await tx.delete(table).where(and(eq(table.programmeId, input.programmeId), eq(table.id, input.id))).returning({ slug: table.slug, title: table.title });
    if (!gone) throw notFound();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: `${OBJECT_TYPES[input.kind]}.delete`, objectType: OBJECT_TYPES[input.kind], objectId: input.id, before: gone });
    return done({ id: input.id });
  });
}

/**
 * Sets the programme's name and colours. The only writer of a programme's theme: an unreadable
 * theme is refused here, whoever calls, and the change and its audit row commit together.
 */
export async function saveTheme(input: Base & { theme: ThemeForm }): Promise<Outcome<{ programmeId: string }>> {
  authorize(input.actor, 'theme.edit');
  const checked = themeFrom(input.theme);
  if (!checked.ok) return checked;
  const theme = checked.value;
  const saved = await writeTransaction(input.db, async (tx) => {
    const [before] = await tx.select({ name: programmes.name, contactEmail: programmes.contactEmail, tokens: programmes.themeTokens }).from(programmes).where(eq(programmes.id, input.programmeId)).for('update');
    if (!before) throw notFound();
    const tokens = { ...before.tokens };
    for (const colour of COLOUR_TOKENS) tokens[`--ks-color-${colour}`] = theme.colours[colour].toLowerCase();
    await tx.update(programmes).set({ name: theme.name, contactEmail: theme.contactEmail, themeTokens: tokens }).where(eq(programmes.id, input.programmeId));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'programme.theme', objectType: 'programme', objectId: input.programmeId, before, after: { name: theme.name, contactEmail: theme.contactEmail, tokens } });
    return done({ programmeId: input.programmeId });
  });
  // Committed: the cached programme names and theme style sheets are stale now.
  forgetProgrammes(input.db);
  forgetThemes(input.db);
  return saved;
}

type PrivacyRow = typeof privacyStatements.$inferSelect;

/**
 * Saves the privacy statement from the version the form was opened at; a stale version is a
 * conflict and writes nothing. The programme's row is made on the first save (version 1, empty:
 * what the page shows when nothing was saved), so the first save checks its version like any other.
 */
export async function savePrivacyStatement(input: Base & { form: PrivacyForm }): Promise<Saved<PrivacyRow> | Conflict<PrivacyRow>> {
  authorize(input.actor, 'privacy.edit');
  await input.db.insert(privacyStatements).values({ programmeId: input.programmeId }).onConflictDoNothing();
  const { version, ...values } = input.form;
  return saveVersioned(input.db, {
    table: privacyStatements,
    row: eq(privacyStatements.programmeId, input.programmeId),
    what: 'privacy statement',
    expectedVersion: version,
    values,
    audit: { actor: input.actor, action: 'privacy_statement.update', objectType: 'privacy_statement' },
    // The public page is cached: every instance drops its pages when this commits.
    alsoWrite: (tx) => notifyChange(tx, 'privacy_statements'),
  });
}
