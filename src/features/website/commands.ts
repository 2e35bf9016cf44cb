// Every write of the website: checks the permission itself, changes the row, writes the audit
// row in one transaction; a database trigger tells every page cache on commit.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import { HttpError } from '../../web/http.ts';
import { changedLanguages, translationState, type ContentInput, type ContentKind } from './rules.ts';
import { TABLES } from './queries.ts';
import type { LanguageTimes } from './tables.ts';

const OBJECT_TYPES: Record<ContentKind, string> = { news: 'news_item', events: 'event', pages: 'page' };

export class SlugTaken extends HttpError {
  constructor() {
    super(400, 'website.error.slugTaken', undefined, [{ field: 'slug', messageKey: 'website.error.slugTaken' }]);
  }
}

export async function saveContent(input: {
  actor: Actor | null;
  db: Db;
  programmeId: string;
  kind: ContentKind;
  id?: string;
  content: ContentInput;
  now?: Date;
}): Promise<{ id: string; slug: string }> {
  const { actor, db, programmeId, kind, content } = input;
  authorize(actor, { do: 'programme.manage' });
  const now = input.now ?? new Date();
  const table = TABLES[kind] as unknown as typeof TABLES.news;
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.programmeId, programmeId), eq(table.slug, content.slug)));
    if (clash && clash.id !== input.id) throw new SlugTaken();

    const before = input.id ? ((await tx.select().from(table).where(and(eq(table.programmeId, programmeId), eq(table.id, input.id))))[0] ?? null) : null;
    if (input.id && !before) throw new HttpError(404, 'error.notFound');

    const languageUpdatedAt: LanguageTimes = { ...(before?.languageUpdatedAt ?? {}) };
    const changed = changedLanguages(before, content);
    for (const locale of changed) {
      if (!content.title[locale] && !content.body[locale] && !content.summary[locale]) continue;
      const other = locale === 'nl' ? 'en' : 'nl';
      // Bringing a missing or outdated translation up to date catches up with the other language;
      // any other edit moves this language ahead, and the other one becomes outdated.
      const catchingUp = before && !changed.includes(other) && translationState(before, locale) !== 'current' && languageUpdatedAt[other];
      languageUpdatedAt[locale] = catchingUp ? languageUpdatedAt[other]! : now.toISOString();
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
      updatedAt: now,
      ...(kind === 'events' ? { startsAt: content.startsAt!, endsAt: content.endsAt ?? null, location: content.location ?? {} } : {}),
    };
    let id: string;
    if (before) {
      await tx.update(table).set(values).where(eq(table.id, before.id));
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
      after: { slug: content.slug, status: content.status, title: content.title, publishAt },
    });
    return { id, slug: content.slug };
  });
}

export async function deleteContent(input: { actor: Actor | null; db: Db; programmeId: string; kind: ContentKind; id: string }): Promise<void> {
  authorize(input.actor, { do: 'programme.manage' });
  const table = TABLES[input.kind] as unknown as typeof TABLES.news;
  await input.db.transaction(async (tx) => {
    const [gone] = await tx.delete(table).where(and(eq(table.programmeId, input.programmeId), eq(table.id, input.id))).returning({ slug: table.slug, title: table.title });
    if (!gone) throw new HttpError(404, 'error.notFound');
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: `${OBJECT_TYPES[input.kind]}.delete`, objectType: OBJECT_TYPES[input.kind], objectId: input.id, before: gone });
  });
}

